"""Free space among placed cards: a grid index of boxes, and the nearest free spot.

Incremental placement and the final guard against overlaps both ask "what is in the way of a
card here?" many times; a uniform grid answers in about constant time per question.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Mapping

from argmap.layout.geometry import XY, Size
from argmap.model import Direction, Point

__all__ = ["BoxIndex", "free_spot"]

#: The grid's cell side when no card is bigger.
MIN_CELL = 64.0


class BoxIndex:
    """Card boxes by id, bucketed in a uniform grid."""

    def __init__(self, cell: float = 320.0) -> None:
        self.cell = max(cell, MIN_CELL)
        self.boxes: dict[str, tuple[float, float, float, float]] = {}
        self._grid: dict[tuple[int, int], set[str]] = defaultdict(set)

    @classmethod
    def of(cls, positions: Mapping[str, Point], sizes: Mapping[str, Size]) -> BoxIndex:
        largest = max((max(sizes[n]) for n in positions), default=MIN_CELL)
        index = cls(cell=largest)
        for node_id, point in positions.items():
            index.put(node_id, (point.x, point.y), sizes[node_id])
        return index

    def _cells(self, box: tuple[float, float, float, float]) -> Iterator[tuple[int, int]]:
        left, top, right, bottom = box
        for gx in range(math.floor(left / self.cell), math.floor(right / self.cell) + 1):
            for gy in range(math.floor(top / self.cell), math.floor(bottom / self.cell) + 1):
                yield gx, gy

    def put(self, node_id: str, centre: XY, size: Size) -> None:
        """Add the card, or move it if it is already indexed."""
        self.remove(node_id)
        (x, y), (w, h) = centre, size
        box = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
        self.boxes[node_id] = box
        for cell in self._cells(box):
            self._grid[cell].add(node_id)

    def remove(self, node_id: str) -> None:
        box = self.boxes.pop(node_id, None)
        if box is not None:
            for cell in self._cells(box):
                self._grid[cell].discard(node_id)

    def blocking(
        self, centre: XY, size: Size, margin: float = 0.0, ignore: str | None = None
    ) -> list[tuple[float, float, float, float]]:
        """Boxes closer than ``margin`` to a card of ``size`` at ``centre``."""
        (x, y), (w, h) = centre, size
        area = (x - w / 2 - margin, y - h / 2 - margin, x + w / 2 + margin, y + h / 2 + margin)
        found: set[str] = set()
        for cell in self._cells(area):
            found |= self._grid.get(cell, set())
        found.discard(ignore or "")
        hits = []
        for other in sorted(found):
            left, top, right, bottom = self.boxes[other]
            if left < area[2] and area[0] < right and top < area[3] and area[1] < bottom:
                hits.append(self.boxes[other])
        return hits


def _slide(
    index: BoxIndex, centre: XY, size: Size, margin: float, axis: int, sign: int
) -> tuple[float, XY]:
    """Slide along ``axis`` (0 x, 1 y) in direction ``sign`` past blockers to a free spot."""
    position = list(centre)
    half = size[axis] / 2
    for _ in range(len(index.boxes) + 1):  # each step passes at least one box for good
        blockers = index.blocking((position[0], position[1]), size, margin)
        if not blockers:
            break
        if sign > 0:
            position[axis] = max(box[axis + 2] for box in blockers) + margin + half
        else:
            position[axis] = min(box[axis] for box in blockers) - margin - half
    return abs(position[axis] - centre[axis]), (position[0], position[1])


def free_spot(
    index: BoxIndex,
    centre: XY,
    size: Size,
    margin: float,
    direction: Direction = Direction.TOP_BOTTOM,
    prefer: int = 0,
) -> XY:
    """The free spot for a card nearest ``centre`` along the breadth axis (x top-down).

    ``prefer`` +1 or -1 searches only towards larger or smaller breadth; 0 takes the nearer.
    """
    axis = 1 if direction == Direction.LEFT_RIGHT else 0
    if prefer:
        return _slide(index, centre, size, margin, axis, prefer)[1]
    forward = _slide(index, centre, size, margin, axis, 1)
    backward = _slide(index, centre, size, margin, axis, -1)
    return forward[1] if forward[0] <= backward[0] else backward[1]
