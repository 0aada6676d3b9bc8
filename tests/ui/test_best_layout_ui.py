"""Layout > Best for This Map, and the canvas drawing the layout's routes around cards."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from argmap.io import native
from argmap.layout import bounding_box, overlaps
from argmap.layout.routing import arrows_through_cards, route_map
from argmap.model import ArgumentMap, Point
from argmap.resources import DEFAULT_MAP
from argmap.ui.main_window import MainWindow
from tests.layout.forests import generate_forest
from tests.ui.conftest import MakeWindow
from tests.ui.test_layout_ui import menu_action


def _ribbon() -> ArgumentMap:
    """Forty small arguments in one long row (as an old layout left them)."""
    argument_map = generate_forest(120, 40, seed=3)
    argument_map.layout.positions = {
        node.id: Point(x=i * 260.0, y=(i % 3) * 120.0) for i, node in enumerate(argument_map.nodes)
    }
    return argument_map


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "ribbon.argmap.json"
    native.save(_ribbon(), path)
    window = make_window(path)
    window.canvas.animator.duration_ms = 0
    window.resize(1200, 800)
    return window


def test_best_for_this_map_packs_the_parts_into_a_page_in_one_undoable_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = dict(window.session.map.layout.positions)
    menu_action(window, "best").trigger()
    layout = window.session.map.layout
    sizes = window.canvas.map_scene.card_sizes()
    left, top, right, bottom = bounding_box(layout.positions, sizes)
    assert max(right - left, bottom - top) <= 3 * min(right - left, bottom - top)
    assert overlaps(layout.positions, sizes) == []
    assert layout.algorithm in ("tree", "compact")  # a forest of trees: no layers needed
    assert menu_action(window, layout.algorithm).isChecked()
    message = window.statusBar().currentMessage()
    assert f"the {layout.algorithm} layout" in message and "40 separate parts" in message
    for node_id, point in layout.positions.items():  # the cards stand where the map says
        item = window.canvas.map_scene.node_item(node_id)
        assert item is not None and (item.pos().x(), item.pos().y()) == (point.x, point.y)

    window.app_actions.undo.trigger()
    assert window.session.map.layout.positions == before


@pytest.mark.parametrize("algorithm", ["tree", "compact", "layered"])
def test_the_canvas_draws_the_layouts_routes_clear_of_cards(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, algorithm: str
) -> None:
    """The release map: its linked premises ran behind cards. The canvas draws exactly the
    routes the layout computes, and none passes through a card it does not touch."""
    path = tmp_path / "release.argmap.json"
    native.save(native.load(DEFAULT_MAP).map, path)
    window = make_window(path)
    window.canvas.animator.duration_ms = 0
    menu_action(window, algorithm).trigger()
    argument_map = window.session.map
    scene = window.canvas.map_scene
    sizes = scene.card_sizes()
    positions = argument_map.layout.positions
    routes = route_map(argument_map, positions, sizes)
    straight = route_map(argument_map, positions, sizes, avoid=False)
    assert arrows_through_cards(argument_map, positions, sizes, straight) > 0  # routing mattered
    assert arrows_through_cards(argument_map, positions, sizes, routes) == 0
    drawn = 0
    for edge in scene.edge_items():
        geometry = edge.geometry
        assert geometry is not None
        route = routes[edge.relation_id]
        assert (geometry.start.x(), geometry.start.y()) == pytest.approx(route.start)
        assert (geometry.end.x(), geometry.end.y()) == pytest.approx(route.end)
        drawn_controls = [c for p in geometry.controls for c in (p.x(), p.y())]
        assert drawn_controls == pytest.approx([c for p in route.controls for c in p])
        assert len(geometry.premise_lines) == len(route.premise_lines)
        drawn += 1
    assert drawn == len(argument_map.relations)
