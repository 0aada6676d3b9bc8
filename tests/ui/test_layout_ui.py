"""The layout engine in the editor: the Layout menu, pins, collapse, focus and the first view.

Each test drives a real main window (or canvas) on a real edit session, through its actions,
and checks both the map (one command, positions, flags) and the items the canvas shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.io import native
from argmap.layout import ALGORITHMS, dot_available, focus_nodes, overlaps, subtree_nodes
from argmap.model import ArgumentMap, Direction, Node, NodeKind, Point, Relation, RelationKind
from argmap.resources import DEFAULT_MAP
from argmap.ui.canvas import building, marks
from argmap.ui.canvas.framing import READABLE_SCALE
from argmap.ui.layout_controller import LayoutController
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow

MAIN_CLAIM = "c-reduce-crossings"
SUB_CLAIM = "c-smugglers-pursued"


def scrambled_sample() -> ArgumentMap:
    """The bundled map with its cards in one ragged row: every layout moves them."""
    argument_map = native.load(DEFAULT_MAP).map
    argument_map.layout.positions = {
        node.id: Point(x=i * 300.0, y=(i % 3) * 40.0) for i, node in enumerate(argument_map.nodes)
    }
    argument_map.layout.algorithm = None
    argument_map.layout.direction = Direction.TOP_BOTTOM
    return argument_map


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.argmap.json"
    native.save(scrambled_sample(), path)
    return path


@pytest.fixture
def sample(make_window: MakeWindow, sample_file: Path) -> MainWindow:
    """A window on the scrambled sample, cards moving at once (no glide)."""
    window = make_window(sample_file)
    window.canvas.animator.duration_ms = 0
    return window


def controller(window: MainWindow) -> LayoutController:
    return window.layout_controller


def menu_action(window: MainWindow, name: str) -> QAction:
    """The Layout (or View) menu's action ``layout_<name>``: what a user clicks."""
    for menu in (window.menus["layout"], window.menus["view"]):
        for action in menu.actions():
            if action.objectName() == f"layout_{name}":
                return action
    raise KeyError(name)


def positions(window: MainWindow) -> dict[str, Point]:
    return dict(window.session.map.layout.positions)


def shown_at(window: MainWindow, node_id: str) -> tuple[float, float]:
    item = window.canvas.map_scene.node_item(node_id)
    assert item is not None, node_id
    return item.pos().x(), item.pos().y()


def assert_items_at_model(window: MainWindow) -> None:
    for node_id, point in window.session.map.layout.positions.items():
        assert shown_at(window, node_id) == (point.x, point.y), node_id


def content(window: MainWindow) -> tuple[list[object], list[object]]:
    argument_map = window.session.map
    return (
        [node.model_dump() for node in argument_map.nodes],
        [relation.model_dump() for relation in argument_map.relations],
    )


def visible_nodes(window: MainWindow) -> set[str]:
    return {item.node_id for item in window.canvas.map_scene.node_items() if item.isVisible()}


def run_layout(qtbot: QtBot, window: MainWindow, name: str) -> None:
    if name == "radial":
        window.selection.set([MAIN_CLAIM])
    menu_action(window, name).trigger()
    qtbot.waitUntil(lambda: not controller(window).busy, timeout=20_000)


# The Layout menu ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n, a in ALGORITHMS.items() if a.available()])
def test_each_layout_from_the_menu_is_one_undoable_step_without_overlaps(
    qtbot: QtBot, sample: MainWindow, name: str
) -> None:
    before = positions(sample)
    run_layout(qtbot, sample, name)
    after = positions(sample)
    layout = sample.session.map.layout
    assert layout.algorithm == name and layout.direction == Direction.TOP_BOTTOM
    assert sum(after[n] != before[n] for n in after) > len(after) // 2
    assert overlaps(after, sample.canvas.map_scene.card_sizes()) == []
    assert_items_at_model(sample)
    assert menu_action(sample, name).isChecked()
    assert sample.session.history.undo_label() == f"Apply {name} layout"

    sample.app_actions.undo.trigger()
    assert positions(sample) == before
    assert sample.session.map.layout.algorithm is None
    assert_items_at_model(sample)
    assert not menu_action(sample, name).isChecked()


