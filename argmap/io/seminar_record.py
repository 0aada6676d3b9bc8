"""The discussion record of a seminar, in Markdown: ``argmap export FILE --to seminar``.

Participants and what each contributed; the positions table; the disagreement agenda (most
divided first); open questions (objections nobody answered, claims nothing supports); and the
main claims with their verdicts, the room's and each participant's. Every string a user wrote
is escaped for Markdown and HTML.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from argmap.analysis.evaluate import evaluate
from argmap.io.atomic import write_atomic
from argmap.io.brief import main_claims
from argmap.io.brief_sources import md
from argmap.model import ArgumentMap, Node, NodeKind, RelationKind, Stance
from argmap.seminar.positions import (
    disagreements,
    participant_evaluation,
    participants_with_positions,
)

__all__ = ["dumps_seminar", "esc", "write_seminar"]

_VERDICT = {"in": "accepted", "out": "rejected", "undecided": "undecided"}
_STANCE_WORD = {Stance.AGREE: "agrees", Stance.DISAGREE: "disagrees", Stance.UNSURE: "unsure"}


def esc(text: str) -> str:
    """User text safe in a Markdown line or table cell: Markdown and HTML both escaped."""
    return md(text.replace("&", "&amp;"))


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def dumps_seminar(argument_map: ArgumentMap) -> str:
    m = argument_map
    nodes = m.node_index()
    lines = [f"# Seminar record: {esc(m.title) or 'untitled map'}", ""]
    if m.description.strip():
        lines += [esc(_short(m.description, 400)), ""]
    lines += _participants(m)
    lines += _positions(m, nodes)
    lines += _agenda(m, nodes)
    lines += _open_questions(m, nodes)
    lines += _main_claims(m)
    return "\n".join(lines).rstrip() + "\n"


def _participants(m: ArgumentMap) -> list[str]:
    lines = ["## Participants", ""]
    if not m.participants:
        return [*lines, "Nobody is named in this map.", ""]
    made = Counter(n.author for n in m.nodes if n.author)
    linked = Counter(r.author for r in m.relations if r.author)
    edited = Counter(e for n in m.nodes for e in n.editors)
    edited.update(e for r in m.relations for e in r.editors)
    held = Counter(p.participant for p in m.positions)
    lines += [
        "| Participant | Role | Statements | Relations | Edits of others' | Positions |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for p in m.participants:
        lines.append(
            f"| {esc(p.name)} | {esc(p.role or '')} | {made[p.id]} | {linked[p.id]} "
            f"| {edited[p.id]} | {held[p.id]} |"
        )
    lines.append("")
    for p in m.participants:
        mine = [n for n in m.nodes if n.author == p.id]
        if mine:
            lines += [f"**{esc(p.name)}** contributed:", ""]
            lines += [f"- {esc(_short(n.text))} ({n.kind.value})" for n in mine]
            lines.append("")
    return lines


def _positions(m: ArgumentMap, nodes: dict[str, Node]) -> list[str]:
    lines = ["## Positions", ""]
    people = participants_with_positions(m)
    if not people:
        return [*lines, "No positions taken yet.", ""]
    by_pair = {(p.participant, p.statement): p for p in m.positions}
    lines += [
        "| Statement | " + " | ".join(esc(p.name) for p in people) + " |",
        "|---|" + "---|" * len(people),
    ]
    statements = list(dict.fromkeys(p.statement for p in m.positions if p.statement in nodes))
    for statement in statements:
        cells = []
        for person in people:
            position = by_pair.get((person.id, statement))
            if position is None:
                cells.append("")
                continue
            reason = f": {esc(position.reason)}" if position.reason else ""
            cells.append(f"{_STANCE_WORD[position.stance]}{reason}")
        lines.append(f"| {esc(_short(nodes[statement].text, 70))} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def _agenda(m: ArgumentMap, nodes: dict[str, Node]) -> list[str]:
    lines = ["## Where we disagree", ""]
    found = disagreements(m)
    if not found:
        return [*lines, "No disagreement recorded (it takes two participants' positions).", ""]
    names = {p.id: p.name for p in m.participants}
    for number, item in enumerate(found, start=1):
        lines.append(
            f"{number}. {esc(_short(nodes[item.statement].text))} (spread {item.spread:.2f})"
        )
        held = ", ".join(
            f"{esc(names.get(who, who))} {_STANCE_WORD[stance]}"
            for who, stance in item.stances.items()
        )
        verdicts = ", ".join(
            f"{esc(names.get(who, who))}: {_VERDICT[label.value]}"
            for who, label in item.labels.items()
        )
        if held:
            lines.append(f"   - Positions: {held}")
        if verdicts:
            lines.append(f"   - Verdicts: {verdicts}")
    lines.append("")
    return lines


def _open_questions(m: ArgumentMap, nodes: dict[str, Node]) -> list[str]:
    lines = ["## Open questions", ""]
    attacked = {r.target for r in m.relations if r.kind is RelationKind.ATTACK}
    supported = {r.target for r in m.relations if r.kind is RelationKind.SUPPORT}
    objections = [
        nodes[p]
        for r in m.relations
        if r.kind is RelationKind.ATTACK
        for p in r.premises
        if p in nodes and p not in attacked
    ]
    unanswered = list({n.id: n for n in objections}.values())
    unsupported = [n for n in m.nodes if n.kind is NodeKind.CLAIM and n.id not in supported]
    if not unanswered and not unsupported:
        return [*lines, "None: every objection is answered and every claim supported.", ""]
    if unanswered:
        lines += ["Objections nobody has answered:", ""]
        lines += [f"- {esc(_short(n.text))}" for n in unanswered]
        lines.append("")
    if unsupported:
        lines += ["Claims nothing supports yet:", ""]
        lines += [f"- {esc(_short(n.text))}" for n in unsupported]
        lines.append("")
    return lines


def _main_claims(m: ArgumentMap) -> list[str]:
    lines = ["## Main claims and verdicts", ""]
    claims = main_claims(m)
    if not claims:
        return [*lines, "The map has no statements.", ""]
    room = evaluate(m, "grounded").labels
    people = participants_with_positions(m)
    theirs = {p.id: participant_evaluation(m, p.id).labels for p in people}
    for claim in claims:
        verdict = _VERDICT[room[claim.id].value] if claim.id in room else "undecided"
        lines.append(f"- {esc(_short(claim.text))}: **{verdict}** on the map as it stands")
        for person in people:
            label = theirs[person.id].get(claim.id)
            if label is not None:
                lines.append(f"  - as {esc(person.name)} sees it: {_VERDICT[label.value]}")
    lines.append("")
    return lines


def write_seminar(argument_map: ArgumentMap, path: str | Path) -> None:
    """Write the record atomically (UTF-8)."""
    write_atomic(Path(path), dumps_seminar(argument_map).encode("utf-8"))
