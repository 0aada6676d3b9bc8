"""File > Compare With… and File > Merge Map… on a real window: a view, then one undo step."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QGraphicsTextItem

from argmap.io import native
from argmap.resources import DEFAULT_MAP
from argmap.ui.main_window import MainWindow
from argmap.ui.seminar.compare_overlay import ADDED, CHANGED, REMOVED
from tests.seminar.student_map import student_map
from tests.ui.conftest import MakeWindow, ScriptedPrompter


@pytest.fixture
def coach_window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "coach.argmap.json"
    shutil.copy(DEFAULT_MAP, path)
    return make_window(path)


@pytest.fixture
def sam_file(tmp_path: Path) -> Path:
    path = tmp_path / "sam.argmap.json"
    native.save(student_map(), path)
    return path


def test_compare_draws_the_differences_and_changes_nothing(
    coach_window: MainWindow, sam_file: Path, prompter: ScriptedPrompter
) -> None:
    window = coach_window
    before = native.dumps(window.session.map)
    prompter.map_to_open = sam_file
    window.seminar.compare_action.trigger()
    overlay = window.seminar.compare.overlay
    assert set(overlay.ghosts) == {"s-funding", "s-misery", "s-money-before", "s-safe-routes"}
    assert overlay.ghosts["s-misery"].pen().color() == ADDED
    [label] = overlay.ghosts["s-misery"].childItems()  # the ghost reads as the card would
    assert isinstance(label, QGraphicsTextItem)
    assert label.toPlainText() == "+ " + student_map().node("s-misery").text
    assert overlay.marks["c-bill-fixes"].pen().color() == REMOVED
    assert overlay.marks["c-reduce-crossings"].pen().color() == CHANGED
    # the ghosts sit on the canvas, beside the claim they support, over no card
    scene = window.canvas.map_scene
    ghost = overlay.ghosts["s-misery"].sceneBoundingRect()
    assert not any(ghost.intersects(card.sceneBoundingRect()) for card in scene.node_items())
    panel = window.seminar.compare.panel
    rows = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert any(r.startswith("+ Smuggling gangs profit") for r in rows)
    assert any(r.startswith("− The Nationality and Borders Bill") for r in rows)
    assert "4 added" in panel.summary.text()
    # links only Sam makes, even between cards both maps have, are listed and drawn
    assert any(r.startswith("+ link: With British help") for r in rows)
    assert any(r.startswith("− link: ") for r in rows)
    assert len(overlay.lines) == 7  # Sam's 7 added relations, one premise each
    # the other version of a changed card, in the inspector
    window.selection.set(["c-reduce-crossings"])
    section = window.seminar.other_version
    assert section.isVisibleTo(window.inspector)
    assert "The deal will cut small-boat crossings." in section.text.text()
    assert native.dumps(window.session.map) == before  # a view: the map is untouched
    assert not window.session.is_dirty
    panel.close_button.click()
    assert overlay.ghosts == {} and overlay.marks == {} and panel.list.count() == 0


def test_accepting_merges_in_one_undo_step(coach_window: MainWindow, sam_file: Path) -> None:
    window = coach_window
    before = native.dumps(window.session.map)
    window.seminar.compare_with(sam_file)
    window.seminar.compare.panel.accept_button.click()
    m = window.session.map
    assert m.has_node("s-misery") and window.canvas.map_scene.node_item("s-misery") is not None
    assert "Other wording (sam)" in m.node("c-reduce-crossings").notes
    assert window.seminar.compare.comparison is None  # accepted: the view is gone
    window.app_actions.undo.trigger()
    assert native.dumps(window.session.map) == before
    assert window.canvas.map_scene.node_item("s-misery") is None
    window.app_actions.redo.trigger()
    assert window.session.map.has_node("s-misery")


def test_merge_map_from_the_file_menu_is_one_undo_step(
    coach_window: MainWindow, sam_file: Path, prompter: ScriptedPrompter
) -> None:
    window = coach_window
    before = native.dumps(window.session.map)
    prompter.map_to_open = sam_file
    window.seminar.merge_action.trigger()
    assert len(window.session.map.nodes) == 38
    assert window.session.is_dirty
    assert "Merged sam: 4 statements" in window.statusBar().currentMessage()
    window.app_actions.undo.trigger()
    assert native.dumps(window.session.map) == before


def test_a_bad_file_is_one_clear_message(
    coach_window: MainWindow, tmp_path: Path, prompter: ScriptedPrompter
) -> None:
    bad = tmp_path / "bad.argmap.json"
    bad.write_text("{not json", encoding="utf-8")
    assert not coach_window.seminar.compare_with(bad)
    assert coach_window.seminar.merge_with(bad) is None
    assert [title for title, _ in prompter.errors] == ["Cannot compare", "Cannot merge"]
    assert "bad.argmap.json" in prompter.errors[0][1]