def test_the_choice_is_saved_with_the_map_and_shown_checked_on_reopening(
    qtbot: QtBot, make_window: MakeWindow, sample: MainWindow, sample_file: Path
) -> None:
    menu_action(sample, "direction_LR").trigger()  # re-lays out by the tree, left to right
    run_layout(qtbot, sample, "compact")
    laid = positions(sample)
    sample.app_actions.save.trigger()
    stored = native.load(sample_file).map.layout
    assert (stored.algorithm, stored.direction) == ("compact", Direction.LEFT_RIGHT)
    assert stored.positions == laid

    reopened = make_window(sample_file)
    assert menu_action(reopened, "compact").isChecked()
    assert menu_action(reopened, "direction_LR").isChecked()
    assert not menu_action(reopened, "direction_TB").isChecked()
    assert_items_at_model(reopened)


def test_radial_needs_a_selected_claim_at_its_centre(qtbot: QtBot, sample: MainWindow) -> None:
    radial = menu_action(sample, "radial")
    sample.selection.clear()
    assert not radial.isEnabled()
    sample.selection.set(["e-patrols-doubled-2020"])  # evidence is not a claim
    assert not radial.isEnabled()
    sample.selection.set([MAIN_CLAIM])
    assert radial.isEnabled()
    before = positions(sample)[MAIN_CLAIM]
    radial.trigger()
    # The centre keeps its place; the rest rings around it.
    assert positions(sample)[MAIN_CLAIM] == before
    assert sample.session.map.layout.algorithm == "radial"


def test_graphviz_is_offered_exactly_when_dot_is_installed(sample: MainWindow) -> None:
    names = {a.objectName() for a in sample.menus["layout"].actions()}
    assert ("layout_dot" in names) == dot_available()


@pytest.mark.skipif(not dot_available(), reason="Graphviz dot is not installed")
def test_graphviz_runs_off_the_ui_thread_and_lands_as_one_command(
    qtbot: QtBot, sample: MainWindow
) -> None:
    layouts = controller(sample)
    before = positions(sample)
    undo_steps = len(sample.session.history)
    with qtbot.waitSignal(layouts.busy_changed, timeout=20_000) as started:
        menu_action(sample, "dot").trigger()
    assert started.args == [True]
    assert positions(sample) == before  # nothing lands until dot returns
    qtbot.waitUntil(lambda: not layouts.busy, timeout=20_000)
    assert sample.session.map.layout.algorithm == "dot"
    assert len(sample.session.history) == undo_steps + 1
    assert overlaps(positions(sample), sample.canvas.map_scene.card_sizes()) == []


def test_the_cards_glide_and_end_exactly_at_the_model_positions(
    qtbot: QtBot, sample: MainWindow
) -> None:
    animator = sample.canvas.animator
    animator.duration_ms = 120
    menu_action(sample, "tree").trigger()
    assert animator.running
    stored = positions(sample)
    assert any(shown_at(sample, n) != (p.x, p.y) for n, p in stored.items())  # on the way
    qtbot.waitUntil(lambda: not animator.running, timeout=5_000)
    assert_items_at_model(sample)


def test_an_undo_during_the_glide_puts_every_card_back_exactly(sample: MainWindow) -> None:
    before = positions(sample)
    sample.canvas.animator.duration_ms = 10_000
    menu_action(sample, "layered").trigger()
    sample.app_actions.undo.trigger()
    assert not sample.canvas.animator.running
    assert positions(sample) == before
    assert_items_at_model(sample)


# Manual positions ---------------------------------------------------------------------------


