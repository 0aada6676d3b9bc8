"""Merging another map into the open one as one undoable edit (File > Merge Map…)."""

from __future__ import annotations

from collections.abc import Sequence

from argmap.editing.changes import Change, ChangeKind
from argmap.editing.command import Command
from argmap.model import ArgumentMap
from argmap.seminar.merge import MergeResult, merge_maps

__all__ = ["MergeMaps"]

_PARTS = ("sources", "nodes", "relations", "participants", "positions")


class MergeMaps(Command):
    """Merge ``others`` into the map (see :func:`argmap.seminar.merge.merge_maps`).

    The merge is computed when first applied; undo puts back exactly the map it found, redo
    the same merge.
    """

    def __init__(self, others: Sequence[ArgumentMap], labels: Sequence[str] | None = None):
        self.others = list(others)
        self.labels = list(labels) if labels is not None else None
        self.label = "Merge map" if len(self.others) == 1 else f"Merge {len(self.others)} maps"
        self.result: MergeResult | None = None
        self._before: dict[str, object] | None = None

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        if self.result is None:
            self.result = merge_maps(argument_map, *self.others, labels=self.labels)
        merged = self.result.map
        self._before = {name: getattr(argument_map, name) for name in _PARTS}
        self._before["layout_positions"] = argument_map.layout.positions
        for name in _PARTS:
            setattr(argument_map, name, list(getattr(merged, name)))
        argument_map.layout.positions = dict(merged.layout.positions)
        return self._changes(added=True)

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        assert self._before is not None, "revert before apply"
        for name in _PARTS:
            setattr(argument_map, name, self._before[name])
        positions = self._before["layout_positions"]
        assert isinstance(positions, dict)
        argument_map.layout.positions = positions
        return self._changes(added=False)

    def _changes(self, *, added: bool) -> list[Change]:
        assert self.result is not None
        nodes, relations = tuple(self.result.added_nodes), tuple(self.result.added_relations)
        changed = tuple(dict.fromkeys(c.node_id for c in self.result.conflicts))
        node_kind = ChangeKind.NODE_ADDED if added else ChangeKind.NODE_REMOVED
        relation_kind = ChangeKind.RELATION_ADDED if added else ChangeKind.RELATION_REMOVED
        changes = [Change(ChangeKind.MAP_CHANGED, (), ("sources", "participants", "positions"))]
        if added:
            changes += [Change(node_kind, nodes), Change(relation_kind, relations)]
        else:  # relations go before the statements they join
            changes += [Change(relation_kind, relations), Change(node_kind, nodes)]
        changes.append(Change(ChangeKind.NODE_CHANGED, changed, ("notes", "author", "editors")))
        if added and nodes:
            changes.append(Change(ChangeKind.POSITIONS_CHANGED, nodes))
        return [c for c in changes if c.ids or c.kind is ChangeKind.MAP_CHANGED]
