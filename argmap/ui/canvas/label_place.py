"""Where an arrow's scheme label goes: on the arrow, clear of cards and, if it can, of the other
labels and signs.

Plain geometry (QPointF and QRectF in, a rect or point out), so the choice is easy to test.
Spots are tried in order: beside the sign in the middle of the arrow (either side of the
line), then either side of the line further along it, then straight above, below, right or
left of the sign. The first spot that covers nothing wins; else the one covering least card,
then least of the rest (labels, signs, lines).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF

from argmap.ui.canvas.geometry import SIGN_RADIUS, bezier_point

#: Shares of the way along the arrow tried, the middle (beside the sign) first.
FRACTIONS = (0.5, 0.35, 0.65, 0.2, 0.8)
#: Space left between a label and its line (beyond the sign's rim in the middle).
GAP = 3.0
#: Labels keep this far off cards, clear of their frames.
CARD_MARGIN = 2.0
#: A line under a label counts as this wide a strip of it.
LINE_WEIGHT = 2.0

#: A straight piece of some arrow, which a label had better not hide.
Segment = tuple[QPointF, QPointF]


def place_label(
    size: tuple[float, float],
    path: Sequence[QPointF],
    cards: Iterable[QRectF],
    avoid: Iterable[QRectF] = (),
    lines: Iterable[Segment] = (),
) -> QPointF:
    """The top left corner for a label of ``size`` (width, height) on the arrow whose Bézier
    control points are ``path`` (start, any controls, end): clear of ``cards`` if it can be,
    and of ``avoid`` (other labels, signs) and ``lines`` too if it can be."""
    return pick_spot(label_spots(size, path), cards, avoid, lines).topLeft()


def label_spots(size: tuple[float, float], path: Sequence[QPointF]) -> list[QRectF]:
    """The label's candidate rects along the arrow, best first."""
    width, height = size
    points = [(p.x(), p.y()) for p in path]
    spots: list[QRectF] = []
    for t in FRACTIONS:
        x, y = bezier_point(points, t)
        before = bezier_point(points, max(0.0, t - 0.01))
        after = bezier_point(points, min(1.0, t + 0.01))
        dx, dy = after[0] - before[0], after[1] - before[1]
        length = math.hypot(dx, dy)
        ux, uy = (dx / length, dy / length) if length else (1.0, 0.0)
        nx, ny = -uy, ux  # a normal of the line
        # Right of a steep line first, above a flat one.
        if (abs(nx) >= 0.5 and nx < 0) or (abs(nx) < 0.5 and ny > 0):
            nx, ny = -nx, -ny
        clearance = GAP + (SIGN_RADIUS if t == 0.5 else 0.0)
        # Far enough along the normal that the whole rect lies beyond the line (and sign).
        reach = clearance + abs(nx) * width / 2 + abs(ny) * height / 2
        for side in (1.0, -1.0):
            cx, cy = x + side * nx * reach, y + side * ny * reach
            spots.append(QRectF(cx - width / 2, cy - height / 2, width, height))
    # Last, straight above, below, right or left of the sign (maybe across the line).
    x, y = bezier_point(points, 0.5)
    beside = SIGN_RADIUS + GAP
    spots.append(QRectF(x - width / 2, y - beside - height, width, height))
    spots.append(QRectF(x - width / 2, y + beside, width, height))
    spots.append(QRectF(x + beside, y - height / 2, width, height))
    spots.append(QRectF(x - beside - width, y - height / 2, width, height))
    return spots


