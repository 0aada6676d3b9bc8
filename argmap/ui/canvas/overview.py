"""Far-out drawing of the arrows: all of them as two C++ path items instead of one item each.

Below :data:`lod.DETAIL_SCALE` arrowheads and signs are not drawn anyway, and thousands of
Python ``paint`` calls cost more than the lines themselves; the scene then hides the arrow
items and shows these paths (one per relation kind, thin device-pixel pens) in their place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from argmap.model import RelationKind
from argmap.ui import theme
from argmap.ui.canvas.edge_item import EdgeItem


class EdgeOverview:
    """Two path items (support, attack) in ``scene`` that stand in for every arrow."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._paths: dict[RelationKind, QGraphicsPathItem] = {}
        for kind in RelationKind:
            pen = QPen(theme.RELATION_COLOURS[kind], 0, theme.RELATION_STYLES[kind])
            item = QGraphicsPathItem()
            item.setPen(pen)
            item.setZValue(0.0)
            item.setVisible(False)
            scene.addItem(item)
            self._paths[kind] = item
        self.shown = False
        self._stale = True

    def items(self) -> list[QGraphicsPathItem]:
        return list(self._paths.values())

    def show(self, on: bool, edges: Iterable[EdgeItem]) -> None:
        if on and self._stale:
            self.refresh(edges)
        self.shown = on
        for item in self._paths.values():
            item.setVisible(on)

    def invalidate(self, edges: Callable[[], Iterable[EdgeItem]]) -> None:
        """Arrows moved: redraw now (with the arrows ``edges()`` gives) if shown, else on the
        next :meth:`show`."""
        self._stale = True
        if self.shown:
            self.refresh(edges())

    def refresh(self, edges: Iterable[EdgeItem]) -> None:
        paths = {kind: QPainterPath() for kind in RelationKind}
        for edge in edges:
            geometry = edge.geometry
            if geometry is None:
                continue
            path = paths[edge.kind]
            for start, end in geometry.premise_lines:
                path.moveTo(start)
                path.lineTo(end)
            path.moveTo(geometry.start)
            controls = geometry.controls
            if not controls:
                path.lineTo(geometry.end)
            elif len(controls) == 1:
                path.quadTo(controls[0], geometry.end)
            else:
                path.cubicTo(controls[0], controls[1], geometry.end)
        for kind, item in self._paths.items():
            item.setPath(paths[kind])
        self._stale = False
