"""Arrows routed around cards: part of the layout result, drawn by the canvas and every export.

One relation's route: each premise's line to a junction (linked premises), then the arrow on
to the target card (or, for an undercut, to the middle of the arrow it attacks). A straight
line that would pass through a card it does not touch bends: first the cheap curves (a
quadratic bend, a cubic detour, a run up the channel beside the premise), tested exactly
against the card rectangles; if none is clear, a shortest path on a grid of free cells around
the cards, pulled taut into a few straight legs. Linked premises move their junction to a
free spot where the lines from every premise reach it clear.

Plain floats, no Qt: :func:`route_map` routes a whole laid-out map (for exports, the choice of
layout and the tests); the canvas routes the arrows a move touches with
:func:`route_relation` and draws the same geometry. Cards are found through a uniform grid
(:class:`Obstacles`), so testing a line costs what the line crosses, not the map's size.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections.abc import Collection, Iterator, Mapping
from typing import NamedTuple, Protocol

from argmap.layout.free_bands import FreeBands, outside_bands
from argmap.layout.geometry import XY, Positions, Size
from argmap.model import ArgumentMap

__all__ = [
    "BORDER_GAP",
    "CLEARANCE",
    "Blockers",
    "Box",
    "Obstacles",
    "Route",
    "arrival_ports",
    "arrows_through_cards",
    "border_xy",
    "lines_through_cards",
    "route_map",
    "route_relation",
]

#: A card as (centre x, centre y, half width, half height).
Box = tuple[float, float, float, float]
#: Gap left between an arrow's ends and the card border, so the tip is not hidden by the frame.
BORDER_GAP = 2.0
#: Radius of the sign disc in the middle of an arrow (undercuts end on its rim).
SIGN_RADIUS = 8.0
#: How far from the target, as a share of the way to the premises, linked lines meet.
JUNCTION_SHARE = 0.45
#: Arrows keep this far off cards they do not touch.
CLEARANCE = 6.0
#: Arrivals on one side of a card use the middle part of it, leaving the corners clear.
SPREAD = 0.7
#: Grid searches (the last resort of the router) allowed per card of the map, and at least.
SEARCHES = 0.15
MIN_SEARCHES = 40
#: Grid cell of the obstacle index, in scene pixels (about a card wide).
CELL = 200.0


class Route(NamedTuple):
    """One relation's lines: premise lines (to the junction, or the first legs of a long way
    round), then the arrow from ``start`` to ``end``, a Bézier curve through ``controls``.

    A named tuple (immutable, compared by value) rather than a frozen dataclass: a whole map
    makes one per arrow, and a tuple is made four times faster."""

    start: XY
    end: XY
    premise_lines: tuple[tuple[XY, XY], ...] = ()
    junction: XY | None = None
    controls: tuple[XY, ...] = ()

    @property
    def mid(self) -> XY:
        """The middle of the final arrow: where the sign sits and undercuts point."""
        return bezier_point([self.start, *self.controls, self.end], 0.5)

    def lines(self, steps: int = 12) -> list[tuple[XY, XY]]:
        """Every straight piece drawn (a curve in ``steps`` pieces)."""
        points = [self.start, *self.controls, self.end]
        if len(points) > 2:
            points = [bezier_point(points, i / steps) for i in range(steps + 1)]
        return [*self.premise_lines, *itertools.pairwise(points)]


def bezier_point(points: list[XY], t: float) -> XY:
    """The point at ``t`` of the Bézier curve with these control points (de Casteljau)."""
    while len(points) > 1:
        points = [
            (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            for a, b in itertools.pairwise(points)
        ]
    return points[0]


def border_xy(box: Box, tx: float, ty: float, gap: float = BORDER_GAP) -> XY:
    """Where the ray from the card's centre towards (tx, ty) leaves it, ``gap`` outside."""
    cx, cy, hw, hh = box
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy + hh + gap
    scale = min(
        (hw + gap) / abs(dx) if dx else math.inf,
        (hh + gap) / abs(dy) if dy else math.inf,
    )
    if scale >= 1.0:  # the point is inside the card: stay there
        return tx, ty
    return cx + dx * scale, cy + dy * scale


def _segment_hits(a: XY, b: XY, rect: tuple[float, float, float, float]) -> bool:
    """Whether the segment a-b passes through the open rectangle (Liang-Barsky)."""
    left, top, right, bottom = rect
    x0, y0 = a
    dx, dy = b[0] - x0, b[1] - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
        if p == 0.0:
            if q <= 0.0:
                return False
            continue
        u = q / p
        if p < 0.0:
            if u > low:
                low = u
        elif u < high:
            high = u
        if low >= high:
            return False
    return high - low > 1e-9


