"""Which cards an arrow would run under: a coarse grid of card boxes, for bending arrows."""

from __future__ import annotations

from collections.abc import Collection

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
