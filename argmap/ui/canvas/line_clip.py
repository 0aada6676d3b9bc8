"""The stretches of an arrow's lines that lie in a small part of the scene, for a repaint of
that part to stroke only them.

Qt strokes a path along its whole length and only then clips it: an arrow half a million
pixels long crossing a repainted card costs about 100 µs to draw, its stretch inside the card
a few. Straight lines are cut exactly (Liang-Barsky), a dashed one where one of the whole
line's dash patterns starts, a few pixels before the part, so its dashes fall where the whole
line's do: the pixels in the part are those of the whole line. A curve is kept whole when it
comes near the part and left out when it does not (found by halving it: a Bézier curve stays
inside the box of its control points). Cut curves would not give the same pixels: Qt strokes a
curve through offset curves fitted to it piece by piece, and dashes it along its own flattened
polyline, so a cut-out stretch comes out up to a tenth of a pixel aside and its dashes shifted.
A dashed curve drawn on pixels is the exception (:func:`dashed_curve_piece`): kept whole, Qt
drifts its dashes where it reaches off the picture, so it is drawn as the polyline Qt would
flatten it to, cut where the dash pattern starts near the part.
"""

from __future__ import annotations

import bisect
import itertools
import math

from PySide6.QtCore import QLineF, QPointF
from PySide6.QtGui import QPainterPath, QTransform

#: (left, top, right, bottom) in the lines' coordinates.
Area = tuple[float, float, float, float]
#: A cubic Bézier curve's control points as x0, y0, x1, y1, x2, y2, x3, y3.
Cubic = tuple[float, float, float, float, float, float, float, float]
#: A straight line (x0, y0, x1, y1) or a cubic curve.
Stroke = tuple[float, float, float, float] | Cubic

#: Parameters closer than this are one point: halving stops there whatever the size.
_SMALLEST_SPAN = 1e-9


def strokes_of(lines: QPainterPath) -> tuple[Stroke, ...]:
    """The straight lines and cubic curves of ``lines``, whose subpaths are each one line or
    one curve (an arrow's are), as numbers."""
    strokes: list[Stroke] = []
    x = y = 0.0
    count = lines.elementCount()
    i = 0
    while i < count:
        element = lines.elementAt(i)
        if element.isMoveTo():
            x, y = element.x, element.y
            i += 1
        elif element.isLineTo():
            strokes.append((x, y, element.x, element.y))
            x, y = element.x, element.y
            i += 1
        else:  # a cubic: this element is the first control, then the second and the end
            second, end = lines.elementAt(i + 1), lines.elementAt(i + 2)
            strokes.append((x, y, element.x, element.y, second.x, second.y, end.x, end.y))
            x, y = end.x, end.y
            i += 3
    return tuple(strokes)


def pieces_in(
    strokes: tuple[Stroke, ...],
    area: Area,
    dash_period: float = 0.0,
    flat_scale: float | None = None,
) -> QPainterPath:
    """The stretches of ``strokes`` (see :func:`strokes_of`) that may show in ``area``, as one
    path to stroke instead of the whole lines.

    ``dash_period``: the length of the pen's dash pattern (0 for a solid pen); each stretch
    then starts a whole number of patterns from the start of its line, as the whole line's
    dashes do. ``flat_scale``: a dashed curve is flattened at this scale and cut likewise (see
    :func:`dashed_curve_piece`); None: kept whole.
    """
    pieces = QPainterPath()
    for stroke in strokes:
        if len(stroke) == 4:
            _add_line_piece(pieces, stroke, area, dash_period)
        elif dash_period and flat_scale is not None:
            if curve_meets(stroke, area):
                dashed_curve_piece(pieces, stroke, area, dash_period, flat_scale)
        else:
            _curve_pieces(pieces, stroke, area)
    return pieces


def lines_in(
    strokes: tuple[Stroke, ...], area: Area, dash_period: float = 0.0
) -> list[QLineF] | None:
    """The same stretches as :func:`pieces_in` as separate lines, for ``QPainter.drawLines``
    (the same pixels, without building a path); None when ``strokes`` has a curve."""
    found: list[QLineF] = []
    for stroke in strokes:
        if len(stroke) != 4:
            return None
        piece = _line_piece(stroke, area, dash_period)
        if piece is not None:
            found.append(QLineF(*piece))
    return found


