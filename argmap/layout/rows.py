"""Cards found by the rows they stand in: the router's obstacle index for layered drawings.

The tree and layered layouts put cards in rows (every card of a row centred on one line,
top-down). Asking which cards a line runs through is then: which rows its height crosses
(a few), and in each, which cards its width crosses (a bisection in the row's sorted cards).
:class:`Rows` answers exactly what :class:`~argmap.layout.routing.Obstacles` answers (the
same cards grown by the same clearance, the same free bands between rows and columns, the
same exact segment test), at a fraction of the cost for such drawings: a line from a card to
its parent in the next row is tested only against the few cards beside its two ends, and
nothing needs building per grid cell. :func:`obstacles_for` chooses it for a drawing in rows
and the grid for any other.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Collection, Mapping

from argmap.layout.free_bands import free_gaps, outside_bands
from argmap.layout.geometry import XY
from argmap.layout.routing import (
    CLEARANCE,
    MIN_SEARCHES,
    SEARCHES,
    Blockers,
    Box,
    Obstacles,
)
from argmap.layout.routing import _segment_hits as segment_hits

__all__ = ["Rows", "obstacles_for"]

Rect = tuple[float, float, float, float]
#: A drawing is indexed by rows when it has at most this share of rows per card.
ROWS_PER_CARD = 1 / 12
#: What :meth:`Rows.clear_line` leaves between a line and the room's edge (px): far more
#: than rounding, so a line it calls clear is clear to the exact test too.
MARGIN = 1e-6


class _Row:
    """The cards centred on one line: grown rectangles sorted by their left edge."""

    __slots__ = ("bottom", "ids", "left", "lefts", "rects", "right", "top", "widest")

    def __init__(self, cards: list[tuple[Rect, str]]) -> None:
        cards.sort()
        self.rects = [rect for rect, _ in cards]
        self.ids = [node_id for _, node_id in cards]
        self.lefts = [rect[0] for rect in self.rects]
        self.top = min([rect[1] for rect in self.rects])
        self.bottom = max([rect[3] for rect in self.rects])
        self.left = self.lefts[0]
        self.right = max([rect[2] for rect in self.rects])
        self.widest = max([rect[2] - rect[0] for rect in self.rects])

    def span(self, low: float, high: float) -> range:
        """Indices of the cards that may reach into ``low``..``high`` across."""
        lefts = self.lefts
        return range(bisect.bisect_left(lefts, low - self.widest), bisect.bisect_right(lefts, high))


class Rows:
    """Card rectangles (grown by ``clearance``) by row: the :class:`Obstacles` interface."""

    def __init__(
        self,
        boxes: Mapping[str, Box],
        clearance: float = CLEARANCE,
        searches: int = 0,
        longest_bent: float = math.inf,
    ) -> None:
        self.boxes = boxes
        self.clearance = clearance
        self.longest_bent = longest_bent
        self.searches_left = searches or max(MIN_SEARCHES, int(len(boxes) * SEARCHES))
        self.steps_left: float = math.inf
        by_line: dict[float, list[tuple[Rect, str]]] = {}
        for node_id, (cx, cy, hw, hh) in boxes.items():
            rect = (
                cx - hw - clearance,
                cy - hh - clearance,
                cx + hw + clearance,
                cy + hh + clearance,
            )
            entry = (rect, node_id)
            if cy in by_line:
                by_line[cy].append(entry)
            else:
                by_line[cy] = [entry]
        rows = sorted((_Row(cards) for cards in by_line.values()), key=lambda row: row.top)
        self._lines = rows
        #: Per card: its row's index, the free room beside it in the row (from the nearest
        #: right edge on its left to the nearest left edge on its right) and the row's top
        #: and bottom: a line within the row's height that keeps inside the room meets no
        #: other card (empty when the rows overlap; see :func:`straight_clear`).
        self._room: dict[str, tuple[int, float, float, float, float]] = {}
        room = self._room
        #: Per card: the cards next to it in its row, and the room beyond them (as in
        #: ``_room``, leaving out those two): (left card, room's left edge past it, right
        #: card, room's right edge past it).
        self._beside: dict[str, tuple[Rect | None, float, Rect | None, float]] = {}
        beside = self._beside
        #: Whether the rows' bands follow each other without overlapping (one tree or
        #: layered drawing; not several parts packed side by side at other heights).
        self._stacked = all(upper.bottom < lower.top for upper, lower in itertools.pairwise(rows))
        if self._stacked:
            for index, row in enumerate(rows):
                rects, ids, count = row.rects, row.ids, len(row.rects)
                row_top, row_bottom = row.top, row.bottom
                lows = [-math.inf] * count
                reach = -math.inf
                for i in range(1, count):
                    right = rects[i - 1][2]
                    if right > reach:
                        reach = right
                    lows[i] = reach
                reach = math.inf
                highs = [math.inf] * count
                for i in range(count - 1, -1, -1):
                    room[ids[i]] = (index, lows[i], reach, row_top, row_bottom)
                    highs[i] = reach
                    left = rects[i][0]
                    if left < reach:
                        reach = left
                for i in range(count):
                    beside[ids[i]] = (
                        rects[i - 1] if i > 0 else None,
                        lows[i - 1] if i > 0 else -math.inf,
                        rects[i + 1] if i + 1 < count else None,
                        highs[i + 1] if i + 1 < count else math.inf,
                    )
        self._tops = [row.top for row in rows]
        self._tallest = max((row.bottom - row.top for row in rows), default=0.0)
        # The free bands, exactly as the grid index finds them: a row's cards share one
        # centre line, so the union of their heights is the row's span.
        self._rows = free_gaps([(row.top, row.bottom) for row in rows])
        self._columns = free_gaps([(rect[0], rect[2]) for row in rows for rect in row.rects])

    @property
    def room(self) -> Mapping[str, tuple[int, float, float, float, float]]:
        """Per card: (row index, room's left edge, room's right edge, row top, row bottom)."""
        return self._room

    @property
    def row_count(self) -> int:
        return len(self._lines)

    def _rows_over(self, low: float, high: float) -> list[_Row]:
        """The rows that may reach into ``low``..``high`` down the drawing."""
        tops = self._tops
        first = bisect.bisect_left(tops, low - self._tallest)
        return self._lines[first : bisect.bisect_right(tops, high)]

    def clear_line(self, a: XY, b: XY, at_a: str | None, at_b: str | None) -> bool:
        """Whether the line a-b is clear of every card but its own, shown cheaply; False
        when that does not show it (then ask :meth:`blocked`). Each end is on or by its
        card (``at_a``, ``at_b``) or, given None, a point in the free band next to the
        other end's row (a junction, the middle of an arrow). Shown when the line runs from
        a row to the next (or into the band beside a row) and within each row passes only
        through the free room beside its own card: between the rows nothing stands."""
        room = self._room
        if not room:
            return False
        if a[1] > b[1]:
            a, b, at_a, at_b = b, a, at_b, at_a
        (ax, ay), (bx, by) = a, b
        if by <= ay:
            return False
        rows = self._lines
        slope = (bx - ax) / (by - ay)
        if at_a is not None:  # the upper end's card: the line leaves its row at the bottom
            if at_a not in room:
                return False
            upper = room[at_a][0]
            row = rows[upper]
            if not row.top <= ay <= row.bottom:
                return False
            if not self._beside_clear(at_a, ax, ay, slope, ay, row.bottom):
                return False
            if at_b is None:  # b stands in the band under the row
                below = rows[upper + 1].top if upper + 1 < len(rows) else math.inf
                return row.bottom < by < below
        if at_b is None:
            return False
        if at_b not in room:
            return False
        lower = room[at_b][0]
        row = rows[lower]
        if not row.top <= by <= row.bottom:
            return False
        if at_a is not None:
            if lower != upper + 1:
                return False
        elif not (rows[lower - 1].bottom if lower > 0 else -math.inf) < ay < row.top:
            return False  # a stands in the band over the row, or nothing is shown
        return self._beside_clear(at_b, bx, by, slope, row.top, by)

    def _beside_clear(
        self, card: str, x0: float, y0: float, slope: float, top: float, bottom: float
    ) -> bool:
        """Whether the line through (x0, y0) (``slope``: across per down), between the
        heights ``top`` and ``bottom`` of ``card``'s row, passes beside the card's
        neighbours in the row (each only where its own height reaches) and short of all
        the cards beyond them."""
        left, far_left, right, far_right = self._beside[card]
        x_top, x_bottom = x0 + (top - y0) * slope, x0 + (bottom - y0) * slope
        low, high = (x_top, x_bottom) if x_top <= x_bottom else (x_bottom, x_top)
        if not (far_left + MARGIN < low and high < far_right - MARGIN):
            return False
        if left is not None and left[2] + MARGIN >= low:
            reach_top, reach_bottom = max(top, left[1]), min(bottom, left[3])
            if reach_top <= reach_bottom:
                a, b = x0 + (reach_top - y0) * slope, x0 + (reach_bottom - y0) * slope
                if min(a, b) <= left[2] + MARGIN:
                    return False
        if right is not None and right[0] - MARGIN <= high:
            reach_top, reach_bottom = max(top, right[1]), min(bottom, right[3])
            if reach_top <= reach_bottom:
                a, b = x0 + (reach_top - y0) * slope, x0 + (reach_bottom - y0) * slope
                if max(a, b) >= right[0] - MARGIN:
                    return False
        return True

    def clear_path(self, points: list[XY], at_first: str | None, at_last: str | None) -> bool:
        """:meth:`clear_line` for a polyline that only goes one way down (or up) the
        drawing, as an S-bend from a card to the next row does: within each end's row every
        point of it, and where it leaves the row, stands in the free room beside the card."""
        if len(points) == 2:
            return self.clear_line(points[0], points[1], at_first, at_last)
        room = self._room
        if not room or len(points) < 2:
            return False
        if points[0][1] > points[-1][1]:
            points = points[::-1]
            at_first, at_last = at_last, at_first
        if any(q[1] < p[1] for p, q in itertools.pairwise(points)):
            return False
        ay, by = points[0][1], points[-1][1]
        if by <= ay:
            return False
        rows = self._lines
        if at_first is not None:
            if at_first not in room:
                return False
            upper = room[at_first][0]
            row = rows[upper]
            if not row.top <= ay <= row.bottom or not self._beside_path(at_first, points, row):
                return False
            if at_last is None:  # the last point stands in the band under the row
                below = rows[upper + 1].top if upper + 1 < len(rows) else math.inf
                return row.bottom < by < below
        if at_last is None or at_last not in room:
            return False
        lower = room[at_last][0]
        row = rows[lower]
        if not row.top <= by <= row.bottom:
            return False
        if at_first is not None:
            if lower != upper + 1:
                return False
        elif not (rows[lower - 1].bottom if lower > 0 else -math.inf) < ay < row.top:
            return False
        return self._beside_path(at_last, points, row)

    def _beside_path(self, card: str, points: list[XY], row: _Row) -> bool:
        """:meth:`_beside_clear` for each piece of a polyline (going down) within the height
        of ``card``'s row."""
        for p, q in itertools.pairwise(points):
            top, bottom = max(p[1], row.top), min(q[1], row.bottom)
            if top > bottom:
                continue
            if q[1] == p[1]:
                return False  # a level piece inside the row: not shown here
            slope = (q[0] - p[0]) / (q[1] - p[1])
            if not self._beside_clear(card, p[0], p[1], slope, top, bottom):
                return False
        return True

    def blocked(self, points: list[XY], exclude: Collection[str]) -> bool:
        """Whether the polyline through ``points`` runs through a card not in ``exclude``."""
        # The look-ups of in_gap, _rows_over and _Row.span written out: the router asks
        # this of every candidate bend, and the calls cost more than the comparisons.
        row_gaps, column_gaps = self._rows, self._columns
        row_starts, row_ends = row_gaps
        column_starts, column_ends = column_gaps
        tops, lines, tallest = self._tops, self._lines, self._tallest
        right_of, left_of = bisect.bisect_right, bisect.bisect_left
        for a, b in itertools.pairwise(points):
            (ax, ay), (bx, by) = a, b
            low, high = (ay, by) if ay <= by else (by, ay)
            i = right_of(row_starts, low) - 1
            if i >= 0 and low >= row_starts[i] and high <= row_ends[i]:
                continue  # in_gap(row_gaps, ay, by)
            low, high = (ax, bx) if ax <= bx else (bx, ax)
            i = right_of(column_starts, low) - 1
            if i >= 0 and low >= column_starts[i] and high <= column_ends[i]:
                continue
            for p, q in outside_bands(row_gaps, column_gaps, a, b):
                low_x, high_x = (p[0], q[0]) if p[0] <= q[0] else (q[0], p[0])
                low_y, high_y = (p[1], q[1]) if p[1] <= q[1] else (q[1], p[1])
                first = left_of(tops, low_y - tallest)
                for row in lines[first : right_of(tops, high_y)]:  # _rows_over
                    if row.bottom <= low_y or row.top >= high_y:
                        continue
                    if row.right <= low_x or row.left >= high_x:
                        continue
                    rects, ids, lefts = row.rects, row.ids, row.lefts
                    for i in range(  # row.span(low_x, high_x)
                        left_of(lefts, low_x - row.widest), right_of(lefts, high_x)
                    ):
                        rect = rects[i]
                        if (
                            rect[2] <= low_x
                            or rect[0] >= high_x
                            or rect[3] <= low_y
                            or rect[1] >= high_y
                            or ids[i] in exclude
                        ):
                            continue
                        if segment_hits(p, q, rect):
                            return True
        return False

    def inside(self, point: XY, exclude: Collection[str]) -> bool:
        x, y = point
        tops = self._tops
        right_of, left_of = bisect.bisect_right, bisect.bisect_left
        for row in self._lines[left_of(tops, y - self._tallest) : right_of(tops, y)]:
            if not row.top < y < row.bottom:
                continue
            rects, ids, lefts = row.rects, row.ids, row.lefts
            for i in range(left_of(lefts, x - row.widest), right_of(lefts, x)):
                left, top, right, bottom = rects[i]
                if left < x < right and top < y < bottom and ids[i] not in exclude:
                    return True
        return False

    def within(self, left: float, top: float, right: float, bottom: float) -> list[tuple[str, Box]]:
        """The cards whose rectangles reach into this rectangle (each once)."""
        found = []
        boxes = self.boxes
        for row in self._rows_over(top, bottom):
            rects, ids = row.rects, row.ids
            for i in row.span(left, right):
                rect = rects[i]
                if rect[2] >= left and rect[0] <= right and rect[3] >= top and rect[1] <= bottom:
                    found.append((ids[i], boxes[ids[i]]))
        return found

    def band_between(self, a: XY, b: XY) -> tuple[int, float] | None:
        """The axis (1: a row gap, 0: a column gap) and middle of the free band the middle
        of a-b lies in, if it is a band between two rows (columns) of cards."""
        for axis, (starts, ends) in ((1, self._rows), (0, self._columns)):
            middle = (a[axis] + b[axis]) / 2
            i = bisect.bisect_right(starts, middle) - 1
            if i >= 0 and starts[i] <= middle <= ends[i] and math.isfinite(starts[i] + ends[i]):
                return axis, (starts[i] + ends[i]) / 2
        return None


def obstacles_for(boxes: Mapping[str, Box], clearance: float = CLEARANCE) -> Blockers:
    """The cheaper exact index for these cards: by rows when they stand in few rows (the
    tree and layered layouts, top-down), else the grid."""
    lines = len({box[1] for box in boxes.values()})
    if lines <= max(4, len(boxes) * ROWS_PER_CARD):
        return Rows(boxes, clearance)
    return Obstacles(boxes, clearance)