class Obstacles:
    """Card rectangles (grown by ``clearance``) in a uniform grid: which a line runs through.

    An index can follow a drawing as it changes: :meth:`add`, :meth:`remove` and :meth:`move`
    one card (the free bands between rows and columns follow too), and :meth:`new_pass`
    gives each routing pass its own search budget.
    """

    def __init__(
        self,
        boxes: Mapping[str, Box],
        clearance: float = CLEARANCE,
        searches: int = 0,
        longest_bent: float = math.inf,
        search_steps: int | None = None,
    ) -> None:
        self.boxes: dict[str, Box] = dict(boxes)
        self.clearance = clearance
        #: Arrows longer than this are left straight (a big map in the editor: the long
        #: cross links of a dense DAG would try every bend and search in vain).
        self.longest_bent = longest_bent
        self._budget = (searches, search_steps)
        #: Grid searches this pass still allows (each may look at thousands of cells);
        #: 0: as many as :data:`SEARCHES` per card, at least :data:`MIN_SEARCHES`.
        self.searches_left = 0
        #: Grid cells all searches of this pass together may still expand (None: no limit).
        #: The editor sets one so that a crowded map opens in bounded time: past it, arrows
        #: that no bend clears stay straight.
        self.steps_left: float = math.inf
        self.new_pass()
        cells: dict[tuple[int, int], list[tuple[str, tuple[float, float, float, float]]]] = {}
        rects: dict[str, tuple[float, float, float, float]] = {}
        floor = math.floor
        for node_id, (cx, cy, hw, hh) in self.boxes.items():
            rect = (
                cx - hw - clearance,
                cy - hh - clearance,
                cx + hw + clearance,
                cy + hh + clearance,
            )
            rects[node_id] = rect
            entry = (node_id, rect)
            g0, g1 = floor(rect[0] / CELL), floor(rect[2] / CELL)
            h0, h1 = floor(rect[1] / CELL), floor(rect[3] / CELL)
            if g0 == g1 and h0 == h1:
                if (g0, h0) in cells:
                    cells[g0, h0].append(entry)
                else:
                    cells[g0, h0] = [entry]
                continue
            for gx in range(g0, g1 + 1):
                for gy in range(h0, h1 + 1):
                    cells.setdefault((gx, gy), []).append(entry)
        self._cells = cells
        self._rects = rects
        self._row_bands = FreeBands((r[1], r[3]) for r in rects.values())
        self._column_bands = FreeBands((r[0], r[2]) for r in rects.values())
        # The bands' own lists, changed in place as cards come and go.
        self._rows = (self._row_bands.starts, self._row_bands.ends)
        self._columns = (self._column_bands.starts, self._column_bands.ends)

    def new_pass(self, steps: float = math.inf) -> None:
        """Give a new routing pass the search budget this index was made with, or ``steps``
        grid cells if fewer (a pass that lays a few arrows searches for a few)."""
        searches, search_steps = self._budget
        self.searches_left = searches or max(MIN_SEARCHES, int(len(self.boxes) * SEARCHES))
        self.steps_left = min(steps, math.inf if search_steps is None else search_steps)

    def add(self, node_id: str, box: Box) -> None:
        """Take in one more card (``node_id`` must not be in the index)."""
        cx, cy, hw, hh = box
        c = self.clearance
        rect = (cx - hw - c, cy - hh - c, cx + hw + c, cy + hh + c)
        self.boxes[node_id] = box
        self._rects[node_id] = rect
        entry = (node_id, rect)
        cells = self._cells
        for cell in _rect_cells(rect):
            if cell in cells:
                cells[cell].append(entry)
            else:
                cells[cell] = [entry]
        self._row_bands.add((rect[1], rect[3]))
        self._column_bands.add((rect[0], rect[2]))

    def remove(self, node_id: str) -> None:
        """Leave a card out (nothing happens if it is not in the index)."""
        rect = self._rects.pop(node_id, None)
        if rect is None:
            return
        del self.boxes[node_id]
        entry = (node_id, rect)
        cells = self._cells
        for cell in _rect_cells(rect):
            found = cells.get(cell)
            if found is not None:
                found.remove(entry)
                if not found:
                    del cells[cell]
        self._row_bands.remove((rect[1], rect[3]))
        self._column_bands.remove((rect[0], rect[2]))

    def move(self, node_id: str, box: Box) -> None:
        """Put a card (new or known) at ``box``: moved, resized or both."""
        if self.boxes.get(node_id) == box:
            return
        self.remove(node_id)
        self.add(node_id, box)

    def _clear_band(self, a: XY, b: XY) -> bool:
        """Whether the segment lies wholly in a horizontal or vertical band with no card
        (the gap between two rows of a layered drawing): then it is clear, at no cost."""
        if self._row_bands.stale or self._column_bands.stale:
            self._refresh_bands()
        return _in_gap(self._rows, a[1], b[1]) or _in_gap(self._columns, a[0], b[0])

    def _cells_along(self, a: XY, b: XY) -> list[tuple[int, int]]:
        """The grid cells the segment a-b passes through (a few more on long slants)."""
        c0, c1 = math.floor(min(a[0], b[0]) / CELL), math.floor(max(a[0], b[0]) / CELL)
        r0, r1 = math.floor(min(a[1], b[1]) / CELL), math.floor(max(a[1], b[1]) / CELL)
        if (c1 - c0 + 1) * (r1 - r0 + 1) <= 6:
            return [(gx, gy) for gx in range(c0, c1 + 1) for gy in range(r0, r1 + 1)]
        steps = math.ceil(math.hypot(b[0] - a[0], b[1] - a[1]) / (CELL / 2))
        found: set[tuple[int, int]] = set()
        px, py = a
        for i in range(1, steps + 1):
            t = i / steps
            x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
            for gx in range(math.floor(min(px, x) / CELL), math.floor(max(px, x) / CELL) + 1):
                for gy in range(math.floor(min(py, y) / CELL), math.floor(max(py, y) / CELL) + 1):
                    found.add((gx, gy))
            px, py = x, y
        return list(found)

    def _near(self, a: XY, b: XY) -> list[tuple[str, tuple[float, float, float, float]]]:
        """Cards registered in the cells the segment a-b passes through (each once)."""
        found: dict[str, tuple[float, float, float, float]] = {}
        get = self._cells.get
        for cell in self._cells_along(a, b):
            for node_id, rect in get(cell, ()):
                found[node_id] = rect
        return list(found.items())

    def within(self, left: float, top: float, right: float, bottom: float) -> list[tuple[str, Box]]:
        """The cards registered in the grid cells this rectangle touches (each once)."""
        found: dict[str, Box] = {}
        boxes, get = self.boxes, self._cells.get
        for gx in range(math.floor(left / CELL), math.floor(right / CELL) + 1):
            for gy in range(math.floor(top / CELL), math.floor(bottom / CELL) + 1):
                for node_id, _rect in get((gx, gy), ()):
                    found[node_id] = boxes[node_id]
        return list(found.items())

    def through(self, a: XY, b: XY, exclude: Collection[str] = ()) -> list[str]:
        """The cards (not in ``exclude``) the segment a-b runs through."""
        return [
            node_id
            for node_id, rect in self._near(a, b)
            if node_id not in exclude and _segment_hits(a, b, rect)
        ]

    def blocked(self, points: list[XY], exclude: Collection[str]) -> bool:
        """Whether the polyline through ``points`` runs through a card not in ``exclude``."""
        get = self._cells.get
        for a, b in itertools.pairwise(points):
            if self._clear_band(a, b):
                continue
            for p, q in self._outside_bands(a, b):
                low_x, high_x = (p[0], q[0]) if p[0] <= q[0] else (q[0], p[0])
                low_y, high_y = (p[1], q[1]) if p[1] <= q[1] else (q[1], p[1])
                for cell in self._cells_along(p, q):
                    for node_id, rect in get(cell, ()):
                        if (
                            rect[2] <= low_x
                            or rect[0] >= high_x
                            or rect[3] <= low_y
                            or rect[1] >= high_y
                            or node_id in exclude
                        ):
                            continue
                        if _segment_hits(p, q, rect):
                            return True
        return False

    def clear_line(self, a: XY, b: XY, at_a: str | None, at_b: str | None) -> bool:
        """No cheap way to show a line clear here (see :meth:`blocked`)."""
        return False

    def clear_path(self, points: list[XY], at_first: str | None, at_last: str | None) -> bool:
        return False

    def band_between(self, a: XY, b: XY) -> tuple[int, float] | None:
        """The axis (1: a row gap, 0: a column gap) and middle of the free band the middle
        of a-b lies in, if it is a band between two rows (columns) of cards."""
        if self._row_bands.stale or self._column_bands.stale:
            self._refresh_bands()
        for axis, (starts, ends) in ((1, self._rows), (0, self._columns)):
            middle = (a[axis] + b[axis]) / 2
            i = bisect.bisect_right(starts, middle) - 1
            if i >= 0 and starts[i] <= middle <= ends[i] and math.isfinite(starts[i] + ends[i]):
                return axis, (starts[i] + ends[i]) / 2
        return None

    def _outside_bands(self, a: XY, b: XY) -> list[tuple[XY, XY]]:
        """The pieces of a-b outside the free band its middle lies in (the part inside is
        clear): a line from a row to the next is tested only near its ends."""
        if self._row_bands.stale or self._column_bands.stale:
            self._refresh_bands()
        return outside_bands(self._rows, self._columns, a, b)

    def _refresh_bands(self) -> None:
        self._row_bands.refresh()
        self._column_bands.refresh()

    def inside(self, point: XY, exclude: Collection[str]) -> bool:
        x, y = point
        for node_id, (left, top, right, bottom) in self._cells.get(
            (math.floor(x / CELL), math.floor(y / CELL)), ()
        ):
            if node_id not in exclude and left < x < right and top < y < bottom:
                return True
        return False


