"""Others' selections drawn on the map: each selected card outlined in the person's colour,
with their name on a tag above it."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from argmap.collab.room import Person
from argmap.ui.canvas.scene import MapScene

#: Above the cards and arrows, below nothing.
Z_PRESENCE = 50.0
MARGIN = 5.0


class PresenceOverlay:
    """Draws where the others are; :meth:`show` redraws from a list of people."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self._items: list[QGraphicsItem] = []
        self.people: list[Person] = []
        scene.rebuilt.connect(self.redraw)  # a rebuild clears the scene, these items too

    def show(self, people: list[Person]) -> None:
        self.people = list(people)
        self.redraw()

    def outlined(self) -> dict[str, list[str]]:
        """Card id -> names of the people who have it selected (what is drawn)."""
        found: dict[str, list[str]] = {}
        for person in self.people:
            for node_id in person.selection:
                if self.scene.node_item(node_id) is not None:
                    found.setdefault(node_id, []).append(person.name)
        return found

    def redraw(self) -> None:
        self.clear()
        stacked: dict[str, int] = {}
        for person in self.people:
            colour = QColor(person.colour)
            for node_id in person.selection:
                item = self.scene.node_item(node_id)
                if item is None:
                    continue
                level = stacked.get(node_id, 0)
                stacked[node_id] = level + 1
                grow = MARGIN + 4 * level
                rect = item.scene_card_rect().adjusted(-grow, -grow, grow, grow)
                self._outline(rect, colour)
                self._tag(rect, person.name, colour, level)

    def _outline(self, rect: QRectF, colour: QColor) -> None:
        outline = QGraphicsRectItem(rect)
        pen = QPen(colour, 3.0)
        pen.setCosmetic(True)
        outline.setPen(pen)
        outline.setBrush(Qt.BrushStyle.NoBrush)
        self._add(outline)

    def _tag(self, rect: QRectF, name: str, colour: QColor, level: int) -> None:
        """The name on a tag above the card's corner, the same size at every zoom."""
        text = QGraphicsSimpleTextItem(name)
        text.setBrush(QBrush(QColor("white")))
        size = text.boundingRect()
        tag = QGraphicsRectItem(QRectF(0, -size.height() - 4, size.width() + 8, size.height() + 2))
        tag.setBrush(QBrush(colour))
        tag.setPen(QPen(Qt.PenStyle.NoPen))
        tag.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        tag.setPos(rect.left(), rect.top())
        text.setParentItem(tag)
        text.setPos(4, -size.height() - 3)
        if level:
            tag.moveBy(0, 0)
            tag.setPos(rect.left(), rect.bottom() + size.height() + 6)
        self._add(tag)

    def _add(self, item: QGraphicsItem) -> None:
        item.setZValue(Z_PRESENCE)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        item.setData(0, "presence")
        self.scene.addItem(item)
        self._items.append(item)

    def clear(self) -> None:
        for item in self._items:
            with contextlib.suppress(RuntimeError):  # already deleted by a scene rebuild
                if item.scene() is self.scene:
                    self.scene.removeItem(item)
        self._items.clear()
