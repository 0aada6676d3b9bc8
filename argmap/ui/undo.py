"""Undo and Redo actions that name what they undo ("Undo Move 3 nodes")."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from argmap.editing import EditSession
from argmap.ui.bridge import SessionBridge


class UndoController(QObject):
    """Keeps the Undo and Redo actions' text and enabled state in step with the history."""

    def __init__(
        self,
        bridge: SessionBridge,
        undo_action: QAction,
        redo_action: QAction,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session: EditSession = bridge.session
        self.undo_action = undo_action
        self.redo_action = redo_action
        undo_action.triggered.connect(self.session.undo)
        redo_action.triggered.connect(self.session.redo)
        bridge.changed.connect(lambda _changes: self.update())
        self.update()

    def update(self) -> None:
        history = self.session.history
        undo, redo = history.undo_label(), history.redo_label()
        self.undo_action.setText(f"&Undo {undo}" if undo else "&Undo")
        self.redo_action.setText(f"&Redo {redo}" if redo else "&Redo")
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)
