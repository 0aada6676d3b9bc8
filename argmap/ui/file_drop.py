"""Opening files dropped anywhere on the window, the canvas included.

The canvas's scene accepts every drag by default, so a drop on the map would never reach the
window; this filter takes drags of local files first, wherever it is installed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDropEvent


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files in a drag, maps and texts alike (other URLs are ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class FileDropFilter(QObject):
    """An event filter: drags carrying local files are accepted, a drop opens the first."""

    _DRAGS = frozenset({QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop})

    def __init__(self, open_file: Callable[[Path], object], parent: QObject | None = None):
        super().__init__(parent)
        self._open_file = open_file

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in self._DRAGS:
            return False
        assert isinstance(event, QDropEvent)  # DragEnter and DragMove derive from it
        paths = dropped_paths(event.mimeData())
        if not paths:
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self._open_file(paths[0])
        return True