def test_lay_out_selection_moves_only_the_selected_subtree(sample: MainWindow) -> None:
    before = positions(sample)
    subtree = set(subtree_nodes(sample.session.map, [SUB_CLAIM]))
    sample.selection.set([SUB_CLAIM])
    menu_action(sample, "selection").trigger()
    after = positions(sample)
    moved = {n for n in after if after[n] != before[n]}
    assert moved and moved <= subtree
    assert after[SUB_CLAIM] == before[SUB_CLAIM]  # the block keeps its top where it was
    assert overlaps(after, sample.canvas.map_scene.card_sizes()) == []
    assert sample.session.history.undo_label() == "Lay out selection"
    sample.app_actions.undo.trigger()
    assert positions(sample) == before


def test_a_pinned_card_stays_put_and_shows_its_pin(sample: MainWindow) -> None:
    pin = menu_action(sample, "pin")
    sample.selection.set(["e-patrols-doubled-2020"])
    pin.trigger()
    assert sample.session.map.layout.pinned == ["e-patrols-doubled-2020"]
    assert pin.isChecked()
    item = sample.canvas.map_scene.node_item("e-patrols-doubled-2020")
    assert item is not None and item.pinned
    kept = positions(sample)["e-patrols-doubled-2020"]
    for name in ("tree", "compact"):
        menu_action(sample, name).trigger()
        assert positions(sample)["e-patrols-doubled-2020"] == kept
        assert overlaps(positions(sample), sample.canvas.map_scene.card_sizes()) == []
    pin.trigger()  # again: unpin
    assert sample.session.map.layout.pinned == [] and not item.pinned


def test_a_new_card_goes_beside_its_partner_and_moves_no_other(sample: MainWindow) -> None:
    menu_action(sample, "tree").trigger()
    before = positions(sample)
    sample.selection.set([SUB_CLAIM])
    new_id = building.add_child(sample.canvas, NodeKind.CLAIM, RelationKind.SUPPORT)
    sample.canvas.editor.commit()
    assert new_id is not None
    after = positions(sample)
    assert {n: after[n] for n in before} == before
    parent, child = after[SUB_CLAIM], after[new_id]
    assert child.y > parent.y and abs(child.x - parent.x) < 2000
    assert overlaps(after, sample.canvas.map_scene.card_sizes()) == []


# Collapse -----------------------------------------------------------------------------------


def test_collapse_hides_the_subtree_shows_the_count_and_undoes(sample: MainWindow) -> None:
    scene = sample.canvas.map_scene
    below = set(subtree_nodes(sample.session.map, [SUB_CLAIM])) - {SUB_CLAIM}
    assert below
    content_before, positions_before = content(sample), positions(sample)
    sample.selection.set([SUB_CLAIM, sorted(below)[0]])  # a leaf: nothing to fold
    menu_action(sample, "collapse").trigger()
    assert sample.session.map.layout.collapsed == [SUB_CLAIM]
    assert not visible_nodes(sample) & below
    assert sample.selection.ids == [SUB_CLAIM]  # what is hidden is no longer selected
    item = scene.node_item(SUB_CLAIM)
    assert item is not None and item.isVisible() and item.folded == len(below)
    incoming = [r.id for r in sample.session.map.relations if r.target == SUB_CLAIM]
    assert incoming and all(scene.hidden_ids >= {r} for r in incoming)
    assert all(e.relation_id in scene.hidden_ids for e in scene.edge_items() if not e.isVisible())
    assert content(sample) == content_before and positions(sample) == positions_before

    sample.app_actions.undo.trigger()
    assert below <= visible_nodes(sample) and item.folded == 0
    sample.app_actions.redo.trigger()
    assert not visible_nodes(sample) & below
    menu_action(sample, "collapse").trigger()  # again: expand
    assert sample.session.map.layout.collapsed == [] and below <= visible_nodes(sample)


