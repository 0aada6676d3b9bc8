"""Copy and paste of cards: a fragment (some nodes, the relations among them, their places) as
JSON, and the one command that pastes it into a map under fresh ids.

A fragment is ``{"argmap_fragment": 1, "nodes": [...], "relations": [...], "positions":
{...}}``; relations are kept when every premise and the target are in it (an undercut comes
along with the arrow it attacks). Pasting keeps anchors only where the map has the same source
words, and drops who wrote what when those people are not in the map.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from argmap.editing.command import Command, CompositeCommand, EditError
from argmap.editing.node_commands import AddNode
from argmap.editing.relation_commands import AddRelation
from argmap.model import ArgumentMap, Node, NodeKind, Point, Relation
from argmap.model.validation import anchor_problem

FRAGMENT_KEY = "argmap_fragment"
_PREFIX = {NodeKind.CLAIM: "c", NodeKind.EVIDENCE: "e", NodeKind.COUNTERARGUMENT: "ca"}
_KIND_WORDS = {
    NodeKind.CLAIM: "Claim",
    NodeKind.EVIDENCE: "Evidence",
    NodeKind.COUNTERARGUMENT: "Objection",
}


def fragment_of(argument_map: ArgumentMap, node_ids: list[str]) -> dict[str, Any]:
    """The nodes ``node_ids`` (in map order), the relations among them and their places."""
    wanted = set(node_ids)
    nodes = [n for n in argument_map.nodes if n.id in wanted]
    kept: dict[str, Relation] = {}
    changed = True
    while changed:  # an undercut is kept once the arrow it attacks is
        changed = False
        for relation in argument_map.relations:
            inside = all(p in wanted for p in relation.premises) and (
                relation.target in wanted or relation.target in kept
            )
            if inside and relation.id not in kept:
                kept[relation.id] = relation
                changed = True
    relations = [r for r in argument_map.relations if r.id in kept]
    positions = {
        n.id: argument_map.layout.positions[n.id].model_dump(mode="json")
        for n in nodes
        if n.id in argument_map.layout.positions
    }
    return {
        FRAGMENT_KEY: 1,
        "nodes": [n.model_dump(mode="json") for n in nodes],
        "relations": [r.model_dump(mode="json") for r in relations],
        "positions": positions,
    }


def fragment_json(fragment: dict[str, Any]) -> str:
    return json.dumps(fragment, ensure_ascii=False, indent=1)


def fragment_text(fragment: dict[str, Any]) -> str:
    """The fragment for a text editor or an e-mail: one card a line, "Kind: words"."""
    lines = []
    for raw in fragment.get("nodes", []):
        kind = NodeKind(raw["kind"])
        lines.append(f"{_KIND_WORDS[kind]}: {' '.join(str(raw.get('text', '')).split())}")
    return "\n".join(lines) + ("\n" if lines else "")


def parse_fragment(text: str) -> dict[str, Any] | None:
    """The fragment in ``text``, or None when it is not one (any other JSON, or no JSON)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get(FRAGMENT_KEY) != 1:
        return None
    return data


def paste_command(
    argument_map: ArgumentMap, fragment: dict[str, Any], centre: Point
) -> tuple[Command, list[str]]:
    """The command adding the fragment's cards (centred on ``centre``) and relations under
    fresh ids, as one undo step; and the new node ids. Raises :class:`EditError` when the
    fragment is broken."""
    try:
        nodes = [Node.model_validate(raw) for raw in fragment.get("nodes", [])]
        relations = [Relation.model_validate(raw) for raw in fragment.get("relations", [])]
        places = {
            key: Point.model_validate(value)
            for key, value in dict(fragment.get("positions", {})).items()
        }
    except (ValidationError, TypeError, ValueError, AttributeError) as exc:
        raise EditError(f"the clipboard holds broken argmap cards: {exc}") from None
    if not nodes:
        raise EditError("the clipboard holds no cards")
    new_ids = _fresh_ids(argument_map, nodes, relations)
    people = {p.id for p in argument_map.participants}
    offset = _offset(nodes, places, centre)
    commands: list[Command] = []
    for node in nodes:
        anchors = [a for a in node.anchors if anchor_problem(argument_map, a) is None]
        copy = node.model_copy(
            update={
                "id": new_ids[node.id],
                "anchors": anchors,
                "author": node.author if node.author in people else None,
                "editors": [e for e in node.editors if e in people],
            }
        )
        place = places.get(node.id)
        position = Point(x=place.x + offset[0], y=place.y + offset[1]) if place else None
        commands.append(AddNode(copy, position))
    for relation in relations:
        if not all(p in new_ids for p in relation.premises) or relation.target not in new_ids:
            continue
        questions = [
            q.model_copy(update={"answered_by": new_ids.get(q.answered_by)})
            if q.answered_by is not None and q.answered_by in new_ids
            else q
            for q in relation.questions
            if q.answered_by is None or q.answered_by in new_ids
        ]
        commands.append(
            AddRelation(
                relation.model_copy(
                    update={
                        "id": new_ids[relation.id],
                        "premises": [new_ids[p] for p in relation.premises],
                        "target": new_ids[relation.target],
                        "questions": questions,
                        "author": relation.author if relation.author in people else None,
                        "editors": [e for e in relation.editors if e in people],
                    }
                )
            )
        )
    count = len(nodes)
    label = f"Paste {count} card{'s' if count != 1 else ''}"
    return CompositeCommand(label, commands), [new_ids[n.id] for n in nodes]


def _fresh_ids(
    argument_map: ArgumentMap, nodes: list[Node], relations: list[Relation]
) -> dict[str, str]:
    used = {n.id for n in argument_map.nodes} | {r.id for r in argument_map.relations}
    used |= {s.id for s in argument_map.sources}
    wanted = [(n.id, _PREFIX[n.kind]) for n in nodes] + [(r.id, "r") for r in relations]
    new_ids: dict[str, str] = {}
    for old, prefix in wanted:
        number = 1
        while f"{prefix}{number}" in used:
            number += 1
        new_ids[old] = f"{prefix}{number}"
        used.add(new_ids[old])
    return new_ids


def _offset(nodes: list[Node], places: dict[str, Point], centre: Point) -> tuple[float, float]:
    """How far to move the fragment's stored places so their middle lands on ``centre``."""
    placed = [places[n.id] for n in nodes if n.id in places]
    if not placed:
        return 0.0, 0.0
    xs, ys = [p.x for p in placed], [p.y for p in placed]
    middle = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return centre.x - middle[0], centre.y - middle[1]
