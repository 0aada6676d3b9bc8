"""A relation's arrow: premise lines, junction dot, arrowhead and the +/− sign, as one item.

Its argument scheme, if any, is a separate :class:`SchemeLabel` drawn above the cards, which
the router places where no card covers it (see :mod:`label_place`).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from argmap.model import RelationKind
from argmap.ui import theme
from argmap.ui.canvas import exposure, label_watch, lod
from argmap.ui.canvas.geometry import SIGN_RADIUS, EdgeGeometry, bezier_point
from argmap.ui.canvas.label_place import place_label

LINE_WIDTH = 2.0
HEAD_LENGTH = 13.0
HEAD_HALF_WIDTH = 5.5
JUNCTION_RADIUS = 4.5
#: Width of the band around the lines that a click selects the relation in.
PICK_WIDTH = 10.0
#: Scheme labels sit above cards (1), so one that finds no free spot is still read.
LABEL_Z = 2.0
LABEL_HEIGHT = 14.0
LABEL_PADDING = 3.0
_Change = QGraphicsItem.GraphicsItemChange
# Looked up once: Qt calls itemChange several times for every arrow a big map builds.
_SCENE_CHANGE = _Change.ItemSceneChange
_SCENE_HAS_CHANGED = _Change.ItemSceneHasChanged
_VISIBLE_HAS_CHANGED = _Change.ItemVisibleHasChanged
_POSITION_HAS_CHANGED = _Change.ItemPositionHasChanged
#: How visible an arrow is whose inference is blocked under the shown evaluation.
BLOCKED_OPACITY = 0.28


class EdgeItem(QGraphicsItem):
    """Knows its relation id, kind and scheme, and paints the geometry the scene gives it."""

    def __init__(self, relation_id: str, kind: RelationKind, scheme: str | None) -> None:
        super().__init__()
        self.relation_id = relation_id
        self.kind = kind
        self.scheme = scheme
        self.geometry: EdgeGeometry | None = None
        self.label: SchemeLabel | None = None
        #: Where along the final arrow its sign sits (0.5: the middle, where undercuts point);
        #: moved off the middle only to keep it off another sign (see sign_spacing).
        self.sign_t = 0.5
        self._drawing: tuple[QPainterPath, QPolygonF] | None = None
        self._shape: QPainterPath | None = None
        self._segments: list[tuple[QPointF, QPointF]] | None = None
        self._bounds = QRectF()
        #: Told when the arrow's lines or its label move, and when it enters or leaves a
        #: scene (the scene keeps the map's frame with it); None: nobody.
        self.watcher: Callable[[EdgeItem], None] | None = None
        # Paint is told the part of the scene being redrawn (see _reaches). Both flags in one
        # call: each setter calls itemChange twice, for every arrow of a map.
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
        )
        # z 0 and opacity 1 are Qt's defaults: not set again (each setter calls itemChange).
        #: Whether the evaluation shown says this relation's inference is blocked (faded).
        self.blocked = False
        self._set_label()

    def set_blocked(self, blocked: bool) -> None:
        """Fade the arrow (and its scheme label) while its inference does not carry."""
        self.blocked = blocked
        opacity = BLOCKED_OPACITY if blocked else 1.0
        if opacity != self.opacity():  # a new arrow is already opaque: no itemChange for it
            self.setOpacity(opacity)
        if self.label is not None:
            self.label.setOpacity(opacity)

    def set_style(self, kind: RelationKind, scheme: str | None) -> None:
        if (kind, scheme) != (self.kind, self.scheme):
            self.kind, self.scheme = kind, scheme
            self._set_label()
            self.update()

    def _set_label(self) -> None:
        text = self.scheme.replace("_", " ") if self.scheme else ""
        if self.label is not None and self.label.text == text:
            return
        if self.label is not None and self.label.scene() is not None:
            self.label.scene().removeItem(self.label)
        self.label = SchemeLabel(self.relation_id, text) if text else None
        if self.label is not None:
            self.label.arrow = self
            self.label.setVisible(self.isVisible())
            self.label.setOpacity(self.opacity())
            scene = self.scene()
            if scene is not None:
                scene.addItem(self.label)
            if self.geometry is not None:
                self.label.place(self.path())
        self.notify()

    def notify(self) -> None:
        """Tell the watcher, and the scene's label obstacles, that the arrow or its label
        moved."""
        if self.watcher is not None:
            self.watcher(self)
        label_watch.changed(self)

    def scene_bounds(self) -> tuple[float, float, float, float] | None:
        """(left, top, right, bottom) around the lines and the label; None before any lines."""
        if self.geometry is None:
            return None
        rect = self._bounds
        left, top = rect.x(), rect.y()
        right, bottom = left + rect.width(), top + rect.height()
        label = self.label
        if label is not None:
            pos = label.pos()
            x, y = pos.x(), pos.y()
            width, height = label.size
            # As QRectF.united would: the label's own left plus its width.
            left, top = min(left, x), min(top, y)
            right, bottom = max(right, x + width), max(bottom, y + height)
        return left, top, right, bottom

    def set_geometry(self, geometry: EdgeGeometry) -> None:
        if geometry == self.geometry:
            # Laid again where it already runs (an add shifts the ports of the arrows at its
            # card, most of which end where they were): Qt would repaint its whole box, and
            # a long arrow's box covers much of the view, with every arrow crossing it.
            return
        self.prepareGeometryChange()
        self.geometry = geometry
        # Lines and hit shape are built on first use: far out, arrows are never painted one
        # by one (see overview.py), and most are never clicked.
        self._drawing = None
        self._shape = None
        self._segments = None
        self._bounds = _bounds(geometry)  # the router then places the label (see labels.py)
        self.update()
        self.notify()

    def mid(self) -> QPointF:
        return self.geometry.mid if self.geometry is not None else QPointF()

    def sign_point(self) -> QPointF:
        """Where the +/− sign is drawn: the middle unless moved aside (``sign_t``)."""
        if self.geometry is None:
            return QPointF()
        if self.sign_t == 0.5:
            return self.geometry.mid
        points = [(p.x(), p.y()) for p in self.path()]
        return QPointF(*bezier_point(points, self.sign_t))

    def set_sign_t(self, t: float) -> None:
        if t != self.sign_t:
            self.sign_t = t
            self._shape = None
            self.update()

    def path(self) -> list[QPointF]:
        """The final arrow's Bézier control points: start, any bend controls, end."""
        if self.geometry is None:
            return []
        return [self.geometry.start, *self.geometry.controls, self.geometry.end]

    def segments(self) -> list[tuple[QPointF, QPointF]]:
        """The lines as straight pieces (a bent arrow in eight), for labels to keep off."""
        if self.geometry is None:
            return []
        if self._segments is None:  # worked out once per geometry: labels ask every pass
            points = [(p.x(), p.y()) for p in self.path()]
            steps = 1 if len(points) == 2 else 8
            polyline = [QPointF(*bezier_point(points, i / steps)) for i in range(steps + 1)]
            self._segments = [*self.geometry.premise_lines, *itertools.pairwise(polyline)]
        return list(self._segments)

    def _paths(self) -> tuple[QPainterPath, QPolygonF]:
        if self._drawing is None:
            self._drawing = (
                _paths(self.geometry) if self.geometry else (QPainterPath(), QPolygonF())
            )
        return self._drawing

    # QGraphicsItem ------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def itemChange(self, change: _Change, value: Any) -> Any:
        # The label is a top-level item (to sit above the cards): it comes, goes and hides
        # with its arrow.
        label = self.label
        if label is not None:
            if change == _SCENE_CHANGE and label.scene() is not None:
                label.scene().removeItem(label)
            elif change == _SCENE_HAS_CHANGED and value is not None:
                if label.scene() is not value:
                    value.addItem(label)
            elif change == _VISIBLE_HAS_CHANGED:
                label.setVisible(bool(value))
        if change == _SCENE_HAS_CHANGED:
            self.notify()
        elif change in (_SCENE_CHANGE, _VISIBLE_HAS_CHANGED):
            label_watch.changed(self)  # leaving its scene, shown or hidden (see label_watch)
        return value  # what QGraphicsItem's own itemChange does, without the call into Qt

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(PICK_WIDTH)
            lines, head = self._paths()
            shape = stroker.createStroke(lines)
            shape.addPolygon(head)
            if self.geometry is not None:
                shape.addEllipse(self.sign_point(), SIGN_RADIUS, SIGN_RADIUS)
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
        # Only what may fall in the part being redrawn (None: all of the arrow).
        exposed = option.exposedRect
        area = None if exposed.contains(self._bounds) else _grown(exposed)
        if area is not None and not self._reaches(area):
            return
        parts = exposure.parts()  # the painting is clipped to these
        if parts is not None and not self._reaches_a_part(parts):
            return
        scale = lod.scale_of(painter)
        kind = self.kind
        colour = theme.RELATION_COLOURS[kind]
        lines, head = self._paths()
        if scale < lod.DETAIL_SCALE:
            self._paint_plain(painter, colour, lines)
            return
        painter.setRenderHint(_ANTIALIASING, scale >= lod.TEXT_SCALE)
        style = theme.RELATION_STYLES[kind]
        # A straight dashed arrow reaching far beyond the part redrawn is dashed only as far
        # as it could show there: Qt dashes a line along its whole length, then clips.
        pieces = None
        geometry = self.geometry
        if (
            area is not None
            and style != _SOLID
            and not geometry.controls
            and not geometry.premise_lines
        ):
            pieces = _pieces_in(lines, area)
        if self.isSelected():
            painter.setPen(QPen(theme.SELECTION_COLOUR, LINE_WIDTH + 5, _SOLID))
            painter.drawPath(lines if pieces is None else _joined(pieces))
        pen = _line_pen(kind)
        painter.setPen(pen)
        painter.setBrush(_NO_BRUSH)
        if pieces is None:
            painter.drawPath(lines)
        else:  # its dashes start as far along as the piece does
            pen = QPen(pen)  # the shared pen keeps its offset
            for start, end, along in pieces:
                pen.setDashOffset(along / LINE_WIDTH)
                painter.setPen(pen)
                painter.drawPath(_joined([(start, end, along)]))
        painter.setPen(_NO_PEN)
        painter.setBrush(_fill(kind))
        if area is None or _inside(self.geometry.end, area):
            painter.drawPolygon(head)
        junction = self.geometry.junction
        if junction is not None and (area is None or _inside(junction, area)):
            painter.drawEllipse(junction, JUNCTION_RADIUS, JUNCTION_RADIUS)
        if area is None or _inside(self.sign_point(), area):
            self._paint_sign(painter, colour)

    def _reaches(self, area: tuple[float, float, float, float]) -> bool:
        """Whether anything this arrow draws (lines, head, sign, junction, selection) may fall
        in ``area`` (the part redrawn, grown by :data:`_REACH`). A long arrow's box covers much
        of the view while its line crosses a corner of it: redrawing a card must not paint
        every arrow whose box overlaps it."""
        geometry = self.geometry
        if geometry is None:
            return False
        for a, b in geometry.premise_lines:
            if _meets(a.x(), a.y(), b.x(), b.y(), area):
                return True
        start, end = geometry.start, geometry.end
        if not geometry.controls:
            return _meets(start.x(), start.y(), end.x(), end.y(), area)
        # A curve stays inside the box of its control points.
        points = [start, *geometry.controls, end]
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        return (
            min(xs) <= area[2] and max(xs) >= area[0] and min(ys) <= area[3] and max(ys) >= area[1]
        )

    def _reaches_a_part(self, parts: list[exposure.Part]) -> bool:
        """Whether anything this arrow draws may fall in one of ``parts``: its lines (with
        head, junction and selection stroke) near one, or its sign. Next to a card, hundreds of
        arrows pass within a sign's reach of it; only those that touch it repaint."""
        for part in parts:
            if self._reaches(_grown_part(part, _LINE_REACH)):
                return True
        sign = self.sign_point()
        x, y = sign.x(), sign.y()
        reach = _REACH
        for left, top, right, bottom in parts:
            if left - reach <= x <= right + reach and top - reach <= y <= bottom + reach:
                return True
        return False

    def _paint_plain(self, painter: QPainter, colour: QColor, lines: QPainterPath) -> None:
        # Far out: thin device-pixel lines, no heads or signs; cards carry the picture.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pen = QPen(theme.SELECTION_COLOUR if self.isSelected() else colour, 0)
        painter.setPen(pen)
        painter.drawPath(lines)

    def _paint_sign(self, painter: QPainter, colour: QColor) -> None:
        assert self.geometry is not None
        mid = self.sign_point()
        pointer = _too_short_for_a_head(self.geometry)
        if pointer:  # the sign itself points at the target: the arrow is too short for a head
            ux, uy = _direction(mid, self.geometry.end)
            mid = QPointF(mid.x() - ux * 3, mid.y() - uy * 3)
            base = QPointF(mid.x() + ux * (SIGN_RADIUS - 3), mid.y() + uy * (SIGN_RADIUS - 3))
            tip = QPointF(mid.x() + ux * (SIGN_RADIUS + 6), mid.y() + uy * (SIGN_RADIUS + 6))
            half = HEAD_HALF_WIDTH
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(colour))
            painter.drawPolygon(
                QPolygonF(
                    [
                        tip,
                        QPointF(base.x() - uy * half, base.y() + ux * half),
                        QPointF(base.x() + uy * half, base.y() - ux * half),
                    ]
                )
            )
        painter.setPen(_sign_pen(self.kind))
        painter.setBrush(_card_fill())
        painter.drawEllipse(mid, SIGN_RADIUS, SIGN_RADIUS)
        painter.setFont(_sign_font())
        box = QRectF(
            mid.x() - SIGN_RADIUS, mid.y() - SIGN_RADIUS - 1, 2 * SIGN_RADIUS, 2 * SIGN_RADIUS
        )
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), theme.RELATION_SIGNS[self.kind])


