"""The straight pieces of the arrows, indexed by their bounding boxes in an R-tree.

A look-up costs what it finds, however long the arrows are: a grid of cells would register a
long arrow in every cell it crosses (thousands for an arrow across a wide map). The scene keeps
one alive (see :mod:`label_obstacles`): an arrow's pieces are put under its key when it is laid
and dropped when it goes, so a label pass never builds it again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QRectF
from rtree import index

from argmap.ui.canvas.label_place import Segment

#: A piece's bounding box: left, top, right, bottom.
_Box = tuple[float, float, float, float]
#: Small nodes and the linear split: pieces come and go one arrow at a time, and deleting from
#: an R*-tree of wide nodes costs milliseconds a piece where long arrows overlap.
_CAPACITY = 32
_FILL = 0.4


def _properties() -> index.Property:
    properties = index.Property()
    properties.variant = index.RT_Linear
    properties.leaf_capacity = _CAPACITY
    properties.index_capacity = _CAPACITY
    properties.fill_factor = _FILL
    properties.near_minimum_overlap_factor = _CAPACITY // 2
    return properties


def _box(segment: Segment) -> _Box:
    a, b = segment
    ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


class SegmentIndex:
    """Pieces of lines, found by the rects they may run under; kept under their owners' keys."""

    def __init__(self, segments: Iterable[Segment] = ()) -> None:
        self._pieces: dict[int, tuple[Segment, _Box]] = {}
        self._by_key: dict[int, list[int]] = {}
        self._next = 0
        self._tree: index.Index | None = None
        pieces = list(segments)
        if pieces:
            self.rebuild({0: pieces})

    def __len__(self) -> int:
        return len(self._pieces)

    def rebuild(self, segments: Mapping[int, Iterable[Segment]]) -> None:
        """Forget everything, then keep each key's pieces (loaded into the tree at once)."""
        self._pieces, self._by_key = {}, {}
        for key, pieces in segments.items():
            numbers = []
            for piece in pieces:
                self._pieces[self._next] = (piece, _box(piece))
                numbers.append(self._next)
                self._next += 1
            if numbers:
                self._by_key[key] = numbers
        stream = ((n, box, None) for n, (_piece, box) in self._pieces.items())
        self._tree = index.Index(stream, properties=_properties()) if self._pieces else None

    def put(self, key: int, segments: Iterable[Segment]) -> None:
        """Keep ``segments`` under ``key``, in place of what it had."""
        self.discard(key)
        pieces = list(segments)
        if not pieces:
            return
        if self._tree is None:
            self._tree = index.Index(properties=_properties())
        numbers = self._by_key.setdefault(key, [])
        for piece in pieces:
            box = _box(piece)
            self._pieces[self._next] = (piece, box)
            self._tree.insert(self._next, box)
            numbers.append(self._next)
            self._next += 1

    def discard(self, key: int) -> None:
        numbers = self._by_key.pop(key, None)
        if not numbers or self._tree is None:
            return
        for number in numbers:
            _piece, box = self._pieces.pop(number)
            self._tree.delete(number, box)

    def owners(self) -> set[int]:
        return set(self._by_key)

    def pieces_of(self, key: int) -> list[Segment]:
        return [self._pieces[n][0] for n in self._by_key.get(key, ())]

    def count(self, rect: QRectF) -> int:
        """How many pieces' bounding boxes meet ``rect`` (counted in the tree, none listed)."""
        if self._tree is None or not self._pieces:
            return 0
        return int(self._tree.count((rect.left(), rect.top(), rect.right(), rect.bottom())))

    def near(self, rect: QRectF) -> list[Segment]:
        """The pieces whose bounding boxes meet ``rect`` (touching counts), in the order added."""
        return self.near_any([rect])

    def near_any(self, rects: Iterable[QRectF]) -> list[Segment]:
        """The pieces whose bounding boxes meet any of ``rects``, each once, in the order added."""
        if self._tree is None or not self._pieces:
            return []
        found: set[int] = set()
        pieces = self._pieces
        for rect in rects:
            left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
            for number in self._tree.intersection((left - 1, top - 1, right + 1, bottom + 1)):
                if number in found:
                    continue
                low_x, low_y, high_x, high_y = pieces[number][1]
                if low_x <= right and high_x >= left and low_y <= bottom and high_y >= top:
                    found.add(number)
        return [pieces[number][0] for number in sorted(found)]
