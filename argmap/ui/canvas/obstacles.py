"""A grid of any rects, for finding what lies near a scheme label (arrows find the cards they
would run under with :class:`argmap.layout.routing.Obstacles`)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRectF

#: Grid cell size in scene pixels (about one card wide).
CELL = 256.0


class RectGrid[T]:
    """Values by the grid cells their rects touch, so a look-up reads a handful of cells."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[T]] = {}

    def add(self, rect: QRectF, value: T) -> None:
        for cell in _cells(rect):
            self._cells.setdefault(cell, []).append(value)

    def near(self, rect: QRectF) -> list[T]:
        """The values added with a rect in the cells ``rect`` touches, each once."""
        found: dict[int, T] = {}
        for cell in _cells(rect):
            for value in self._cells.get(cell, ()):
                found.setdefault(id(value), value)
        return list(found.values())


def _cells(rect: QRectF) -> Iterator[tuple[int, int]]:
    for gx in range(int(rect.left() // CELL), int(rect.right() // CELL) + 1):
        for gy in range(int(rect.top() // CELL), int(rect.bottom() // CELL) + 1):
            yield gx, gy