def _rect_cells(rect: tuple[float, float, float, float]) -> list[tuple[int, int]]:
    """The grid cells a card's grown rectangle is registered in."""
    g0, g1 = math.floor(rect[0] / CELL), math.floor(rect[2] / CELL)
    h0, h1 = math.floor(rect[1] / CELL), math.floor(rect[3] / CELL)
    return [(gx, gy) for gx in range(g0, g1 + 1) for gy in range(h0, h1 + 1)]


class Blockers(Protocol):
    """What the router asks of an index of the cards in the way: :class:`Obstacles` (a
    uniform grid, any drawing) or :class:`argmap.layout.rows.Rows` (cards in rows)."""

    @property
    def boxes(self) -> Mapping[str, Box]: ...

    clearance: float
    longest_bent: float
    searches_left: int
    steps_left: float

    def blocked(self, points: list[XY], exclude: Collection[str]) -> bool: ...

    def clear_line(self, a: XY, b: XY, at_a: str | None, at_b: str | None) -> bool: ...

    def clear_path(self, points: list[XY], at_first: str | None, at_last: str | None) -> bool: ...

    def inside(self, point: XY, exclude: Collection[str]) -> bool: ...

    def within(
        self, left: float, top: float, right: float, bottom: float
    ) -> list[tuple[str, Box]]: ...

    def band_between(self, a: XY, b: XY) -> tuple[int, float] | None: ...


