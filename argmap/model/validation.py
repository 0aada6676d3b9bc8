"""The rules a map must keep, checked with messages that say what and where."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.model.anchor import TextAnchor
from argmap.model.argument_map import ArgumentMap
from argmap.model.errors import MapValidationError, ValidationProblem
from argmap.model.people_rules import debate_problems, people_problems
from argmap.model.relation import Relation
from argmap.model.source import text_sha256


@dataclass(frozen=True)
class AnchorMove:
    """An anchor whose quote had moved in its source and was re-anchored."""

    node_id: str
    old_start: int
    new_start: int
    quote: str

    def __str__(self) -> str:
        return (
            f"node {self.node_id!r}: quote {_short(self.quote)!r} moved from "
            f"{self.old_start} to {self.new_start}"
        )


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def find_problems(argument_map: ArgumentMap) -> list[ValidationProblem]:
    """Every rule the map breaks, in file order; an empty list when it is valid."""
    problems: list[ValidationProblem] = []
    problems += _id_problems(argument_map)
    problems += _source_problems(argument_map)
    problems += _relation_problems(argument_map)
    problems += _anchor_problems(argument_map)
    problems += _layout_problems(argument_map)
    problems += people_problems(argument_map)
    problems += debate_problems(argument_map)
    return problems


def validate(argument_map: ArgumentMap) -> None:
    """Raise :class:`MapValidationError` listing every problem, or return quietly."""
    problems = find_problems(argument_map)
    if problems:
        raise MapValidationError(problems)


def _id_problems(m: ArgumentMap) -> list[ValidationProblem]:
    problems: list[ValidationProblem] = []
    seen: dict[str, tuple[str, int]] = {}
    groups: tuple[tuple[str, list[str]], ...] = (
        ("sources", [s.id for s in m.sources]),
        ("nodes", [n.id for n in m.nodes]),
        ("relations", [r.id for r in m.relations]),
    )
    if len({item_id for _, ids in groups for item_id in ids}) == sum(len(ids) for _, ids in groups):
        return problems
    for section, ids in groups:
        for i, item_id in enumerate(ids):
            first = seen.setdefault(item_id, (section, i))
            if first != (section, i):
                problems.append(
                    ValidationProblem(
                        f"$.{section}[{i}].id",
                        f"duplicate id {item_id!r} (first at $.{first[0]}[{first[1]}].id)",
                        item_id,
                    )
                )
    return problems


def _source_problems(m: ArgumentMap) -> list[ValidationProblem]:
    problems = []
    for i, source in enumerate(m.sources):
        if source.sha256 != text_sha256(source.text):
            problems.append(
                ValidationProblem(
                    f"$.sources[{i}].sha256",
                    f"source {source.id!r}: sha256 does not match its text "
                    "(the text was changed after the map was made)",
                    source.id,
                )
            )
    return problems


def _relation_problems(m: ArgumentMap) -> list[ValidationProblem]:
    problems: list[ValidationProblem] = []
    node_ids = {n.id for n in m.nodes}
    relation_ids = {r.id for r in m.relations}
    for i, rel in enumerate(m.relations):
        # The common case (every reference resolves) is checked without building messages.
        premises, target = rel.premises, rel.target
        if target in node_ids and not rel.questions:
            if len(premises) == 1:
                if premises[0] != target and premises[0] in node_ids:
                    continue
            elif (
                target not in premises
                and node_ids.issuperset(premises)
                and len(set(premises)) == len(premises)
            ):
                continue
        problems += _one_relation_problems(rel, f"$.relations[{i}]", node_ids, relation_ids)
    return problems


def _one_relation_problems(
    rel: Relation, base: str, node_ids: set[str], relation_ids: set[str]
) -> list[ValidationProblem]:
    problems: list[ValidationProblem] = []
    seen_premises: set[str] = set()
    for j, premise in enumerate(rel.premises):
        if premise not in node_ids:
            problems.append(
                ValidationProblem(
                    f"{base}.premises[{j}]",
                    f"relation {rel.id!r}: premise {premise!r} is not a node",
                    rel.id,
                )
            )
        if premise in seen_premises:
            problems.append(
                ValidationProblem(
                    f"{base}.premises[{j}]",
                    f"relation {rel.id!r}: premise {premise!r} is listed twice",
                    rel.id,
                )
            )
        seen_premises.add(premise)
    if rel.target not in node_ids and rel.target not in relation_ids:
        problems.append(
            ValidationProblem(
                f"{base}.target",
                f"relation {rel.id!r}: target {rel.target!r} is neither a node nor a relation",
                rel.id,
            )
        )
    if rel.target in rel.premises:
        problems.append(
            ValidationProblem(
                f"{base}.target",
                f"relation {rel.id!r}: node {rel.target!r} cannot "
                f"{'support' if rel.kind == 'support' else 'attack'} itself",
                rel.id,
            )
        )
    if rel.target == rel.id:
        problems.append(
            ValidationProblem(
                f"{base}.target", f"relation {rel.id!r} cannot undercut itself", rel.id
            )
        )
    if rel.target in relation_ids and rel.kind != "attack":
        problems.append(
            ValidationProblem(
                f"{base}.kind",
                f"relation {rel.id!r} targets relation {rel.target!r}: only an "
                "attack (an undercut) may target a relation",
                rel.id,
            )
        )
    problems += _question_problems(rel, base, node_ids)
    return problems


def _question_problems(rel: Relation, base: str, node_ids: set[str]) -> list[ValidationProblem]:
    problems: list[ValidationProblem] = []
    if rel.questions and rel.scheme is None:
        problems.append(
            ValidationProblem(
                f"{base}.questions",
                f"relation {rel.id!r} has critical questions but no scheme",
                rel.id,
            )
        )
    for j, question in enumerate(rel.questions):
        if question.answered_by is not None and question.answered_by not in node_ids:
            problems.append(
                ValidationProblem(
                    f"{base}.questions[{j}].answered_by",
                    f"relation {rel.id!r}: question {question.question_id!r} "
                    f"is answered by {question.answered_by!r}, not a node",
                    rel.id,
                )
            )
    return problems


def anchor_problem(m: ArgumentMap, anchor: TextAnchor) -> str | None:
    """What is wrong with one anchor, or ``None`` when it matches its source."""
    return _anchor_problem({s.id: s.text for s in m.sources}, anchor)


def _anchor_problem(texts: dict[str, str], anchor: TextAnchor) -> str | None:
    text = texts.get(anchor.source_id)
    if text is None:
        return f"source {anchor.source_id!r} does not exist"
    if anchor.end < anchor.start:
        return f"end {anchor.end} is before start {anchor.start}"
    if anchor.end > len(text):
        return (
            f"span [{anchor.start}, {anchor.end}) lies outside source {anchor.source_id!r} "
            f"({len(text)} characters)"
        )
    actual = text[anchor.start : anchor.end]
    if actual != anchor.quote:
        return (
            f"quote {_short(anchor.quote)!r} does not match the source text at "
            f"[{anchor.start}, {anchor.end}), which reads {_short(actual)!r}"
        )
    return None


def _anchor_problems(m: ArgumentMap) -> list[ValidationProblem]:
    problems = []
    texts = {s.id: s.text for s in m.sources}
    for i, node in enumerate(m.nodes):
        if not node.anchors:
            continue
        for j, anchor in enumerate(node.anchors):
            text = texts.get(anchor.source_id)
            start, end = anchor.start, anchor.end
            if text is not None and start <= end <= len(text) and text[start:end] == anchor.quote:
                continue  # the common case, checked inline: this loop runs once per anchor
            problem = _anchor_problem(texts, anchor)
            if problem:
                problems.append(
                    ValidationProblem(
                        f"$.nodes[{i}].anchors[{j}]", f"node {node.id!r}: anchor {problem}", node.id
                    )
                )
    return problems


def _layout_problems(m: ArgumentMap) -> list[ValidationProblem]:
    node_ids = {n.id for n in m.nodes}
    problems = []
    for node_id in m.layout.positions:
        if node_id not in node_ids:
            problems.append(
                ValidationProblem(
                    f"$.layout.positions.{node_id}",
                    f"position given for {node_id!r}, which is not a node",
                    node_id,
                )
            )
    for section in ("pinned", "collapsed"):
        for j, node_id in enumerate(getattr(m.layout, section)):
            if node_id not in node_ids:
                problems.append(
                    ValidationProblem(
                        f"$.layout.{section}[{j}]", f"{node_id!r} is not a node", node_id
                    )
                )
    return problems


def reanchor(argument_map: ArgumentMap) -> list[AnchorMove]:
    """Move every anchor whose quote is no longer at its offsets to where the quote now is.

    A quote that occurs elsewhere in its source is re-anchored at the occurrence nearest to its
    old place; an anchor whose quote occurs nowhere is left for validation to report. Returns
    what moved, so a loader can tell the user.
    """
    moves: list[AnchorMove] = []
    sources = {s.id: s.text for s in argument_map.sources}
    for node in argument_map.nodes:
        if node.anchors and not all(_matches(sources, a) for a in node.anchors):
            node.anchors = [_moved(sources, node.id, a, moves) for a in node.anchors]
    return moves


def _matches(sources: dict[str, str], anchor: TextAnchor) -> bool:
    text = sources.get(anchor.source_id)
    return (
        text is not None
        and anchor.start <= anchor.end <= len(text)
        and text[anchor.start : anchor.end] == anchor.quote
    )


def _moved(
    sources: dict[str, str], node_id: str, anchor: TextAnchor, moves: list[AnchorMove]
) -> TextAnchor:
    """The anchor at its quote's nearest occurrence, or unchanged (for validation to report)."""
    text = sources.get(anchor.source_id)
    if text is None or not anchor.quote or _matches(sources, anchor):
        return anchor
    start = _nearest_occurrence(text, anchor.quote, anchor.start)
    if start is None:
        return anchor
    moves.append(AnchorMove(node_id, anchor.start, start, anchor.quote))
    return TextAnchor(
        source_id=anchor.source_id, start=start, end=start + len(anchor.quote), quote=anchor.quote
    )


def _nearest_occurrence(text: str, quote: str, near: int) -> int | None:
    """The start of the occurrence of ``quote`` nearest ``near`` (the earlier one on a tie).

    Two searches outward from ``near``, not a walk over every occurrence: a quote that occurs
    a million times costs no more than one that occurs twice.
    """
    near = max(0, min(near, len(text)))
    after = text.find(quote, near)
    before = text.rfind(quote, 0, near - 1 + len(quote)) if near > 0 else -1
    if before == -1:
        return None if after == -1 else after
    if after == -1 or near - before <= after - near:
        return before
    return after