def _add_line_piece(
    pieces: QPainterPath,
    line: tuple[float, float, float, float],
    area: Area,
    dash_period: float,
) -> None:
    piece = _line_piece(line, area, dash_period)
    if piece is not None:
        x0, y0, x1, y1 = piece
        pieces.moveTo(x0, y0)
        pieces.lineTo(x1, y1)


def _line_piece(
    line: tuple[float, float, float, float], area: Area, dash_period: float
) -> tuple[float, float, float, float] | None:
    """The stretch of ``line`` that may show in ``area`` (its end kept exact when it is
    there), or None."""
    x0, y0, x1, y1 = line
    dx, dy = x1 - x0, y1 - y0
    span = _line_span(x0, y0, dx, dy, area)
    if span is None:
        return None
    low, high = span
    if dash_period and low > 0.0:
        length = math.hypot(dx, dy)
        # Back to where the dash pattern last started.
        low = max(0.0, low - (length * low) % dash_period / length)
    if high == 1.0:
        return (x0 + dx * low, y0 + dy * low, x1, y1)
    return (x0 + dx * low, y0 + dy * low, x0 + dx * high, y0 + dy * high)


def _line_span(
    x0: float, y0: float, dx: float, dy: float, area: Area
) -> tuple[float, float] | None:
    """The parameters (0..1) between which the line from (x0, y0) by (dx, dy) is in ``area``
    (Liang-Barsky); None when it misses."""
    left, top, right, bottom = area
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
        if p == 0.0:
            if q < 0.0:
                return None
            continue
        u = q / p
        if p < 0.0:
            low = max(low, u)
        else:
            high = min(high, u)
    return (low, high) if low <= high else None


def line_meets(x0: float, y0: float, x1: float, y1: float, area: Area) -> bool:
    """Whether the segment (x0, y0)-(x1, y1) touches the closed rectangle ``area``."""
    return _line_span(x0, y0, x1 - x0, y1 - y0, area) is not None


def flattened(curve: Cubic, scale: float) -> list[tuple[float, float]]:
    """``curve`` as the polyline Qt would stroke for it at ``scale`` (device pixels per unit),
    worked out at no offset: the same points wherever on the device it is drawn."""
    x0, y0, x1, y1, x2, y2, x3, y3 = curve
    path = QPainterPath(QPointF(x0, y0))
    path.cubicTo(x1, y1, x2, y2, x3, y3)
    scale = max(scale, 1e-3)
    polygon = path.toSubpathPolygons(QTransform.fromScale(scale, scale))[0]
    return [(point.x() / scale, point.y() / scale) for point in polygon.toList()]


def dashed_curve_piece(
    pieces: QPainterPath, curve: Cubic, area: Area, dash_period: float, scale: float
) -> None:
    """Add the stretch of the dashed ``curve`` that may show in ``area``, flattened (see
    :func:`flattened`): from where the dash pattern last started before the curve first
    enters ``area`` to where it last leaves it.

    Qt skips the dashes of a curve that lie off the device, and the skip drifts: a dashed
    curve reaching past the edge came out with its dashes 1-2 px along where it did not, so a
    strip scrolled into view showed them shifted against the rest. A polyline started on the
    pattern near the area has nothing to skip."""
    points = flattened(curve, scale)
    lengths = [0.0]
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        lengths.append(lengths[-1] + math.hypot(bx - ax, by - ay))
    enter: tuple[int, float] | None = None
    leave = (0, 0.0)
    for i, ((ax, ay), (bx, by)) in enumerate(itertools.pairwise(points)):
        span = _line_span(ax, ay, bx - ax, by - ay, area)
        if span is not None:
            if enter is None:
                enter = (i, span[0])
            leave = (i, span[1])
    if enter is None:
        return
    i, low = enter
    at = lengths[i] + (lengths[i + 1] - lengths[i]) * low
    if dash_period:
        at -= at % dash_period
    first = max(0, min(bisect.bisect_right(lengths, at) - 1, len(points) - 2))
    pieces.moveTo(*_along(points, lengths, first, at))
    last, high = leave
    for k in range(first + 1, last + 1):
        pieces.lineTo(*points[k])
    (ax, ay), (bx, by) = points[last], points[last + 1]
    pieces.lineTo(ax + (bx - ax) * high, ay + (by - ay) * high)