def _in_gap(gaps: tuple[list[float], list[float]], u: float, v: float) -> bool:
    starts, ends = gaps
    low, high = (u, v) if u <= v else (v, u)
    i = bisect.bisect_right(starts, low) - 1
    return i >= 0 and low >= starts[i] and high <= ends[i]


# Ports ------------------------------------------------------------------------------------


def _side(target: Box, x: float, y: float) -> str:
    cx, cy, _hw, hh = target
    if abs(y - (cy - hh)) <= BORDER_GAP + 0.5:
        return "top"
    if abs(y - (cy + hh)) <= BORDER_GAP + 0.5:
        return "bottom"
    return "left" if x < cx else "right"


def _on_side(target: Box, side: str, coordinate: float) -> XY:
    cx, cy, hw, hh = target
    if side == "top":
        return coordinate, cy - hh - BORDER_GAP
    if side == "bottom":
        return coordinate, cy + hh + BORDER_GAP
    if side == "left":
        return cx - hw - BORDER_GAP, coordinate
    return cx + hw + BORDER_GAP, coordinate


def arrival_ports(target: Box, sources: Mapping[str, XY]) -> dict[str, XY]:
    """For each arrow (id -> the point it comes from), where it should end on ``target``.

    Arrows that reach the same side of the card are spaced evenly along its middle part,
    in the order in which they would have arrived; a lone arrow arrives where it points.
    """
    cx, cy, hw, hh = target
    sides: dict[str, list[tuple[float, str, float, float]]] = {}
    # border_xy and _side inlined: a whole map asks this for every card with premises.
    gap, reach = BORDER_GAP, BORDER_GAP + 0.5
    wide, tall = hw + gap, hh + gap
    top, bottom = cy - hh, cy + hh
    for relation_id, (sx, sy) in sources.items():
        dx, dy = sx - cx, sy - cy
        if dx == 0 and dy == 0:
            x, y = cx, cy + hh + gap
        else:
            scale = min(wide / abs(dx) if dx else math.inf, tall / abs(dy) if dy else math.inf)
            x, y = (sx, sy) if scale >= 1.0 else (cx + dx * scale, cy + dy * scale)
        if abs(y - top) <= reach:
            side, along = "top", x
        elif abs(y - bottom) <= reach:
            side, along = "bottom", x
        else:
            side, along = ("left" if x < cx else "right"), y
        if side in sides:
            sides[side].append((along, relation_id, x, y))
        else:
            sides[side] = [(along, relation_id, x, y)]
    ports: dict[str, XY] = {}
    for side, arrivals in sides.items():
        arrivals.sort()
        if len(arrivals) == 1:
            _along, relation_id, x, y = arrivals[0]
            ports[relation_id] = (x, y)
            continue
        horizontal = side in ("top", "bottom")
        half = (hw if horizontal else hh) * SPREAD
        centre = cx if horizontal else cy
        for index, (_along, relation_id, _x, _y) in enumerate(arrivals):
            offset = -half + 2 * half * index / (len(arrivals) - 1)
            ports[relation_id] = _on_side(target, side, centre + offset)
    return ports


# One relation ----------------------------------------------------------------------------