_ANTIALIASING = QPainter.RenderHint.Antialiasing
_SOLID = Qt.PenStyle.SolidLine
_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush


@functools.cache
def _line_pen(kind: RelationKind) -> QPen:
    """The pen of an arrow's lines: made once per kind, not in each of thousands of paints."""
    pen = QPen(theme.RELATION_COLOURS[kind], LINE_WIDTH, theme.RELATION_STYLES[kind])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


@functools.cache
def _fill(kind: RelationKind) -> QBrush:
    return QBrush(theme.RELATION_COLOURS[kind])


@functools.cache
def _sign_pen(kind: RelationKind) -> QPen:
    return QPen(theme.RELATION_COLOURS[kind], 1.5)


@functools.cache
def _card_fill() -> QBrush:
    return QBrush(theme.CARD_FILL)


@functools.cache
def _sign_font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(14)
    font.setBold(True)
    return font


def _direction(start: QPointF, end: QPointF) -> tuple[float, float]:
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = math.hypot(dx, dy) or 1.0
    return dx / length, dy / length


@functools.cache
def _label_width(text: str) -> int:
    """A label's plate width: a map names few schemes, so each is measured once."""
    return math.ceil(QFontMetricsF(_label_font()).horizontalAdvance(text) + 2 * LABEL_PADDING)


