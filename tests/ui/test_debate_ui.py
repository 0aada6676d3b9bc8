"""The debate workflow in the real window: motion, sides on the cards, presenting, speech order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from argmap.debate.speech import speech_order
from argmap.editing import delete_nodes
from argmap.editing.debate_commands import set_side_override
from argmap.io import native
from argmap.model import DebateSide
from argmap.ui.debate.colours import OPPOSITION, PROPOSITION
from argmap.ui.debate.presentation import GHOST_OPACITY
from argmap.ui.main_window import MainWindow
from tests.debate.maps import debate_map
from tests.ui.conftest import MakeWindow, ScriptedPrompter

CASE = "r1: a + m; r2: e1 + a; r3: o1 - a; r4: x - o1; r5: o2 - m"


@pytest.fixture
def debate_window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "debate.argmap.json"
    native.save(debate_map(CASE), path)
    return make_window(path)


def test_set_as_motion_takes_the_selected_claim_in_one_undo_step(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    path = tmp_path / "d.argmap.json"
    native.save(debate_map(CASE, None, "m"), path)
    window = make_window(path)
    workflow = window.debate
    window.selection.set(["e1"])
    assert not workflow.controller.motion_action.isEnabled()  # evidence cannot be the motion
    window.selection.set(["m"])
    assert workflow.controller.motion_action.isEnabled()
    workflow.controller.motion_action.trigger()
    assert window.session.map.debate.motion == "m"
    window.app_actions.undo.trigger()
    assert window.session.map.debate.motion is None


def test_colour_by_side_paints_each_header_in_its_bench_colour(
    debate_window: MainWindow, qtbot: QtBot
) -> None:
    controller = debate_window.debate.controller
    scene = debate_window.canvas.map_scene

    def colours() -> dict[str, str | None]:
        return {
            item.node_id: item.side_colour.name() if item.side_colour else None
            for item in scene.node_items()
        }

    assert set(colours().values()) == {None}
    controller.colour_action.trigger()
    blue, red = PROPOSITION.name(), OPPOSITION.name()
    assert colours() == {"a": blue, "m": blue, "e1": blue, "o1": red, "x": blue, "o2": red}
    # An edit that changes a side repaints after the burst: o2 set by hand to "for".
    debate_window.runner.run(set_side_override(debate_window.session.map, "o2", DebateSide.FOR))
    qtbot.waitUntil(lambda: colours()["o2"] == blue)
    controller.colour_action.trigger()
    assert set(colours().values()) == {None}


def test_show_side_hides_the_other_bench_and_never_changes_the_map(
    debate_window: MainWindow,
) -> None:
    controller = debate_window.debate.controller
    before = native.dumps(debate_window.session.map)
    controller.filter_actions["opposition"].trigger()
    hidden = debate_window.canvas.map_scene.hidden_ids
    assert {"m", "a", "e1", "x"} <= hidden and not {"o1", "o2"} & hidden
    controller.filter_actions["proposition"].trigger()
    assert {"o1", "o2"} <= debate_window.canvas.map_scene.hidden_ids
    controller.filter_actions["all"].trigger()
    assert not debate_window.canvas.map_scene.hidden_ids & {"m", "o1"}
    assert native.dumps(debate_window.session.map) == before
    assert not debate_window.session.is_dirty


def test_the_inspector_says_the_side_and_sets_it_by_hand(debate_window: MainWindow) -> None:
    section = debate_window.debate.side_section
    debate_window.selection.set(["o1"])
    assert section.isVisibleTo(debate_window.inspector)
    assert section.text.text() == "Against the motion (opposition)."
    section.choice.setCurrentIndex(1)  # Set by hand: for
    section.choice.activated.emit(1)
    assert debate_window.session.map.debate.side_overrides == {"o1": DebateSide.FOR}
    assert section.text.text().startswith("For the motion (proposition). Set by hand;")
    assert "alone make it against" in section.text.text()
    debate_window.app_actions.undo.trigger()
    assert debate_window.session.map.debate.side_overrides == {}


def test_presenting_walks_the_speech_with_the_keys_and_puts_everything_back(
    debate_window: MainWindow, qtbot: QtBot
) -> None:
    steps = speech_order(debate_window.session.map)
    assert steps == ["m", "a", "e1", "o2", "o1", "x"]
    presentation = debate_window.debate.present(full_screen=False)
    assert presentation is not None
    qtbot.addWidget(presentation)
    scene = debate_window.canvas.map_scene
    presenter = debate_window.debate.presenter
    assert presenter is not None

    def shown() -> list[str]:
        return [i.node_id for i in scene.node_items() if i.opacity() == 1.0]

    assert shown() == ["m"] and presentation.index == 0
    assert presenter.step.text() == "Step 1 of 6 · Motion"
    assert presenter.next.text() == "Next: a"
    for key, index in [
        (Qt.Key.Key_Right, 1),
        (Qt.Key.Key_Space, 2),
        (Qt.Key.Key_PageDown, 3),
        (Qt.Key.Key_Left, 2),
        (Qt.Key.Key_PageUp, 1),
        (Qt.Key.Key_End, 5),
        (Qt.Key.Key_Right, 5),  # past the end stays on the last step
        (Qt.Key.Key_Home, 0),
    ]:
        qtbot.keyClick(presentation, key)
        assert presentation.index == index, key
    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    assert sorted(shown()) == ["a", "m"]
    assert presenter.step.text() == "Step 2 of 6 · Reason"
    spot = presentation.spotlight.rect()
    card = scene.node_item("a")
    assert card is not None and spot.contains(card.sceneBoundingRect())
    qtbot.keyClick(presentation, Qt.Key.Key_B)
    assert presentation.blank.isVisible()
    qtbot.keyClick(presentation, Qt.Key.Key_B)
    assert not presentation.blank.isVisible()
    qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    assert not presentation.isVisible() and not presenter.isVisible()
    assert all(item.opacity() == 1.0 for item in scene.node_items())
    assert presentation.spotlight.scene() is None


def test_ghosting_shows_cards_not_yet_reached_faintly(
    debate_window: MainWindow, qtbot: QtBot
) -> None:
    debate_window.debate.ghost_action.trigger()
    assert debate_window.settings.ghost_unrevealed()
    presentation = debate_window.debate.present(full_screen=False)
    assert presentation is not None
    qtbot.addWidget(presentation)
    item = debate_window.canvas.map_scene.node_item("x")
    assert item is not None and item.opacity() == GHOST_OPACITY
    presentation.close()


def test_presenting_without_a_motion_says_so(
    make_window: MakeWindow, tmp_path: Path, prompter: ScriptedPrompter
) -> None:
    path = tmp_path / "d.argmap.json"
    native.save(debate_map(CASE, None, "m"), path)
    window = make_window(path)
    assert window.debate.present(full_screen=False) is None
    assert prompter.errors[-1][0] == "Cannot present"
    assert "no motion" in prompter.errors[-1][1]


def test_dragging_a_step_keeps_the_new_order_in_one_undo_step(
    debate_window: MainWindow, qtbot: QtBot
) -> None:
    panel = debate_window.debate.speech_panel
    debate_window.show()
    debate_window.docks["speech"].show()
    debate_window.docks["speech"].raise_()
    panel.refresh()
    assert panel.steps() == ["m", "a", "e1", "o2", "o1", "x"]
    assert panel.list.item(3).text() == "4. Objection: o2"
    model = panel.list.model()
    # What an internal drag does: move a row, which the list view reports as rowsMoved.
    assert model.moveRow(model.index(3, 0).parent(), 3, model.index(1, 0).parent(), 1)
    assert debate_window.session.map.debate.speech_order == ["m", "o2", "a", "e1", "o1", "x"]
    qtbot.waitUntil(lambda: panel.list.item(1).text() == "2. Objection: o2")
    debate_window.app_actions.undo.trigger()
    assert debate_window.session.map.debate.speech_order == []
    panel.refresh()
    assert panel.steps()[1] == "a"


def test_the_flow_window_draws_the_sheet_and_follows_edits(
    debate_window: MainWindow, qtbot: QtBot
) -> None:
    flow = debate_window.debate.show_flow()
    qtbot.addWidget(flow)
    assert flow.sheet.drawing is not None
    assert set(flow.sheet.drawing.cells) == {"m", "a", "e1", "o1", "x", "o2"}
    image = flow.sheet.grab().toImage()
    assert image.height() == round(flow.sheet.drawing.height)
    debate_window.runner.run(delete_nodes(debate_window.session.map, ["x"]))
    qtbot.waitUntil(lambda: flow.sheet.drawing is not None and "x" not in flow.sheet.drawing.cells)


def test_a_step_that_grows_long_wraps_without_covering_the_next(
    debate_window: MainWindow, qtbot: QtBot
) -> None:
    """The list is filled again after each edit: each row must be as tall as its text now, not
    as the row it replaces (a long step drawn over the next one before)."""
    from argmap.editing import edit_text

    panel = debate_window.debate.speech_panel
    debate_window.show()
    debate_window.docks["speech"].show()
    debate_window.docks["speech"].raise_()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.list.count() == 6)
    panel.list.grab()  # laid out and drawn with the short steps
    long_text = "The reason, at length: " + "patrols on the beaches stop boats " * 12
    debate_window.session.execute(edit_text("a", long_text))
    qtbot.waitUntil(lambda: long_text.split()[3] in panel.list.item(1).text())
    panel.list.grab()
    rects = [panel.list.visualItemRect(panel.list.item(row)) for row in range(3)]
    assert rects[1].height() > 2 * rects[0].height()  # wrapped onto several lines
    assert rects[1].bottom() < rects[2].top()  # and the next step starts below it
