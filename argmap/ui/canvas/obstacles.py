"""Which cards an arrow would run under: a coarse grid of card boxes, for bending arrows;
and a grid of any rects, for finding what lies near a scheme label."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from PySide6.QtCore import QRectF

from argmap.ui.canvas.geometry import Box, Hit

#: Grid cell size in scene pixels (about one card wide).
CELL = 256.0
#: Arrows keep this far off other cards.
CLEARANCE = 8.0


class CardGrid:
    """Card boxes bucketed by grid cell, so a point test looks at a handful of cards."""

    def __init__(self, boxes: dict[str, Box]) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, float, float, float, float]]] = {}
        for node_id, (cx, cy, hw, hh) in boxes.items():
            left, right = cx - hw - CLEARANCE, cx + hw + CLEARANCE
            top, bottom = cy - hh - CLEARANCE, cy + hh + CLEARANCE
            entry = (node_id, left, top, right, bottom)
            for gx in range(int(left // CELL), int(right // CELL) + 1):
                for gy in range(int(top // CELL), int(bottom // CELL) + 1):
                    self._cells.setdefault((gx, gy), []).append(entry)

    def hit_except(self, exclude: Collection[str]) -> Hit:
        """A point test that ignores the cards ``exclude`` (the arrow's own ends)."""
        cells = self._cells

        def hit(x: float, y: float) -> bool:
            for node_id, left, top, right, bottom in cells.get(
                (int(x // CELL), int(y // CELL)), ()
            ):
                if left <= x <= right and top <= y <= bottom and node_id not in exclude:
                    return True
            return False

        return hit


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
