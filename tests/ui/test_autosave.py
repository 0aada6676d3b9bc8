"""Autosave: unsaved work is written aside, and offered back after a crash."""

from __future__ import annotations

from pathlib import Path

from argmap.app import offer_recovery
from argmap.editing import edit_text
from argmap.io import native
from argmap.ui.autosave import find_recoveries
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow, ScriptedPrompter


def _edit(window: MainWindow, text: str = "Edited before the crash") -> None:
    window.session.execute(edit_text("c1", text))


def test_nothing_is_written_while_there_is_nothing_unsaved(window: MainWindow) -> None:
    assert not window.autosaver.save_now()
    assert not window.autosaver.map_path.exists()


def test_unsaved_changes_are_written_to_the_data_folder(
    window: MainWindow, autosave_folder: Path
) -> None:
    _edit(window)
    assert window.autosaver.save_now()
    assert window.autosaver.map_path.parent == autosave_folder
    assert native.load(window.autosaver.map_path).map == window.session.map
    assert not window.autosaver.save_now()  # nothing new since


def test_saving_or_closing_cleanly_removes_the_autosave(
    window: MainWindow, autosave_folder: Path
) -> None:
    _edit(window)
    window.autosaver.save_now()
    window.app_actions.save.trigger()
    assert not window.autosaver.map_path.exists()
    _edit(window, "Again")
    window.autosaver.save_now()
    window.show()
    assert window.close()  # the prompter discards
    assert list(autosave_folder.glob("*.argmap.json")) == []


def test_a_running_window_s_autosave_is_not_offered(
    window: MainWindow, autosave_folder: Path
) -> None:
    _edit(window)
    window.autosaver.save_now()
    assert find_recoveries(autosave_folder) == []


def test_after_a_crash_the_next_start_restores_the_work(
    window: MainWindow,
    make_window: MakeWindow,
    prompter: ScriptedPrompter,
    autosave_folder: Path,
    map_file: Path,
) -> None:
    _edit(window)
    window.autosaver.save_now()
    crashed_map = window.session.map.model_copy(deep=True)
    window.autosaver.abandon()  # the process dies: the file stays, the lock goes stale

    restarted = make_window(map_file)
    assert offer_recovery(restarted)
    assert "small.argmap.json" in prompter.asked_restore[0]
    assert restarted.session.map == crashed_map
    assert restarted.session.path == map_file  # Save goes back to the original file
    assert restarted.windowTitle() == "small.argmap.json* — argmap"
    assert find_recoveries(autosave_folder) == []
    restarted.app_actions.save.trigger()
    assert native.load(map_file).map.node("c1").text == "Edited before the crash"
    assert restarted.windowTitle() == "small.argmap.json — argmap"


def test_declining_the_restore_discards_it(
    window: MainWindow,
    make_window: MakeWindow,
    prompter: ScriptedPrompter,
    autosave_folder: Path,
) -> None:
    _edit(window)
    window.autosaver.save_now()
    window.autosaver.abandon()
    prompter.restore_answer = False
    restarted = make_window()
    assert not offer_recovery(restarted)
    assert restarted.session.path is None  # still on the default map
    assert find_recoveries(autosave_folder) == []


def test_an_unreadable_autosave_is_dropped(autosave_folder: Path) -> None:
    autosave_folder.mkdir(parents=True)
    (autosave_folder / "dead.autosave.argmap.json").write_text("{not json", "utf-8")
    assert find_recoveries(autosave_folder) == []
    assert list(autosave_folder.iterdir()) == []


def test_a_different_edit_after_an_undo_is_written_again(window: MainWindow) -> None:
    _edit(window, "First")
    assert window.autosaver.save_now()
    window.app_actions.undo.trigger()
    _edit(window, "Second")  # the same history depth, a different map
    assert window.autosaver.save_now()
    assert native.load(window.autosaver.map_path).map.node("c1").text == "Second"
