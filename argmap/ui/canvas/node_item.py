"""A card: one item per node that paints its own text (no child text items: far cheaper)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from argmap.ui import theme
from argmap.ui.canvas import label_watch, lod, marks
from argmap.ui.canvas.card import (
    FOOTER_HEIGHT,
    HEADER_HEIGHT,
    PADDING,
    TEXT_FLAGS,
    TEXT_TOP,
    CardContent,
    header_font,
    text_font,
)
from argmap.ui.canvas.overview_title import paint_title

#: A short label ("IN"), its colour, and an optional strength 0..1 drawn as a bar.
Badge = tuple[str, QColor, float | None]

HANDLE_RADIUS = 6.0
#: The handle sits this far in from the card's right edge on its bottom edge: in the corner
#: that arriving arrowheads leave clear (they spread over the middle of a side, see ports).
HANDLE_INSET = 16.0
ANCHOR_MARK = "\u2693"
CITATION_MARK = "\u275e"
_RADIUS = 6.0
_BADGE_WIDTH = 38.0
_BADGE_HEIGHT = 16.0
_Change = QGraphicsItem.GraphicsItemChange
#: The changes that move a card, show or hide it, or take it into or out of a scene.
_WATCHED = (
    _Change.ItemPositionHasChanged,
    _Change.ItemVisibleHasChanged,
    _Change.ItemSceneHasChanged,
)
#: The halo of a card Find on the map matched (a highlighter yellow).
FOUND_COLOUR = QColor("#ffd400")


#: Numbers the cards in the order they are made (see NodeItem.order).
_MADE = itertools.count()


class NodeItem(QGraphicsItem):
    """Knows its node id, its content and its size; positioned at the card's centre."""

    def __init__(self, node_id: str, content: CardContent, size: tuple[float, float]) -> None:
        super().__init__()
        self.node_id = node_id
        self.content = content
        #: Told of every move, resize, show, hide and scene change of this card (the scene
        #: keeps its card index with it); None: nobody.
        self.watcher: Callable[[NodeItem], None] | None = None
        self._set_rect(size)
        self.badge: Badge | None = None
        #: The bench colour of its header under View > Colour by Side, else None.
        self.side_colour: QColor | None = None
        #: View marks (set by the canvas's visibility): cards a collapse hides here; pinned.
        self.folded = 0
        self.pinned = False
        #: A match of Find on the map: drawn with a highlighter halo.
        self.found = False
        self._hovered = False
        #: When it was made: cards are added to their scene in that order, and among cards
        #: (all at one z) a later one is drawn over an earlier one.
        self.order = next(_MADE)
        #: Shown or not, as last told to the watchers (a new item is shown).
        self._noted_visible = True
        # Both flags in one call: each setter calls itemChange twice, for every card of a map.
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setAcceptHoverEvents(True)
        self.setZValue(1.0)

    # Data ---------------------------------------------------------------------------------

    @property
    def size(self) -> tuple[float, float]:
        return self._rect.width(), self._rect.height()

    def card_rect(self) -> QRectF:
        """The card in item coordinates (centred on the origin)."""
        return QRectF(self._rect)

    def scene_card_rect(self) -> QRectF:
        return self._rect.translated(self.pos())

    def box(self) -> tuple[float, float, float, float]:
        """The card as (centre x, centre y, half width, half height) in the scene."""
        pos = self.pos()
        return pos.x(), pos.y(), self._half[0], self._half[1]

    def scene_bounds(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of :meth:`sceneBoundingRect`, badge and handle included."""
        pos, bounds = self.pos(), self._bounds
        left, top = bounds.x() + pos.x(), bounds.y() + pos.y()
        return left, top, left + bounds.width(), top + bounds.height()

    def set_content(self, content: CardContent, size: tuple[float, float]) -> None:
        if content == self.content and size == self.size:
            return
        resized = size != self.size
        self.prepareGeometryChange()
        self.content = content
        self._set_rect(size)
        self.update()
        if resized:
            if self.watcher is not None:
                self.watcher(self)
            label_watch.changed(self)

    def _set_rect(self, size: tuple[float, float]) -> None:
        self._rect = _centred(size)
        self._half = (size[0] / 2, size[1] / 2)
        # Qt asks for the bounding rect many times per paint: hand back a ready one.
        self._bounds = self._rect.adjusted(-7.0, -_BADGE_HEIGHT / 2 - 2, 7.0, HANDLE_RADIUS + 2)

    def set_marks(self, folded: int, pinned: bool) -> None:
        if (folded, pinned) != (self.folded, self.pinned):
            self.folded, self.pinned = folded, pinned
            self.update()

    def set_side_colour(self, colour: QColor | None) -> None:
        """Paint the header in a bench's colour (None: the kind's own); the label keeps the kind."""
        if colour != self.side_colour:
            self.side_colour = colour
            self.update()

    def set_found(self, found: bool) -> None:
        if found != self.found:
            self.found = found
            self.update()

    def set_badge(self, badge: Badge | None, repaint: bool = True) -> None:
        """Show ``badge``; ``repaint=False`` when the caller repaints the whole view anyway."""
        if badge == self.badge:
            return
        old, self.badge = self.badge, badge
        scene = self.scene()
        if scene is None or not repaint:
            return
        # Only the pill, the strength bar and (when the badge comes or goes) the header, whose
        # text makes room for it: the whole card's repaint would paint again every arrow
        # passing beside it (hundreds beside a card on a map with long arrows).
        r = self._rect
        parts = [QRectF(r.right() - _BADGE_WIDTH - 6, r.top() + 2, _BADGE_WIDTH, _BADGE_HEIGHT)]
        if old is None or badge is None:
            parts.append(QRectF(r.left(), r.top(), r.width(), HEADER_HEIGHT))
        if (old is not None and old[2] is not None) or (badge is not None and badge[2] is not None):
            parts.append(_strength_track(r))
        for part in parts:
            scene.update(self.mapRectToScene(part.adjusted(-2, -2, 2, 2)))

    def handle_center(self) -> QPointF:
        """Where the relation handle sits, in scene coordinates (bottom edge, right corner)."""
        return self.pos() + self._handle_offset()

    def _handle_offset(self) -> QPointF:
        return QPointF(self._rect.right() - HANDLE_INSET, self._rect.bottom())

    def text_rect(self) -> QRectF:
        r = self._rect
        return QRectF(
            r.left() + PADDING,
            r.top() + HEADER_HEIGHT + TEXT_TOP,
            r.width() - 2 * PADDING,
            r.height() - HEADER_HEIGHT - TEXT_TOP - FOOTER_HEIGHT + 4,
        )

    # QGraphicsItem ------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def itemChange(self, change: _Change, value: Any) -> Any:
        if change == _Change.ItemVisibleHasChanged:
            # Qt's scene "polishes" every new item by telling it it is shown: at 20,000 cards
            # that told the card index and the label obstacles of each a second time.
            if bool(value) == self._noted_visible:
                return value
            self._noted_visible = bool(value)
        if change in _WATCHED:
            if self.watcher is not None:
                self.watcher(self)
            # The scene's label obstacles too (the new scene, if it just came into one).
            label_watch.changed(self, value if change == _Change.ItemSceneHasChanged else None)
        return value  # what QGraphicsItem's own itemChange does, without the call into Qt

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        self.update()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        scale = lod.scale_of(painter)
        if scale < lod.TEXT_SCALE:
            self._paint_box(painter)
            if not self.content.empty:
                paint_title(painter, self._rect, self.content.text, scale)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if self.folded:
            marks.paint_stack(painter, self._rect)
        self._paint_frame(painter)
        self._paint_header(painter)
        self._paint_text(painter)
        if self.badge is not None:
            self._paint_badge(painter, self.badge)
        if self.folded:
            marks.paint_fold_count(painter, self._rect, self.folded)
        if self.pinned:
            marks.paint_pin(painter, self._rect)
        if self.isSelected() or self._hovered:
            self._paint_handle(painter)

    # Painting -----------------------------------------------------------------------------

    def _paint_box(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(self._rect, self.side_colour or self.content.colour)
        if self.found:  # a highlighter frame inside the block, a few device pixels wide
            width = min(4.0 / max(lod.scale_of(painter), 0.01), self._half[1])
            painter.setPen(QPen(FOUND_COLOUR, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._rect.adjusted(width / 2, width / 2, -width / 2, -width / 2))
        if self.isSelected():  # a dark frame a few device pixels wide, whatever the zoom
            painter.setPen(QPen(theme.INK, 3.0 / max(lod.scale_of(painter), 0.01)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._rect)

    def _paint_frame(self, painter: QPainter) -> None:
        r = self._rect
        if self.found:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(FOUND_COLOUR)
            painter.drawRoundedRect(r.adjusted(-6, -6, 6, 6), _RADIUS + 5, _RADIUS + 5)
        if self.isSelected():
            painter.setPen(QPen(theme.SELECTION_COLOUR, 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(r.adjusted(-3, -3, 3, 3), _RADIUS + 2, _RADIUS + 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(self.side_colour or self.content.colour))
        painter.drawRoundedRect(r, _RADIUS, _RADIUS)
        body = r.adjusted(1.5, HEADER_HEIGHT, -1.5, -1.5)
        painter.setBrush(QBrush(theme.CARD_FILL))
        painter.drawRoundedRect(body, _RADIUS - 1.5, _RADIUS - 1.5)

    def _paint_header(self, painter: QPainter) -> None:
        r = self._rect
        header = QRectF(r.left() + PADDING, r.top(), r.width() - 2 * PADDING, HEADER_HEIGHT)
        painter.setPen(QColor("white"))
        align = Qt.AlignmentFlag.AlignVCenter
        if self.badge is not None:
            header.setRight(header.right() - _BADGE_WIDTH - 4)
        marks = []
        if self.content.cited:
            marks.append(CITATION_MARK)
        if self.content.anchored:
            marks.append(ANCHOR_MARK)
        if marks:
            font = header_font()
            font.setPixelSize(12)
            painter.setFont(font)
            shown = " ".join(marks)
            painter.drawText(header, int(align | Qt.AlignmentFlag.AlignRight), shown)
            header.setRight(header.right() - QFontMetricsF(font).horizontalAdvance(shown) - 4)
        paint_header_label(painter, header, self.content.kind_label.upper(), self.content.detail)

    def _paint_text(self, painter: QPainter) -> None:
        font = text_font()
        if self.content.empty:
            font.setItalic(True)
            painter.setPen(theme.MUTED_INK)
        else:
            painter.setPen(theme.INK)
        painter.setFont(font)
        painter.drawText(self.text_rect(), TEXT_FLAGS, self.content.display_text)

    def _paint_badge(self, painter: QPainter, badge: Badge) -> None:
        label, colour, strength = badge
        r = self._rect
        pill = QRectF(r.right() - _BADGE_WIDTH - 6, r.top() + 2, _BADGE_WIDTH, _BADGE_HEIGHT)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QBrush(colour))
        painter.drawRoundedRect(pill, _BADGE_HEIGHT / 2, _BADGE_HEIGHT / 2)
        painter.setFont(header_font())
        painter.setPen(QColor("white"))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), label)
        if strength is None:
            return
        track = _strength_track(r)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor("#e2e2e2")))
        painter.drawRoundedRect(track, 1.5, 1.5)
        filled = QRectF(track)
        filled.setWidth(track.width() * max(0.0, min(1.0, strength)))
        painter.setBrush(QBrush(colour))
        painter.drawRoundedRect(filled, 1.5, 1.5)

    def _paint_handle(self, painter: QPainter) -> None:
        centre = self._handle_offset()
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QBrush(theme.HANDLE_COLOUR))
        painter.drawEllipse(centre, HANDLE_RADIUS, HANDLE_RADIUS)


def header_parts(kind: str, detail: str, width: float) -> tuple[str, str]:
    """What a header of ``width`` shows: (bold words, small words after them).

    The kind and the evidence type in the header font if they fit; else the type smaller
    and lighter after "KIND · " ("EVIDENCE · official statement" stays whole beside badges);
    else the type alone (the card's colour says the kind); the caller elides what is left.
    """
    bold = QFontMetricsF(header_font())
    full = f"{kind}  ·  {detail}" if detail else kind
    if not detail or bold.horizontalAdvance(full) <= width:
        return full, ""
    small = QFontMetricsF(_detail_font())
    lead = f"{kind} · "
    if bold.horizontalAdvance(lead) + small.horizontalAdvance(detail) <= width:
        return lead, detail
    return "", detail


def _detail_font() -> QFont:
    font = header_font()
    font.setBold(False)
    font.setPixelSize(9)
    return font


def paint_header_label(painter: QPainter, header: QRectF, kind: str, detail: str) -> None:
    """The kind and the evidence type in ``header``, left-aligned and vertically centred."""
    align = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
    lead, small = header_parts(kind, detail, header.width())
    bold = header_font()
    bold_metrics = QFontMetricsF(bold)
    painter.setFont(bold)
    lead = bold_metrics.elidedText(lead, Qt.TextElideMode.ElideRight, header.width())
    painter.drawText(header, align, lead)
    if small:
        rest = header.adjusted(bold_metrics.horizontalAdvance(lead), 0, 0, 0)
        font = _detail_font()
        painter.setFont(font)
        shown = QFontMetricsF(font).elidedText(small, Qt.TextElideMode.ElideRight, rest.width())
        painter.drawText(rest, align, shown)


def _strength_track(card: QRectF) -> QRectF:
    """Where a badge's strength bar runs, along the card's foot."""
    return QRectF(card.left() + PADDING, card.bottom() - 7.5, card.width() - 2 * PADDING, 3.5)


def _centred(size: tuple[float, float]) -> QRectF:
    width, height = size
    return QRectF(-width / 2, -height / 2, width, height)