#: Sideways offsets tried, in order: quadratic bends first, then cubic detours that leave
#: sideways, run alongside the obstacle and come back (for a card right between the ends).
_BENDS = (90.0, -90.0, 180.0, -180.0)
_DETOURS = (150.0, -150.0, 240.0, -240.0, 340.0, -340.0)
#: Channel runs: step sideways off the premise (past its half-width), run straight along the
#: channel between stacked cards to the target's level, then in (compact lanes).
_CHANNELS = (30.0, -30.0, 60.0, -60.0, 110.0, -110.0)
#: Pieces a candidate curve is tested in.
_CURVE_STEPS = 12
#: Points of a candidate curve tested first (its middle, then its quarters).
_PROBES = (6, 3, 9)
#: Cells of the fallback grid search, at most.
_MAX_CELLS = 30_000
#: Lines longer than this are not searched for on the grid (they stay as the curves left
#: them): a way round across a whole large map costs more than opening it may.
MAX_SEARCHED_LENGTH = 12000.0


def _end_point(target: Box | XY, port: XY | None, sx: float, sy: float) -> XY:
    if port is not None:
        return port
    if len(target) == 4:
        return border_xy(target, sx, sy)
    # An undercut stops on the rim of the attacked arrow's sign disc.
    tx, ty = target[0], target[1]
    dx, dy = sx - tx, sy - ty
    length = math.hypot(dx, dy)
    reach = SIGN_RADIUS + 1.0
    if length <= reach:
        return sx, sy
    return tx + dx / length * reach, ty + dy / length * reach


def _curve_point(points: list[XY], i: int) -> XY:
    """``_curve(points)[i]``, alone."""
    t = i / _CURVE_STEPS
    if len(points) == 3:
        (ax, ay), (bx, by), (cx, cy) = points
        px, py = ax + (bx - ax) * t, ay + (by - ay) * t
        qx, qy = bx + (cx - bx) * t, by + (cy - by) * t
        return px + (qx - px) * t, py + (qy - py) * t
    if len(points) == 4:
        (ax, ay), (bx, by), (cx, cy), (dx, dy) = points
        px, py = ax + (bx - ax) * t, ay + (by - ay) * t
        qx, qy = bx + (cx - bx) * t, by + (cy - by) * t
        rx, ry = cx + (dx - cx) * t, cy + (dy - cy) * t
        ux, uy = px + (qx - px) * t, py + (qy - py) * t
        vx, vy = qx + (rx - qx) * t, qy + (ry - qy) * t
        return ux + (vx - ux) * t, uy + (vy - uy) * t
    return bezier_point(points, t)


def _curve(points: list[XY]) -> list[XY]:
    """The curve through these control points in :data:`_CURVE_STEPS` pieces: the points of
    :func:`bezier_point`, the same arithmetic unrolled for a quadratic or a cubic."""
    if len(points) <= 2:
        return points
    if len(points) > 4:
        return [bezier_point(points, i / _CURVE_STEPS) for i in range(_CURVE_STEPS + 1)]
    curve = []
    (ax, ay), (bx, by) = points[0], points[1]
    if len(points) == 3:
        cx, cy = points[2]
        for i in range(_CURVE_STEPS + 1):
            t = i / _CURVE_STEPS
            px, py = ax + (bx - ax) * t, ay + (by - ay) * t
            qx, qy = bx + (cx - bx) * t, by + (cy - by) * t
            curve.append((px + (qx - px) * t, py + (qy - py) * t))
        return curve
    (cx, cy), (dx, dy) = points[2], points[3]
    for i in range(_CURVE_STEPS + 1):
        t = i / _CURVE_STEPS
        px, py = ax + (bx - ax) * t, ay + (by - ay) * t
        qx, qy = bx + (cx - bx) * t, by + (cy - by) * t
        rx, ry = cx + (dx - cx) * t, cy + (dy - cy) * t
        ux, uy = px + (qx - px) * t, py + (qy - py) * t
        vx, vy = qx + (rx - qx) * t, qy + (ry - qy) * t
        curve.append((ux + (vx - ux) * t, uy + (vy - uy) * t))
    return curve