def _label_font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(10)
    font.setItalic(True)
    return font


class SchemeLabel(QGraphicsItem):
    """An arrow's scheme ("cause to effect") on a light plate; clicks go through it."""

    def __init__(self, relation_id: str, text: str) -> None:
        super().__init__()
        self.relation_id = relation_id
        self.text = text
        self.size = (_label_width(text), LABEL_HEIGHT)
        self._rect = QRectF(0.0, 0.0, *self.size)
        #: The arrow it names, told when the label moves.
        self.arrow: EdgeItem | None = None
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setZValue(LABEL_Z)

    def itemChange(self, change: _Change, value: Any) -> Any:
        if change == _POSITION_HAS_CHANGED and self.arrow is not None:
            self.arrow.notify()
        return value  # what QGraphicsItem's own itemChange does, without the call into Qt

    def place(self, path: list[QPointF]) -> None:
        """Sit at the first spot on the arrow through ``path``, until the router places it
        among the cards (see :mod:`labels`)."""
        self.setPos(place_label(self.size, path, ()))

    def park(self, sign: QPointF) -> None:
        """Wait beside the arrow's sign (cheap, maybe over a card) until placed properly."""
        self.setPos(sign.x() + SIGN_RADIUS + LABEL_PADDING, sign.y() - LABEL_HEIGHT / 2)

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never "under the pointer": clicks reach the card or arrow

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        if lod.scale_of(painter) < lod.DETAIL_SCALE:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scene = self.scene()
        plate = QColor(scene.backgroundBrush().color() if scene else theme.CANVAS_BACKGROUND)
        plate.setAlpha(225)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(plate))
        painter.drawRoundedRect(self._rect, 3.0, 3.0)
        painter.setFont(_label_font())
        painter.setPen(theme.MUTED_INK)
        painter.drawText(self._rect, int(Qt.AlignmentFlag.AlignCenter), self.text)


