"""The frame around every card and arrow, kept as they change (no Qt: plain rectangles).

Each drawn thing has a rectangle (left, top, right, bottom) under a key. The frame's four
sides are the least left and top and the greatest right and bottom, each kept in a heap: a
change pushes its new sides, and a side read pops the entries that no longer hold (their key
is gone or has other sides now). An edit costs a few heap steps, not a look at every card.
"""

from __future__ import annotations

import heapq

Rect = tuple[float, float, float, float]
Key = tuple[str, str]


class MapBounds:
    """Rectangles by key, and the rectangle around them all (see the module's text)."""

    def __init__(self) -> None:
        self._rects: dict[Key, Rect] = {}
        # Sides as they were pushed: (left, key), (top, key), (-right, key), (-bottom, key).
        self._heaps: tuple[list[tuple[float, Key]], ...] = ([], [], [], [])

    def __len__(self) -> int:
        return len(self._rects)

    def set(self, key: Key, rect: Rect | None) -> None:
        """``key``'s rectangle is now ``rect`` (None: it is not drawn)."""
        if rect is None:
            self._rects.pop(key, None)
            return
        if self._rects.get(key) == rect:
            return
        self._rects[key] = rect
        left, top, right, bottom = self._heaps
        heapq.heappush(left, (rect[0], key))
        heapq.heappush(top, (rect[1], key))
        heapq.heappush(right, (-rect[2], key))
        heapq.heappush(bottom, (-rect[3], key))
        if len(left) > 4 * len(self._rects) + 64:
            self._compact()

    def clear(self) -> None:
        self._rects.clear()
        for heap in self._heaps:
            heap.clear()

    def rect(self) -> Rect | None:
        """(left, top, right, bottom) around every rectangle; None when there are none."""
        if not self._rects:
            return None
        sides = []
        rects = self._rects
        for axis, heap in enumerate(self._heaps):
            sign = 1.0 if axis < 2 else -1.0
            while True:
                value, key = heap[0]
                found = rects.get(key)
                if found is not None and found[axis] == sign * value:
                    break
                heapq.heappop(heap)
            sides.append(sign * value)
        return sides[0], sides[1], sides[2], sides[3]

    def _compact(self) -> None:
        rects = self._rects.items()
        self._heaps = (
            [(r[0], k) for k, r in rects],
            [(r[1], k) for k, r in rects],
            [(-r[2], k) for k, r in rects],
            [(-r[3], k) for k, r in rects],
        )
        for heap in self._heaps:
            heapq.heapify(heap)
