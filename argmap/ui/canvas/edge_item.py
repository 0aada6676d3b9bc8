"""A relation's arrow: premise lines, junction dot, arrowhead and the +/− sign, as one item.

Its argument scheme, if any, is a separate :class:`SchemeLabel` drawn above the cards, which
the router places where no card covers it (see :mod:`label_place`).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from argmap.model import RelationKind
from argmap.ui import theme
from argmap.ui.canvas import exposure, label_watch, line_clip, lod
from argmap.ui.canvas.arrow_layer import Area, ArrowLayer
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
_SELECTED_HAS_CHANGED = _Change.ItemSelectedHasChanged
_OPACITY_HAS_CHANGED = _Change.ItemOpacityHasChanged
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
#: Numbers the arrows in the order they are made (see EdgeItem.order).
_MADE = itertools.count()
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
        #: The lines drawn and what to test for reaching a part, as numbers (see _plan).
        self._planned: _Plan | None = None
        self._sign: tuple[float, float] | None = None
        self._shape: QPainterPath | None = None
        self._segments: list[tuple[QPointF, QPointF]] | None = None
        self._bounds = QRectF()
        #: What Qt is told the arrow covers: a long arrow's lines with room to move in.
        self._box = self._bounds
        #: Told when the arrow's lines or its label move, and when it enters or leaves a
        #: scene (the scene keeps the map's frame with it); None: nobody.
        self.watcher: Callable[[EdgeItem], None] | None = None
        #: A long arrow in a scene with an :class:`ArrowLayer`: it is drawn with the scene's
        #: background, and the item itself paints nothing.
        self.layered = False
        #: When it was made: arrows are added to their scene as they are made, and stack so
        #: (a later one over an earlier one); the layer draws them in this order too.
        self.order = next(_MADE)
        #: (left, top, right, bottom) of all it draws: what the layer tests first.
        self.line_box: Area = (0.0, 0.0, -1.0, -1.0)
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

    def set_blocked(self, blocked: bool, repaint: bool = True) -> None:
        """Fade the arrow (and its scheme label) while its inference does not carry;
        ``repaint=False`` when the caller repaints the whole view anyway."""
        if blocked != self.blocked and not repaint:
            self.blocked = blocked
        elif blocked != self.blocked:
            # Faded in paint, not through the item's opacity: Qt would repaint the whole box
            # of a long arrow, most of which its lines do not cross.
            before = self._drawn_boxes()
            self.blocked = blocked
            if before is None:
                self.update()
            else:
                self._repaint(before)
        if self.label is not None:
            self.label.setOpacity(BLOCKED_OPACITY if blocked else 1.0)

    def set_style(self, kind: RelationKind, scheme: str | None) -> None:
        if (kind, scheme) != (self.kind, self.scheme):
            self.kind, self.scheme = kind, scheme
            self._set_label()
            if self.layered:
                self._repaint([])
            else:
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
            self.label.setOpacity(BLOCKED_OPACITY if self.blocked else 1.0)
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
        bounds = _bounds(geometry)
        # Still inside a long arrow's box: Qt need not hear of it (it would repaint the whole
        # box, and the whole box as well where it was); only where the lines ran and now run
        # is repainted. A layered arrow's lines are the background's: repainted there alone.
        contained = self._box.contains(bounds)
        was_layered = self.layered
        before = self._drawn_boxes() if contained or was_layered else None
        if not contained:
            if not was_layered and self.geometry is not None and _is_long(bounds):
                self._forget_painted()
            self.prepareGeometryChange()
        relaid = self.geometry is not None
        self.geometry = geometry
        # Lines and hit shape are built on first use: far out, arrows are never painted one
        # by one (see overview.py), and most are never clicked.
        self._drawing = None
        self._planned = None
        self._sign = None
        self._shape = None
        self._segments = None
        self._bounds = bounds  # the router then places the label (see labels.py)
        reach = _REACH
        self.line_box = (
            bounds.left() - reach,
            bounds.top() - reach,
            bounds.right() + reach,
            bounds.bottom() + reach,
        )
        if not contained:
            # Room only once re-laid: an arrow laid once, as most are, keeps a tight box, so
            # a repaint near it does not ask it to paint.
            self._box = _boxed(bounds) if relaid else bounds
        self._relayer()
        if self.layered or (contained and before is not None):
            self._repaint(before or [])
        else:
            if was_layered:  # drawn as an item again: the background forgets its lines
                self._invalidate_layer(before or [])
            self.update()
        self.notify()

    def _forget_painted(self) -> None:
        """Repaint where this arrow was painted as an item (it is about to be layered)."""
        scene = self.scene()
        if scene is not None:
            scene.update(self.sceneBoundingRect())

    def _layer(self) -> ArrowLayer | None:
        scene = self.scene()
        layer = getattr(scene, "arrow_layer", None) if scene is not None else None
        return layer if isinstance(layer, ArrowLayer) else None

    def _relayer(self) -> None:
        """Draw the lines with the scene's background while the arrow is long (see
        :mod:`arrow_layer`), as an item of its own otherwise."""
        layer = self._layer()
        want = layer is not None and self.geometry is not None and _is_long(self._bounds)
        if want != self.layered:
            self.layered = want
            self.setFlag(_NO_CONTENTS, want)
            if layer is not None:
                if want:
                    layer.add(self)
                else:
                    layer.discard(self)

    def _invalidate_layer(self, rects: list[QRectF]) -> None:
        layer = self._layer()
        if layer is not None:
            layer.invalidate(rects)

    def _leave_layer(self) -> None:
        """Leaving the scene: its drawing leaves the background."""
        layer = self._layer()
        if layer is not None:
            layer.invalidate(self._drawn_boxes() or [])
            layer.discard(self)
        self.layered = False
        self.setFlag(_NO_CONTENTS, False)

    def _drawn_boxes(self) -> list[QRectF] | None:
        """Small scene rects covering what this long arrow draws in the scene's views; None
        for a short arrow, one out of a scene or hidden (Qt repaints its box then)."""
        scene = self.scene()
        if self.layered and (layer := self._layer()) is not None and layer.quiet:
            return []  # the whole background is drawn again afterwards
        if (
            scene is None
            or self.geometry is None
            or max(self._bounds.width(), self._bounds.height()) < LONG_ARROW
            or not self.isVisible()
        ):
            return None
        plan = self._plan()
        # The sign and the head, each in a box of its own; the lines (with the junction dot
        # at their ends and the selection stroke) in thin ones.
        boxes = [_square(self._sign_xy(), _REACH), _square(plan.tip, _REACH)]
        for view in scene.views():
            shown = _grown(view.mapToScene(view.viewport().rect()).boundingRect())
            size = _STRETCH_PX / max(abs(view.transform().m11()), 1e-6)
            for left, top, right, bottom in line_clip.stretch_boxes(
                plan.strokes, shown, size, _LINE_REACH
            ):
                boxes.append(QRectF(left, top, right - left, bottom - top))
        return boxes

    def _repaint(self, before: list[QRectF]) -> None:
        """Repaint ``before`` (where the arrow was drawn) and where it is drawn now."""
        scene = self.scene()
        assert scene is not None
        rects = [*before, *(self._drawn_boxes() or ())]
        layer = self._layer() if self.layered else None
        if layer is not None:  # the lines are the background's
            layer.invalidate(rects)
            return
        for rect in rects:
            scene.update(rect)

    def mid(self) -> QPointF:
        return self.geometry.mid if self.geometry is not None else QPointF()

    def sign_point(self) -> QPointF:
        """Where the +/− sign is drawn: the middle unless moved aside (``sign_t``)."""
        if self.geometry is None:
            return QPointF()
        return QPointF(*self._sign_xy())

    def _sign_xy(self) -> tuple[float, float]:
        if self._sign is None:  # asked in every paint
            points = [(p.x(), p.y()) for p in self.path()]
            self._sign = bezier_point(points, self.sign_t)
        return self._sign

    def set_sign_t(self, t: float) -> None:
        if t != self.sign_t:
            before = self._drawn_boxes()
            self.sign_t = t
            self._sign = None
            self._shape = None
            if before is None:
                self.update()
            else:
                self._repaint(before)

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

    def _plan(self) -> _Plan:
        if self._planned is None:
            assert self.geometry is not None
            self._planned = _plan(self.geometry, self._paths()[0])
        return self._planned

    # QGraphicsItem ------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._box

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
            if value is not None and self.geometry is not None:
                self._relayer()
                if self.layered:
                    self._repaint([])
            self.notify()
        elif change in (_SCENE_CHANGE, _VISIBLE_HAS_CHANGED):
            label_watch.changed(self)  # leaving its scene, shown or hidden (see label_watch)
            if self.layered:
                if change == _SCENE_CHANGE:
                    self._leave_layer()
                else:
                    self._layer_changed_whole()
        elif self.layered and change == _SELECTED_HAS_CHANGED:
            self._repaint([])
        elif self.layered and change == _OPACITY_HAS_CHANGED:
            self._layer_changed_whole()
        return value  # what QGraphicsItem's own itemChange does, without the call into Qt

    def _layer_changed_whole(self) -> None:
        """Shown, hidden or faded by the item's opacity (many arrows at once, as a rule: a
        zoom far out, a presentation): the whole background is drawn again."""
        layer = self._layer()
        if layer is not None:
            layer.invalidate_all()

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
        geometry = self.geometry
        if geometry is None:
            return
        plan = self._plan()
        # Only what may fall in the part being redrawn (None: all of the arrow). Most arrows
        # asked pass by it: they are turned away with as little work as can be.
        exposed = option.exposedRect
        area: tuple[float, float, float, float] | None = None
        if not exposed.contains(self._bounds):
            area = _grown(exposed)
            if not _plan_reaches(plan, area):
                return
        parts = exposure.parts()  # the painting is clipped to these
        if parts is not None and not self._reaches_a_part(parts):
            return
        if self.blocked:
            painter.setOpacity(painter.opacity() * BLOCKED_OPACITY)
        self._draw(painter, plan, area)

    def _draw(
        self,
        painter: QPainter,
        plan: _Plan,
        area: tuple[float, float, float, float] | None,
        wash: Wash | None = None,
        scale: float | None = None,
    ) -> None:
        """Everything, as the scale shows it: far out plain lines, else lines and ends.

        ``wash``: the arrow is faded (see :data:`Wash`): its lines are drawn opaque in the
        colour that fading gives over the ground, its ends with the painter's opacity faded.
        ``scale``: the painter's (:func:`lod.scale_of`), when the caller knows it.
        """
        if scale is None:
            scale = lod.scale_of(painter)
        lines = self._paths()[0]
        if scale < lod.DETAIL_SCALE:
            colour = theme.RELATION_COLOURS[self.kind]
            self._paint_plain(painter, colour if wash is None else _washed(colour, wash), lines)
            return
        painter.setRenderHint(_ANTIALIASING, scale >= lod.TEXT_SCALE)
        self._stroke(painter, plan, lines, area, wash, scale)
        if wash is None:
            self._paint_ends(painter, plan, area)
            return
        opacity = painter.opacity()
        painter.setOpacity(opacity * wash[0])
        self._paint_ends(painter, plan, area)
        painter.setOpacity(opacity)

    def _stroke(
        self,
        painter: QPainter,
        plan: _Plan,
        lines: QPainterPath,
        area: tuple[float, float, float, float] | None,
        wash: Wash | None = None,
        scale: float = 1.0,
    ) -> None:
        """The lines (and the selection under them), only their stretch in ``area`` if given;
        faded by ``wash`` if given (see :meth:`_draw`); ``scale``: the painter's."""
        kind = self.kind
        pen = _line_pen(kind) if wash is None else _washed_pen(kind, *wash)
        flat_scale: float | None = None
        if plan.curve_box is not None and _dash_period(kind) and _on_pixels(painter):
            # A dashed curve on screen is drawn as the polyline cut near the part drawn (see
            # line_clip.dashed_curve_piece), whole as well, so the parts match the whole.
            flat_scale = scale
            if area is None:
                area = self.line_box
        if area is not None:
            # Qt strokes a line along its whole length before clipping it: an arrow reaching
            # far beyond the part redrawn is stroked only where it could show there.
            pieces = line_clip.lines_in(plan.strokes, area, _dash_period(kind))
            if pieces is not None:  # straight: drawn as lines (the same pixels as a path)
                if pieces:
                    if self.isSelected():
                        painter.setPen(_selection_pen())
                        painter.drawLines(pieces)
                    painter.setPen(pen)
                    painter.drawLines(pieces)
                return
            lines = line_clip.pieces_in(plan.strokes, area, _dash_period(kind), flat_scale)
        if not lines.isEmpty():
            if self.isSelected():
                painter.setPen(_selection_pen())
                painter.drawPath(lines)
            painter.setPen(pen)
            painter.setBrush(_NO_BRUSH)
            painter.drawPath(lines)

    def _paint_ends(
        self, painter: QPainter, plan: _Plan, area: tuple[float, float, float, float] | None
    ) -> None:
        """The head, the junction dot and the sign, those that may show in ``area`` if given."""
        kind = self.kind
        junction = plan.junction
        with_head = area is None or _inside_xy(plan.tip, area)
        with_junction = junction is not None and (area is None or _inside_xy(junction, area))
        if with_head or with_junction:
            painter.setPen(_NO_PEN)
            painter.setBrush(_fill(kind))
            if with_head:
                painter.drawPolygon(self._paths()[1])
            if junction is not None and with_junction:
                painter.drawEllipse(QPointF(*junction), JUNCTION_RADIUS, JUNCTION_RADIUS)
        if area is None or _inside_xy(self._sign_xy(), area):
            self._paint_sign(painter, theme.RELATION_COLOURS[kind])

    def paint_layered(self, painter: QPainter, run: LayerRun) -> None:
        """Draw this layered arrow where it may show in the parts of the background being
        drawn (see :class:`ArrowLayer` and :func:`layer_run`): lines, head, junction, sign."""
        if self.geometry is None:
            return
        plan = self._plan()
        # Most arrows asked pass by: one test against the bounds turns them away (the sign
        # lies on the lines, so what reaches nothing near the bounds reaches no part).
        if not _plan_reaches(plan, run.reach):
            return
        area: tuple[float, float, float, float] | None = run.whole
        if area is None:
            reached = [part for part in run.areas if self._reaches_a_part([part])]
            if not reached:
                return
            area = _grown_part(
                (
                    min(a[0] for a in reached),
                    min(a[1] for a in reached),
                    max(a[2] for a in reached),
                    max(a[3] for a in reached),
                ),
                _REACH,
            )
        box = self.line_box
        if area[0] <= box[0] and area[1] <= box[1] and area[2] >= box[2] and area[3] >= box[3]:
            area = None  # all of it
        opacity = self.opacity()
        wash: Wash | None = None
        if self.blocked:
            if run.ground is not None and not self.isSelected():
                # Qt blends a translucent stroke many times slower than an opaque one
                # (thousands of faded long lines cross a strip scrolled into view): over a
                # plain ground the opaque washed colour gives the same pixels, except where
                # lines cross.
                wash = (BLOCKED_OPACITY, run.ground)
            else:
                opacity *= BLOCKED_OPACITY
        if opacity != run.opacity:
            painter.setOpacity(opacity)
            run.opacity = opacity
        self._draw(painter, plan, area, wash, run.scale)

    def _reaches(self, area: tuple[float, float, float, float]) -> bool:
        """Whether anything this arrow draws (lines, head, sign, junction, selection) may fall
        in ``area`` (the part redrawn, grown by :data:`_REACH`). A long arrow's box covers much
        of the view while its line crosses a corner of it: redrawing a card must not paint
        every arrow whose box overlaps it."""
        return self.geometry is not None and _plan_reaches(self._plan(), area)

    def _reaches_a_part(self, parts: list[exposure.Part]) -> bool:
        """Whether anything this arrow draws may fall in one of ``parts``: its lines (with
        head, junction and selection stroke) near one, or its sign. Next to a card, hundreds of
        arrows pass within a sign's reach of it; only those that touch it repaint."""
        for part in parts:
            if self._reaches(_grown_part(part, _LINE_REACH)):
                return True
        x, y = self._sign_xy()
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


