"""The shared selection: which nodes (and relations) are selected, across every view."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class SelectionModel(QObject):
    """Ordered selected ids (nodes and relations share one id space); the first is current."""

    #: list[str]: the selected ids after a change
    changed = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    @property
    def current(self) -> str | None:
        return self._ids[0] if self._ids else None

    def set(self, ids: Iterable[str]) -> None:
        new = list(dict.fromkeys(ids))
        if new != self._ids:
            self._ids = new
            self.changed.emit(list(new))

    def clear(self) -> None:
        self.set([])

    def discard(self, ids: Iterable[str]) -> None:
        """Drop ids that no longer exist (after a delete or an undo)."""
        gone = set(ids)
        self.set([i for i in self._ids if i not in gone])
