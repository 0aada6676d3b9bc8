"""View-only positions for nodes the map has not placed (never written to the model)."""

from __future__ import annotations

import math

from argmap.model import ArgumentMap, Point

GRID_GAP_X = 40.0
GRID_GAP_Y = 50.0


def fallback_positions(
    argument_map: ArgumentMap,
    sizes: dict[str, tuple[float, float]],
    missing: list[str],
) -> dict[str, Point]:
    """Centres for the ``missing`` nodes: the tidy tree layout when no node is placed (a map
    made elsewhere, or imported), else a grid right of the placed ones, so nothing overlaps
    what the user arranged.
    """
    if not missing:
        return {}
    placed = argument_map.layout.positions
    if not placed:
        laid_out = _automatic_layout(argument_map, sizes)
        if laid_out is not None and all(node_id in laid_out for node_id in missing):
            return {node_id: laid_out[node_id] for node_id in missing}
    return _grid(argument_map, sizes, missing)


def _automatic_layout(
    argument_map: ArgumentMap, sizes: dict[str, tuple[float, float]]
) -> dict[str, Point] | None:
    """The map's default automatic layout (the tidy tree), or None when it is unavailable."""
    direction = argument_map.layout.direction
    try:
        from argmap.layout.tree import tree_layout
    except ImportError:
        return None
    try:
        return dict(tree_layout(argument_map, direction, sizes=sizes))
    except Exception:  # a layout failure must never stop a map from opening: grid instead
        return None


def _grid(
    argument_map: ArgumentMap, sizes: dict[str, tuple[float, float]], missing: list[str]
) -> dict[str, Point]:
    placed = argument_map.layout.positions
    left = 0.0
    top = 0.0
    if placed:
        left = max(p.x + sizes.get(n, (240.0, 80.0))[0] / 2 for n, p in placed.items())
        left += GRID_GAP_X * 2
        top = min(p.y - sizes.get(n, (240.0, 80.0))[1] / 2 for n, p in placed.items())
    columns = max(1, math.ceil(math.sqrt(len(missing) * 1.5)))
    cell_w = max((sizes[n][0] for n in missing if n in sizes), default=240.0) + GRID_GAP_X
    cell_h = max((sizes[n][1] for n in missing if n in sizes), default=80.0) + GRID_GAP_Y
    result: dict[str, Point] = {}
    for index, node_id in enumerate(missing):
        row, column = divmod(index, columns)
        result[node_id] = Point(
            x=left + cell_w / 2 + column * cell_w, y=top + cell_h / 2 + row * cell_h
        )
    return result