def _on_pixels(painter: QPainter) -> bool:
    """Whether ``painter`` draws pixels (a view, an image), not shapes (SVG, PDF)."""
    engine = painter.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Raster


@functools.cache
def _selection_pen() -> QPen:
    """The wide stroke under a selected arrow's lines."""
    return QPen(theme.SELECTION_COLOUR, LINE_WIDTH + 5, _SOLID)


@functools.cache
def _line_pen(kind: RelationKind) -> QPen:
    """The pen of an arrow's lines: made once per kind, not in each of thousands of paints."""
    pen = QPen(theme.RELATION_COLOURS[kind], LINE_WIDTH, theme.RELATION_STYLES[kind])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


@dataclass(slots=True)
class LayerRun:
    """What one paint of the arrow layer works out once for all the arrows it asks."""

    #: The parts of the scene drawn (left, top, right, bottom).
    areas: list[Area]
    #: Their bounds grown by :data:`_REACH`: an arrow that reaches nothing here reaches none.
    reach: tuple[float, float, float, float]
    #: The one part grown by :data:`_REACH`, when there is one (None: several).
    whole: tuple[float, float, float, float] | None
    #: The painter's scale (:func:`lod.scale_of`).
    scale: float
    #: The opaque ground's ``QColor.rgb()`` (see :data:`Wash`); None: not plain.
    ground: int | None
    #: The painter's opacity, as last set.
    opacity: float


