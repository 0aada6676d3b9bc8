"""Long arrows are drawn with the view's cached background (see ``arrow_layer``): repainting a
card beside them blits them instead of stroking them again, only an arrow that changes is
drawn again (along its lines), and the picture is what drawing everything afresh gives. They
are still clicked, selected, faded, exported and presented as before."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QEvent, QIODevice, QObject, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.editing import EditSession, MoveNodes, change_relation_kind, delete_nodes
from argmap.model import Point
from argmap.ui.canvas import edge_item, lod
from argmap.ui.canvas.arrow_layer import LayerView
from argmap.ui.canvas.edge_item import EdgeItem
from argmap.ui.canvas.scene import MapScene
from argmap.ui.render import render_map
from tests.ui.test_arrow_culling import _alike, _rows_map
from tests.ui.test_canvas import Canvas, make_canvas

#: Where the long slants of the rows map cross the middle of the view.
MIDDLE = QPointF(1500.0, 350.0)


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[Canvas]:
    result = make_canvas(qtbot, _rows_map())
    result.view.centerOn(MIDDLE)
    QApplication.processEvents()
    yield result
    result.view.bridge.detach()


def _edges(canvas: Canvas) -> dict[str, EdgeItem]:
    return {edge.relation_id: edge for edge in canvas.view.map_scene.edge_items()}


def _picture(canvas: Canvas) -> QImage:
    return canvas.view.viewport().grab().toImage()


def _fresh_picture(canvas: Canvas) -> QImage:
    """The view drawn from scratch: no cached background."""
    canvas.view.resetCachedContent()
    return _picture(canvas)


class _PaintRegions(QObject):
    """The regions the viewport repaints, as it is told them."""

    def __init__(self) -> None:
        super().__init__()
        self.areas: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            region = event.region()  # type: ignore[attr-defined]
            self.areas.append(sum(r.width() * r.height() for r in region))
        return False


def test_long_arrows_are_drawn_with_the_background(canvas: Canvas) -> None:
    edges = _edges(canvas)
    assert edges and all(edge.layered for edge in edges.values())
    flag = edge_item.QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    assert all(edge.flags() & flag for edge in edges.values())  # Qt never asks them to paint
    assert len(canvas.view.map_scene.arrow_layer) == len(edges)


def test_repainting_beside_long_arrows_draws_none_of_them_again(
    canvas: Canvas, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    original = EdgeItem.paint_layered

    def recorded(edge: EdgeItem, painter: QPainter, *args: object) -> None:
        drawn.append(edge.relation_id)
        original(edge, painter, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(EdgeItem, "paint_layered", recorded)
    view = canvas.view
    view.resetCachedContent()
    view.viewport().repaint()
    assert len(drawn) >= 6  # drawn whole: the slants crossing the view
    drawn.clear()
    # A card's worth of the view, crossed by the slants, repainted (a card edited there):
    # the background, lines and all, comes from the cache.
    view.viewport().repaint(QRect(500, 300, 200, 120))
    assert drawn == []


def test_after_edits_the_cached_picture_is_the_fresh_one(canvas: Canvas) -> None:
    session, scene = canvas.session, canvas.view.map_scene
    steps = [
        lambda: session.execute(MoveNodes({"b4": Point(x=3400.0, y=760.0)})),  # arrow re-laid
        lambda: session.execute(delete_nodes(session.map, ["b7"])),  # its arrow goes
        lambda: session.undo(),  # and comes back
        lambda: session.execute(change_relation_kind("r5", "attack")),  # restyled
        lambda: canvas.selection.set(["r2"]),  # selected
        lambda: scene.set_blocked({"r8", "r2"}),  # faded by the evaluation
        lambda: _edges(canvas)["r10"].setVisible(False),  # hidden (a collapse)
    ]
    _fresh_picture(canvas)
    for step in steps:
        step()
        QApplication.processEvents()
        cached = _picture(canvas)
        assert _alike(cached, _fresh_picture(canvas)), step
    assert _edges(canvas)["r2"].isSelected()


def test_a_faded_long_arrow_looks_as_a_translucent_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Faded long arrows are drawn opaque, in the colour fading gives over the canvas (Qt
    blends translucent strokes many times slower): between the rows of cards, where the
    slants cross nothing, the pixels are those of translucent lines (where two cross, the
    later one covers the other instead of showing it through)."""

    def band(blocked: set[str]) -> tuple[QImage, int]:
        canvas = make_canvas(qtbot, _rows_map())
        view = canvas.view
        view.centerOn(MIDDLE)
        view.map_scene.set_blocked(blocked)
        QApplication.processEvents()
        image = _fresh_picture(canvas)
        middle = view.mapFromScene(QRectF(0.0, 320.0, 6000.0, 130.0)).boundingRect()
        view.bridge.detach()
        return image.copy(middle & image.rect()), len(view.map_scene.arrow_layer)

    every = {f"r{i}" for i in range(12)}
    washed, layered = band(every)
    full, _ = band(set())
    monkeypatch.setattr(edge_item, "LONG_ARROW", 1e9)  # every arrow an item, as before
    translucent, items = band(every)
    assert (layered, items) == (12, 0)
    assert washed.size() == translucent.size() and not washed.isNull()
    assert not _alike(washed, full)  # faded, not drawn in full colour
    assert _alike(washed, translucent)


