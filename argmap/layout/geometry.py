"""Shared vocabulary of the layouts: card sizes, spacing, and the change to model points.

Every algorithm works in two axes, *breadth* (along a row of siblings) and *depth* (from a
claim down to what bears on it). Top-down, breadth is x and depth is y; left-right, breadth is
y and depth is x. Writing the algorithms once in those terms gives both directions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import TypeAdapter

from argmap.model import Direction, Point

__all__ = ["XY", "Positions", "Size", "Spacing", "spacing_for", "to_points"]

#: (width, height) of a card in scene pixels.
Size = tuple[float, float]
#: A card centre as plain floats (what the algorithms compute; cheaper than a model Point).
XY = tuple[float, float]
#: Card centres by node id, as the model stores them.
Positions = dict[str, Point]


@dataclass(frozen=True)
class Spacing:
    """Free space kept between cards, in scene pixels.

    ``sibling`` separates premises under one claim, ``linked`` the co-premises of one linked
    argument (closer, so they read as one), ``sides`` the last support from the first attack
    (wider, so counterarguments stand visibly apart), ``subtree`` neighbouring cards of
    different parents, and ``level`` one row from the next.
    """

    sibling: float
    linked: float
    sides: float
    subtree: float
    level: float


#: Top-down: rows of wide cards need more room between rows than beside each other.
TOP_BOTTOM_SPACING = Spacing(sibling=30.0, linked=14.0, sides=60.0, subtree=30.0, level=70.0)
#: Left-right: siblings are stacked, so the breadth gaps are vertical and can be tighter.
LEFT_RIGHT_SPACING = Spacing(sibling=18.0, linked=8.0, sides=40.0, subtree=18.0, level=90.0)


def spacing_for(direction: Direction) -> Spacing:
    """The default spacing of a layout growing in ``direction``."""
    return LEFT_RIGHT_SPACING if direction == Direction.LEFT_RIGHT else TOP_BOTTOM_SPACING


def breadth_depth(size: Size, direction: Direction) -> tuple[float, float]:
    """A card's extent along the breadth and the depth axis."""
    width, height = size
    return (height, width) if direction == Direction.LEFT_RIGHT else (width, height)


def to_points(centres: Mapping[str, XY]) -> Positions:
    """Model points (not rounded: saving rounds them, and ``round`` would cost a third of the
    tree layout's time)."""
    # One validation call for the whole mapping runs entirely in pydantic-core: a quarter
    # faster than constructing each Point (BaseModel.__init__ is Python), and three times
    # faster than model_construct, which skips validation but runs in Python.
    return _POSITIONS.validate_python({n: {"x": x, "y": y} for n, (x, y) in centres.items()})


_POSITIONS: TypeAdapter[Positions] = TypeAdapter(Positions)
