"""A small key to the drawing (kinds and relation styles), for rendered images."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from argmap.model import NodeKind, RelationKind
from argmap.ui import theme

ROW_HEIGHT = 22.0
PADDING = 10.0
GAP = 14.0
SWATCH = 28.0  # a kind's colour chip, with its gap
ARROW = 48.0  # a sample arrow, with its gap

#: One legend entry: what to draw before the words (a kind colour or a relation kind), words.
_Entry = tuple[QColor | RelationKind | None, str]


def _font(bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(11)
    font.setBold(bold)
    return font


def _rows() -> list[tuple[str, list[_Entry]]]:
    kinds: list[_Entry] = [(theme.KIND_COLOURS[k], theme.KIND_LABELS[k]) for k in NodeKind]
    kinds.append((theme.REBUTTAL_COLOUR, theme.REBUTTAL_LABEL))
    arrows: list[_Entry] = [(k, theme.RELATION_LABELS[k]) for k in RelationKind]
    arrows += [(None, "● linked premises meet at a dot"), (None, "arrow onto an arrow: undercut")]
    return [("Cards:", kinds), ("Arrows:", arrows)]


class LegendItem(QGraphicsItem):
    """Two rows: the card kinds, then support / attack arrows, linked premises and undercuts."""

    def __init__(self) -> None:
        super().__init__()
        self._rows = _rows()
        bold, plain = QFontMetricsF(_font(True)), QFontMetricsF(_font())
        self._title_width = max(bold.horizontalAdvance(title) for title, _ in self._rows) + 8
        width = 0.0
        for _title, entries in self._rows:
            row = self._title_width
            for mark, text in entries:
                row += _mark_width(mark) + plain.horizontalAdvance(text) + GAP
            width = max(width, row)
        self._size = (width + 2 * PADDING, len(self._rows) * ROW_HEIGHT + 2 * PADDING)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, *self._size)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.CARD_BORDER, 1.0))
        painter.setBrush(QBrush(QColor("white")))
        painter.drawRoundedRect(self.boundingRect(), 6, 6)
        plain = QFontMetricsF(_font())
        for index, (title, entries) in enumerate(self._rows):
            y = PADDING + ROW_HEIGHT * (index + 0.5)
            self._text(painter, PADDING, y, title, bold=True)
            x = PADDING + self._title_width
            for mark, text in entries:
                if isinstance(mark, RelationKind):
                    _arrow(painter, x, y, mark)
                elif isinstance(mark, QColor):
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QBrush(mark))
                    painter.drawRoundedRect(QRectF(x, y - 6, 22, 12), 3, 3)
                x += _mark_width(mark)
                self._text(painter, x, y, text)
                x += plain.horizontalAdvance(text) + GAP

    @staticmethod
    def _text(painter: QPainter, x: float, y: float, text: str, bold: bool = False) -> None:
        painter.setFont(_font(bold))
        painter.setPen(theme.INK)
        rect = QRectF(x, y - ROW_HEIGHT / 2, 400, ROW_HEIGHT)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter), text)


def _mark_width(mark: QColor | RelationKind | None) -> float:
    if isinstance(mark, RelationKind):
        return ARROW
    return SWATCH if mark is not None else 0.0


def _arrow(painter: QPainter, x: float, y: float, kind: RelationKind) -> None:
    colour = theme.RELATION_COLOURS[kind]
    painter.setPen(QPen(colour, 2.0, theme.RELATION_STYLES[kind]))
    painter.drawLine(QPointF(x, y), QPointF(x + 30, y))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    tip = QPointF(x + 40, y)
    painter.drawPolygon(QPolygonF([tip, QPointF(x + 29, y - 5), QPointF(x + 29, y + 5)]))
