"""Mouse modes as small objects: each starts, follows the pointer, finishes or is cancelled.

The view holds at most one active tool; Esc, focus loss and a new gesture all cancel it
through :meth:`MapView.cancel_gesture`, the one path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsRectItem

from argmap.editing import EditError, MoveNodes, link
from argmap.model import Point, RelationKind
from argmap.ui import theme
from argmap.ui.canvas import building
from argmap.ui.canvas.edge_item import EdgeItem
from argmap.ui.canvas.node_item import NodeItem
from argmap.ui.canvas.visibility import to_model

if TYPE_CHECKING:
    from argmap.ui.canvas.view import MapView

#: A press becomes a drag only after the pointer travels this far (view pixels).
DRAG_THRESHOLD = 4
#: A link released on empty canvas this far (view pixels) from its start makes a new card.
NEW_CARD_DRAG_PIXELS = 40


class Tool:
    """A gesture in progress. ``finish`` commits (one command at most); ``cancel`` undoes
    everything the tool showed, leaving the map untouched."""

    def __init__(self, view: MapView) -> None:
        self.view = view

    def start(self, event: QMouseEvent) -> None:
        """Called on the press that begins the gesture."""

    def move(self, event: QMouseEvent) -> None:
        """Called for each pointer move while the gesture lasts."""

    def finish(self, event: QMouseEvent) -> None:
        """Called on the release that ends the gesture."""

    def cancel(self) -> None:
        """Called on Esc or any interruption; must leave no trace."""

    def scene_pos(self, event: QMouseEvent) -> QPointF:
        return self.view.mapToScene(event.position().toPoint())


class PanTool(Tool):
    """Middle-button or Space-drag: scroll the view with the pointer."""

    def start(self, event: QMouseEvent) -> None:
        self._last = event.position().toPoint()
        self.view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        delta = point - self._last
        self._last = point
        hbar, vbar = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        hbar.setValue(hbar.value() - delta.x())
        vbar.setValue(vbar.value() - delta.y())

    def finish(self, event: QMouseEvent) -> None:
        self.view.restore_cursor()

    def cancel(self) -> None:
        self.view.restore_cursor()


class MoveTool(Tool):
    """Drag selected cards; the cards move live, one MoveNodes command lands on release."""

    def __init__(self, view: MapView, node_ids: list[str]) -> None:
        super().__init__(view)
        scene = view.map_scene
        self._origin: dict[str, QPointF] = {}
        for node_id in node_ids:
            item = scene.node_item(node_id)
            if item is not None:
                self._origin[node_id] = item.pos()
        self._press = QPoint()
        self._press_scene = QPointF()
        self._dragging = False

    def start(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        self._press_scene = self.scene_pos(event)

    def move(self, event: QMouseEvent) -> None:
        if not self._dragging:
            travel = (event.position().toPoint() - self._press).manhattanLength()
            if travel < DRAG_THRESHOLD:
                return
            self._dragging = True
        delta = self.scene_pos(event) - self._press_scene
        self.view.map_scene.move_live({n: p + delta for n, p in self._origin.items()})

    def finish(self, event: QMouseEvent) -> None:
        if not self._dragging:
            return
        delta = self.scene_pos(event) - self._press_scene
        scene = self.view.map_scene
        # to_model: in a focus the cards are shown away from their stored places.
        positions = {
            n: to_model(scene, Point.rounded(p.x() + delta.x(), p.y() + delta.y()), n)
            for n, p in self._origin.items()
        }
        if delta.manhattanLength() > 0 and positions:
            self.view.execute(MoveNodes(positions))

    def cancel(self) -> None:
        if self._dragging:
            self.view.map_scene.move_live(dict(self._origin))


class RubberBandTool(Tool):
    """Drag on empty canvas to select the cards the band touches (Shift/Ctrl adds)."""

    def __init__(self, view: MapView, additive: bool) -> None:
        super().__init__(view)
        self._base = view.selection.ids if additive else []
        self._band = QGraphicsRectItem()
        self._band.setPen(QPen(theme.SELECTION_COLOUR, 0, Qt.PenStyle.DashLine))
        fill = QColor(theme.SELECTION_COLOUR)
        fill.setAlpha(30)
        self._band.setBrush(QBrush(fill))
        self._band.setZValue(50)
        self._start = QPointF()

    def start(self, event: QMouseEvent) -> None:
        self._start = self.scene_pos(event)
        self._band.setRect(QRectF(self._start, self._start))
        self.view.map_scene.addItem(self._band)

    def move(self, event: QMouseEvent) -> None:
        self._band.setRect(QRectF(self._start, self.scene_pos(event)).normalized())

    def finish(self, event: QMouseEvent) -> None:
        rect = QRectF(self._start, self.scene_pos(event)).normalized()
        self._remove_band()
        hits = [
            item.node_id
            for item in self.view.map_scene.items(rect)
            if isinstance(item, NodeItem) and rect.intersects(item.scene_card_rect())
        ]
        hits.sort(key=lambda n: (self._y(n), self._x(n)))
        self.view.selection.set([*self._base, *hits])

    def cancel(self) -> None:
        self._remove_band()

    def _remove_band(self) -> None:
        if self._band.scene() is not None:
            self.view.map_scene.removeItem(self._band)

    def _x(self, node_id: str) -> float:
        return self.view.map_scene.view_position(node_id).x

    def _y(self, node_id: str) -> float:
        return self.view.map_scene.view_position(node_id).y


class LinkTool(Tool):
    """Draw a relation from the premises' handle onto a card (support or attack) or onto an
    arrow (an undercut, always an attack).

    The kind comes from the modifiers held on release (Shift: attack, Ctrl: support), else from
    ``view.link_default_kind``, else from a small menu. Several selected cards dragged together
    become the linked premises of one relation.
    """

    def __init__(self, view: MapView, premises: list[str]) -> None:
        super().__init__(view)
        self.premises = premises
        self._line = QGraphicsLineItem()
        self._line.setPen(QPen(theme.HANDLE_COLOUR, 2.0, Qt.PenStyle.DotLine))
        self._line.setZValue(40)
        self._marker = QGraphicsRectItem()
        self._marker.setPen(QPen(theme.SELECTION_COLOUR, 3.0))
        self._marker.setZValue(39)
        self._origin = QPointF()

    def start(self, event: QMouseEvent) -> None:
        self.show_from(self.scene_pos(event))

    def show_from(self, origin: QPointF) -> None:
        self._origin = origin
        self._line.setLine(QLineF(origin, origin))
        self.view.map_scene.addItem(self._line)

    def move(self, event: QMouseEvent) -> None:
        self.point_at(self.scene_pos(event))

    def point_at(self, point: QPointF, target: str | None = None) -> None:
        self._line.setLine(QLineF(self._origin, point))
        target = target or self.target_at(point)
        item = self.view.map_scene.item_for(target) if target else None
        if isinstance(item, NodeItem):
            self._marker.setRect(item.scene_card_rect().adjusted(-4, -4, 4, 4))
        elif isinstance(item, EdgeItem):
            mid = item.mid()
            self._marker.setRect(QRectF(mid.x() - 12, mid.y() - 12, 24, 24))
        if item is None:
            self._hide_marker()
        elif self._marker.scene() is None:
            self.view.map_scene.addItem(self._marker)

    def target_at(self, point: QPointF) -> str | None:
        """The card or arrow under ``point`` that can be a target (never a premise itself)."""
        scene = self.view.map_scene
        for item in scene.items(point):
            item_id = scene.id_for(item)
            if item_id is not None and item_id not in self.premises:
                return item_id
        return None

    def finish(self, event: QMouseEvent) -> None:
        point = self.scene_pos(event)
        target = self.target_at(point)
        self._clear()
        if target is not None:
            self.commit(target, self._kind_from(event.modifiers()))
        elif self._far_enough(point) and not self._on_a_premise(point):
            self.commit_new(point, self._kind_from(event.modifiers()))

    def commit_new(self, point: QPointF, kind: RelationKind | None) -> None:
        """Released on empty canvas: a new claim there, linked from the premises."""
        kind = kind or self.view.link_default_kind or self.view.ask_relation_kind()
        if kind is not None:
            centre = Point(x=point.x(), y=point.y())
            building.add_linked_target(self.view, self.premises, centre, kind)

    def _far_enough(self, point: QPointF) -> bool:
        """A real drag, not a click on the handle: some screen pixels from where it began."""
        distance = QLineF(self._origin, point).length() * self.view.zoom_level()
        return distance >= NEW_CARD_DRAG_PIXELS

    def _on_a_premise(self, point: QPointF) -> bool:
        scene = self.view.map_scene
        return any(scene.id_for(item) in self.premises for item in scene.items(point))

    def cancel(self) -> None:
        self._clear()

    def commit(self, target: str, kind: RelationKind | None) -> None:
        """Add the relation; an arrow target is always an attack; None asks with a menu."""
        if self.view.session.map.has_relation(target):
            kind = RelationKind.ATTACK
        kind = kind or self.view.link_default_kind or self.view.ask_relation_kind()
        if kind is None:
            return
        try:
            command = link(self.view.session.map, self.premises, target, kind)
        except EditError as exc:
            self.view.report(str(exc))
            return
        self.view.execute(command)

    @staticmethod
    def _kind_from(modifiers: Qt.KeyboardModifier) -> RelationKind | None:
        both = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        if modifiers & both == both:  # still held from a Ctrl+Shift+drag start: ask
            return None
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            return RelationKind.ATTACK
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            return RelationKind.SUPPORT
        return None

    def _hide_marker(self) -> None:
        if self._marker.scene() is not None:
            self.view.map_scene.removeItem(self._marker)

    def _clear(self) -> None:
        self._hide_marker()
        if self._line.scene() is not None:
            self.view.map_scene.removeItem(self._line)