def layer_run(painter: QPainter, areas: list[Area], bounds: Area, ground: int | None) -> LayerRun:
    """The :class:`LayerRun` of a paint of ``areas`` (``bounds`` their bounding rect) over
    ``ground``."""
    return LayerRun(
        areas,
        _grown_part(bounds, _REACH),
        _grown_part(areas[0], _REACH) if len(areas) == 1 else None,
        lod.scale_of(painter),
        ground,
        painter.opacity(),
    )


#: How a faded arrow's lines are drawn opaque: (the fading's opacity, the ground's colour as
#: ``QColor.rgb()``). Over that ground, a line in the washed colour (see :func:`_washed`)
#: covers each pixel as the translucent line would: ground·(1 − o·c) + colour·o·c.
Wash = tuple[float, int]


@functools.cache
def _washed_rgb(rgb: int, opacity: float, ground: int) -> int:
    colour, under = QColor.fromRgb(rgb), QColor.fromRgb(ground)

    def mix(a: int, b: int) -> int:
        return round(a * opacity + b * (1.0 - opacity))

    return QColor(
        mix(colour.red(), under.red()),
        mix(colour.green(), under.green()),
        mix(colour.blue(), under.blue()),
    ).rgb()


def _washed(colour: QColor, wash: Wash) -> QColor:
    """``colour`` seen through ``wash``'s opacity over its ground, as an opaque colour."""
    return QColor.fromRgb(_washed_rgb(colour.rgb(), *wash))