def test_a_dashed_curve_scrolled_into_view_dashes_as_when_drawn_whole(canvas: Canvas) -> None:
    """Qt drifts the dashes of a curve that reaches off the device it is drawn on: the strips
    a scroll brings into view showed a dashed detour's dashes 1-2 px along from the rest.
    Dashed curves on screen are drawn as polylines cut near the part drawn."""
    edge = _edges(canvas)["r0"]  # an objection: dashed
    assert edge.geometry is not None
    detour = (QPointF(4300.0, 650.0), QPointF(3900.0, 120.0), QPointF(700.0, 200.0))
    edge.set_geometry(replace(edge.geometry, start=detour[0], controls=detour[1:]))
    assert edge.layered
    view = canvas.view
    view.centerOn(QPointF(1500.0, 300.0))
    QApplication.processEvents()
    bar = view.horizontalScrollBar()
    start = bar.value()
    for step in [150] * 4 + [-150] * 4:
        bar.setValue(bar.value() + step)
        QApplication.processEvents()
    assert bar.value() == start
    cached, fresh = _picture(canvas), _fresh_picture(canvas)
    # A cut line's antialiasing may differ by a few levels (see _alike); a dash moved along
    # differs by up to half the scale in the pixels it moves through (72 pixels, before).
    pairs = zip(bytes(cached.constBits()), bytes(fresh.constBits()), strict=True)
    assert max(abs(a - b) for a, b in pairs) <= 8


def test_a_dashed_curve_stays_a_curve_in_a_vector_export(canvas: Canvas) -> None:
    """Only pixels get the flattened polyline: an SVG keeps the smooth detour."""
    edge = _edges(canvas)["r0"]
    assert edge.geometry is not None
    detour = (QPointF(4300.0, 650.0), QPointF(3900.0, 120.0), QPointF(700.0, 200.0))
    edge.set_geometry(replace(edge.geometry, start=detour[0], controls=detour[1:]))
    scene = canvas.view.map_scene
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setViewBox(scene.sceneRect())
    painter = QPainter(generator)
    with lod.full_detail():  # as every export draws
        scene.render(painter, QRectF(), scene.sceneRect())
    painter.end()
    svg = bytes(buffer.data().data()).decode()
    assert 'd="M4300,650 C3900,120 700,200 ' in svg  # the cubic itself, not a polyline