def route_relation(
    premises: list[tuple[str, Box]],
    target: Box | XY,
    target_id: str | None = None,
    obstacles: Blockers | None = None,
    port: XY | None = None,
) -> Route:
    """The route of one relation from its premise cards to a card (``target_id``'s box) or,
    for an undercut, a point (the attacked arrow's middle); with ``obstacles``, around every
    card it does not touch. ``port`` fixes where the arrow arrives on a target card.
    """
    if not premises:
        raise ValueError("a relation has at least one premise")
    # A line may touch only the cards at its own ends: a premise line its premise (not the
    # co-premises beside it), the arrow its target.
    ends: set[str] = {target_id} if target_id is not None else set()
    aim = (target[0], target[1]) if port is None else port
    if len(premises) == 1:
        name, box = premises[0]
        start = border_xy(box, *aim)
        end = _end_point(target, port, *start)
        return _avoid(Route(start, end), box, target, {name, *ends}, obstacles, (name, target_id))
    gx = sum(b[0] for _, b in premises) / len(premises)
    gy = sum(b[1] for _, b in premises) / len(premises)
    bx, by = _end_point(target, port, gx, gy)
    length = math.hypot(gx - bx, gy - by) or 1.0
    nx, ny = -(gy - by) / length, (gx - bx) / length
    options = [
        (bx + (gx - bx) * share + nx * side, by + (gy - by) * share + ny * side)
        for share, side in _JUNCTIONS
    ]

    def lines_to(junction: XY) -> tuple[tuple[XY, XY], ...]:
        return tuple((border_xy(box, *junction), junction) for _, box in premises)

    chosen = options[0]
    if obstacles is not None:
        # Best: premise lines and the arrow on all clear; else clear premise lines, the
        # arrow to bend; else a free junction, each blocked premise line routed round.
        # Options are tried in order and the first with everything clear is taken (each
        # test is exact, so trying them lazily chooses what testing them all would).
        first_free = None
        for junction in options:
            if obstacles.inside(junction, ()) or not all(
                _clear(obstacles, border_xy(box, *junction), junction, name, None)
                for name, box in premises
            ):
                continue
            end = _end_point(target, port, *junction)
            if _clear(obstacles, junction, end, None, target_id):
                # All clear: what _avoid would give (the straight arrow), without testing
                # the arrow again.
                return Route(junction, end, lines_to(junction), junction)
            if first_free is None:
                first_free = junction
        if first_free is not None:
            chosen = first_free
        else:
            # The junction stands in open space (the grid search must reach it), best where
            # the arrow on to the target runs clear.
            roomy = [o for o in options if _roomy(obstacles, o)] or options
            spot = next(
                (
                    o
                    for o in roomy
                    if not obstacles.blocked([o, _end_point(target, port, *o)], ends)
                ),
                roomy[0],
            )
            lines = tuple(
                piece
                for name, box in premises
                for piece in _detour_line(box, spot, {name}, obstacles)
            )
            end = _end_point(target, port, *spot)
            return _avoid(
                Route(spot, end, lines, spot), None, target, ends, obstacles, (None, target_id)
            )
    junction, lines = chosen, lines_to(chosen)
    end = _end_point(target, port, *junction)
    return _avoid(
        Route(junction, end, lines, junction), None, target, ends, obstacles, (None, target_id)
    )


def _clear(obstacles: Blockers, a: XY, b: XY, at_a: str | None, at_b: str | None) -> bool:
    """Whether the line a-b (from card ``at_a``, to card ``at_b``; None: a point) runs
    through no card but those two: shown cheaply where the index can, else tested."""
    own = {name for name in (at_a, at_b) if name is not None}
    return obstacles.clear_line(a, b, at_a, at_b) or not obstacles.blocked([a, b], own)


def _roomy(obstacles: Blockers, point: XY, room: float = 16.0) -> bool:
    """Whether ``point`` and the points ``room`` away on every side are clear of cards."""
    x, y = point
    around = ((x, y), (x - room, y), (x + room, y), (x, y - room), (x, y + room))
    return not any(obstacles.inside(p, ()) for p in around)


#: Junction places tried: (share of the way from the target to the premises, sideways px).
_JUNCTIONS = [
    (JUNCTION_SHARE, 0.0),
    (0.3, 0.0),
    (0.6, 0.0),
    (0.2, 0.0),
    (0.75, 0.0),
    (0.45, 60.0),
    (0.45, -60.0),
    (0.3, 120.0),
    (0.3, -120.0),
    (0.85, 0.0),
    (0.1, 0.0),
    (0.92, 0.0),
]


def _detour_line(
    box: Box, junction: XY, own: set[str], obstacles: Blockers | None
) -> tuple[tuple[XY, XY], ...]:
    start = border_xy(box, *junction)
    if obstacles is None or not obstacles.blocked([start, junction], own):
        return ((start, junction),)
    path = _grid_path(start, junction, own, obstacles)
    if path is None:
        return ((start, junction),)
    if len(path) > 2 and not obstacles.blocked([border_xy(box, *path[1]), path[1]], own):
        path[0] = border_xy(box, *path[1])
    return tuple(itertools.pairwise(path))