@functools.cache
def _washed_pen(kind: RelationKind, opacity: float, ground: int) -> QPen:
    """:func:`_line_pen` in its colour washed over ``ground`` (see :data:`Wash`)."""
    pen = QPen(_line_pen(kind))
    pen.setColor(_washed(theme.RELATION_COLOURS[kind], (opacity, ground)))
    return pen


@functools.cache
def _dash_period(kind: RelationKind) -> float:
    """The length of one dash and its gap in the arrow's lines (0: solid)."""
    return (
        sum(_line_pen(kind).dashPattern()) * LINE_WIDTH
        if theme.RELATION_STYLES[kind] != _SOLID
        else 0.0
    )


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


#: Arrows at least this long on one side (scene px) are boxed with room to move in.
LONG_ARROW = 600.0
#: The room (scene px) a long arrow's box leaves around its lines: a port shifting along its
#: card or a card dragged a little keeps the lines inside it.
_ROOM = 256.0
#: A long arrow's lines are repainted in boxes about this long on screen (px).
_STRETCH_PX = 96.0


def _is_long(bounds: QRectF) -> bool:
    return max(bounds.width(), bounds.height()) >= LONG_ARROW


def _boxed(bounds: QRectF) -> QRectF:
    if not _is_long(bounds):
        return bounds
    return bounds.adjusted(-_ROOM, -_ROOM, _ROOM, _ROOM)


