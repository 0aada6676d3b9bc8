"""Where arrows run, as the canvas draws them: the layout's routes in Qt points.

The routing itself (card borders, junctions of linked premises, bends around cards) is the
layout's (:mod:`argmap.layout.routing`), so the canvas, ``argmap render`` and every export
draw the same arrows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF

from argmap.layout.routing import (
    BORDER_GAP,
    SIGN_RADIUS,
    Obstacles,
    Route,
    border_xy,
    route_relation,
)

__all__ = [
    "BORDER_GAP",
    "SIGN_RADIUS",
    "Box",
    "EdgeGeometry",
    "Hit",
    "bezier_point",
    "border_point",
    "border_xy",
    "box_of",
    "edge_geometry",
    "geometry_of",
]

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
    x, y = border_xy(box_of(rect), toward.x(), toward.y(), gap)
    return QPointF(x, y)


def edge_geometry(
    premises: list[tuple[str, Box]],
    target: Box | QPointF,
    target_id: str | None = None,
    obstacles: Obstacles | None = None,
    port: tuple[float, float] | None = None,
) -> EdgeGeometry:
    """The lines of a relation from cards ``premises`` (id, box) to a card or (undercut) an
    arrow's middle, routed around the other cards by the layout's router
    (:func:`argmap.layout.routing.route_relation`): what every export draws too."""
    aim: Box | tuple[float, float] = (
        (target.x(), target.y()) if isinstance(target, QPointF) else target
    )
    return geometry_of(route_relation(premises, aim, target_id, obstacles, port))


def geometry_of(route: Route) -> EdgeGeometry:
    """A layout route as the canvas's geometry (Qt points)."""
    return EdgeGeometry(
        QPointF(*route.start),
        QPointF(*route.end),
        [(QPointF(*a), QPointF(*b)) for a, b in route.premise_lines],
        QPointF(*route.junction) if route.junction is not None else None,
        tuple(QPointF(*c) for c in route.controls),
    )
