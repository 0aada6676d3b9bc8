"""Re-emits an edit session's published changes as a Qt signal, for the widgets."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from argmap.editing import Change, EditSession


class SessionBridge(QObject):
    """Owns the subscription to one :class:`EditSession` for the lifetime of the window."""

    #: list[Change]: the changes of one execute, undo, redo or replace
    changed = Signal(object)

    def __init__(self, session: EditSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._unsubscribe = session.subscribe(self._forward)

    def _forward(self, changes: list[Change]) -> None:
        self.changed.emit(changes)

    def detach(self) -> None:
        self._unsubscribe()
