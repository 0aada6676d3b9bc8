"""Where a new node goes: beside the selected card, or right of the map, never on another card.

Pure geometry on card boxes (centre and size), so it works from the model alone or from the
canvas's measured cards.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.layout.freespace import BoxIndex, free_spot
from argmap.model import ArgumentMap, Direction, Point

#: (width, height) of a card in scene pixels.
Size = tuple[float, float]
#: A card as placed: its centre and its size.
Box = tuple[Point, Size]

#: The size assumed for a card nobody measured.
DEFAULT_SIZE: Size = (240.0, 110.0)
#: The least space kept between a new card and any other.
GAP = 40.0


def model_boxes(argument_map: ArgumentMap, size: Size = DEFAULT_SIZE) -> dict[str, Box]:
    """Boxes of the placed nodes, all assumed ``size`` (when no canvas measured them)."""
    return {node_id: (point, size) for node_id, point in argument_map.layout.positions.items()}


def free_position(boxes: Mapping[str, Box], size: Size, near: str | None = None) -> Point:
    """A centre for a new card of ``size`` that keeps :data:`GAP` from every box.

    Beside ``near`` (a node id) when it is placed, otherwise right of all boxes, level with
    their top; from there it moves down past whatever is in the way (the layout engine's
    :func:`~argmap.layout.freespace.free_spot`, which the automatic layouts use too).
    """
    if not boxes:
        return Point(x=0.0, y=0.0)
    width, height = size
    if near is not None and near in boxes:
        (centre, (near_width, _)) = boxes[near]
        x, y = centre.x + near_width / 2 + GAP + width / 2, centre.y
    else:
        right = max(c.x + w / 2 for c, (w, _) in boxes.values())
        top = min(c.y - h / 2 for c, (_, h) in boxes.values())
        x, y = right + GAP + width / 2, top + height / 2
    index = BoxIndex.of(
        {n: c for n, (c, _) in boxes.items()}, {n: s for n, (_, s) in boxes.items()}
    )
    # Along the left-right breadth axis (y), forward only: down past the cards in the way.
    spot = free_spot(index, (x, y), size, GAP, Direction.LEFT_RIGHT, prefer=1)
    return Point.rounded(*spot)
