"""Where arrows arrive on a card: spread along the side they reach, so heads do not pile up."""

from __future__ import annotations

from argmap.ui.canvas.geometry import BORDER_GAP, Box, border_xy

#: Arrivals on one side use the middle part of it, leaving the corners clear.
SPREAD = 0.7


def arrival_ports(
    target: Box, sources: dict[str, tuple[float, float]]
) -> dict[str, tuple[float, float]]:
    """For each arrow (id -> the point it comes from), where it should end on ``target``.

    Arrows that reach the same side of the card are spaced evenly along its middle part,
    in the order in which they would have arrived; a lone arrow arrives where it points.
    """
    cx, cy, hw, hh = target
    sides: dict[str, list[tuple[float, str, float, float]]] = {}
    for relation_id, (sx, sy) in sources.items():
        x, y = border_xy(target, sx, sy)
        side = _side(target, x, y)
        along = x if side in ("top", "bottom") else y
        sides.setdefault(side, []).append((along, relation_id, x, y))
    ports: dict[str, tuple[float, float]] = {}
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


def _side(target: Box, x: float, y: float) -> str:
    cx, cy, _hw, hh = target
    if abs(y - (cy - hh)) <= BORDER_GAP + 0.5:
        return "top"
    if abs(y - (cy + hh)) <= BORDER_GAP + 0.5:
        return "bottom"
    return "left" if x < cx else "right"


def _on_side(target: Box, side: str, coordinate: float) -> tuple[float, float]:
    cx, cy, hw, hh = target
    gap = BORDER_GAP
    if side == "top":
        return coordinate, cy - hh - gap
    if side == "bottom":
        return coordinate, cy + hh + gap
    if side == "left":
        return cx - hw - gap, coordinate
    return cx + hw + gap, coordinate
