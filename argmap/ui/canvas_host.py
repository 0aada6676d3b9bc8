"""The canvas as the main window uses it: made, its actions sorted, its cards measured."""

from __future__ import annotations

from argmap.editing import EditSession
from argmap.model import Node, Point
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas.card import CardMeasure, content_for
from argmap.ui.canvas.view import MapView
from argmap.ui.canvas.visibility import to_model
from argmap.ui.placement import Box, free_position
from argmap.ui.selection import SelectionModel


def make_canvas(session: EditSession, bridge: SessionBridge, selection: SelectionModel) -> MapView:
    """The map canvas on the window's session and selection."""
    return MapView(session, bridge, selection)


class CanvasPlacer:
    """Places new nodes by the cards as the canvas shows them (real sizes, unplaced too)."""

    def __init__(self, view: MapView) -> None:
        self.view = view
        self._measure = CardMeasure()

    def boxes(self) -> dict[str, Box]:
        scene = self.view.map_scene
        sizes = scene.card_sizes()
        return {
            item.node_id: (scene.view_position(item.node_id), sizes[item.node_id])
            for item in scene.node_items()
            if item.node_id in sizes
        }

    def __call__(self, node: Node, near: str | None) -> Point:
        """Where ``node`` (not yet in the map) should go, beside ``near`` if it is a card."""
        size = self._measure.size(content_for(node))
        # Placed by the cards as shown; in a focus those are away from their stored places.
        return to_model(self.view.map_scene, free_position(self.boxes(), size, near), near)
