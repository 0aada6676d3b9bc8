"""Spatial navigation: which card lies in a direction from the current one."""

from __future__ import annotations

from enum import StrEnum


class Direction(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    UP = "up"
    DOWN = "down"


#: How much a sideways offset counts against a candidate, relative to distance ahead.
SIDEWAYS_PENALTY = 2.5


def neighbour(
    centres: dict[str, tuple[float, float]], current: str, direction: Direction
) -> str | None:
    """The card whose centre is nearest ahead of ``current`` in ``direction``.

    Candidates lie in the half-plane ahead; the score favours cards straight ahead over
    nearer cards far to the side, as in spreadsheet-like keyboard movement.
    """
    if current not in centres:
        return None
    cx, cy = centres[current]
    best: tuple[float, str] | None = None
    for node_id, (x, y) in centres.items():
        if node_id == current:
            continue
        ahead, sideways = _split(x - cx, y - cy, direction)
        if ahead <= 0.5:
            continue
        score = ahead + SIDEWAYS_PENALTY * abs(sideways)
        if best is None or (score, node_id) < best:
            best = (score, node_id)
    return best[1] if best else None


def _split(dx: float, dy: float, direction: Direction) -> tuple[float, float]:
    if direction == Direction.LEFT:
        return -dx, dy
    if direction == Direction.RIGHT:
        return dx, dy
    if direction == Direction.UP:
        return -dy, dx
    return dy, dx
