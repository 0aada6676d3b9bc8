"""Redrawing a small part of the canvas paints only the arrows that reach it, and the picture
is exactly what painting every arrow gives (long arrows cross a corner, their signs far away)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from pytestqt.qtbot import QtBot

from argmap.model import ArgumentMap, MapLayout, Node, NodeKind, Point, Relation, RelationKind
from argmap.ui.canvas import edge_item
from argmap.ui.canvas.edge_item import EdgeItem
from tests.ui.test_canvas import Canvas, make_canvas


def _rows_map() -> ArgumentMap:
    """Two rows of cards far apart sideways: every arrow is a long slant across the map."""
    nodes = [Node(id=f"t{i}", kind=NodeKind.CLAIM, text=f"top {i}") for i in range(4)]
    nodes += [Node(id=f"b{i}", kind=NodeKind.EVIDENCE, text=f"bottom {i}") for i in range(12)]
    relations = [
        Relation(
            id=f"r{i}",
            kind=RelationKind.ATTACK if i % 3 == 0 else RelationKind.SUPPORT,
            premises=[f"b{i}"],
            target=f"t{i // 3}",
        )
        for i in range(12)
    ]
    positions = {f"t{i}": Point(x=i * 300.0, y=0.0) for i in range(4)}
    positions |= {f"b{i}": Point(x=2400.0 + i * 300.0, y=700.0) for i in range(12)}
    layout = MapLayout(positions=positions)
    return ArgumentMap(nodes=nodes, relations=relations, layout=layout)


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[Canvas]:
    result = make_canvas(qtbot, _rows_map())
    yield result
    result.view.bridge.detach()


def _redraw(canvas: Canvas, part: QRect) -> QImage:
    """What the view paints when only ``part`` of it (viewport pixels) is redrawn."""
    viewport = canvas.view.viewport()
    image = QImage(viewport.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    viewport.render(image, QPoint(), QRegion(part))
    return image


def test_a_part_redrawn_looks_as_when_every_arrow_is_painted(
    canvas: Canvas, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = canvas.view
    view.set_zoom(1.0)
    view.centerOn(QPointF(1800, 350))  # the middle of the slants, far from most signs
    size = view.viewport().size()
    parts = [
        QRect(x, y, 150, 110)
        for x in range(0, size.width() - 100, 130)
        for y in range(0, size.height() - 60, 95)
    ]
    signs: list[str] = []
    original = EdgeItem._paint_sign

    def counted(self: EdgeItem, painter: QPainter, colour: QColor) -> None:
        signs.append(self.relation_id)
        original(self, painter, colour)

    monkeypatch.setattr(EdgeItem, "_paint_sign", counted)
    culled = [_redraw(canvas, part) for part in parts]
    culled_signs = len(signs)
    signs.clear()
    # Every arrow whose box meets the part painted whole, as before arrows were culled.
    monkeypatch.setattr(edge_item, "_grown", lambda _rect: (-1e9, -1e9, 1e9, 1e9))
    every = [_redraw(canvas, part) for part in parts]
    for part, mine, theirs in zip(parts, culled, every, strict=True):
        assert mine == theirs, f"the part at {part.left()},{part.top()} differs"
    assert culled_signs < len(signs) / 3  # far signs were not drawn