#: Below this length (scene pixels) an arrow's own head would hide under its sign.
SHORT_ARROW = HEAD_LENGTH + 2 * SIGN_RADIUS + 6


#: How far from its lines an arrow may draw (scene px): the sign and the point it makes
#: beside a short arrow, the head, the junction dot, the selection stroke, antialiasing.
_REACH = SIGN_RADIUS + 6 + HEAD_HALF_WIDTH + LINE_WIDTH + 5 + 4


def _grown(rect: QRectF) -> tuple[float, float, float, float]:
    reach = _REACH
    return rect.left() - reach, rect.top() - reach, rect.right() + reach, rect.bottom() + reach


#: How far from its lines an arrow draws but for its sign: the head and junction dot, the
#: selection stroke, antialiasing (the sign is tested on its own).
_LINE_REACH = HEAD_HALF_WIDTH + LINE_WIDTH + 5 / 2 + 2


def _grown_part(part: exposure.Part, reach: float) -> tuple[float, float, float, float]:
    return part[0] - reach, part[1] - reach, part[2] + reach, part[3] + reach


def _inside(point: QPointF, area: tuple[float, float, float, float]) -> bool:
    return area[0] <= point.x() <= area[2] and area[1] <= point.y() <= area[3]


def _pieces_in(
    lines: QPainterPath, area: tuple[float, float, float, float]
) -> list[tuple[QPointF, QPointF, float]]:
    """The parts inside ``area`` of the straight lines of ``lines`` (pairs of move and line
    elements), each with how far along its line it starts."""
    pieces = []
    left, top, right, bottom = area
    for i in range(0, lines.elementCount() - 1, 2):
        a, b = lines.elementAt(i), lines.elementAt(i + 1)
        x0, y0, dx, dy = a.x, a.y, b.x - a.x, b.y - a.y
        low, high = 0.0, 1.0
        for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
            if p == 0.0:
                if q < 0.0:
                    low, high = 1.0, 0.0
                continue
            u = q / p
            if p < 0.0:
                low = max(low, u)
            else:
                high = min(high, u)
        if low > high:
            continue
        start = QPointF(a.x, a.y) if low == 0.0 else QPointF(x0 + dx * low, y0 + dy * low)
        end = QPointF(b.x, b.y) if high == 1.0 else QPointF(x0 + dx * high, y0 + dy * high)
        pieces.append((start, end, math.hypot(dx, dy) * low))
    return pieces


