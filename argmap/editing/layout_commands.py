"""Commands on the drawing: moving nodes, applying a layout, pinning and collapsing."""

from __future__ import annotations

from collections.abc import Mapping

from argmap.editing.changes import Change, ChangeKind
from argmap.editing.command import Command, EditError
from argmap.model import ArgumentMap, Direction, Point


class MoveNodes(Command):
    """Set the positions of some nodes: one command per drag gesture."""

    def __init__(self, positions: Mapping[str, Point], label: str | None = None) -> None:
        self.positions = dict(positions)
        count = len(self.positions)
        self.label = label or ("Move node" if count == 1 else f"Move {count} nodes")
        self._old: dict[str, Point | None] | None = None

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        known = {n.id for n in argument_map.nodes}
        missing = [nid for nid in self.positions if nid not in known]
        if missing:
            raise EditError(f"cannot move {missing[0]!r}: no such node")
        stored = argument_map.layout.positions
        self._old = {nid: stored.get(nid) for nid in self.positions}
        stored.update(self.positions)
        return [Change(ChangeKind.POSITIONS_CHANGED, tuple(self.positions))]

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        assert self._old is not None, "revert before apply"
        stored = argument_map.layout.positions
        for nid, old in self._old.items():
            if old is None:
                stored.pop(nid, None)
            else:
                stored[nid] = old
        return [Change(ChangeKind.POSITIONS_CHANGED, tuple(self._old))]


class ApplyLayout(MoveNodes):
    """Positions from an automatic layout, and the layout's name and direction, as one step."""

    def __init__(
        self,
        positions: Mapping[str, Point],
        algorithm: str | None,
        direction: Direction | None = None,
    ) -> None:
        super().__init__(positions, label=f"Apply {algorithm or 'layout'} layout")
        self.algorithm = algorithm
        self.direction = direction
        self._old_settings: tuple[str | None, Direction] | None = None

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        changes = super().apply(argument_map)
        layout = argument_map.layout
        self._old_settings = (layout.algorithm, layout.direction)
        layout.algorithm = self.algorithm
        if self.direction is not None:
            layout.direction = self.direction
        return [*changes, Change(ChangeKind.LAYOUT_CHANGED, (), ("algorithm", "direction"))]

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        changes = super().revert(argument_map)
        assert self._old_settings is not None
        argument_map.layout.algorithm, argument_map.layout.direction = self._old_settings
        return [*changes, Change(ChangeKind.LAYOUT_CHANGED, (), ("algorithm", "direction"))]


class SetFlag(Command):
    """Add or remove node ids in the layout's ``pinned`` or ``collapsed`` list."""

    def __init__(self, section: str, node_ids: list[str], on: bool) -> None:
        if section not in ("pinned", "collapsed"):
            raise EditError(f"unknown layout flag {section!r}")
        self.section = section
        self.node_ids = list(node_ids)
        self.on = on
        verb = {"pinned": ("Pin", "Unpin"), "collapsed": ("Collapse", "Expand")}[section]
        self.label = verb[0] if on else verb[1]
        self.view_only = section == "collapsed"
        self._old: list[str] | None = None

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        if self.on:
            known = {n.id for n in argument_map.nodes}
            missing = [nid for nid in self.node_ids if nid not in known]
            if missing:
                raise EditError(f"cannot {self.label.lower()} {missing[0]!r}: no such node")
        items: list[str] = getattr(argument_map.layout, self.section)
        self._old = list(items)
        if self.on:
            items.extend(n for n in self.node_ids if n not in items)
        else:
            items[:] = [n for n in items if n not in self.node_ids]
        return [Change(ChangeKind.LAYOUT_CHANGED, tuple(self.node_ids), (self.section,))]

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        assert self._old is not None
        setattr(argument_map.layout, self.section, list(self._old))
        return [Change(ChangeKind.LAYOUT_CHANGED, tuple(self.node_ids), (self.section,))]