def test_a_click_on_the_count_expands_the_card(qtbot: QtBot, sample: MainWindow) -> None:
    sample.show()
    qtbot.waitExposed(sample)
    sample.selection.set([SUB_CLAIM])
    menu_action(sample, "collapse").trigger()
    canvas = sample.canvas
    canvas.set_zoom(1.0)
    canvas.center_on(SUB_CLAIM)
    item = canvas.map_scene.node_item(SUB_CLAIM)
    assert item is not None and item.folded
    pill = marks.fold_rect(item.scene_card_rect(), item.folded)
    QTest.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
        canvas.mapFromScene(pill.center()),
    )
    assert sample.session.map.layout.collapsed == [] and item.folded == 0
    assert sample.session.history.undo_label() == "Expand"


def test_a_layout_of_a_collapsed_map_keeps_the_folded_cards_under_their_card(
    sample: MainWindow,
) -> None:
    sample.selection.set([SUB_CLAIM])
    menu_action(sample, "collapse").trigger()
    below = set(subtree_nodes(sample.session.map, [SUB_CLAIM])) - {SUB_CLAIM}
    before = positions(sample)
    sample.selection.clear()
    menu_action(sample, "tree").trigger()
    after = positions(sample)
    dx, dy = after[SUB_CLAIM].x - before[SUB_CLAIM].x, after[SUB_CLAIM].y - before[SUB_CLAIM].y
    for node_id in below:  # moved as one with the collapsed card
        assert after[node_id].x == pytest.approx(before[node_id].x + dx, abs=0.11)
        assert after[node_id].y == pytest.approx(before[node_id].y + dy, abs=0.11)
    shown = {n: p for n, p in after.items() if n not in below}
    assert overlaps(shown, sample.canvas.map_scene.card_sizes()) == []


def test_collapse_is_saved_with_the_layout_and_reopens_collapsed(
    make_window: MakeWindow, sample: MainWindow, sample_file: Path
) -> None:
    sample.selection.set([SUB_CLAIM])
    menu_action(sample, "collapse").trigger()
    sample.app_actions.save.trigger()
    assert native.load(sample_file).map.layout.collapsed == [SUB_CLAIM]
    reopened = make_window(sample_file)
    below = set(subtree_nodes(reopened.session.map, [SUB_CLAIM])) - {SUB_CLAIM}
    assert not visible_nodes(reopened) & below


# Focus --------------------------------------------------------------------------------------


def test_focus_shows_only_the_claim_and_two_steps_of_premises(
    qtbot: QtBot, sample: MainWindow
) -> None:
    stored, undo_steps = positions(sample), len(sample.session.history)
    expected = focus_nodes(sample.session.map, MAIN_CLAIM)
    assert expected != {n.id for n in sample.session.map.nodes}
    focus = menu_action(sample, "focus")
    sample.selection.set([MAIN_CLAIM])
    assert focus in sample.menus["view"].actions()
    focus.trigger()
    assert visible_nodes(sample) == expected
    assert sample.canvas.visibility.banner.isVisibleTo(sample.canvas)
    shown = {n: Point(x=shown_at(sample, n)[0], y=shown_at(sample, n)[1]) for n in expected}
    assert overlaps(shown, sample.canvas.map_scene.card_sizes()) == []
    assert shown != {n: stored[n] for n in expected}  # laid out afresh ...
    assert positions(sample) == stored  # ... as a view: the map is untouched
    assert len(sample.session.history) == undo_steps
    assert menu_action(sample, "whole_map").isEnabled()

    QTest.keyClick(sample.canvas, Qt.Key.Key_Escape)
    assert not sample.canvas.visibility.focused
    assert len(visible_nodes(sample)) == len(sample.session.map.nodes)
    assert_items_at_model(sample)
    assert not menu_action(sample, "whole_map").isEnabled()