def _joined(pieces: list[tuple[QPointF, QPointF, float]]) -> QPainterPath:
    path = QPainterPath()
    for start, end, _along in pieces:
        path.moveTo(start)
        path.lineTo(end)
    return path


def _meets(
    x0: float, y0: float, x1: float, y1: float, area: tuple[float, float, float, float]
) -> bool:
    """Whether the segment (x0, y0)-(x1, y1) touches the closed rectangle ``area`` (left,
    top, right, bottom): Liang-Barsky clipping."""
    left, top, right, bottom = area
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
        if p == 0.0:
            if q < 0.0:
                return False
            continue
        u = q / p
        if p < 0.0:
            low = max(low, u)
        else:
            high = min(high, u)
        if low > high:
            return False
    return True


def _too_short_for_a_head(geometry: EdgeGeometry) -> bool:
    if geometry.controls:
        return False
    start, end = geometry.start, geometry.end
    return math.hypot(end.x() - start.x(), end.y() - start.y()) < SHORT_ARROW


def _bounds(geometry: EdgeGeometry) -> QRectF:
    points = [geometry.start, geometry.end, *(start for start, _end in geometry.premise_lines)]
    points += geometry.controls
    xs = [p.x() for p in points]
    ys = [p.y() for p in points]
    pad = max(PICK_WIDTH, 2 * SIGN_RADIUS + 12, 2 * HEAD_HALF_WIDTH) / 2 + 3
    return QRectF(
        min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
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
