"""Merge maps: every matched statement once, the others' statements and relations added.

The rules (issue 14):

* a statement matched in both (see :mod:`argmap.seminar.matching`) appears once with the
  first map's wording; another map's different wording is written into its notes
  (``Other wording (LABEL): ...``) and reported as a :class:`Conflict`;
* authors, editors, participants and positions are kept (a position the first map already
  records for that person and statement wins);
* relations are united: another map's relation not matched is added between the merged ends;
* new cards are placed near what they connect to.

``merge_maps(a, a)`` gives ``a`` back unchanged, and nothing of ``a`` is ever removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from argmap.model import ArgumentMap, Node, Point, SourceDocument
from argmap.seminar.matching import dependency_order, match_maps, normalise

__all__ = ["Conflict", "MergeResult", "merge_maps", "other_wording_note"]

#: How far from its neighbours a new card is put, and how far apart card centres keep
#: (a card is drawn 220 wide and up to about 130 high).
_STEP_X, _STEP_Y = 260.0, 170.0
_GAP_X, _GAP_Y = 250.0, 150.0


@dataclass(frozen=True)
class Conflict:
    """A matched statement whose versions differ: the merged map kept ``ours``."""

    node_id: str
    other: str
    field: str
    ours: str
    theirs: str

    def describe(self) -> str:
        return f"{self.node_id}: {self.field} differs in {self.other}: kept {self.ours!r}"


@dataclass
class MergeResult:
    """The merged map, what was kept from the first where they differ, and what was added."""

    map: ArgumentMap
    conflicts: list[Conflict] = field(default_factory=list)
    added_nodes: list[str] = field(default_factory=list)
    added_relations: list[str] = field(default_factory=list)
    #: (other map's position in ``others``, its id) -> id in the merged map, for added nodes
    added_from: dict[tuple[int, str], str] = field(default_factory=dict)


def other_wording_note(label: str, text: str) -> str:
    return f"Other wording ({label}): {' '.join(text.split())}"


def merge_maps(
    first: ArgumentMap, *others: ArgumentMap, labels: Sequence[str] | None = None
) -> MergeResult:
    """``first`` with each of ``others`` merged in, in order (none of them is changed).

    ``labels`` name the maps, the first included (for the notes and conflicts); a map not
    named there goes by its title, or "map N".
    """
    result = MergeResult(_copy(first))
    names = list(labels or [])
    for index, other in enumerate(others):
        label = names[index + 1] if index + 1 < len(names) else (other.title or f"map {index + 2}")
        _merge_into(result, other, label, index)
    return result


def _merge_into(result: MergeResult, other: ArgumentMap, label: str, index: int) -> None:
    merged = result.map
    matching = match_maps(merged, other)
    back = matching.nodes_back()
    used = {n.id for n in merged.nodes} | {r.id for r in merged.relations}
    used |= {s.id for s in merged.sources}
    sources = _merge_sources(merged, other, used)
    known = {p.id for p in merged.participants}
    merged.participants += [p.model_copy() for p in other.participants if p.id not in known]
    ours = merged.node_index()
    added: list[str] = []
    for node in other.nodes:
        mine = back.get(node.id)
        if mine is not None:
            _reconcile(result, ours[mine], node, label)
            continue
        new_id = _free(node.id, used)
        copy = node.model_copy(deep=True, update={"id": new_id})
        copy.anchors = [
            a.model_copy(update={"source_id": sources.get(a.source_id, a.source_id)})
            for a in node.anchors
        ]
        merged.nodes.append(copy)
        back[node.id] = new_id
        added.append(new_id)
        result.added_from[(index, node.id)] = new_id
    result.added_nodes += added
    _merge_positions(merged, other, back)
    result.added_relations += _merge_relations(merged, other, back, matching.relations_back(), used)
    _place(merged, other, added, back)


def _copy(m: ArgumentMap) -> ArgumentMap:
    """A copy the merge may change: its lists and each statement are new, the rest shared.

    (A deep copy of a 5,000-statement map takes a second; the merge only appends to the
    lists and reassigns fields of statements, never changes anchors or relations in place.)
    """
    layout = m.layout
    return m.model_copy(
        update={
            "nodes": [n.model_copy() for n in m.nodes],
            "relations": list(m.relations),
            "sources": list(m.sources),
            "participants": list(m.participants),
            "positions": list(m.positions),
            "debate": m.debate.model_copy(deep=True),
            "layout": layout.model_copy(
                update={
                    "positions": dict(layout.positions),
                    "pinned": list(layout.pinned),
                    "collapsed": list(layout.collapsed),
                }
            ),
        }
    )


def _free(wish: str, used: set[str]) -> str:
    candidate, number = wish, 2
    while candidate in used:
        candidate = f"{wish}-{number}"
        number += 1
    used.add(candidate)
    return candidate


def _merge_sources(merged: ArgumentMap, other: ArgumentMap, used: set[str]) -> dict[str, str]:
    """Other's source ids -> merged ids (the same text is the same source)."""
    by_text = {s.sha256: s.id for s in merged.sources}
    mapping: dict[str, str] = {}
    for source in other.sources:
        if source.sha256 in by_text:
            mapping[source.id] = by_text[source.sha256]
            continue
        new_id = _free(source.id, used)
        merged.sources.append(SourceDocument.model_validate({**source.model_dump(), "id": new_id}))
        mapping[source.id] = by_text[source.sha256] = new_id
    return mapping