def test_edits_in_a_focus_are_commands_in_the_maps_coordinates(
    qtbot: QtBot, sample: MainWindow
) -> None:
    menu_action(sample, "tree").trigger()
    sample.show()
    qtbot.waitExposed(sample)
    sample.selection.set([MAIN_CLAIM])
    menu_action(sample, "focus").trigger()
    canvas = sample.canvas
    canvas.set_zoom(1.0)
    canvas.center_on(SUB_CLAIM)
    stored = positions(sample)[SUB_CLAIM]
    start_view = shown_at(sample, SUB_CLAIM)
    start = canvas.mapFromScene(QPointF(*start_view))
    end = start + QPoint(60, 30)
    QTest.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), start)
    QTest.mouseMove(canvas.viewport(), start + QPoint(30, 15))
    QTest.mouseMove(canvas.viewport(), end)
    QTest.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), end)
    moved = positions(sample)[SUB_CLAIM]
    dx, dy = moved.x - stored.x, moved.y - stored.y
    assert (dx, dy) != (0, 0)
    # The stored card moved as much as the shown one; the shown one stayed where dropped.
    after_view = shown_at(sample, SUB_CLAIM)
    assert after_view[0] - start_view[0] == pytest.approx(dx, abs=0.11)
    assert after_view[1] - start_view[1] == pytest.approx(dy, abs=0.11)

    before = positions(sample)
    sample.selection.set([SUB_CLAIM])
    new_id = building.add_child(canvas, NodeKind.EVIDENCE, RelationKind.SUPPORT)
    canvas.editor.commit()
    assert new_id is not None and new_id in visible_nodes(sample)
    placed = positions(sample)[new_id]
    parent = before[SUB_CLAIM]
    assert placed.y > parent.y and abs(placed.x - parent.x) < 1500  # beside it in the map
    sample.canvas.visibility.leave_focus()
    assert overlaps(positions(sample), canvas.map_scene.card_sizes()) == []


def test_a_focus_on_a_collapsed_claim_shows_what_bears_on_it(sample: MainWindow) -> None:
    sample.selection.set([SUB_CLAIM])
    menu_action(sample, "collapse").trigger()
    menu_action(sample, "focus").trigger()
    assert visible_nodes(sample) == focus_nodes(sample.session.map, SUB_CLAIM)
    item = sample.canvas.map_scene.node_item(SUB_CLAIM)
    assert item is not None and item.folded == 0
    QTest.keyClick(sample.canvas, Qt.Key.Key_Escape)
    assert item.folded and sample.session.map.layout.collapsed == [SUB_CLAIM]


def test_focus_ends_when_its_claim_is_deleted(sample: MainWindow) -> None:
    sample.selection.set([SUB_CLAIM])
    menu_action(sample, "focus").trigger()
    building.delete_selected(sample.canvas)
    assert not sample.canvas.visibility.focused
    assert len(visible_nodes(sample)) == len(sample.session.map.nodes)


# The first view -----------------------------------------------------------------------------


def test_the_bundled_map_opens_at_a_readable_zoom_on_its_main_claim(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()  # the bundled release and its map
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    canvas = window.canvas
    assert canvas.transform().m11() >= READABLE_SCALE - 1e-9
    item = canvas.map_scene.node_item(MAIN_CLAIM)
    assert item is not None
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert shown.contains(item.sceneBoundingRect())
    canvas.zoom_to_fit()  # the action itself still shows the whole map, however small
    assert canvas.zoom_level() < READABLE_SCALE


# Going to a hidden card ---------------------------------------------------------------------


def _outline_click(qtbot: QtBot, window: MainWindow, node_id: str) -> None:
    """Click ``node_id``'s row in the Outline tab, as a user would."""
    window.docks["outline"].raise_()
    tree = window.outline.tree
    row = next(i for i in window.outline.items() if i.data(0, Qt.ItemDataRole.UserRole) == node_id)
    tree.scrollToItem(row)
    qtbot.waitUntil(lambda: tree.isVisible())
    rect = tree.visualItemRect(row)
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), rect.center()
    )


def _on_screen(window: MainWindow, node_id: str) -> bool:
    item = window.canvas.map_scene.node_item(node_id)
    assert item is not None
    canvas = window.canvas
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    return item.isVisible() and shown.contains(item.sceneBoundingRect().center())


