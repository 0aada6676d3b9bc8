"""The flow sheet drawn with QPainter: one column per speech, arrows across columns.

:class:`FlowDrawing` lays the sheet out once for a page width (cells wrap their text; each row
is as tall as its tallest cell) and paints any band of rows, so the same drawing serves the
window (View > Flow), tall PNG and SVG images and paginated landscape PDF pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from argmap.debate.flow import FlowSheet
from argmap.model import ArgumentMap, NodeKind, RelationKind
from argmap.ui.debate.colours import OPPOSITION, PROPOSITION
from argmap.ui.theme import (
    INK,
    KIND_COLOURS,
    MUTED_INK,
    REBUTTAL_COLOUR,
    RELATION_COLOURS,
    card_tint,
)

#: Space between columns, where the arrows run, and around cells.
GUTTER = 36.0
PADDING = 8.0
HEADER = 34.0
ROW_GAP = 10.0
#: How far supporting material is indented under what it supports, per level.
INDENT = 16.0
TEXT_FLAGS = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)


@dataclass(frozen=True)
class _Cell:
    node_id: str
    rect: QRectF
    text: str
    colour: QColor


class FlowDrawing:
    """A flow sheet laid out at ``width`` points (or pixels); ``height`` follows the rows."""

    def __init__(self, argument_map: ArgumentMap, sheet: FlowSheet, width: float) -> None:
        self.sheet = sheet
        self.width = width
        self.font = QFont("DejaVu Sans", 9)
        self.title_font = QFont("DejaVu Sans", 10, QFont.Weight.Bold)
        columns = max(1, sheet.columns)
        self.column_width = (width - GUTTER * (columns + 1)) / columns
        nodes = argument_map.node_index()
        metrics = QFontMetricsF(self.font)
        depth = _support_depths(sheet)
        heights: dict[int, float] = {}
        texts: dict[str, str] = {}
        for node_id, cell in sheet.cells.items():
            text = " ".join(nodes[node_id].text.split()) or node_id
            texts[node_id] = text
            text_width = self.column_width - self._indent(depth, node_id) - 2 * PADDING - 2
            box = metrics.boundingRect(QRectF(0, 0, text_width, 10_000), TEXT_FLAGS, text)
            heights[cell.row] = max(heights.get(cell.row, 0.0), box.height() + 2 * PADDING)
        self.row_top: list[float] = []
        y = HEADER + ROW_GAP
        for row in range(sheet.rows):
            self.row_top.append(y)
            y += heights.get(row, 0.0) + ROW_GAP
        self.height = y
        self.cells: dict[str, _Cell] = {}
        for node_id, cell in sheet.cells.items():
            indent = self._indent(depth, node_id)
            kind = nodes[node_id].kind
            rebuttal = kind is NodeKind.COUNTERARGUMENT and cell.column % 2 == 0
            self.cells[node_id] = _Cell(
                node_id,
                QRectF(
                    GUTTER + cell.column * (self.column_width + GUTTER) + indent,
                    self.row_top[cell.row],
                    self.column_width - indent,
                    heights[cell.row],
                ),
                texts[node_id],
                REBUTTAL_COLOUR if rebuttal else KIND_COLOURS[kind],
            )

    @staticmethod
    def _indent(depth: dict[str, int], node_id: str) -> float:
        return INDENT * min(depth.get(node_id, 0), 4)

    def pages(self, page_height: float) -> list[tuple[float, float]]:
        """Bands ``(top, bottom)`` of whole rows, each at most ``page_height`` tall."""
        bands: list[tuple[float, float]] = []
        top = 0.0
        for index, row_top in enumerate(self.row_top):
            bottom = self.row_top[index + 1] if index + 1 < len(self.row_top) else self.height
            if bottom - top > page_height and row_top > top + HEADER + ROW_GAP:
                bands.append((top, row_top))
                top = row_top - HEADER - ROW_GAP  # each page repeats the column titles
        bands.append((top, self.height))
        return bands

    def paint(self, painter: QPainter, top: float = 0.0, bottom: float | None = None) -> None:
        """Paint the band of the sheet from ``top`` to ``bottom`` at the painter's origin."""
        bottom = self.height if bottom is None else bottom
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(0, 0, self.width, bottom - top), QColor("white"))
        painter.translate(0, -top)
        self._paint_headers(painter, top)
        band = QRectF(0, top + HEADER, self.width, bottom - top - HEADER)
        for link in self.sheet.links:
            self._paint_link(painter, link.source, link.target, link.kind, band)
        for cell in self.cells.values():
            if band.intersects(cell.rect):
                self._paint_cell(painter, cell)
        painter.restore()

    def _paint_headers(self, painter: QPainter, top: float) -> None:
        painter.setFont(self.title_font)
        for column, title in enumerate(self.sheet.column_titles()):
            x = GUTTER + column * (self.column_width + GUTTER)
            colour = PROPOSITION if column % 2 == 0 else OPPOSITION
            rect = QRectF(x, top + 4, self.column_width, HEADER - 8)
            painter.fillRect(rect, card_tint(colour, 40))
            painter.setPen(colour)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), title)

    def _paint_cell(self, painter: QPainter, cell: _Cell) -> None:
        painter.setPen(QPen(cell.colour, 1.2))
        painter.setBrush(card_tint(cell.colour, 22))
        painter.drawRoundedRect(cell.rect, 4, 4)
        painter.fillRect(
            QRectF(cell.rect.left(), cell.rect.top(), 4, cell.rect.height()), cell.colour
        )
        painter.setPen(INK)
        painter.setFont(self.font)
        inner = cell.rect.adjusted(PADDING + 2, PADDING, -PADDING, -PADDING)
        painter.drawText(inner, TEXT_FLAGS, cell.text)

    def _paint_link(
        self, painter: QPainter, source: str, target: str, kind: RelationKind, band: QRectF
    ) -> None:
        start, end = self.cells[source].rect, self.cells[target].rect
        if not band.intersects(start.united(end)):
            return
        colour = RELATION_COLOURS[kind]
        pen = QPen(colour, 1.4)
        if kind is RelationKind.ATTACK:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath()
        if start.left() > end.right():  # an answer, from the next column: across the gutter
            a = QPointF(start.left(), start.top() + 14)
            b = QPointF(end.right(), end.top() + 14)
            path.moveTo(a)
            middle = (a.x() + b.x()) / 2
            path.cubicTo(QPointF(middle, a.y()), QPointF(middle, b.y()), b)
            tip, back = b, QPointF(b.x() + 7, b.y())
        else:  # support within a column: a bracket down the left margin
            a = QPointF(start.left(), start.center().y())
            b = QPointF(end.left() + INDENT / 2, end.bottom())
            x = end.left() + INDENT / 2
            path.moveTo(a)
            path.lineTo(x, a.y())
            path.lineTo(b)
            tip, back = b, QPointF(b.x(), b.y() + 7)
        painter.drawPath(path)
        _arrow_head(painter, tip, back, colour)


def _support_depths(sheet: FlowSheet) -> dict[str, int]:
    """How many supports down from the head of its column each cell sits (for indenting)."""
    under: dict[str, str] = {}
    for link in sheet.links:
        source, target = sheet.cells[link.source], sheet.cells[link.target]
        same_column = source.column == target.column and target.row < source.row
        if link.kind is RelationKind.SUPPORT and same_column:
            under.setdefault(link.source, link.target)
    depth: dict[str, int] = {}
    for node_id in sorted(sheet.cells, key=lambda n: sheet.cells[n].row):
        parent = under.get(node_id)
        depth[node_id] = depth.get(parent, 0) + 1 if parent is not None else 0
    return depth


def _arrow_head(painter: QPainter, tip: QPointF, back: QPointF, colour: QColor) -> None:
    dx, dy = tip.x() - back.x(), tip.y() - back.y()
    left = QPointF(back.x() - dy * 0.5, back.y() + dx * 0.5)
    right = QPointF(back.x() + dy * 0.5, back.y() - dx * 0.5)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon([tip, left, right])


__all__ = ["MUTED_INK", "OPPOSITION", "PROPOSITION", "FlowDrawing"]
