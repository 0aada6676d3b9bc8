"""The lines of a scene's long arrows, drawn under every item with the scene's background.

On a map whose arrows run far (rows by depth, maps arranged by hand), a thousand long lines
cross any band of the view beside a card. Drawn as items, each repaint of a card there asked
each of them to paint: Python calls and strokes that did not follow the change. Drawn as part
of the background instead, the view keeps them in its background cache (see
``QGraphicsView.CacheBackground``): repainting a card blits them, and only a long arrow that
changes is stroked again, in the thin boxes along its lines (each view's
``invalidateScene`` of the background layer there).

A long arrow's item stays in the scene for everything but drawing: it is clicked, selected,
hidden, faded and moved as before, and Qt's index still finds it under the pointer
(``ItemHasNoContents`` only spares it the paint call, and Qt's repaint of its whole box when it
changes or goes). Its head, junction and sign are drawn with its lines, so among long arrows
each draws over those before it, as items stack; all of them now lie under the short arrows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsView,
)

if TYPE_CHECKING:
    from argmap.ui.canvas.edge_item import EdgeItem

#: A part of the scene being drawn: (left, top, right, bottom).
Area = tuple[float, float, float, float]
#: More parts than this are drawn as their bounding rect (see :meth:`ArrowLayer.paint`).
MAX_AREAS = 4


class ArrowLayer:
    """The long arrows of one scene whose lines its background draws."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self._edges: set[EdgeItem] = set()
        #: The same in the order they stack (``EdgeItem.order``: as added to the scene), as
        #: drawn; None: to be sorted again.
        self._stacked: list[EdgeItem] | None = []
        #: While set (see :meth:`quietly`), arrows do not invalidate their parts: the whole
        #: background is drawn again at the end.
        self.quiet = False

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Many arrows change at once (a map opened, a layout applied): one repaint of the
        whole background afterwards instead of thin boxes along each."""
        if self.quiet:
            yield
            return
        self.quiet = True
        try:
            yield
        finally:
            self.quiet = False
            self.invalidate_all()

    def __len__(self) -> int:
        return len(self._edges)

    def add(self, edge: EdgeItem) -> None:
        if edge not in self._edges:
            self._edges.add(edge)
            self._stacked = None

    def discard(self, edge: EdgeItem) -> None:
        if edge in self._edges:
            self._edges.discard(edge)
            self._stacked = None

    def clear(self) -> None:
        self._edges.clear()
        self._stacked = []

    def _in_stacking_order(self) -> list[EdgeItem]:
        if self._stacked is None:
            self._stacked = sorted(self._edges, key=lambda edge: edge.order)
        return self._stacked

    def invalidate(self, rects: list[QRectF]) -> None:
        """Draw the background again in these scene rects (and what lies over them)."""
        if self.quiet:
            return
        layer = QGraphicsScene.SceneLayer.BackgroundLayer
        # Each view's own invalidation, which repaints the rect too: the scene's would tell
        # each view and then repaint every rect a second time.
        for view in self._scene.views():
            for rect in rects:
                view.invalidateScene(rect, layer)

    def invalidate_all(self) -> None:
        """Draw the whole background again (an arrow hidden, shown or faded as a whole)."""
        if self.quiet:
            return
        for view in self._scene.views():
            view.resetCachedContent()
        self._scene.update()

    def paint(self, painter: QPainter, rect: QRectF, ground: QBrush | None = None) -> None:
        """Draw the lines of the long arrows that may show in ``rect`` (and in the painter's
        clip, which a cached background's repaint of a few thin boxes sets). ``ground``: the
        brush the background was just filled with; faded arrows are drawn opaque over a plain
        opaque one (see ``EdgeItem.paint_layered``)."""
        # Here, not at the top: the arrows' module builds on this one.
        from argmap.ui.canvas.edge_item import layer_run

        if not self._edges:
            return
        areas = _areas(painter, rect)
        if not areas:
            return
        left = min(a[0] for a in areas)
        top = min(a[1] for a in areas)
        right = max(a[2] for a in areas)
        bottom = max(a[3] for a in areas)
        if len(areas) > MAX_AREAS:
            # Qt's region of many thin boxes (a long arrow moved) is bands of rects: testing
            # each arrow against each costs more than stroking its stretch in their bounds,
            # which the clip then trims.
            areas = [(left, top, right, bottom)]
        bounds = (left, top, right, bottom)
        plain = (
            ground is not None
            and ground.style() == Qt.BrushStyle.SolidPattern
            and ground.color().alpha() == 255
        )
        under = ground.color().rgb() if ground is not None and plain else None
        painter.save()
        try:
            run = layer_run(painter, areas, bounds, under)
            for edge in self._in_stacking_order():
                box = edge.line_box
                if box[0] > right or box[2] < left or box[1] > bottom or box[3] < top:
                    continue
                if edge.isVisible():
                    edge.paint_layered(painter, run)
        finally:
            painter.restore()


def _areas(painter: QPainter, rect: QRectF) -> list[Area]:
    """The parts of the scene drawn: the clip's rects when clipped, else ``rect``."""
    if painter.hasClipping():
        rects = list(painter.clipRegion())  # type: ignore[call-overload]
        if rects:
            return [
                (float(r.left()), float(r.top()), float(r.right() + 1), float(r.bottom() + 1))
                for r in rects
            ]
    if rect.isEmpty():
        return []
    return [(rect.left(), rect.top(), rect.right(), rect.bottom())]


class LayerView(QGraphicsView):
    """A view whose own background brush is drawn under its map scene's long arrows
    (``QGraphicsView`` fills its brush instead of asking the scene to draw its background)."""

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawBackground(painter, rect)
        rect = QRectF(rect)
        layer = getattr(self.scene(), "arrow_layer", None)
        if (
            isinstance(layer, ArrowLayer)
            and self.backgroundBrush().style() != Qt.BrushStyle.NoBrush
        ):
            layer.paint(painter, rect, self.backgroundBrush())
