"""A relation's arrow: premise lines, junction dot, arrowhead and the +/− sign, as one item."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from argmap.model import RelationKind
from argmap.ui import theme
from argmap.ui.canvas import lod
from argmap.ui.canvas.geometry import SIGN_RADIUS, EdgeGeometry

LINE_WIDTH = 2.0
HEAD_LENGTH = 13.0
HEAD_HALF_WIDTH = 5.5
JUNCTION_RADIUS = 4.5
#: Width of the band around the lines that a click selects the relation in.
PICK_WIDTH = 10.0


class EdgeItem(QGraphicsItem):
    """Knows its relation id, kind and scheme, and paints the geometry the scene gives it."""

    def __init__(self, relation_id: str, kind: RelationKind, scheme: str | None) -> None:
        super().__init__()
        self.relation_id = relation_id
        self.kind = kind
        self.scheme = scheme
        self.geometry: EdgeGeometry | None = None
        self._drawing: tuple[QPainterPath, QPolygonF] | None = None
        self._shape: QPainterPath | None = None
        self._bounds = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0.0)

    def set_style(self, kind: RelationKind, scheme: str | None) -> None:
        if (kind, scheme) != (self.kind, self.scheme):
            self.kind, self.scheme = kind, scheme
            if self.geometry is not None:
                self.set_geometry(self.geometry)  # a scheme label widens the bounds

    def set_geometry(self, geometry: EdgeGeometry) -> None:
        self.prepareGeometryChange()
        self.geometry = geometry
        # Lines and hit shape are built on first use: far out, arrows are never painted one
        # by one (see overview.py), and most are never clicked.
        self._drawing = None
        self._shape = None
        self._bounds = _bounds(geometry, bool(self.scheme))
        self.update()

    def mid(self) -> QPointF:
        return self.geometry.mid if self.geometry is not None else QPointF()

    def _paths(self) -> tuple[QPainterPath, QPolygonF]:
        if self._drawing is None:
            self._drawing = (
                _paths(self.geometry) if self.geometry else (QPainterPath(), QPolygonF())
            )
        return self._drawing

    # QGraphicsItem ------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(PICK_WIDTH)
            lines, head = self._paths()
            shape = stroker.createStroke(lines)
            shape.addPolygon(head)
            if self.geometry is not None:
                shape.addEllipse(self.geometry.mid, SIGN_RADIUS, SIGN_RADIUS)
            self._shape = shape
        return self._shape

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        if self.geometry is None:
            return
        scale = lod.scale_of(painter)
        colour = theme.RELATION_COLOURS[self.kind]
        lines, head = self._paths()
        if scale < lod.DETAIL_SCALE:
            self._paint_plain(painter, colour, lines)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, scale >= lod.TEXT_SCALE)
        if self.isSelected():
            painter.setPen(QPen(theme.SELECTION_COLOUR, LINE_WIDTH + 5, Qt.PenStyle.SolidLine))
            painter.drawPath(lines)
        pen = QPen(colour, LINE_WIDTH, theme.RELATION_STYLES[self.kind])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(lines)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(head)
        if self.geometry.junction is not None:
            painter.drawEllipse(self.geometry.junction, JUNCTION_RADIUS, JUNCTION_RADIUS)
        self._paint_sign(painter, colour)

    def _paint_plain(self, painter: QPainter, colour: QColor, lines: QPainterPath) -> None:
        # Far out: thin device-pixel lines, no heads or signs; cards carry the picture.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pen = QPen(theme.SELECTION_COLOUR if self.isSelected() else colour, 0)
        painter.setPen(pen)
        painter.drawPath(lines)

    def _paint_sign(self, painter: QPainter, colour: QColor) -> None:
        assert self.geometry is not None
        mid = self.geometry.mid
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(QBrush(theme.CARD_FILL))
        painter.drawEllipse(mid, SIGN_RADIUS, SIGN_RADIUS)
        font = QFont("DejaVu Sans")
        font.setPixelSize(14)
        font.setBold(True)
        painter.setFont(font)
        box = QRectF(
            mid.x() - SIGN_RADIUS, mid.y() - SIGN_RADIUS - 1, 2 * SIGN_RADIUS, 2 * SIGN_RADIUS
        )
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), theme.RELATION_SIGNS[self.kind])
        if self.scheme:
            font.setPixelSize(10)
            font.setBold(False)
            font.setItalic(True)
            painter.setFont(font)
            painter.setPen(theme.MUTED_INK)
            label = QRectF(mid.x() + SIGN_RADIUS + 3, mid.y() - 7, 120, 14)
            painter.drawText(label, int(Qt.AlignmentFlag.AlignLeft), self.scheme.replace("_", " "))


def _bounds(geometry: EdgeGeometry, scheme: bool) -> QRectF:
    points = [geometry.start, geometry.end, *(start for start, _end in geometry.premise_lines)]
    points += geometry.controls
    xs = [p.x() for p in points]
    ys = [p.y() for p in points]
    mid = geometry.mid
    pad = max(PICK_WIDTH, 2 * SIGN_RADIUS, 2 * HEAD_HALF_WIDTH) / 2 + 3
    right = max(max(xs), mid.x() + (150 if scheme else 0))
    return QRectF(
        min(xs) - pad, min(ys) - pad, right - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
    )


def _paths(geometry: EdgeGeometry) -> tuple[QPainterPath, QPolygonF]:
    lines = QPainterPath()
    for start, end in geometry.premise_lines:
        lines.moveTo(start)
        lines.lineTo(end)
    start, tip, controls = geometry.start, geometry.end, geometry.controls
    towards = controls[-1] if controls else start  # the head follows the last stretch
    dx, dy = tip.x() - towards.x(), tip.y() - towards.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    head = min(HEAD_LENGTH, length * 0.6)
    base = QPointF(tip.x() - ux * head, tip.y() - uy * head)
    lines.moveTo(start)
    if not controls:
        lines.lineTo(base)  # the line stops under the head, so dashes do not poke through it
    elif len(controls) == 1:
        lines.quadTo(controls[0], base)
    else:
        lines.cubicTo(controls[0], controls[1], base)
    half = HEAD_HALF_WIDTH * head / HEAD_LENGTH
    polygon = QPolygonF(
        [
            QPointF(tip),
            QPointF(base.x() - uy * half, base.y() + ux * half),
            QPointF(base.x() + uy * half, base.y() - ux * half),
        ]
    )
    return lines, polygon