def pick_spot(
    spots: Sequence[QRectF],
    cards: Iterable[QRectF],
    avoid: Iterable[QRectF] = (),
    lines: Iterable[Segment] | Callable[[QRectF], Iterable[Segment]] = (),
) -> QRectF:
    """The first spot clear of ``cards`` (kept ``CARD_MARGIN`` off), ``avoid`` and ``lines``;
    else the one covering least card area, then least of the others.

    ``lines`` may instead be a look-up of the lines whose bounding boxes meet a spot (in the
    order the list would give them): then only the spots whose cost is needed are looked up.
    """
    m = CARD_MARGIN
    blocks = [card.adjusted(-m, -m, m, m) for card in cards]
    others = list(avoid)
    if callable(lines):
        under = lines

        def pieces_under(spot: QRectF) -> list[_Piece]:
            return [_piece(a.x(), a.y(), b.x(), b.y()) for a, b in under(spot)]
    else:
        reach = QRectF()
        for spot in spots:
            reach = reach.united(spot)
        pieces = [_piece(a.x(), a.y(), b.x(), b.y()) for a, b in lines_near(lines, reach)]

        def pieces_under(spot: QRectF) -> list[_Piece]:
            return pieces

    # The cost is (card covered, the rest): the rest is worked out only for the spots whose
    # card cost is the least, the same choice as costing every spot, at a fraction of it.
    boxed, boxed_blocks = _boxes(others), _boxes(blocks)
    card_costs = [_covered_boxed(spot, boxed_blocks) for spot in spots]
    least = min(card_costs)
    best = spots[0]
    best_rest = math.inf
    for spot, card_cost in zip(spots, card_costs, strict=True):
        if card_cost != least:
            continue
        rest = _covered_boxed(spot, boxed) + LINE_WEIGHT * _hidden(spot, pieces_under(spot))
        if rest == 0.0 and least == 0.0:
            return spot
        if rest < best_rest:
            best, best_rest = spot, rest
    return best


#: A piece of line: its ends, then its bounding box (left, top, right, bottom).
_Piece = tuple[float, float, float, float, float, float, float, float]


def _piece(x0: float, y0: float, x1: float, y1: float) -> _Piece:
    return (x0, y0, x1, y1, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _hidden(spot: QRectF, pieces: list[_Piece]) -> float:
    """How much line runs under ``spot``; pieces whose boxes miss it hide none of it."""
    left, top, right, bottom = spot.left(), spot.top(), spot.right(), spot.bottom()
    return sum(
        _clip(left, top, right, bottom, x0, y0, x1, y1)
        for x0, y0, x1, y1, low_x, low_y, high_x, high_y in pieces
        if low_x <= right and high_x >= left and low_y <= bottom and high_y >= top
    )


def lines_near(lines: Iterable[Segment], rect: QRectF) -> list[Segment]:
    """The pieces whose bounding boxes meet ``rect`` (only they can run under a spot in it)."""
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    return [
        (a, b)
        for a, b in lines
        if min(a.x(), b.x()) <= right
        and max(a.x(), b.x()) >= left
        and min(a.y(), b.y()) <= bottom
        and max(a.y(), b.y()) >= top
    ]


def _boxes(rects: list[QRectF]) -> list[tuple[float, float, float, float, QRectF]]:
    return [(r.left(), r.top(), r.right(), r.bottom(), r) for r in rects]


def _covered_boxed(spot: QRectF, boxed: list[tuple[float, float, float, float, QRectF]]) -> float:
    """The area of ``spot`` the rects cover (summed); those that do not overlap it add nothing."""
    left, top, right, bottom = spot.left(), spot.top(), spot.right(), spot.bottom()
    area = 0.0
    for low_x, low_y, high_x, high_y, rect in boxed:
        if low_x < right and left < high_x and low_y < bottom and top < high_y:
            common = spot.intersected(rect)
            area += common.width() * common.height()
    return area


def _clip(
    left: float, top: float, right: float, bottom: float, x0: float, y0: float, x1: float, y1: float
) -> float:
    """How much of the segment (x0, y0)-(x1, y1) runs inside the rect (Liang-Barsky)."""
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
        if p == 0:
            if q < 0:
                return 0.0
        elif p < 0:
            if (ratio := q / p) > low:
                low = ratio
        elif (ratio := q / p) < high:
            high = ratio
        if low >= high:
            return 0.0
    return (high - low) * math.hypot(dx, dy)
