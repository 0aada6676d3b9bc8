"""Positions for maps that come without them (opening is not an edit: no command, no undo)."""

from __future__ import annotations

from argmap.model import ArgumentMap, Point
from argmap.ui.canvas.card import CardMeasure, content_for


def fill_missing_positions(argument_map: ArgumentMap) -> bool:
    """Lay out a map none of whose nodes is placed, by the best layout for its shape.

    Only a wholly unplaced map is laid out here: where the user placed some nodes, the canvas
    places the rest beside them (view-only) rather than this moving anything. Returns whether
    positions were filled; without an automatic layout the canvas's fallback does the job.
    """
    nodes = argument_map.nodes
    if not nodes or argument_map.layout.positions:
        return False
    positions = _tree_layout(argument_map)
    if positions is None or any(node.id not in positions for node in nodes):
        return False
    argument_map.layout.positions = {node.id: positions[node.id] for node in nodes}
    return True


def _tree_layout(argument_map: ArgumentMap) -> dict[str, Point] | None:
    try:
        from argmap.layout.best import best_layout
    except ImportError:
        return None
    measure = CardMeasure()
    sizes = {node.id: measure.size(content_for(node)) for node in argument_map.nodes}
    try:
        choice = best_layout(argument_map, sizes)
    except Exception:  # a layout failure must never stop a map from opening
        return None
    # The map says how it was laid out, so the Layout menu shows the choice.
    argument_map.layout.algorithm = choice.algorithm
    argument_map.layout.direction = choice.direction
    return dict(choice.positions)