def _along(
    points: list[tuple[float, float]], lengths: list[float], i: int, at: float
) -> tuple[float, float]:
    """The point ``at`` along the polyline, on its segment ``i``."""
    (ax, ay), (bx, by) = points[i], points[i + 1]
    size = lengths[i + 1] - lengths[i]
    t = (at - lengths[i]) / size if size else 0.0
    return ax + (bx - ax) * t, ay + (by - ay) * t


def _curve_pieces(pieces: QPainterPath, curve: Cubic, area: Area) -> None:
    if curve_meets(curve, area):
        x0, y0, x1, y1, x2, y2, x3, y3 = curve
        pieces.moveTo(x0, y0)
        pieces.cubicTo(x1, y1, x2, y2, x3, y3)


def curve_meets(curve: Cubic, area: Area) -> bool:
    """Whether ``curve`` may pass through ``area``: False only when it surely misses it.
    Halves it until a piece lies inside the area, or is no bigger than a quarter of it and
    its box meets it; pieces whose boxes miss the area are dropped."""
    left, top, right, bottom = area
    limit = max(right - left, bottom - top) / 4
    stack = [(1.0, curve)]
    while stack:
        span, part = stack.pop()
        xs, ys = part[0::2], part[1::2]
        min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
        if max_x < left or min_x > right or max_y < top or min_y > bottom:
            continue
        if (
            (min_x >= left and max_x <= right and min_y >= top and max_y <= bottom)
            or (max_x - min_x <= limit and max_y - min_y <= limit)
            or span < _SMALLEST_SPAN
        ):
            return True
        stack.extend((span / 2, half) for half in _halves(part))
    return False


def _halves(curve: Cubic) -> tuple[Cubic, Cubic]:
    x0, y0, x1, y1, x2, y2, x3, y3 = curve
    ax, ay = (x0 + x1) / 2, (y0 + y1) / 2
    bx, by = (x1 + x2) / 2, (y1 + y2) / 2
    cx, cy = (x2 + x3) / 2, (y2 + y3) / 2
    dx, dy = (ax + bx) / 2, (ay + by) / 2
    ex, ey = (bx + cx) / 2, (by + cy) / 2
    mx, my = (dx + ex) / 2, (dy + ey) / 2
    return (x0, y0, ax, ay, dx, dy, mx, my), (mx, my, ex, ey, cx, cy, x3, y3)


def stretch_boxes(strokes: tuple[Stroke, ...], area: Area, size: float, reach: float) -> list[Area]:
    """Boxes covering the stretches of ``strokes`` inside ``area``, each around no more than
    about ``size`` of a line and grown by ``reach``: what to repaint when the lines come or go,
    instead of the box of a long arrow, most of which they do not cross."""
    boxes: list[Area] = []
    for stroke in strokes:
        if len(stroke) == 4:
            _line_boxes(boxes, stroke, area, size, reach)
        else:
            _curve_boxes(boxes, stroke, area, size, reach)
    return boxes


def _line_boxes(
    boxes: list[Area],
    line: tuple[float, float, float, float],
    area: Area,
    size: float,
    reach: float,
) -> None:
    x0, y0, x1, y1 = line
    dx, dy = x1 - x0, y1 - y0
    span = _line_span(x0, y0, dx, dy, area)
    if span is None:
        return
    low, high = span
    steps = max(1, math.ceil(math.hypot(dx, dy) * (high - low) / size))
    step = (high - low) / steps
    for k in range(steps):
        a, b = low + k * step, low + (k + 1) * step
        xa, ya, xb, yb = x0 + dx * a, y0 + dy * a, x0 + dx * b, y0 + dy * b
        boxes.append(
            (min(xa, xb) - reach, min(ya, yb) - reach, max(xa, xb) + reach, max(ya, yb) + reach)
        )


def _curve_boxes(boxes: list[Area], curve: Cubic, area: Area, size: float, reach: float) -> None:
    left, top, right, bottom = area
    stack = [(1.0, curve)]
    while stack:
        span, part = stack.pop()
        xs, ys = part[0::2], part[1::2]
        min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
        if max_x < left or min_x > right or max_y < top or min_y > bottom:
            continue
        if (max_x - min_x <= size and max_y - min_y <= size) or span < _SMALLEST_SPAN:
            boxes.append((min_x - reach, min_y - reach, max_x + reach, max_y + reach))
            continue
        first, second = _halves(part)
        stack.append((span / 2, second))
        stack.append((span / 2, first))
