"""Commands on nodes: add, remove, and set fields (text, kind, anchors, citation, ...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from argmap.editing.changes import Change, ChangeKind
from argmap.editing.command import Command, EditError, describe_invalid
from argmap.model import ArgumentMap, Citation, Node, Point, Relation, TextAnchor, now
from argmap.model.validation import anchor_problem

#: Node fields a :class:`SetNodeFields` may change (ids and creation time never change).
EDITABLE_NODE_FIELDS = frozenset(
    {"kind", "text", "anchors", "evidence_type", "citation", "tags", "notes", "rating"}
)


class AddNode(Command):
    """Add a node, optionally at a position."""

    def __init__(self, node: Node, position: Point | None = None, label: str | None = None) -> None:
        self.node = node
        self.position = position
        self.label = label or f"Add {node.kind.value}"

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        if id_in_use(argument_map, self.node.id):
            raise EditError(f"id {self.node.id!r} is already in use")
        for anchor in self.node.anchors:
            problem = anchor_problem(argument_map, anchor)
            if problem:
                raise EditError(f"anchor of new node {self.node.id!r}: {problem}")
        argument_map.nodes.append(self.node.model_copy(deep=True))
        changes = [Change(ChangeKind.NODE_ADDED, (self.node.id,))]
        if self.position is not None:
            argument_map.layout.positions[self.node.id] = self.position
            changes.append(Change(ChangeKind.POSITIONS_CHANGED, (self.node.id,)))
        return changes

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        remove_all(argument_map.nodes, self.node.id, argument_map.node_position)
        argument_map.layout.positions.pop(self.node.id, None)
        return [Change(ChangeKind.NODE_REMOVED, (self.node.id,))]


class RemoveNode(Command):
    """Remove one node that nothing refers to any more (see ``delete_nodes`` for cascades)."""

    def __init__(self, node_id: str) -> None:
        self.node_id = node_id
        self.label = "Delete node"
        self._saved: tuple[int, Node, Point | None, int | None, int | None] | None = None

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        index = argument_map.node_position(self.node_id)
        if index is None:
            raise EditError(f"no node with id {self.node_id!r}")
        layout = argument_map.layout
        node = argument_map.nodes.pop(index)
        self._saved = (
            index,
            node,
            layout.positions.pop(self.node_id, None),
            _remove(layout.pinned, self.node_id),
            _remove(layout.collapsed, self.node_id),
        )
        return [Change(ChangeKind.NODE_REMOVED, (self.node_id,))]

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        assert self._saved is not None, "revert before apply"
        index, node, position, pinned, collapsed = self._saved
        argument_map.nodes.insert(index, node)
        if position is not None:
            argument_map.layout.positions[self.node_id] = position
        if pinned is not None:
            argument_map.layout.pinned.insert(pinned, self.node_id)
        if collapsed is not None:
            argument_map.layout.collapsed.insert(collapsed, self.node_id)
        changes = [Change(ChangeKind.NODE_ADDED, (self.node_id,))]
        if position is not None:
            changes.append(Change(ChangeKind.POSITIONS_CHANGED, (self.node_id,)))
        return changes


def _remove(items: list[str], item: str) -> int | None:
    """Remove ``item``; where it was (so undo puts it back in place), or ``None``."""
    if item in items:
        index = items.index(item)
        del items[index]
        return index
    return None


def remove_all(
    items: list[Node] | list[Relation], item_id: str, position: Callable[[str], int | None]
) -> None:
    """Remove every item with ``item_id`` from ``items`` in place (normally the one just
    added, found through ``position``, the map's index, without reading the list)."""
    while (index := position(item_id)) is not None:
        del items[index]


def id_in_use(argument_map: ArgumentMap, item_id: str) -> bool:
    """Whether a node, relation or source has this id (ids are unique across all three)."""
    return (
        argument_map.has_node(item_id)
        or argument_map.has_relation(item_id)
        or any(source.id == item_id for source in argument_map.sources)
    )


def node_of(argument_map: ArgumentMap, node_id: str) -> Node:
    """The node with this id, or :class:`EditError` naming it."""
    try:
        return argument_map.node(node_id)
    except KeyError as exc:
        raise EditError(str(exc.args[0])) from None


class SetNodeFields(Command):
    """Set some fields of one node (and its modified time) in one step."""

    def __init__(self, node_id: str, label: str, **values: Any) -> None:
        unknown = set(values) - EDITABLE_NODE_FIELDS
        if unknown:
            raise EditError(f"cannot edit node field(s) {', '.join(sorted(unknown))}")
        self.node_id = node_id
        self.label = label
        self.values = values
        self.modified = now()
        self._old: dict[str, Any] | None = None

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        node = node_of(argument_map, self.node_id)
        try:
            candidate = Node.model_validate({**node.model_dump(), **self.values})
        except ValidationError as exc:
            raise EditError(f"node {self.node_id!r}: {describe_invalid(exc)}") from None
        for anchor in candidate.anchors:
            problem = anchor_problem(argument_map, anchor)
            if problem:
                raise EditError(f"anchor of node {self.node_id!r}: {problem}")
        self._old = {name: getattr(node, name) for name in self.values}
        self._old["modified"] = node.modified
        for name in self.values:
            setattr(node, name, getattr(candidate, name))
        node.modified = self.modified
        return [Change(ChangeKind.NODE_CHANGED, (self.node_id,), tuple(self.values))]

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        assert self._old is not None, "revert before apply"
        node = argument_map.node(self.node_id)
        for name, value in self._old.items():
            setattr(node, name, value)
        return [Change(ChangeKind.NODE_CHANGED, (self.node_id,), tuple(self.values))]


def edit_text(node_id: str, text: str) -> SetNodeFields:
    return SetNodeFields(node_id, "Edit text", text=text)


def change_kind(node_id: str, kind: str) -> SetNodeFields:
    return SetNodeFields(node_id, f"Change kind to {kind}", kind=kind)


def set_anchors(
    node_id: str, anchors: list[TextAnchor], label: str = "Set anchor"
) -> SetNodeFields:
    return SetNodeFields(node_id, label, anchors=list(anchors))


def add_anchor(argument_map: ArgumentMap, node_id: str, anchor: TextAnchor) -> SetNodeFields:
    anchors = [*node_of(argument_map, node_id).anchors, anchor]
    return set_anchors(node_id, anchors, "Add anchor")


def remove_anchor(argument_map: ArgumentMap, node_id: str, index: int) -> SetNodeFields:
    anchors = list(node_of(argument_map, node_id).anchors)
    if not 0 <= index < len(anchors):
        raise EditError(f"node {node_id!r} has no anchor {index}")
    del anchors[index]
    return set_anchors(node_id, anchors, "Remove anchor")


def set_evidence_type(node_id: str, evidence_type: str | None) -> SetNodeFields:
    return SetNodeFields(node_id, "Set evidence type", evidence_type=evidence_type)


def set_citation(node_id: str, citation: Citation | None) -> SetNodeFields:
    # An empty citation is no citation: the file and the checks then agree.
    value = None if citation is None or citation.is_empty() else citation
    return SetNodeFields(node_id, "Edit citation", citation=value)


def set_tags(node_id: str, tags: list[str]) -> SetNodeFields:
    unique = list(dict.fromkeys(tag.strip() for tag in tags if tag.strip()))
    return SetNodeFields(node_id, "Edit tags", tags=unique)


def set_notes(node_id: str, notes: str) -> SetNodeFields:
    return SetNodeFields(node_id, "Edit notes", notes=notes)


def set_rating(node_id: str, rating: float | None) -> SetNodeFields:
    return SetNodeFields(
        node_id, "Set rating" if rating is not None else "Clear rating", rating=rating
    )
