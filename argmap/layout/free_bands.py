"""The free bands of one axis (the gaps between rows, or columns, of cards), kept as cards
come, go and move, so that an edit costs what it changes rather than a sort of every card.

A band is an open gap outside the union of the cards' spans on that axis (a card's top and
bottom for rows). :attr:`FreeBands.starts` and :attr:`FreeBands.ends` are always what
:func:`free_gaps` gives for the spans present: the lists are changed in place, so a holder of
``(bands.starts, bands.ends)`` sees them current.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable

Span = tuple[float, float]


def free_gaps(spans: Iterable[Span]) -> tuple[list[float], list[float]]:
    """The open gaps outside the union of ``spans``: their starts and their ends, sorted."""
    starts: list[float] = [-math.inf]
    ends: list[float] = []
    reach = -math.inf
    for low, high in sorted(spans):
        if low > reach:
            ends.append(low)
            starts.append(reach)
        reach = max(reach, high)
    ends.append(math.inf)
    starts[1:] = [*starts[2:], reach] if len(starts) > 1 else []
    return starts, ends


class FreeBands:
    """The gaps outside a multiset of spans, updated span by span (see the module's text)."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._count: dict[Span, int] = {}
        for span in spans:
            self._count[span] = self._count.get(span, 0) + 1
        self._spans = sorted(self._count)  # distinct spans by (low, high)
        self._longest = max((high - low for low, high in self._spans), default=0.0)
        self.starts, self.ends = free_gaps(self._spans)
        #: A span ran backwards (low > high, cards smaller than a negative clearance): the
        #: gaps are worked out again from all spans at the next :meth:`refresh`.
        self.stale = False

    def add(self, span: Span) -> None:
        count = self._count.get(span, 0)
        self._count[span] = count + 1
        if count:
            return  # the same span is there already: the union is unchanged
        bisect.insort(self._spans, span)
        low, high = span
        self._longest = max(self._longest, high - low)
        if low > high:
            self.stale = True
        if self.stale:
            return
        starts, ends = self.starts, self.ends
        first = bisect.bisect_right(ends, low)  # the first gap ending after ``low``
        last = first
        while last < len(starts) and starts[last] < high:
            last += 1
        if first == last:
            return  # inside a row of cards already (or touching one)
        new_starts, new_ends = [], []
        if low > starts[first]:
            new_starts.append(starts[first])
            new_ends.append(low)
        if ends[last - 1] > high:
            new_starts.append(high)
            new_ends.append(ends[last - 1])
        starts[first:last] = new_starts
        ends[first:last] = new_ends

    def remove(self, span: Span) -> None:
        count = self._count[span]
        if count > 1:
            self._count[span] = count - 1
            return
        del self._count[span]
        del self._spans[bisect.bisect_left(self._spans, span)]
        low, high = span
        if low > high:
            self.stale = True
        if self.stale or self._covered(low, high):
            return
        self._redo_part(low)

    def refresh(self) -> None:
        """Work the gaps out again from every span, if a backward span made them stale."""
        if self.stale:
            self.starts[:], self.ends[:] = free_gaps(self._spans)
            self.stale = False

    def _covered(self, low: float, high: float) -> bool:
        """Whether the other spans cover ``[low, high]`` (then the gaps stay as they are)."""
        spans = self._spans
        i = bisect.bisect_left(spans, (low - self._longest, -math.inf))
        reach, touched = low, False
        while i < len(spans):
            start, end = spans[i]
            if start > reach:
                break
            if end >= reach:
                reach, touched = end, True
                if reach >= high:
                    return True
            i += 1
        return touched and reach >= high

    def _redo_part(self, low: float) -> None:
        """Work out again the gaps of the part of the union that held a span from ``low``
        (between the gap before it and the gap after it), from the spans left in it."""
        starts, ends = self.starts, self.ends
        k = bisect.bisect_right(ends, low) - 1  # the gap before the part
        begin, finish = ends[k], starts[k + 1]
        spans = self._spans
        i = bisect.bisect_left(spans, (begin, -math.inf))
        j = bisect.bisect_right(spans, (finish, math.inf))
        new_starts, new_ends = [starts[k]], []
        reach: float | None = None
        for start, end in spans[i:j]:
            if reach is None:
                new_ends.append(start)
                reach = end
            else:
                if start > reach:
                    new_starts.append(reach)
                    new_ends.append(start)
                reach = max(reach, end)
        if reach is not None:
            new_starts.append(reach)
        new_ends.append(ends[k + 1])
        starts[k : k + 2] = new_starts
        ends[k : k + 2] = new_ends


def outside_bands(
    rows: tuple[list[float], list[float]],
    columns: tuple[list[float], list[float]],
    a: tuple[float, float],
    b: tuple[float, float],
) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The pieces of a-b outside the free band its middle lies in (the part inside is
    clear): a line from a row to the next is tested only near its ends. Both card indexes
    (:class:`~argmap.layout.routing.Obstacles`, :class:`~argmap.layout.rows.Rows`) cut so."""
    for axis, gaps in ((1, rows), (0, columns)):
        u, v = a[axis], b[axis]
        if u == v:
            continue
        middle = (u + v) / 2
        starts, ends = gaps
        i = bisect.bisect_right(starts, middle) - 1
        if i < 0 or not starts[i] <= middle <= ends[i]:
            continue
        near, far = (starts[i], ends[i]) if u < v else (ends[i], starts[i])
        pieces = []
        if not starts[i] <= u <= ends[i]:
            t = (near - u) / (v - u)
            pieces.append((a, (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)))
        if not starts[i] <= v <= ends[i]:
            t = (far - u) / (v - u)
            pieces.append(((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), b))
        return pieces
    return [(a, b)]
