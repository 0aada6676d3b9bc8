"""The compare view on the canvas: another map's differences drawn over the open one.

Cards the other map lacks are ghosted red, cards it words differently outlined amber, and the
cards it adds drawn as green-outlined ghosts where a merge would put them (beside what they
connect to), with dashed lines to those. Only drawing: the open map never changes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsTextItem,
)

from argmap.model import ArgumentMap
from argmap.seminar.diff import MapDiff
from argmap.ui.canvas.scene import MapScene

ADDED = QColor("#2e8b3a")
REMOVED = QColor("#c0392b")
CHANGED = QColor("#e69500")
#: Above cards and arrows.
OVERLAY_Z = 50.0
GHOST_SIZE = (220.0, 90.0)


class CompareOverlay:
    """Draws one comparison on a map scene; :meth:`clear` takes it all away again."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.items: list[QGraphicsItem] = []
        self.lines: list[QGraphicsLineItem] = []
        #: the ghost card of each added statement, by its id in the other map
        self.ghosts: dict[str, QGraphicsRectItem] = {}
        self.marks: dict[str, QGraphicsRectItem] = {}
        self._centres: dict[str, QPointF] = {}
        self._labels: list[QGraphicsTextItem] = []

    def clear(self) -> None:
        for item in self.items:
            if item.scene() is not None:
                owner: QGraphicsScene = item.scene()
                owner.removeItem(item)
        self.items.clear()
        self.ghosts.clear()
        self.marks.clear()
        self._centres.clear()
        self._labels.clear()
        self.lines.clear()

    def show(
        self,
        diff: MapDiff,
        other: ArgumentMap,
        preview: ArgumentMap,
        added: dict[str, str],
        new_relations: frozenset[str] = frozenset(),
    ) -> None:
        """Draw ``diff`` (of ``other`` from the open map); ``preview`` is the merge, whose
        layout places the added cards; ``added`` maps other's ids to the preview's, and
        ``new_relations`` are the preview's relations the other map adds (drawn dashed green,
        also between cards both maps have)."""
        self.clear()
        for node_id in diff.nodes.removed:
            self._mark(node_id, REMOVED, ghost=True)
        for node_id, _ in diff.nodes.changed:
            self._mark(node_id, CHANGED, ghost=False)
        texts = other.node_index()
        for other_id in diff.nodes.added:
            merged_id = added.get(other_id, other_id)
            point = preview.layout.positions.get(merged_id)
            if point is None:
                continue
            self._centres[merged_id] = QPointF(point.x, point.y)
            self._ghost(other_id, texts[other_id].text, self._centres[merged_id])
        for relation in preview.relations:
            touches = any(e in self._centres for e in [*relation.premises, relation.target])
            if touches or relation.id in new_relations:
                for premise in relation.premises:
                    self._line(premise, relation.target)

    def _mark(self, node_id: str, colour: QColor, *, ghost: bool) -> None:
        card = self.scene.node_item(node_id)
        if card is None:
            return
        rect = card.card_rect().adjusted(-5, -5, 5, 5)
        mark = QGraphicsRectItem(rect, card)  # a child: it follows the card when moved
        pen = QPen(colour, 4.0, Qt.PenStyle.DashLine if ghost else Qt.PenStyle.SolidLine)
        mark.setPen(pen)
        fill = QColor(colour) if ghost else QColor(0, 0, 0, 0)
        if ghost:
            fill.setAlpha(55)
        mark.setBrush(QBrush(fill))
        mark.setZValue(OVERLAY_Z)
        mark.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.items.append(mark)
        self.marks[node_id] = mark

    def _ghost(self, other_id: str, text: str, centre: QPointF) -> None:
        width, height = GHOST_SIZE
        ghost = QGraphicsRectItem(QRectF(-width / 2, -height / 2, width, height))
        ghost.setPos(centre)
        ghost.setPen(QPen(ADDED, 4.0))
        ghost.setBrush(QBrush(QColor(235, 248, 237, 230)))
        ghost.setZValue(OVERLAY_Z)
        ghost.setToolTip(f"In the other map only: {text}")
        label = QGraphicsTextItem(ghost)
        font = QFont()
        font.setPointSizeF(9.0)
        label.setFont(font)
        label.setDefaultTextColor(QColor("#1d4d24"))
        label.setTextWidth(width - 16)
        label.setPlainText(f"+ {' '.join(text.split())}")
        label.setPos(-width / 2 + 8, -height / 2 + 6)
        self.scene.addItem(ghost)
        self.items.append(ghost)
        self._labels.append(label)  # PySide deletes a child item Python no longer holds
        self.ghosts[other_id] = ghost

    def _line(self, start: str, end: str) -> None:
        points = []
        for node_id in (start, end):
            card = self.scene.node_item(node_id)
            if card is not None:
                points.append(card.sceneBoundingRect().center())
            elif node_id in self._centres:
                points.append(self._centres[node_id])
            else:
                return
        line = QGraphicsLineItem(points[0].x(), points[0].y(), points[1].x(), points[1].y())
        line.setPen(QPen(ADDED, 2.0, Qt.PenStyle.DashLine))
        line.setZValue(OVERLAY_Z - 1)
        self.scene.addItem(line)
        self.items.append(line)
        self.lines.append(line)
