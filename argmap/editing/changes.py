"""The typed change events an :class:`~argmap.editing.session.EditSession` publishes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ChangeKind(StrEnum):
    """What part of the map changed."""

    NODE_ADDED = "node_added"
    NODE_REMOVED = "node_removed"
    NODE_CHANGED = "node_changed"
    RELATION_ADDED = "relation_added"
    RELATION_REMOVED = "relation_removed"
    RELATION_CHANGED = "relation_changed"
    POSITIONS_CHANGED = "positions_changed"
    LAYOUT_CHANGED = "layout_changed"
    MAP_CHANGED = "map_changed"
    MAP_REPLACED = "map_replaced"


@dataclass(frozen=True)
class Change:
    """One change: its kind, the ids it touched, and (for edits) the fields that changed."""

    kind: ChangeKind
    ids: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()


def nodes_changed(node_id: str, *fields: str) -> Change:
    return Change(ChangeKind.NODE_CHANGED, (node_id,), fields)


def relation_changed(relation_id: str, *fields: str) -> Change:
    return Change(ChangeKind.RELATION_CHANGED, (relation_id,), fields)