def _grown(rect: QRectF) -> tuple[float, float, float, float]:
    reach = _REACH
    return rect.left() - reach, rect.top() - reach, rect.right() + reach, rect.bottom() + reach


#: How far from its lines an arrow draws but for its sign: the head and junction dot, the
#: selection stroke, antialiasing (the sign is tested on its own).
_LINE_REACH = HEAD_HALF_WIDTH + LINE_WIDTH + 5 / 2 + 2


def _grown_part(part: exposure.Part, reach: float) -> tuple[float, float, float, float]:
    return part[0] - reach, part[1] - reach, part[2] + reach, part[3] + reach


def _square(centre: tuple[float, float], reach: float) -> QRectF:
    return QRectF(centre[0] - reach, centre[1] - reach, 2 * reach, 2 * reach)


def _inside_xy(point: tuple[float, float], area: tuple[float, float, float, float]) -> bool:
    return area[0] <= point[0] <= area[2] and area[1] <= point[1] <= area[3]


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


@dataclass(frozen=True, slots=True)
class _Plan:
    """An arrow's lines as numbers, worked out once per geometry: paint asks in every repaint
    of every part a long arrow's box covers."""

    #: The lines as drawn (to the head's base): straight ones and cubic curves.
    strokes: tuple[line_clip.Stroke, ...]
    #: Straight lines near which anything of the arrow is drawn (to the head's tip).
    reach_lines: tuple[tuple[float, float, float, float], ...]
    #: The box of a curved arrow's control points (left, top, right, bottom); None: straight.
    curve_box: tuple[float, float, float, float] | None
    #: The head's tip and the junction of linked premises (None: one premise).
    tip: tuple[float, float]
    junction: tuple[float, float] | None


