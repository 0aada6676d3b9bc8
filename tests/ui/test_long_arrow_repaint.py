"""A long arrow costs what shows of it: a repaint of a small part strokes only the stretch of
its lines there (Qt strokes a whole path before clipping it), and a long arrow laid a little
differently repaints only along where its lines ran and now run, not its whole box; the
picture is what painting everything whole gives."""

from __future__ import annotations

import copy
import dataclasses
import math
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath
from PySide6.QtWidgets import QApplication, QGraphicsScene, QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

from argmap.model import RelationKind
from argmap.ui.canvas import scene as scene_module
from argmap.ui.canvas.edge_item import EdgeItem
from argmap.ui.canvas.geometry import EdgeGeometry
from tests.ui.test_arrow_culling import _alike, _blank, _rows_map
from tests.ui.test_canvas import Canvas, make_canvas

#: Far more than a view shows: stroking it whole costs ~100 µs a paint, its stretch a few.
LENGTH = 100_000.0


class _Recording(QPainter):
    """A painter that notes the length of every path it strokes."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.lengths: list[float] = []

    def drawPath(self, path: QPainterPath) -> None:
        self.lengths.append(path.length())
        super().drawPath(path)


def _paint(edge: EdgeItem, part: QRectF, whole: bool) -> tuple[QImage, list[float]]:
    """``edge`` as a repaint of ``part`` paints it (``whole``: told everything is exposed)."""
    image = QImage(int(part.width()), int(part.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = _Recording(image)
    painter.translate(-part.left(), -part.top())
    painter.setClipRect(part)
    option = QStyleOptionGraphicsItem()
    option.exposedRect = edge.boundingRect() if whole else part
    edge.paint(painter, option, None)
    painter.end()
    return image, painter.lengths


@pytest.fixture
def scene(qtbot: QtBot) -> Iterator[QGraphicsScene]:
    result = QGraphicsScene()
    yield result
    result.clear()


def _arrow(scene: QGraphicsScene, kind: RelationKind, geometry: EdgeGeometry) -> EdgeItem:
    edge = EdgeItem("r", kind, None)
    scene.addItem(edge)
    edge.set_geometry(geometry)
    return edge


def _slant() -> EdgeGeometry:
    start, end = QPointF(0.0, 0.0), QPointF(LENGTH, 0.3 * LENGTH)
    premise = (QPointF(-3000.0, 900.0), start)  # a linked premise's line to the junction
    return EdgeGeometry(start, end, [premise], junction=start)


@pytest.mark.parametrize("kind", [RelationKind.SUPPORT, RelationKind.ATTACK])
@pytest.mark.parametrize("selected", [False, True])
def test_a_part_of_a_long_straight_arrow_strokes_only_its_stretch_there(
    scene: QGraphicsScene, kind: RelationKind, selected: bool
) -> None:
    edge = _arrow(scene, kind, _slant())
    edge.setSelected(selected)
    assert edge.isSelected() == selected
    # Along the line (a dashed one far from where its dashes start), at the head, the
    # junction and the premise's line, and beside the line.
    spots = [(LENGTH * t, 0.3 * LENGTH * t) for t in (0.013, 0.5, 0.77131, 0.9993, 1.0)]
    spots += [(0.0, 0.0), (-1700.0, 510.0), (LENGTH / 2, 0.15 * LENGTH + 300)]
    drawn = 0
    for x, y in spots:
        part = QRectF(x - 97.3, y - 61.7, 211.0, 143.0)
        mine, lengths = _paint(edge, part, whole=False)
        theirs, whole_lengths = _paint(edge, part, whole=True)
        assert _alike(mine, theirs), f"the part at {x:.0f},{y:.0f} differs"
        assert max(whole_lengths) > LENGTH  # painted whole, the line is stroked whole
        # Only the stretch in the part (with the reach of a head or sign and a dash) is.
        assert sum(lengths) < 3 * math.hypot(part.width(), part.height())
        drawn += mine != _blank(mine)
    assert drawn == len(spots) - 1  # all but the spot beside the line show some of it


def test_a_long_curve_is_left_out_where_it_does_not_pass(scene: QGraphicsScene) -> None:
    # A detour whose control points' box covers much of the map, the curve only its edge.
    start, end = QPointF(0.0, 0.0), QPointF(LENGTH, 0.0)
    controls = (QPointF(0.0, 0.4 * LENGTH), QPointF(LENGTH, 0.4 * LENGTH))
    edge = _arrow(scene, RelationKind.ATTACK, EdgeGeometry(start, end, controls=controls))
    inside = QRectF(LENGTH / 2 - 100, 0.1 * LENGTH, 200, 150)  # under the curve's middle
    on_it = QRectF(LENGTH / 2 - 100, 0.3 * LENGTH - 75, 200, 150)  # the curve's middle
    assert edge.boundingRect().contains(inside)
    image, lengths = _paint(edge, inside, whole=False)
    assert lengths == [] and image == _blank(image)
    mine, lengths = _paint(edge, on_it, whole=False)
    assert mine != _blank(mine)
    # A dashed curve that passes is drawn as its polyline near the part (see line_clip:
    # Qt drifts the dashes of a curve reaching far off the picture), not 140,000 px of it.
    assert len(lengths) == 1 and 200 < lengths[0] < 1000
    solid = _arrow(scene, RelationKind.SUPPORT, EdgeGeometry(start, end, controls=controls))
    edge.setVisible(False)
    mine, lengths = _paint(solid, on_it, whole=False)
    theirs, _ = _paint(solid, on_it, whole=True)
    assert mine != _blank(mine) and mine == theirs  # a solid curve that passes: drawn whole


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[Canvas]:
    result = make_canvas(qtbot, _rows_map())
    yield result
    result.view.bridge.detach()


def _long_arrow(canvas: Canvas) -> EdgeItem:
    edge = canvas.view.map_scene.edge_item("r5")  # from far right, off the view, to t1
    assert edge is not None and edge.geometry is not None
    assert not edge.geometry.controls
    return edge


def _shown(canvas: Canvas) -> QRectF:
    view = canvas.view
    return view.mapToScene(view.viewport().rect()).boundingRect()


def _nudged(edge: EdgeItem) -> EdgeGeometry:
    """The arrow's lines with their end, in the view, moved along its card by 30 px."""
    geometry = copy.deepcopy(edge.geometry)
    assert geometry is not None
    geometry.end = QPointF(geometry.end.x() + 30, geometry.end.y())
    return geometry