def _avoid(
    straight: Route,
    premise: Box | None,
    target: Box | XY,
    own: set[str],
    obstacles: Blockers | None,
    cards: tuple[str | None, str | None] = (None, None),
    tested: bool = False,
) -> Route:
    """The straight arrow if it is clear, else the first clear bend, else a way found on a
    grid of free cells (its first legs as plain lines, the last as the arrow). ``cards``:
    the cards at the arrow's start and end (None: a point), to show it clear cheaply;
    ``tested``: the straight arrow is known to be blocked (and not too long to bend)."""
    if obstacles is None:
        return straight
    sx, sy = straight.start
    ex, ey = straight.end
    length = math.hypot(ex - sx, ey - sy) or 1.0
    if not tested:
        if length > obstacles.longest_bent:
            return straight  # straight whether or not it is clear: no need to look along it
        if obstacles.clear_line(straight.start, straight.end, *cards) or not obstacles.blocked(
            [straight.start, straight.end], own
        ):
            return straight
    for controls in _candidates(straight, premise, obstacles, length):
        start = straight.start if premise is None else border_xy(premise, *controls[0])
        end = _end_point(target, None, *controls[-1])
        points = [start, *controls, end]
        # A few points first (a point test is cheap): most candidates fail at one of them.
        if any(obstacles.inside(_curve_point(points, i), own) for i in _PROBES):
            continue
        curve = _curve(points)
        if obstacles.clear_path(curve, *cards) or not obstacles.blocked(curve, own):
            return Route(start, end, straight.premise_lines, straight.junction, tuple(controls))
    path = _grid_path(straight.start, straight.end, own, obstacles)
    if path is None:
        return straight
    if premise is not None and len(path) > 2:
        start = border_xy(premise, *path[1])
        if not obstacles.blocked([start, path[1]], own):
            path[0] = start
    if len(path) > 2:
        path[-1] = _end_point(target, None, *path[-2])
        if obstacles.blocked(path[-2:], own):
            path[-1] = straight.end
    legs = tuple(itertools.pairwise(path[:-1]))
    return Route(path[-2], path[-1], straight.premise_lines + legs, straight.junction)


def _candidates(
    straight: Route, premise: Box | None, obstacles: Blockers, length: float
) -> Iterator[list[XY]]:
    """The control points of the bends to try, in order (made as they are tried: the
    first is usually clear)."""
    sx, sy = straight.start
    ex, ey = straight.end
    nx, ny = -(ey - sy) / length, (ex - sx) / length
    band = obstacles.band_between(straight.start, straight.end)
    if band is not None:  # an S through the free band between two rows (columns)
        axis, middle = band
        yield [(sx, middle), (ex, middle)] if axis == 1 else [(middle, sy), (middle, ey)]
    for o in _BENDS:
        yield [((sx + ex) / 2 + nx * o, (sy + ey) / 2 + ny * o)]
    for o in _DETOURS:
        yield [(sx + nx * o, sy + ny * o), (ex + nx * o, ey + ny * o)]
    if premise is not None:
        cx, cy, hw, hh = premise
        for o in _CHANNELS:  # up (or down) a channel beside the card, then across
            x = cx + math.copysign(hw, o) + o
            yield [(x, cy), (x, ey)]
        for o in _CHANNELS:  # the same for a left-right map
            y = cy + math.copysign(hh, o) + o
            yield [(cx, y), (ex, y)]


def _grid_path(start: XY, end: XY, own: set[str], obstacles: Blockers) -> list[XY] | None:
    """A shortest way from ``start`` to ``end`` through free grid cells (8 neighbours),
    pulled taut into straight legs; None when there is none within reach (the search looks
    further afield twice before it gives up)."""
    span = math.hypot(end[0] - start[0], end[1] - start[1])
    if span > MAX_SEARCHED_LENGTH:
        return None
    pad = 160.0 + span * 0.25
    for _ in range(3):
        if obstacles.searches_left <= 0 or obstacles.steps_left <= 0:
            return None
        obstacles.searches_left -= 1
        found = _search(start, end, own, obstacles, pad)
        if found is not None:
            return found
        pad = pad * 2.5
    return None


