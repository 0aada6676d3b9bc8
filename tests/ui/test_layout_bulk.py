"""Applying a layout to a big map moves every card in one batch (see MapScene.apply_changes):
what the window shows afterwards is what opening the laid-out map shows, and the scene finds
its items by place as before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from argmap.io import native
from argmap.ui.canvas.node_item import NodeItem
from argmap.ui.canvas.scene import MapScene
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow
from tests.ui.test_label_obstacles import rows_map

#: Enough statements for a batch (more than a quarter of the cards move, and more than 64).
COUNT = 240

Picture = dict[str, tuple[float, ...]]


def picture(scene: MapScene) -> Picture:
    """Where every card, arrow (its lines) and scheme label is, as plain numbers."""
    scene.label_queue.flush()
    shown: Picture = {}
    for card in scene.node_items():
        shown[card.node_id] = (card.pos().x(), card.pos().y())
    for edge in scene.edge_items():
        geometry = edge.geometry
        assert geometry is not None
        points = [geometry.start, *geometry.controls, geometry.end]
        for a, b in geometry.premise_lines:
            points += [a, b]
        numbers = [n for p in points for n in (p.x(), p.y())]
        if edge.label is not None:
            numbers += [edge.label.pos().x(), edge.label.pos().y()]
        shown[edge.relation_id] = tuple(numbers)
    return shown


def open_rows(make_window: MakeWindow, path: Path) -> MainWindow:
    native.save(rows_map(COUNT), path)
    window = make_window(path)
    window.canvas.animator.duration_ms = 0
    return window


def test_a_laid_out_map_looks_as_it_does_when_opened(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    window = open_rows(make_window, tmp_path / "rows.argmap.json")
    scene = window.canvas.map_scene
    before = picture(scene)
    assert window.layout_controller.apply("tree")
    after = picture(scene)
    moved = [n for n in window.session.map.layout.positions if after[n] != before[n]]
    assert len(moved) * 4 >= COUNT
    laid_out = tmp_path / "laid_out.argmap.json"
    native.save(window.session.map, laid_out)
    assert picture(make_window(laid_out).canvas.map_scene) == after
    window.session.undo()
    assert picture(scene) == before


def test_after_a_layout_the_scene_finds_cards_where_they_now_are(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    window = open_rows(make_window, tmp_path / "rows.argmap.json")
    scene = window.canvas.map_scene
    old = {card.node_id: card.sceneBoundingRect() for card in scene.node_items()}
    assert window.layout_controller.apply("tree")
    assert scene.itemIndexMethod() == QGraphicsScene.ItemIndexMethod.BspTreeIndex
    found_new = found_old = 0
    for card in scene.node_items():
        here = card.sceneBoundingRect()
        assert card in scene.items(here)
        found_new += 1
        gone = old[card.node_id]
        if not any(gone.intersects(other.sceneBoundingRect()) for other in scene.node_items()):
            assert not [i for i in scene.items(_inside(gone)) if isinstance(i, NodeItem)]
            found_old += 1
    assert found_new == COUNT and found_old > 10


def _inside(rect: QRectF) -> QRectF:
    return rect.adjusted(4, 4, -4, -4)