def _backing_store(canvas: Canvas) -> QImage:
    """What the window shows: the pixels kept from the paints so far, not a fresh paint."""
    view = canvas.view
    QApplication.processEvents()
    origin = view.viewport().mapTo(view, view.viewport().rect().topLeft())
    size = view.viewport().size()
    screen = QApplication.primaryScreen()
    grab = screen.grabWindow(view.winId(), origin.x(), origin.y(), size.width(), size.height())
    return grab.toImage().convertToFormat(QImage.Format.Format_ARGB32)


def test_a_long_arrow_laid_a_little_differently_repaints_only_along_its_lines(
    canvas: Canvas,
) -> None:
    edge = _long_arrow(canvas)
    scene = canvas.view.map_scene
    shown = _shown(canvas)
    old, new = edge.geometry, _nudged(edge)
    assert old is not None
    rects: list[QRectF] = []
    QApplication.processEvents()
    scene.changed.connect(rects.extend)
    try:
        edge.set_geometry(new)
        QApplication.processEvents()
    finally:
        scene.changed.disconnect(rects.extend)
    box = edge.sceneBoundingRect().intersected(shown)
    assert box.width() * box.height() > 100_000  # the box Qt would repaint: much of the view
    assert rects and all(r.width() * r.height() < 20_000 for r in rects)
    # Every point of the lines in the view, where they ran and where they now run.
    for geometry in (old, new):
        start, end = geometry.start, geometry.end
        for i in range(101):
            t = i / 100
            point = QPointF(
                start.x() + (end.x() - start.x()) * t, start.y() + (end.y() - start.y()) * t
            )
            if shown.contains(point):
                assert any(r.contains(point) for r in rects), f"{point} not repainted"


def _as_repainted_whole(canvas: Canvas) -> QImage:
    """What the window shows now, checked against a repaint of the whole view."""
    shown = _backing_store(canvas)
    canvas.view.viewport().update()
    assert _alike(shown, _backing_store(canvas))
    return shown


def test_after_a_long_arrow_changes_the_window_shows_what_a_full_repaint_does(
    canvas: Canvas,
) -> None:
    edge = _long_arrow(canvas)
    edge.setSelected(True)  # with the wide selection stroke under its lines
    before = _as_repainted_whole(canvas)
    edge.set_blocked(True)  # faded along its lines, not its whole box
    faded = _as_repainted_whole(canvas)
    edge.set_geometry(_nudged(edge))
    moved = _as_repainted_whole(canvas)
    edge.set_blocked(False)
    shown = _as_repainted_whole(canvas)
    assert before != faded != moved != shown
    canvas.view.centerOn(edge.sign_point())  # its sign, in the middle of the map
    centred = _as_repainted_whole(canvas)
    edge.set_sign_t(0.47)  # moved aside along the arrow
    assert _as_repainted_whole(canvas) != centred


def test_a_changed_badge_repaints_the_badge_not_the_card(canvas: Canvas) -> None:
    card = canvas.view.map_scene.node_item("t1")
    assert card is not None
    # A header as long as the card: a badge's coming shortens it.
    detail = "statistical data from an official survey"
    card.set_content(dataclasses.replace(card.content, detail=detail), card.size)
    before = _as_repainted_whole(canvas)
    card.set_badge(("IN", QColor("#2e7d32"), None))  # a badge comes: the header makes room
    shown = _as_repainted_whole(canvas)
    assert shown != before
    card.set_badge(("OUT", QColor("#c62828"), 0.4))  # the pill and the bar drawn anew
    assert _as_repainted_whole(canvas) != shown
    # What is repainted: (the scene reports it once asked to, so asked last).
    rects: list[QRectF] = []
    scene = canvas.view.map_scene
    scene.changed.connect(rects.extend)
    try:
        card.set_badge(("OUT", QColor("#c62828"), 0.9))
        QApplication.processEvents()
    finally:
        scene.changed.disconnect(rects.extend)
    box = card.sceneBoundingRect()
    assert rects and all(box.contains(r) for r in rects)
    assert sum(r.width() * r.height() for r in rects) < box.width() * box.height() / 3


def test_badges_and_fades_turned_on_all_at_once_show_as_a_full_repaint_does(
    canvas: Canvas, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Evaluation turned on or off changes every card and many arrows: the scene repaints the
    # view once instead of a few rects per item (on this small map, once past 0 changes).
    monkeypatch.setattr(scene_module, "BULK_REPAINT", 0)
    scene = canvas.view.map_scene
    before = _as_repainted_whole(canvas)
    ids = [node.id for node in canvas.session.map.nodes]
    scene.set_badges({node_id: ("IN", QColor("#2e7d32"), 0.8) for node_id in ids})
    badged = _as_repainted_whole(canvas)
    assert badged != before
    scene.set_blocked({relation.id for relation in canvas.session.map.relations})
    faded = _as_repainted_whole(canvas)
    assert faded != badged
    scene.set_blocked(None)
    scene.set_badges(None)
    assert _alike(_as_repainted_whole(canvas), before)
