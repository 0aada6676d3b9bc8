"""A grid of small rects that come, move and go one by one (cards, signs, scheme labels).

Each rect is kept under a key in the cells it touches, so moving one costs a handful of cells
and a look-up reads only the cells under the rects asked about. Long things (arrows) go in
:class:`argmap.ui.canvas.segment_index.SegmentIndex` instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF

#: Grid cell size in scene pixels (about one card wide).
CELL = 256.0

Cell = tuple[int, int]


class KeyedGrid[T]:
    """Values with their rects, by key, bucketed by the grid cells their rects touch."""

    def __init__(self) -> None:
        self._cells: dict[Cell, dict[int, None]] = {}
        self._entries: dict[int, tuple[QRectF, T]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: int) -> bool:
        return key in self._entries

    def put(self, key: int, rect: QRectF, value: T) -> None:
        """Keep ``value`` at ``rect`` under ``key`` (replacing what the key had)."""
        if key in self._entries:
            self.discard(key)
        self._entries[key] = (rect, value)
        cells = self._cells
        for cell in cells_of(rect):
            keys = cells.get(cell)
            if keys is None:
                cells[cell] = {key: None}
            else:
                keys[key] = None

    def discard(self, key: int) -> None:
        entry = self._entries.pop(key, None)
        if entry is None:
            return
        for cell in cells_of(entry[0]):
            keys = self._cells.get(cell)
            if keys is not None:
                keys.pop(key, None)
                if not keys:
                    del self._cells[cell]

    def clear(self) -> None:
        self._cells.clear()
        self._entries.clear()

    def near(self, rect: QRectF) -> dict[int, tuple[QRectF, T]]:
        """Key -> (rect, value) of the entries in the cells ``rect`` touches (a superset of
        those whose rects meet it)."""
        return self.in_cells(cells_of(rect))

    def in_cells(self, cells: Iterable[Cell]) -> dict[int, tuple[QRectF, T]]:
        """Key -> (rect, value) of the entries in any of ``cells``."""
        found: dict[int, tuple[QRectF, T]] = {}
        entries, grid = self._entries, self._cells
        for cell in cells:
            keys = grid.get(cell)
            if keys:
                for key in keys:
                    if key not in found:
                        found[key] = entries[key]
        return found

    def entries(self) -> dict[int, tuple[QRectF, T]]:
        """Every key -> (rect, value)."""
        return dict(self._entries)


def cells_of(rect: QRectF) -> list[Cell]:
    """The grid cells ``rect`` touches."""
    left, top = int(rect.left() // CELL), int(rect.top() // CELL)
    right, bottom = int(rect.right() // CELL), int(rect.bottom() // CELL)
    if left == right and top == bottom:
        return [(left, top)]
    return [(gx, gy) for gx in range(left, right + 1) for gy in range(top, bottom + 1)]
