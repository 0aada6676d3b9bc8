"""Where arrows run: from card borders, through a junction for linked premises, to a target.

Plain float arithmetic (QPointF only for the result): routing runs once per relation when a
map opens, so at 5,000 relations every microsecond shows.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF

#: Radius of the sign disc in the middle of an arrow (undercuts end on its rim).
SIGN_RADIUS = 8.0
#: Gap left between an arrow's ends and the card border, so the tip is not hidden by the frame.
BORDER_GAP = 2.0
#: How far from the target, as a share of the way to the premises, linked lines meet.
JUNCTION_SHARE = 0.45

#: A card as (centre x, centre y, half width, half height).
Box = tuple[float, float, float, float]
#: ``hit(x, y)``: whether a point lies on a card an arrow should not run under.
Hit = Callable[[float, float], bool]


@dataclass
class EdgeGeometry:
    """One relation's lines: each premise's line to the junction, then the arrow to the target."""

    start: QPointF
    end: QPointF
    premise_lines: list[tuple[QPointF, QPointF]] = field(default_factory=list)
    junction: QPointF | None = None
    #: Control points when the final arrow bends around cards in its way: one for a
    #: quadratic curve, two for a cubic detour; none for a straight arrow.
    controls: tuple[QPointF, ...] = ()

    @property
    def mid(self) -> QPointF:
        """The middle of the final arrow: where the sign sits and undercuts point."""
        points = [(p.x(), p.y()) for p in (self.start, *self.controls, self.end)]
        x, y = bezier_point(points, 0.5)
        return QPointF(x, y)


def bezier_point(points: list[tuple[float, float]], t: float) -> tuple[float, float]:
    """The point at ``t`` of the Bézier curve with these control points (de Casteljau)."""
    while len(points) > 1:
        points = [
            (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            for a, b in itertools.pairwise(points)
        ]
    return points[0]


def box_of(rect: QRectF) -> Box:
    centre = rect.center()
    return centre.x(), centre.y(), rect.width() / 2, rect.height() / 2


def border_point(rect: QRectF, toward: QPointF, gap: float = BORDER_GAP) -> QPointF:
    """Where the ray from ``rect``'s centre towards ``toward`` leaves the rect (plus ``gap``)."""
    x, y = _border(box_of(rect), toward.x(), toward.y(), gap)
    return QPointF(x, y)


def border_xy(box: Box, tx: float, ty: float, gap: float = BORDER_GAP) -> tuple[float, float]:
    """Where the ray from the card's centre towards (tx, ty) leaves it, ``gap`` outside."""
    return _border(box, tx, ty, gap)


def _border(box: Box, tx: float, ty: float, gap: float = BORDER_GAP) -> tuple[float, float]:
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


def edge_geometry(
    premises: list[Box],
    target: Box | QPointF,
    hit: Hit | None = None,
    port: tuple[float, float] | None = None,
) -> EdgeGeometry:
    """The lines of a relation from cards ``premises`` to a card or (undercut) an arrow's middle.

    A single premise gives one arrow between borders. Linked premises meet at a junction between
    their centroid and the target, and one arrow runs on from there. With ``hit`` (a test for
    points on other cards), a final arrow that would run under a card bends around it. A
    ``port`` fixes where the arrow arrives on a target card (see :mod:`ports`).
    """
    if not premises:
        raise ValueError("a relation has at least one premise")
    aim: Box | QPointF | _Port = target
    if port is not None and not isinstance(target, QPointF):
        aim = _Port(port)
    if len(premises) == 1:
        tx, ty = _centre(aim)
        sx, sy = _border(premises[0], tx, ty)
        ex, ey = _end_point(aim, sx, sy)
        straight = EdgeGeometry(QPointF(sx, sy), QPointF(ex, ey))
        return _avoid(straight, premises[0], target, hit)
    gx = sum(p[0] for p in premises) / len(premises)
    gy = sum(p[1] for p in premises) / len(premises)
    bx, by = _end_point(aim, gx, gy)
    jx, jy = bx + (gx - bx) * JUNCTION_SHARE, by + (gy - by) * JUNCTION_SHARE
    junction = QPointF(jx, jy)
    lines = [(QPointF(*_border(box, jx, jy)), junction) for box in premises]
    ex, ey = _end_point(aim, jx, jy)
    straight = EdgeGeometry(QPointF(junction), QPointF(ex, ey), lines, junction)
    return _avoid(straight, None, target, hit)


