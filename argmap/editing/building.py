"""Ready-made edits for building a map: a node from selected words, a reason, an objection."""

from __future__ import annotations

import weakref

from argmap.editing.command import Command, CompositeCommand, EditError
from argmap.editing.node_commands import AddNode
from argmap.editing.relation_commands import AddRelation
from argmap.model import (
    ArgumentMap,
    Citation,
    Node,
    NodeKind,
    Point,
    Relation,
    RelationKind,
    SourceDocument,
    TextAnchor,
)

_PREFIX = {NodeKind.CLAIM: "c", NodeKind.EVIDENCE: "e", NodeKind.COUNTERARGUMENT: "ca"}


def fresh_ids(argument_map: ArgumentMap, prefix: str, count: int = 1) -> list[str]:
    """``count`` ids with ``prefix`` that nothing in the map uses yet.

    The lowest free numbers from where the last call on this map started (at first: 1), so an
    edit costs what it adds, not the map's size; a number freed below that (a card deleted)
    is not handed out again by this map object.
    """
    hints = _hints_of(argument_map)
    tag = argument_map.id_tag
    number = hints.get((prefix, tag), 1)
    ids: list[str] = []
    used: set[str] | None = None
    asked = 0
    while len(ids) < count:
        candidate = f"{prefix}{number}{tag}"
        if used is None and asked >= _ASK_LIMIT:
            used = _used_ids(argument_map)
        asked += 1
        if not (candidate in used if used is not None else _taken(argument_map, candidate)):
            ids.append(candidate)
            if len(ids) == 1:
                hints[prefix, tag] = number
        number += 1
    return ids


#: Candidates asked of the map one by one before a search looks in a set of every id instead
#: (built once, linear): asking ``has_node`` for an id no statement has scans them all, so a
#: first search over a map whose relations run e1..e20000 cost 20,000 scans (31 s of CPU).
_ASK_LIMIT = 16


def _used_ids(argument_map: ArgumentMap) -> set[str]:
    """Every id :func:`_taken` would call taken."""
    used = {node.id for node in argument_map.nodes}
    used.update(relation.id for relation in argument_map.relations)
    used.update(argument_map.reserved_ids)
    used.update(source.id for source in argument_map.sources)
    return used


def _taken(argument_map: ArgumentMap, item_id: str) -> bool:
    # A used id the index knows answers at once; asking has_node first for a relation's id
    # would miss and scan every node, for each of thousands of used numbers (r1, r2, ...).
    return (
        argument_map.surely_has_id(item_id)
        or argument_map.has_node(item_id)
        or argument_map.has_relation(item_id)
        or item_id in argument_map.reserved_ids
        or any(s.id == item_id for s in argument_map.sources)
    )


#: Per map object (by id, dropped with it): where the last search for a fresh id started.
_HINTS: dict[int, dict[tuple[str, str], int]] = {}


def _hints_of(argument_map: ArgumentMap) -> dict[tuple[str, str], int]:
    key = id(argument_map)
    found = _HINTS.get(key)
    if found is None:
        found = _HINTS[key] = {}
        weakref.finalize(argument_map, _HINTS.pop, key, None)
    return found


def node_from_selection(
    argument_map: ArgumentMap,
    source_id: str,
    start: int,
    end: int,
    kind: NodeKind,
    position: Point | None = None,
) -> AddNode:
    """A node anchored to ``[start, end)`` of a source, its text starting as the quote."""
    try:
        source = argument_map.source(source_id)
    except KeyError as exc:
        raise EditError(str(exc.args[0])) from None
    text = source.text
    start, end = _trim(text, start, end)
    if start >= end:
        raise EditError("select some words of the source first")
    anchor = TextAnchor.of(source_id, text, start, end)
    node = Node(
        id=fresh_ids(argument_map, _PREFIX[kind])[0],
        kind=kind,
        text=" ".join(anchor.quote.split()),
        anchors=[anchor],
        citation=source_citation(source) if kind == NodeKind.EVIDENCE else None,
    )
    return AddNode(node, position, label=f"Add {kind.value} from text")


def source_citation(source: SourceDocument) -> Citation | None:
    """The citation of words quoted from ``source``: its title, publisher, date and URL."""
    citation = Citation(
        title=source.title, publisher=source.publisher, date=source.date, url=source.url
    )
    return None if citation.is_empty() else citation


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def add_related_node(
    argument_map: ArgumentMap,
    target_id: str,
    kind: NodeKind,
    relation_kind: RelationKind,
    text: str = "",
    position: Point | None = None,
) -> Command:
    """A new node that supports or attacks ``target_id`` (a node, or a relation: undercut)."""
    if not (argument_map.has_node(target_id) or argument_map.has_relation(target_id)):
        raise EditError(f"no node or relation with id {target_id!r}")
    node_id = fresh_ids(argument_map, _PREFIX[kind])[0]
    relation_id = fresh_ids(argument_map, "r")[0]
    node = Node(id=node_id, kind=kind, text=text)
    relation = Relation(id=relation_id, kind=relation_kind, premises=[node_id], target=target_id)
    if relation_kind == RelationKind.SUPPORT:
        label = "Add supporting reason"
    elif argument_map.has_relation(target_id):
        label = "Add undercut"
    else:
        label = "Add objection"
    return CompositeCommand(label, [AddNode(node, position), AddRelation(relation)])


def link(
    argument_map: ArgumentMap, premises: list[str], target_id: str, kind: RelationKind
) -> AddRelation:
    """A relation from existing premises to an existing node or relation."""
    relation = Relation(
        id=fresh_ids(argument_map, "r")[0], kind=kind, premises=list(premises), target=target_id
    )
    return AddRelation(relation)
