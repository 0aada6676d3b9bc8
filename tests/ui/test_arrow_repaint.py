"""Only what changed is repainted: an arrow laid again where it already runs is not
invalidated, and a repaint of separate parts (a new card, its parent) paints only the arrows
that reach one of them, the picture unchanged."""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

from argmap.ui.canvas import edge_item, exposure
from argmap.ui.canvas.edge_item import EdgeItem
from tests.ui.test_arrow_culling import _alike, _blank, _rows_map
from tests.ui.test_canvas import Canvas, make_canvas


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[Canvas]:
    result = make_canvas(qtbot, _rows_map())
    yield result
    result.view.bridge.detach()


def _invalidated(canvas: Canvas, change: object) -> list[QRectF]:
    """The scene rects Qt marks for repainting after ``change()``."""
    scene = canvas.view.map_scene
    rects: list[QRectF] = []
    QApplication.processEvents()
    scene.changed.connect(rects.extend)
    try:
        change()  # type: ignore[operator]
        QApplication.processEvents()
    finally:
        scene.changed.disconnect(rects.extend)
    return rects


def _edge(canvas: Canvas, relation_id: str) -> EdgeItem:
    edge = next(e for e in canvas.view.map_scene.edge_items() if e.relation_id == relation_id)
    assert edge.geometry is not None
    return edge


def test_an_arrow_laid_again_where_it_runs_is_not_repainted(canvas: Canvas) -> None:
    edge = _edge(canvas, "r5")
    box = edge.sceneBoundingRect()
    same = copy.deepcopy(edge.geometry)
    assert same is not None and same is not edge.geometry
    assert not [
        r for r in _invalidated(canvas, lambda: edge.set_geometry(same)) if r.intersects(box)
    ]
    # Laid somewhere else, it is repainted where it was and where it now runs.
    moved = copy.deepcopy(same)
    moved.end = QPointF(moved.end.x() + 40, moved.end.y())
    rects = _invalidated(canvas, lambda: edge.set_geometry(moved))
    assert any(r.contains(same.end) for r in rects)  # its head, where it was
    assert any(r.contains(moved.end) for r in rects)  # and where it is now
    assert edge.geometry is moved


def _paint_region(canvas: Canvas, parts: list[QRectF], cull: bool) -> tuple[QImage, int]:
    """The arrows as a view repainting exactly ``parts`` paints them, and how many drew."""
    bounds = parts[0]
    for part in parts[1:]:
        bounds = bounds.united(part)
    image = QImage(int(bounds.width()), int(bounds.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(-bounds.left(), -bounds.top())
    clip = QRegion()
    for part in parts:
        clip = clip.united(QRegion(part.toAlignedRect()))
    painter.setClipRegion(clip)
    option = QStyleOptionGraphicsItem()
    option.exposedRect = bounds  # what Qt tells an item: the parts' bounding rect
    drawn = 0
    original = edge_item.lod.scale_of

    def counted(p: QPainter) -> float:
        nonlocal drawn
        drawn += 1
        return original(p)

    edge_item.lod.scale_of = counted  # type: ignore[assignment]
    try:
        with exposure.repainting(parts) if cull else contextlib.nullcontext():
            for edge in canvas.view.map_scene.edge_items():
                painter.save()
                painter.setOpacity(edge.opacity())
                edge.paint(painter, option, None)
                painter.restore()
    finally:
        edge_item.lod.scale_of = original  # type: ignore[assignment]
    painter.end()
    return image, drawn


def test_separate_parts_paint_only_the_arrows_reaching_them(canvas: Canvas) -> None:
    # Two cards' worth of scene, one above the other: the long slants cross the gap between.
    frame = canvas.view.map_scene.map_rect()
    left = frame.left() + frame.width() * 0.45
    parts = [QRectF(left, frame.top(), 260, 120), QRectF(left, frame.bottom() - 120, 260, 120)]
    culled, culled_drawn = _paint_region(canvas, parts, cull=True)
    every, every_drawn = _paint_region(canvas, parts, cull=False)
    assert _alike(culled, every)
    assert culled != _blank(culled)  # the arrows ending at the cards there were drawn
    assert every_drawn > culled_drawn  # arrows crossing only the gap were skipped


def test_a_view_repainting_separate_parts_tells_the_arrows(
    canvas: Canvas, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[exposure.Part] | None] = []
    original = exposure.parts

    def recorded() -> list[exposure.Part] | None:
        seen.append(original())
        return seen[-1]

    monkeypatch.setattr(exposure, "parts", recorded)
    # Arrows painted as items (long ones draw their lines with the background instead).
    monkeypatch.setattr(edge_item, "LONG_ARROW", 1e9)
    view = canvas.view
    view.map_scene.rebuild()
    assert not view.map_scene.arrow_layer
    QApplication.processEvents()  # shown whole again, as before the rebuild
    viewport = view.viewport()
    top_rect, low_rect = QRect(500, 250, 300, 40), QRect(500, 550, 300, 40)
    region = QRegion(top_rect).united(QRegion(low_rect))
    view.map_scene.update()  # no parts known: one whole repaint
    QApplication.processEvents()
    viewport.repaint(region)
    told = [parts for parts in seen if parts is not None]
    assert told, "no arrow heard which parts were repainted"
    top = view.mapToScene(top_rect).boundingRect()
    assert all(len(parts) == 2 for parts in told)
    assert any(abs(p[1] - top.top()) < 2 for parts in told for p in parts)
    assert exposure.parts() is None  # forgotten after the paint