def _plan_reaches(plan: _Plan, area: tuple[float, float, float, float]) -> bool:
    """Whether anything the arrow draws (lines, head, sign, junction, selection) may fall in
    ``area`` (the part redrawn, grown by :data:`_REACH`)."""
    for x0, y0, x1, y1 in plan.reach_lines:
        if line_clip.line_meets(x0, y0, x1, y1, area):
            return True
    box = plan.curve_box  # a curve stays inside the box of its control points
    return box is not None and (
        box[0] <= area[2] and box[2] >= area[0] and box[1] <= area[3] and box[3] >= area[1]
    )


def _plan(geometry: EdgeGeometry, lines: QPainterPath) -> _Plan:
    premises = tuple((a.x(), a.y(), b.x(), b.y()) for a, b in geometry.premise_lines)
    start, end = geometry.start, geometry.end
    tip = (end.x(), end.y())
    junction = None if geometry.junction is None else (geometry.junction.x(), geometry.junction.y())
    strokes = line_clip.strokes_of(lines)
    if not geometry.controls:
        straight = (start.x(), start.y(), *tip)
        return _Plan(strokes, (*premises, straight), None, tip, junction)
    points = [start, *geometry.controls, end]
    xs, ys = [p.x() for p in points], [p.y() for p in points]
    return _Plan(strokes, premises, (min(xs), min(ys), max(xs), max(ys)), tip, junction)


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
