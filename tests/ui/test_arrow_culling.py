"""Redrawing a small part of the canvas paints only the arrows that reach it, and the picture
is exactly what painting every arrow gives (long arrows cross a corner, their signs far away)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem
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


def _paint_part(canvas: Canvas, part: QRectF) -> QImage:
    """The arrows as a redraw of only ``part`` of the scene paints them (at 1:1)."""
    image = QImage(int(part.width()), int(part.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(-part.left(), -part.top())
    painter.setClipRect(part)
    option = QStyleOptionGraphicsItem()
    option.exposedRect = (
        part  # an arrow sits at the scene's origin: its coordinates are the scene's
    )
    for edge in canvas.view.map_scene.edge_items():
        painter.save()
        painter.setOpacity(edge.opacity())
        edge.paint(painter, option, None)
        painter.restore()
    painter.end()
    return image


def _alike(one: QImage, other: QImage) -> bool:
    """The same picture: a pixel may differ by an antialiasing step or so, no more. A line cut
    to the part redrawn starts nearer than the whole line: Qt's rasterizer steps each edge in
    fixed point from its first point, so the cover of a pixel along it may come out a few
    levels in 255 apart (a dash cut out of a long line, or out of a dashed curve's polyline,
    likewise). A dash drawn out of place differs by a hundred levels or more."""
    if one == other:
        return True
    pairs = zip(bytes(one.constBits()), bytes(other.constBits()), strict=True)
    return max(abs(a - b) for a, b in pairs) <= 6


def test_a_part_redrawn_looks_as_when_every_arrow_is_painted(
    canvas: Canvas, monkeypatch: pytest.MonkeyPatch
) -> None:
    frame = canvas.view.map_scene.map_rect()
    parts = [
        QRectF(x, y, 150, 110)
        for x in range(int(frame.left()), int(frame.right()), 140)
        for y in range(int(frame.top()), int(frame.bottom()), 100)
    ]
    signs: list[str] = []
    original = EdgeItem._paint_sign

    def counted(self: EdgeItem, painter: QPainter, colour: QColor) -> None:
        signs.append(self.relation_id)
        original(self, painter, colour)

    monkeypatch.setattr(EdgeItem, "_paint_sign", counted)
    culled = [_paint_part(canvas, part) for part in parts]
    culled_signs = len(signs)
    signs.clear()
    # Every arrow painted whole in every part, as before arrows were culled.
    monkeypatch.setattr(edge_item, "_grown", lambda _rect: (-1e9, -1e9, 1e9, 1e9))
    for part in parts:
        _paint_part(canvas, part)
    # The reference: every arrow whole on one picture of the whole map, cut into the parts
    # (a dashed curve reaching off a small picture is dashed off by Qt, see line_clip).
    whole = QRectF(int(frame.left()), int(frame.top()), frame.width() + 300, frame.height() + 300)
    picture = _paint_part(canvas, whole)
    drawn = 0
    for part, mine in zip(parts, culled, strict=True):
        at = part.topLeft() - whole.topLeft()
        theirs = picture.copy(int(at.x()), int(at.y()), int(part.width()), int(part.height()))
        assert _alike(mine, theirs), f"the part at {part.left()},{part.top()} differs"
        drawn += mine != _blank(mine)
    assert drawn > len(parts) / 4  # the parts cut through arrows
    assert culled_signs < len(signs) / 10  # far signs were not drawn


def _blank(image: QImage) -> QImage:
    blank = QImage(image.size(), image.format())
    blank.fill(QColor("white"))
    return blank