def test_deleting_a_card_repaints_along_its_long_arrow_not_its_box(canvas: Canvas) -> None:
    view = canvas.view
    edge = _edges(canvas)["r6"]
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    box = view.mapFromScene(edge.sceneBoundingRect().intersected(shown)).boundingRect()
    assert box.width() * box.height() > 150_000  # much of the view
    regions = _PaintRegions()
    view.viewport().installEventFilter(regions)
    canvas.session.execute(delete_nodes(canvas.session.map, ["b6"]))
    QApplication.processEvents()
    view.viewport().removeEventFilter(regions)
    assert regions.areas
    assert sum(regions.areas) < 0.3 * box.width() * box.height()
    assert _alike(_picture(canvas), _fresh_picture(canvas))


def _distance(point: QPointF, start: QPointF, end: QPointF) -> float:
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = dx * dx + dy * dy
    t = ((point.x() - start.x()) * dx + (point.y() - start.y()) * dy) / length if length else 0
    t = min(1.0, max(0.0, t))
    return math.hypot(point.x() - start.x() - t * dx, point.y() - start.y() - t * dy)


def test_a_click_on_a_long_arrows_line_selects_it(canvas: Canvas, qtbot: QtBot) -> None:
    view = canvas.view
    edges = _edges(canvas)
    shown = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(50, 50, -50, -50)
    others = [piece for key, e in edges.items() if key != "r6" for piece in e.segments()]
    # A point of its line in the view, clear of every other line and every card.
    spot = None
    for start, end in edges["r6"].segments():
        for step in range(1, 200):
            t = step / 200
            point = start + (end - start) * t
            if not shown.contains(point) or view.map_scene.cards_near(QRectF(point, point)):
                continue
            if all(_distance(point, a, b) > 9 for a, b in others):
                spot = point
                break
        if spot is not None:
            break
    assert spot is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(spot))
    assert canvas.selection.ids == ["r6"]
    # And off every line: nothing.
    empty = view.mapFromScene(QPointF(MIDDLE.x(), -400))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    assert canvas.selection.ids == []


def test_an_export_draws_long_arrows_as_items_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argument_map = _rows_map()
    layered = QImage(str(render_map(argument_map, tmp_path / "layered.png", width=1200)))
    monkeypatch.setattr(edge_item, "LONG_ARROW", 1e9)  # every arrow an item, as before
    items = QImage(str(render_map(argument_map, tmp_path / "items.png", width=1200)))
    assert not layered.isNull() and layered.size() == items.size()
    assert _alike(layered, items)


def test_a_plain_view_with_its_own_background_shows_long_arrows(qtbot: QtBot) -> None:
    """The presentation's view: white, the arrows drawn on it."""
    scene = MapScene(EditSession(_rows_map()))
    view = LayerView(scene)
    qtbot.addWidget(view)
    view.setBackgroundBrush(QColor("white"))
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    view.centerOn(MIDDLE)
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    white = QColor("white").rgb()
    inked = sum(
        image.pixel(x, y) != white
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    )
    assert inked > 200  # the slants crossing the middle, where there are no cards
    assert len(scene.arrow_layer) == 12


def test_a_click_where_cards_overlap_takes_the_one_on_top(qtbot: QtBot) -> None:
    """Cards under the pointer are found through the scene's card index (Qt's look-up asks
    every long arrow whose box covers the point); where two overlap, the one Qt draws on top
    is taken, as before."""
    argument_map = _rows_map()
    argument_map.layout.positions["b1"] = Point(x=2440.0, y=710.0)  # over b0, a little aside
    canvas = make_canvas(qtbot, argument_map)
    try:
        view = canvas.view
        b0, b1 = canvas.node("b0"), canvas.node("b1")
        overlap = b0.scene_card_rect().intersected(b1.scene_card_rect())
        assert not overlap.isEmpty()
        on_top = next(item for item in view.map_scene.items(overlap.center()) if item in (b0, b1))
        view.centerOn(overlap.center())
        QApplication.processEvents()
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(overlap.center())
        )
        assert canvas.selection.ids == [on_top.node_id]  # type: ignore[attr-defined]
        only_b0 = QPointF(b0.scene_card_rect().left() + 5, b0.scene_card_rect().top() + 5)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(only_b0))
        assert canvas.selection.ids == ["b0"]
    finally:
        canvas.view.bridge.detach()
