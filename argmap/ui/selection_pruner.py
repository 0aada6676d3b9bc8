"""Keeps the shared selection to ids that exist: deletes and undos drop, a new map clears."""

from __future__ import annotations

from PySide6.QtCore import QObject

from argmap.editing import Change, ChangeKind
from argmap.ui.bridge import SessionBridge
from argmap.ui.selection import SelectionModel

_REMOVED = frozenset({ChangeKind.NODE_REMOVED, ChangeKind.RELATION_REMOVED})


class SelectionPruner(QObject):
    def __init__(
        self, bridge: SessionBridge, selection: SelectionModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.selection = selection
        bridge.changed.connect(self._on_changes)

    def _on_changes(self, changes: list[Change]) -> None:
        if any(change.kind == ChangeKind.MAP_REPLACED for change in changes):
            self.selection.clear()
            return
        gone = [i for change in changes if change.kind in _REMOVED for i in change.ids]
        if gone:
            self.selection.discard(gone)