def _reconcile(result: MergeResult, mine: Node, theirs: Node, label: str) -> None:
    differs = mine.text != theirs.text and normalise(mine.text) != normalise(theirs.text)
    if differs and theirs.text.strip():
        note = other_wording_note(label, theirs.text)
        if note not in mine.notes:
            mine.notes = f"{mine.notes}\n{note}" if mine.notes.strip() else note
        result.conflicts.append(Conflict(mine.id, label, "text", mine.text, theirs.text))
    if mine.kind != theirs.kind:
        result.conflicts.append(
            Conflict(mine.id, label, "kind", mine.kind.value, theirs.kind.value)
        )
    if mine.author is None and theirs.author is not None:
        mine.author = theirs.author
    for editor in [e for e in theirs.editors if e != mine.author]:
        if editor not in mine.editors:
            mine.editors = [*mine.editors, editor]


def _merge_positions(merged: ArgumentMap, other: ArgumentMap, back: dict[str, str]) -> None:
    held = {(p.participant, p.statement) for p in merged.positions}
    for position in other.positions:
        statement = back.get(position.statement)
        if statement is None or (position.participant, statement) in held:
            continue
        merged.positions.append(position.model_copy(update={"statement": statement}))
        held.add((position.participant, statement))


def _merge_relations(
    merged: ArgumentMap,
    other: ArgumentMap,
    back: dict[str, str],
    relations_back: dict[str, str],
    used: set[str],
) -> list[str]:
    """Add other's unmatched relations (undercuts after the relations they attack)."""
    ends = {(r.kind, frozenset(r.premises), r.target) for r in merged.relations}
    rel_back = dict(relations_back)
    added: list[str] = []
    for relation in dependency_order([r for r in other.relations if r.id not in rel_back]):
        target = back.get(relation.target) or rel_back.get(relation.target)
        if target is None:
            continue  # an undercut of a relation that was dropped
        premises = [back[p] for p in relation.premises]
        key = (relation.kind, frozenset(premises), target)
        if key in ends or target in premises:
            continue  # the same link already there, or one the merge made circular
        answered = {q.answered_by for q in relation.questions} - {None}
        questions = relation.questions if answered <= set(back) else []
        new = relation.model_copy(
            deep=True,
            update={
                "id": _free(relation.id, used),
                "premises": premises,
                "target": target,
                "questions": [
                    q.model_copy(
                        update={"answered_by": back.get(q.answered_by or "", q.answered_by)}
                    )
                    for q in questions
                ],
            },
        )
        merged.relations.append(new)
        ends.add(key)
        rel_back[relation.id] = new.id
        added.append(new.id)
    return added


def _place(merged: ArgumentMap, other: ArgumentMap, added: list[str], back: dict[str, str]) -> None:
    """Put each new card beside the cards it is linked to (or where the other map had it)."""
    positions = merged.layout.positions
    if not added or not positions:
        return
    neighbours: dict[str, list[str]] = {node_id: [] for node_id in added}
    for relation in merged.relations:
        ends = [*relation.premises, relation.target]
        for node_id in ends:
            if node_id in neighbours:
                neighbours[node_id] += [e for e in ends if e != node_id]
    theirs = {back.get(k, k): v for k, v in other.layout.positions.items()}
    grid: dict[tuple[int, int], list[Point]] = {}
    for point in positions.values():
        grid.setdefault(_cell(point.x, point.y), []).append(point)
    for node_id in added:
        placed = [positions[n] for n in neighbours[node_id] if n in positions]
        if placed:
            x = sum(p.x for p in placed) / len(placed) + _STEP_X
            y = sum(p.y for p in placed) / len(placed) + _STEP_Y
        elif node_id in theirs:
            x, y = theirs[node_id].x, theirs[node_id].y
        else:
            x = max(p.x for p in positions.values()) + _STEP_X
            y = min(p.y for p in positions.values())
        x, y = _free_spot(grid, x, y)
        point = Point.rounded(x, y)
        positions[node_id] = point
        grid.setdefault(_cell(x, y), []).append(point)


def _cell(x: float, y: float) -> tuple[int, int]:
    return int(x // _GAP_X), int(y // _GAP_Y)


def _spiral(rings: int) -> list[tuple[int, int]]:
    steps = [(i, j) for i in range(-rings, rings + 1) for j in range(-rings, rings + 1)]
    return sorted(steps, key=lambda s: (max(abs(s[0]), abs(s[1])), abs(s[0]) + abs(s[1]), -s[1]))


#: Card-sized steps tried around the wished spot, nearest first (a map too crowded there
#: gets the card on its wished spot: an automatic layout tidies it).
_SPIRAL = _spiral(3)


def _free_spot(grid: dict[tuple[int, int], list[Point]], x: float, y: float) -> tuple[float, float]:
    """The nearest spot to (x, y), in steps of a card, where a card overlaps none."""
    for i, j in _SPIRAL:
        spot = (x + i * _GAP_X, y + j * _GAP_Y)
        if not _crowded(grid, *spot):
            return spot
    return x, y


def _crowded(grid: dict[tuple[int, int], list[Point]], x: float, y: float) -> bool:
    """Whether a card centred at (x, y) would overlap one already placed."""
    cx, cy = int(x // _GAP_X), int(y // _GAP_Y)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for p in grid.get((cx + dx, cy + dy), ()):
                if abs(p.x - x) < _GAP_X and abs(p.y - y) < _GAP_Y:
                    return True
    return False
