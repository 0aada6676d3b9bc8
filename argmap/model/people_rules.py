"""The rules of format version 2's fields: participants, authorship, positions, debate.

Kept apart from :mod:`argmap.model.validation` (sources, relations, anchors, layout) so each
file stays about one concept; :func:`argmap.model.validation.find_problems` calls both.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.model.argument_map import ArgumentMap
from argmap.model.errors import ValidationProblem
from argmap.model.node import Node, NodeKind
from argmap.model.relation import Relation

__all__ = ["debate_problems", "people_problems"]


def people_problems(m: ArgumentMap) -> list[ValidationProblem]:
    """Unique participants; authors, editors and positions that name real ones."""
    if not m.participants and not m.positions and not _has_authorship(m):
        return []  # the common single-person map, checked without building sets
    problems: list[ValidationProblem] = []
    people: set[str] = set()
    for i, participant in enumerate(m.participants):
        if participant.id in people:
            problems.append(
                ValidationProblem(
                    f"$.participants[{i}].id",
                    f"duplicate participant id {participant.id!r}",
                    participant.id,
                )
            )
        people.add(participant.id)
    sections: tuple[tuple[str, Sequence[Node | Relation]], ...] = (
        ("nodes", m.nodes),
        ("relations", m.relations),
    )
    for section, items in sections:
        for i, item in enumerate(items):
            if item.author is not None and item.author not in people:
                problems.append(_unknown(f"$.{section}[{i}].author", item.author, item.id))
            for j, editor in enumerate(item.editors):
                if editor not in people:
                    problems.append(_unknown(f"$.{section}[{i}].editors[{j}]", editor, item.id))
    problems += _position_problems(m, people)
    return problems


def _has_authorship(m: ArgumentMap) -> bool:
    items: list[Node | Relation] = [*m.nodes, *m.relations]
    return any(item.author is not None or item.editors for item in items)


def _unknown(path: str, participant: str, owner: str) -> ValidationProblem:
    return ValidationProblem(path, f"{participant!r} is not a participant", owner)


def _position_problems(m: ArgumentMap, people: set[str]) -> list[ValidationProblem]:
    problems: list[ValidationProblem] = []
    node_ids = {n.id for n in m.nodes}
    seen: set[tuple[str, str]] = set()
    for i, position in enumerate(m.positions):
        base = f"$.positions[{i}]"
        if position.participant not in people:
            problems.append(_unknown(f"{base}.participant", position.participant, ""))
        if position.statement not in node_ids:
            problems.append(
                ValidationProblem(f"{base}.statement", f"{position.statement!r} is not a node", "")
            )
        pair = (position.participant, position.statement)
        if pair in seen:
            problems.append(
                ValidationProblem(
                    base,
                    f"{position.participant!r} takes two positions on {position.statement!r}",
                    position.statement,
                )
            )
        seen.add(pair)
    return problems


def debate_problems(m: ArgumentMap) -> list[ValidationProblem]:
    """A motion that is a claim; overrides and speech steps that are nodes, each once."""
    debate = m.debate
    if debate.is_empty():
        return []
    kinds = {n.id: n.kind for n in m.nodes}
    problems: list[ValidationProblem] = []
    if debate.motion is not None and kinds.get(debate.motion) is not NodeKind.CLAIM:
        what = "is not a node" if debate.motion not in kinds else "is not a claim"
        problems.append(
            ValidationProblem("$.debate.motion", f"motion {debate.motion!r} {what}", "")
        )
    for node_id in debate.side_overrides:
        if node_id not in kinds:
            problems.append(
                ValidationProblem(
                    f"$.debate.side_overrides.{node_id}", f"{node_id!r} is not a node", node_id
                )
            )
    seen: set[str] = set()
    for j, node_id in enumerate(debate.speech_order):
        if node_id not in kinds or node_id in seen:
            what = "is not a node" if node_id not in kinds else "appears twice"
            problems.append(
                ValidationProblem(f"$.debate.speech_order[{j}]", f"{node_id!r} {what}", node_id)
            )
        seen.add(node_id)
    return problems
