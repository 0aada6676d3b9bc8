"""View marks on a card: the stack and '+N' of a collapsed card, and the pin of a pinned one.

They say how the card is drawn (collapse and pins are layout settings, not content), so they
sit on the card's edge, away from the header's kind label and the evaluation badge.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

from argmap.ui import theme
from argmap.ui.canvas.card import header_font

#: Sheets drawn under a collapsed card, each this much lower than the one above.
STACK_STEP = 3.5
FOLD_HEIGHT = 16.0
FOLD_COLOUR = QColor("#4a5568")
PIN_COLOUR = QColor("#c0392b")
PIN_RADIUS = 5.5


def fold_text(count: int) -> str:
    """The label of a collapsed card hiding ``count`` cards."""
    return f"+{count}"


def paint_stack(painter: QPainter, card: QRectF) -> None:
    """Two sheets peeking out under the card: more lies folded beneath it."""
    painter.setPen(QPen(QColor("#9aa3ad"), 1.0))
    painter.setBrush(QBrush(theme.CARD_FILL))
    for step in (2, 1):
        inset = 5.0 * step
        sheet = card.adjusted(inset, STACK_STEP * step, -inset, STACK_STEP * step)
        painter.drawRoundedRect(sheet, 5.0, 5.0)


def _fold_font() -> QFont:
    font = header_font()
    font.setBold(True)
    return font


def fold_rect(card: QRectF, count: int) -> QRectF:
    """Where the '+N' pill of a collapsed card sits (a click on it expands the card)."""
    width = max(26.0, QFontMetricsF(_fold_font()).horizontalAdvance(fold_text(count)) + 12.0)
    return QRectF(card.right() - width - 8.0, card.bottom() - 11.0, width, FOLD_HEIGHT)


def paint_fold_count(painter: QPainter, card: QRectF, count: int) -> None:
    """A '+N' pill on the card's bottom right corner."""
    pill = fold_rect(card, count)
    painter.setPen(QPen(QColor("white"), 1.5))
    painter.setBrush(QBrush(FOLD_COLOUR))
    painter.drawRoundedRect(pill, FOLD_HEIGHT / 2, FOLD_HEIGHT / 2)
    painter.setFont(_fold_font())
    painter.setPen(QColor("white"))
    painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), fold_text(count))


def paint_pin(painter: QPainter, card: QRectF) -> None:
    """A push pin stuck in the card's top left corner: automatic layouts leave it alone."""
    # The head just above the card's edge, so the needle shows against the canvas.
    head = QPointF(card.left() + 7.0, card.top() - 4.0)
    needle = QPen(QColor("#3c3c3c"), 2.0)
    needle.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(needle)
    painter.drawLine(head, head + QPointF(4.0, 8.0))
    painter.setPen(QPen(QColor("white"), 1.5))
    painter.setBrush(QBrush(PIN_COLOUR))
    painter.drawEllipse(head, PIN_RADIUS, PIN_RADIUS)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(255, 255, 255, 170)))
    painter.drawEllipse(head + QPointF(-1.6, -1.6), 1.6, 1.6)
