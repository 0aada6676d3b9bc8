"""Seminar marks on the cards: the author's colour stripe and the tally of positions.

Both are child items of the card (they move with it) redrawn after every change: a stripe
down the card's left edge in its author's colour while View > Colour by Author is on, and
a small tally under the card (``✓ 2  ✗ 1  ? 1``) whenever anyone took a position on it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from argmap.model import ArgumentMap, Stance
from argmap.seminar.positions import tally
from argmap.ui.canvas.scene import MapScene

STRIPE_WIDTH = 7.0
NO_AUTHOR = QColor("#b8bec6")
MARK_Z = 40.0


def tally_text(counts: dict[Stance, int]) -> str:
    """``✓ 2  ✗ 1  ? 1`` (stances nobody holds left out)."""
    signs = ((Stance.AGREE, "✓"), (Stance.DISAGREE, "✗"), (Stance.UNSURE, "?"))
    return "  ".join(f"{sign} {counts[stance]}" for stance, sign in signs if counts.get(stance))


class CardMarks:
    """Keeps the stripes and tallies of one scene in step with the map."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.colour_by_author = False
        self.stripes: dict[str, QGraphicsRectItem] = {}
        self.tallies: dict[str, QGraphicsSimpleTextItem] = {}
        self.pills: dict[str, QGraphicsRectItem] = {}

    def clear(self) -> None:
        for item in [*self.stripes.values(), *self.pills.values()]:
            owner = item.scene()
            if owner is not None:
                owner.removeItem(item)
        self.stripes.clear()
        self.tallies.clear()
        self.pills.clear()

    def refresh(self, argument_map: ArgumentMap) -> None:
        self.clear()
        colours = {p.id: QColor(p.colour) for p in argument_map.participants}
        counts = tally(argument_map)
        for node in argument_map.nodes:
            card = self.scene.node_item(node.id)
            if card is None:
                continue
            rect = card.card_rect()
            if self.colour_by_author:
                colour = colours.get(node.author or "", NO_AUTHOR)
                stripe = QGraphicsRectItem(
                    QRectF(rect.left(), rect.top(), STRIPE_WIDTH, rect.height()), card
                )
                stripe.setPen(QPen(Qt.PenStyle.NoPen))
                stripe.setBrush(QBrush(colour))
                stripe.setZValue(MARK_Z)
                stripe.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                stripe.setToolTip(_author_tip(argument_map, node.author))
                self.stripes[node.id] = stripe
            if node.id in counts:
                self._tally(node.id, tally_text(counts[node.id]), card, rect)

    def _tally(self, node_id: str, text: str, card: QGraphicsItem, rect: QRectF) -> None:
        """The tally on a white pill just under the card's left corner (over any arrow)."""
        mark = QGraphicsSimpleTextItem(text)
        font = QFont()
        font.setPixelSize(11)
        font.setBold(True)
        mark.setFont(font)
        mark.setBrush(QBrush(QColor("#33414f")))
        size = mark.boundingRect()
        pill = QGraphicsRectItem(QRectF(0, 0, size.width() + 8, size.height() + 2), card)
        pill.setPos(rect.left() + 4, rect.bottom() + 2)
        pill.setPen(QPen(QColor("#9aa3ad"), 0.8))
        pill.setBrush(QBrush(QColor("white")))
        pill.setZValue(MARK_Z)
        pill.setToolTip("Positions: agree ✓, disagree ✗, unsure ? (the inspector lists who)")
        mark.setParentItem(pill)
        mark.setPos(4, 1)
        self.pills[node_id] = pill
        self.tallies[node_id] = mark


def _author_tip(argument_map: ArgumentMap, author: str | None) -> str:
    names = {p.id: p.name for p in argument_map.participants}
    return f"By {names.get(author, author)}" if author else "No author recorded"