#: Sideways offsets tried, in order: quadratic bends first, then cubic detours that leave
#: sideways, run alongside the obstacle and come back (for a card right between the ends).
_BENDS = (90.0, -90.0, 180.0, -180.0)
_DETOURS = (150.0, -150.0, 240.0, -240.0, 340.0, -340.0)
#: Channel runs, tried last: step sideways off the premise (past its half-width), run straight
#: along the channel between stacked cards to the target's level, then in (compact lanes).
_CHANNELS = (30.0, -30.0, 60.0, -60.0, 110.0, -110.0)
#: Sample spacing along an arrow when testing it against cards.
_STEP = 20.0
#: Arrows longer than this stay straight: no bend would clear their way, and testing is costly.
MAX_BENT_LENGTH = 2400.0


def _avoid(
    straight: EdgeGeometry, premise: Box | None, target: Box | QPointF, hit: Hit | None
) -> EdgeGeometry:
    """The straight arrow if it is clear, else the first clear bend (else straight anyway).

    A bent arrow arrives where its last stretch meets the target (not at its spread port):
    the port lies on the side the straight arrow came from, often hemmed in by neighbours.
    """
    if hit is None:
        return straight
    sx, sy = straight.start.x(), straight.start.y()
    ex, ey = straight.end.x(), straight.end.y()
    length = math.hypot(ex - sx, ey - sy) or 1.0
    if length > MAX_BENT_LENGTH or not _blocked(hit, [(sx, sy), (ex, ey)]):
        return straight
    nx, ny = -(ey - sy) / length, (ex - sx) / length
    candidates = [[((sx + ex) / 2 + nx * o, (sy + ey) / 2 + ny * o)] for o in _BENDS]
    candidates += [[(sx + nx * o, sy + ny * o), (ex + nx * o, ey + ny * o)] for o in _DETOURS]
    if premise is not None:
        cx, cy, hw, hh = premise
        for o in _CHANNELS:  # up (or down) a channel beside the card, then across
            x = cx + math.copysign(hw, o) + o
            candidates.append([(x, cy), (x, ey)])
        for o in _CHANNELS:  # the same for a left-right map
            y = cy + math.copysign(hh, o) + o
            candidates.append([(cx, y), (ex, y)])
    for controls in candidates:
        first, last = controls[0], controls[-1]
        start = (sx, sy) if premise is None else _border(premise, *first)
        end = _end_point(target, *last)
        if not _blocked(hit, [start, *controls, end]):
            return EdgeGeometry(
                QPointF(*start),
                QPointF(*end),
                straight.premise_lines,
                straight.junction,
                tuple(QPointF(*c) for c in controls),
            )
    return straight


def _blocked(hit: Hit, points: list[tuple[float, float]]) -> bool:
    reach = sum(math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in itertools.pairwise(points))
    steps = max(4, int(reach / _STEP))
    return any(hit(*bezier_point(points, i / steps)) for i in range(1, steps))


class _Port(tuple[float, float]):
    """A fixed arrival point on a target card's border."""

    __slots__ = ()


def _centre(target: Box | QPointF | _Port) -> tuple[float, float]:
    if isinstance(target, QPointF):
        return target.x(), target.y()
    return target[0], target[1]


def _end_point(target: Box | QPointF | _Port, sx: float, sy: float) -> tuple[float, float]:
    if isinstance(target, _Port):
        return target[0], target[1]
    if not isinstance(target, QPointF):
        return _border(target, sx, sy)
    # An undercut stops on the rim of the attacked arrow's sign disc.
    tx, ty = target.x(), target.y()
    dx, dy = sx - tx, sy - ty
    length = math.hypot(dx, dy)
    reach = SIGN_RADIUS + 1.0
    if length <= reach:
        return sx, sy
    return tx + dx / length * reach, ty + dy / length * reach
