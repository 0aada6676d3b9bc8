"""The best layout for a map's shape: which algorithm and direction, and why, in words.

A tree (every statement bears on one other) reads best as the tidy tree; a map where
statements bear on several others (shared premises, cross links) as layers with fewest
crossings; a map whose parts are broad and shallow (one claim with forty premises) reads
better left to right, or folded (compact). The candidates are laid out and measured: a
drawing whose longer side is more than three times its shorter is used only when every
candidate is (then the one nearest the aspect asked for), unless it fits a screen whole
at full size; among the rest the fewest arrows
through cards, then the fewest crossings win, the simpler layout (and the map's own
direction) first among equals.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from argmap.layout.edges import statement_edges
from argmap.layout.geometry import Positions, Size
from argmap.layout.metrics import bounding_box, count_crossings
from argmap.layout.packing import EXPORT_ASPECT, parts_of
from argmap.layout.routing import arrows_through_cards, route_map
from argmap.layout.sizes import sizes_for
from argmap.model import ArgumentMap, Direction

__all__ = ["MAX_SIDE_RATIO", "Choice", "best_layout", "map_shape"]

#: A drawing's longer side at most this many times its shorter one.
MAX_SIDE_RATIO = 3.0
#: A drawing that fits this (width, height) is read whole at full size, whatever its sides.
SCREEN = (1800.0, 1000.0)
#: Above this many statements only the fast layouts are tried (and not measured for crossings).
MEASURE_LIMIT = 600


@dataclass(frozen=True)
class Shape:
    """What the choice looks at: statements, separate parts, statements bearing on more than
    one other (shared premises and cross links), and linked arguments."""

    statements: int
    parts: int
    shared: int
    linked: int


@dataclass(frozen=True)
class Choice:
    """The layout chosen, its positions, and a sentence saying why."""

    algorithm: str
    direction: Direction
    positions: Positions
    reason: str

    @property
    def label(self) -> str:
        way = "top to bottom" if self.direction == Direction.TOP_BOTTOM else "left to right"
        return f"the {self.algorithm} layout, {way}"


def map_shape(argument_map: ArgumentMap) -> Shape:
    """The counts :func:`best_layout` decides by."""
    targets: dict[str, set[str]] = {}
    for edge in statement_edges(argument_map):
        targets.setdefault(edge.premise, set()).add(edge.target)
    return Shape(
        statements=len(argument_map.nodes),
        parts=len(parts_of(argument_map)),
        shared=sum(1 for found in targets.values() if len(found) > 1),
        linked=sum(1 for r in argument_map.relations if len(r.premises) > 1),
    )


def _side_ratio(positions: Positions, sizes: Mapping[str, Size]) -> tuple[float, float, bool]:
    """Longer over shorter side, width over height, and whether it fits a screen whole."""
    left, top, right, bottom = bounding_box(positions, sizes)
    width, height = max(right - left, 1.0), max(bottom - top, 1.0)
    fits = width <= SCREEN[0] and height <= SCREEN[1]
    return max(width, height) / min(width, height), width / height, fits


def _reason(shape: Shape, choice: tuple[str, Direction], ratio: float) -> str:
    algorithm, direction = choice
    parts = f"{shape.parts} separate parts packed as a page; " if shape.parts > 1 else ""
    if algorithm == "layered":
        why = (
            f"{shape.shared} statements bear on more than one other, "
            "so layers with fewest crossings"
        )
    elif algorithm == "compact":
        why = "its claims have many premises, so they are stacked in columns"
    else:
        why = "every statement bears on one other, so the tidy tree"
    if direction == Direction.LEFT_RIGHT:
        why += ", left to right because the map is broad and shallow"
    return f"{parts}{why} (sides {ratio:.1f}:1)"


def best_layout(
    argument_map: ArgumentMap,
    sizes: Mapping[str, Size] | None = None,
    aspect: float = EXPORT_ASPECT,
) -> Choice:
    """The best layout for ``argument_map``'s shape, laid out (see the module docstring).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(nodes=[Node(id="c", kind="claim"), Node(id="e", kind="evidence")],
    ...                 relations=[Relation(id="r", kind="support", premises=["e"], target="c")])
    >>> best_layout(m).algorithm
    'tree'
    """
    from argmap.layout.api import compute_layout  # the registry imports this module's peers

    all_sizes = sizes_for(argument_map.nodes, sizes)
    shape = map_shape(argument_map)
    own = Direction(argument_map.layout.direction)
    other = Direction.LEFT_RIGHT if own == Direction.TOP_BOTTOM else Direction.TOP_BOTTOM
    first = "layered" if shape.shared else "tree"
    candidates = [(first, own), (first, other), ("compact", own), ("compact", other)]
    edges = [(e.premise, e.target) for e in statement_edges(argument_map)]
    measured = shape.statements <= MEASURE_LIMIT
    best: tuple[tuple[float, ...], tuple[str, Direction], Positions, float] | None = None
    for rank, (algorithm, direction) in enumerate(candidates):
        positions = compute_layout(argument_map, algorithm, direction, all_sizes, aspect=aspect)
        ratio, drawn_aspect, fits = _side_ratio(positions, all_sizes)
        through = crossings = 0
        if measured:
            routes = route_map(argument_map, positions, all_sizes)
            through = arrows_through_cards(argument_map, positions, all_sizes, routes)
            crossings = count_crossings(positions, edges)
        score = (
            ratio if ratio > MAX_SIDE_RATIO and not fits else 0.0,
            float(through),
            float(crossings),
            float(rank),
            abs(math.log(drawn_aspect / aspect)),
        )
        if best is None or score < best[0]:
            best = (score, (algorithm, direction), positions, ratio)
        if not measured and (ratio <= MAX_SIDE_RATIO or fits):
            break
    assert best is not None
    _, (algorithm, direction), positions, ratio = best
    return Choice(algorithm, direction, positions, _reason(shape, (algorithm, direction), ratio))