def test_a_folded_card_chosen_in_the_outline_is_unfolded_and_shown(
    qtbot: QtBot, sample: MainWindow
) -> None:
    sample.show()
    qtbot.waitExposed(sample)
    sample.selection.set([SUB_CLAIM])
    menu_action(sample, "collapse").trigger()
    hidden = sorted(set(subtree_nodes(sample.session.map, [SUB_CLAIM])) - {SUB_CLAIM})[0]
    sample.canvas.set_zoom(1.0)
    sample.canvas.centerOn(-50_000, -50_000)  # far from everything
    assert hidden not in visible_nodes(sample)

    _outline_click(qtbot, sample, hidden)
    assert sample.selection.ids == [hidden]
    assert sample.session.map.layout.collapsed == []
    assert _on_screen(sample, hidden)
    assert sample.session.history.undo_label() == "Expand"  # one step, undone as one
    assert "to show the card" in sample.statusBar().currentMessage()
    sample.app_actions.undo.trigger()
    assert sample.session.map.layout.collapsed == [SUB_CLAIM]


def test_a_card_outside_the_focus_chosen_elsewhere_ends_the_focus(
    qtbot: QtBot, sample: MainWindow
) -> None:
    sample.show()
    qtbot.waitExposed(sample)
    sample.selection.set([SUB_CLAIM])
    menu_action(sample, "focus").trigger()
    outside = next(n.id for n in sample.session.map.nodes if n.id not in visible_nodes(sample))
    steps = len(sample.session.history)
    sample.checklist.node_chosen.emit(outside)  # a checklist item clicked
    assert not sample.canvas.visibility.focused
    assert _on_screen(sample, outside)
    assert len(sample.session.history) == steps  # a focus is a view: nothing to undo


def test_an_outline_click_on_a_card_in_view_leaves_the_view_still(
    qtbot: QtBot, sample: MainWindow
) -> None:
    sample.show()
    qtbot.waitExposed(sample)
    canvas = sample.canvas
    canvas.set_zoom(1.0)
    canvas.center_on(MAIN_CLAIM)
    item = canvas.map_scene.node_item(MAIN_CLAIM)
    assert item is not None
    canvas.centerOn(item.sceneBoundingRect().center() + QPointF(80, 40))  # in view, off-centre
    before = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    _outline_click(qtbot, sample, MAIN_CLAIM)
    assert sample.selection.ids == [MAIN_CLAIM]
    assert canvas.mapToScene(canvas.viewport().rect()).boundingRect() == before


def test_compact_stacked_premises_have_arrows_clear_of_the_cards_above_them() -> None:
    """Twelve premises of one claim stack in lanes; each arrow runs up the channel between
    lanes instead of across the cards stacked above its own."""
    from argmap.editing import EditSession
    from argmap.layout import compute_layout
    from argmap.ui.canvas.geometry import bezier_point
    from argmap.ui.canvas.scene import MapScene

    leaves = [Node(id=f"e{i}", kind=NodeKind.EVIDENCE, text=f"Figure {i}") for i in range(12)]
    argument_map = ArgumentMap(
        nodes=[Node(id="c", kind=NodeKind.CLAIM, text="The claim"), *leaves],
        relations=[
            Relation(id=f"r{i}", kind=RelationKind.SUPPORT, premises=[f"e{i}"], target="c")
            for i in range(12)
        ],
    )
    argument_map.layout.positions = compute_layout(argument_map, "compact")
    assert len({round(p.x) for p in argument_map.layout.positions.values()}) < 12  # stacked
    scene = MapScene(EditSession(argument_map))
    cards = {item.node_id: item.scene_card_rect() for item in scene.node_items()}
    for edge in scene.edge_items():
        points = [(p.x(), p.y()) for p in edge.path()]
        premise = argument_map.relation(edge.relation_id).premises[0]
        others = [rect for node_id, rect in cards.items() if node_id not in (premise, "c")]
        for step in range(1, 40):
            x, y = bezier_point(points, step / 40)
            assert not any(rect.contains(QPointF(x, y)) for rect in others), edge.relation_id
