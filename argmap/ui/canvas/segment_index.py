"""The straight pieces of the arrows, indexed by their bounding boxes in an R-tree.

A look-up costs what it finds, however long the arrows are: a grid of cells would register a
long arrow in every cell it crosses (thousands for an arrow across a wide map).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF
from rtree import index

from argmap.ui.canvas.label_place import Segment


class SegmentIndex:
    """Pieces of lines, found by the rects they may run under."""

    def __init__(self, segments: Iterable[Segment]) -> None:
        self._pieces: list[Segment] = list(segments)
        boxes = (
            (
                number,
                (
                    min(a.x(), b.x()),
                    min(a.y(), b.y()),
                    max(a.x(), b.x()),
                    max(a.y(), b.y()),
                ),
                None,
            )
            for number, (a, b) in enumerate(self._pieces)
        )
        self._tree = index.Index(boxes) if self._pieces else None

    def near(self, rect: QRectF) -> list[Segment]:
        """The pieces whose bounding boxes meet ``rect`` (touching counts), in the order added."""
        if self._tree is None:
            return []
        left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
        found = sorted(self._tree.intersection((left - 1, top - 1, right + 1, bottom + 1)))
        pieces = self._pieces
        return [
            (a, b)
            for a, b in (pieces[number] for number in found)
            if min(a.x(), b.x()) <= right
            and max(a.x(), b.x()) >= left
            and min(a.y(), b.y()) <= bottom
            and max(a.y(), b.y()) >= top
        ]