def _search(start: XY, end: XY, own: set[str], obstacles: Blockers, pad: float) -> list[XY] | None:
    left, top = min(start[0], end[0]) - pad, min(start[1], end[1]) - pad
    right, bottom = max(start[0], end[0]) + pad, max(start[1], end[1]) + pad
    cell = max(12.0, math.sqrt((right - left) * (bottom - top) / _MAX_CELLS))
    columns, rows = int((right - left) / cell) + 1, int((bottom - top) / cell) + 1
    blocked = bytearray(columns * rows)
    for node_id, (cx, cy, hw, hh) in obstacles.within(left, top, right, bottom):
        if node_id in own:
            continue
        c = obstacles.clearance
        c0, c1 = int((cx - hw - c - left) // cell), int((cx + hw + c - left) // cell)
        r0, r1 = int((cy - hh - c - top) // cell), int((cy + hh + c - top) // cell)
        if c1 < 0 or r1 < 0 or c0 >= columns or r0 >= rows:
            continue
        first, last = max(c0, 0), min(c1, columns - 1)
        if last < first:
            continue
        wall = b"\x01" * (last - first + 1)
        for r in range(max(r0, 0), min(r1, rows - 1) + 1):
            base = r * columns
            blocked[base + first : base + last + 1] = wall

    def index(point: XY) -> int:
        col = min(max(int((point[0] - left) // cell), 0), columns - 1)
        row = min(max(int((point[1] - top) // cell), 0), rows - 1)
        return row * columns + col

    source, goal = index(start), index(end)
    blocked[source] = blocked[goal] = 0
    gc, gr = goal % columns, goal // columns
    diagonal = math.sqrt(2.0)
    best = [math.inf] * (columns * rows)
    best[source] = 0.0
    came: dict[int, int] = {}
    queue = [(0.0, source)]
    # (across, down, length, index step) in the order the neighbours are pushed.
    steps = [
        (dc, dr, length, dr * columns + dc)
        for dc, dr, length in (
            (1, 0, 1.0),
            (-1, 0, 1.0),
            (0, 1, 1.0),
            (0, -1, 1.0),
            (1, 1, diagonal),
            (1, -1, diagonal),
            (-1, 1, diagonal),
            (-1, -1, diagonal),
        )
    ]
    extra = diagonal - 1
    last_column, last_row = columns - 1, rows - 1
    pop, push = heapq.heappop, heapq.heappush
    budget = obstacles.steps_left
    while queue:
        here = pop(queue)[1]
        if here == goal:
            break
        budget -= 1
        if budget <= 0:
            obstacles.steps_left = 0
            return None
        hr, hc = divmod(here, columns)
        cost = best[here]
        for dc, dr, step, delta in steps:
            nc = hc + dc
            if nc < 0 or nc > last_column:
                continue
            nr = hr + dr
            if nr < 0 or nr > last_row:
                continue
            there = here + delta
            if blocked[there]:
                continue
            new = cost + step
            if new < best[there]:
                best[there] = new
                came[there] = here
                ax, ay = abs(nc - gc), abs(nr - gr)
                guess = ax + extra * ay if ax > ay else ay + extra * ax
                push(queue, (new + guess, there))
    obstacles.steps_left = budget
    if best[goal] == math.inf:
        return None
    cells = [goal]
    while cells[-1] != source:
        cells.append(came[cells[-1]])
    cells.reverse()
    centres = [
        (left + (c % columns + 0.5) * cell, top + (c // columns + 0.5) * cell) for c in cells
    ]
    points = [start, *centres[1:-1], end]
    return _taut(points, own, obstacles)


def _taut(points: list[XY], own: set[str], obstacles: Blockers) -> list[XY]:
    """The path with the corners dropped that a clear straight line can skip (greedy, from
    each kept corner as far along as the line stays clear)."""
    taut = [points[0]]
    i = 0
    last = len(points) - 1
    while i < last:
        j = i + 1
        while j < last and not obstacles.blocked([points[i], points[j + 1]], own):
            j += 1
        taut.append(points[j])
        i = j
    return taut


# A whole map ------------------------------------------------------------------------------


def _boxes(positions: Positions, sizes: Mapping[str, Size]) -> dict[str, Box]:
    return {n: (p.x, p.y, sizes[n][0] / 2, sizes[n][1] / 2) for n, p in positions.items()}


def route_map(
    argument_map: ArgumentMap,
    positions: Positions,
    sizes: Mapping[str, Size],
    avoid: bool = True,
) -> dict[str, Route]:
    """Every relation's route (by relation id) for the map laid out at ``positions``: what
    the canvas draws. Relations with no placed premise or target are left out
    (:func:`argmap.layout.map_routes.route_map`: most arrows in one loop)."""
    from argmap.layout.map_routes import route_map as route_all  # it builds on this module

    return route_all(argument_map, positions, sizes, avoid)


def arrows_through_cards(
    argument_map: ArgumentMap,
    positions: Positions,
    sizes: Mapping[str, Size],
    routes: Mapping[str, Route],
) -> int:
    """How many times an arrow passes through a card it does not touch: (relation, card)
    pairs where a line of the relation's route enters the rectangle of a card that is not
    at one of that line's ends (so a premise line crossing a co-premise counts)."""
    boxes = _boxes(positions, sizes)
    cards = Obstacles(boxes, clearance=-0.5)
    relations = {r.id: r for r in argument_map.relations}
    count = 0
    for relation_id, route in routes.items():
        relation = relations.get(relation_id)
        if relation is None:
            continue
        mine = [n for n in (*relation.premises, relation.target) if n in boxes]
        hit: set[str] = set()
        for a, b in route.lines():
            touched = {n for n in mine if _touches(boxes[n], a) or _touches(boxes[n], b)}
            hit.update(cards.through(a, b, touched))
        count += len(hit)
    return count


def _touches(box: Box, point: XY, reach: float = BORDER_GAP + 1.0) -> bool:
    cx, cy, hw, hh = box
    return abs(point[0] - cx) <= hw + reach and abs(point[1] - cy) <= hh + reach


def lines_through_cards(
    positions: Positions,
    sizes: Mapping[str, Size],
    drawn: list[tuple[Collection[str], list[XY]]],
) -> int:
    """The same count for any drawing: (polyline, card) pairs where a polyline enters a card
    not among its own ends (``drawn``: (own node ids, polyline) per arrow)."""
    cards = Obstacles(_boxes(positions, sizes), clearance=-0.5)
    count = 0
    for own, polyline in drawn:
        hit: set[str] = set()
        for a, b in itertools.pairwise(polyline):
            hit.update(cards.through(a, b, own))
        count += len(hit)
    return count
