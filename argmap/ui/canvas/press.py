"""Which mouse tool a press starts: pan, link, move, select or rubber band."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent

from argmap.editing import SetFlag
from argmap.ui.canvas import marks
from argmap.ui.canvas.node_item import HANDLE_RADIUS, NodeItem
from argmap.ui.canvas.tools import LinkTool, MoveTool, PanTool, RubberBandTool, Tool

if TYPE_CHECKING:
    from argmap.ui.canvas.view import MapView

#: Modifiers that add to (or toggle in) the selection instead of replacing it.
ADD_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
#: Held on a card, they start a link (Alt+drag is often taken by the window manager).
LINK_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier


def starts_link(modifiers: Qt.KeyboardModifier) -> bool:
    """Alt, or Ctrl+Shift together, held on a card: drag a relation from it."""
    if modifiers & Qt.KeyboardModifier.AltModifier:
        return True
    return modifiers & LINK_MODIFIERS == LINK_MODIFIERS


def tool_for_press(view: MapView, event: QMouseEvent, space_held: bool) -> Tool | None:
    """The tool for this press; a click on a card or arrow also updates the selection.

    Middle button or Space: pan. On a card's handle, or Alt or Ctrl+Shift on a card: draw a
    relation. On a card: select it and drag. On an arrow: select it. On empty canvas: rubber
    band.
    """
    button = event.button()
    left = button == Qt.MouseButton.LeftButton
    if button == Qt.MouseButton.MiddleButton or (left and space_held):
        return PanTool(view)
    if not left:
        return None
    modifiers = event.modifiers()
    node = node_at(view, event)
    if node is not None and on_fold(view, node, event):
        view.execute(SetFlag("collapsed", [node.node_id], False))  # a click on '+N' expands
        return Tool(view)
    if node is not None and (on_handle(view, node, event) or starts_link(modifiers)):
        return LinkTool(view, _premises_from(view, node.node_id))
    # On a card, the card; else what Qt finds under the pointer (an arrow, or nothing): on a
    # big map thousands of long arrows' boxes cover any point, each asked by Qt's look-up.
    item_id = (
        node.node_id
        if node is not None
        else view.map_scene.id_for(view.itemAt(event.position().toPoint()))
    )
    if item_id is None:
        return RubberBandTool(view, bool(modifiers & ADD_MODIFIERS))
    _click_select(view, item_id, bool(modifiers & ADD_MODIFIERS))
    if node is not None and node.isSelected():
        ids = [i for i in view.selection.ids if view.session.map.has_node(i)]
        return MoveTool(view, ids)
    return Tool(view)  # a click on an arrow: selection only


def node_at(view: MapView, event: QMouseEvent) -> NodeItem | None:
    """The card under the pointer, counting its handle just below the bottom edge."""
    point = view.mapToScene(event.position().toPoint())
    # The scene's card index first (Qt's look-up asks every long arrow whose box covers the
    # point: thousands on a big map with long arrows).
    reach = QRectF(point.x() - 0.5, point.y() - HANDLE_RADIUS, 1.0, HANDLE_RADIUS + 0.5)
    near = [
        item
        for item in view.map_scene.cards_near(reach)
        if item.isVisible()
        and item.scene_card_rect().adjusted(0, 0, 0, HANDLE_RADIUS).contains(point)
    ]
    # Cards overlap: the one drawn on top (cards share a z; a later card is drawn over).
    return max(near, key=lambda item: (item.zValue(), item.order), default=None)


def on_handle(view: MapView, node: NodeItem, event: QMouseEvent) -> bool:
    point = view.mapToScene(event.position().toPoint())
    delta = point - node.handle_center()
    reach = HANDLE_RADIUS + 3 / max(view.zoom_level(), 0.1)  # a few screen pixels of slack
    return QPointF.dotProduct(delta, delta) <= reach * reach


def on_fold(view: MapView, node: NodeItem, event: QMouseEvent) -> bool:
    """Whether the press is on the '+N' pill of a collapsed card."""
    if not node.folded:
        return False
    point = view.mapToScene(event.position().toPoint())
    return marks.fold_rect(node.scene_card_rect(), node.folded).contains(point)


def _click_select(view: MapView, item_id: str, toggle: bool) -> None:
    ids = view.selection.ids
    if toggle:
        view.selection.set([i for i in ids if i != item_id] if item_id in ids else [*ids, item_id])
    elif item_id not in ids:
        view.selection.set([item_id])


def _premises_from(view: MapView, node_id: str) -> list[str]:
    """Dragging from one of several selected cards links them all (a linked argument)."""
    ids = [i for i in view.selection.ids if view.session.map.has_node(i)]
    return ids if node_id in ids else [node_id]
