"""Files from the window: open, save, save as, close, recent files, drops, start-up choices."""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from argmap.editing import edit_text
from argmap.io import native
from argmap.resources import DEFAULT_MAP, DEFAULT_TEXT
from argmap.ui.dialogs import UnsavedChoice
from argmap.ui.main_window import MainWindow
from argmap.ui.settings import AppSettings
from tests.ui.conftest import MakeWindow, ScriptedPrompter, select_words, small_map

NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def _edit(window: MainWindow) -> None:
    window.session.execute(edit_text("c1", "An edited claim"))


def test_save_and_reopen_give_an_equal_map(
    window: MainWindow, make_window: MakeWindow, map_file: Path
) -> None:
    select_words(window, "serious organised criminals")
    window.app_actions.evidence_from_text.trigger()
    _edit(window)
    window.app_actions.save.trigger()
    assert not window.session.is_dirty
    reopened = make_window(map_file)
    assert reopened.session.map == window.session.map


def test_title_shows_the_file_name_and_the_unsaved_mark(window: MainWindow) -> None:
    assert window.windowTitle() == "small.argmap.json — argmap"
    _edit(window)
    assert window.windowTitle() == "small.argmap.json* — argmap"
    window.app_actions.undo.trigger()
    assert window.windowTitle() == "small.argmap.json — argmap"
    window.app_actions.redo.trigger()
    window.app_actions.save.trigger()
    assert window.windowTitle() == "small.argmap.json — argmap"


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(
    window: MainWindow, prompter: ScriptedPrompter
) -> None:
    window.show()
    _edit(window)
    prompter.unsaved_answer = UnsavedChoice.CANCEL
    assert not window.close()
    assert window.isVisible()
    assert prompter.asked_unsaved == ["small.argmap.json"]
    assert window.session.map.node("c1").text == "An edited claim"


def test_save_answer_saves_before_closing(
    window: MainWindow, prompter: ScriptedPrompter, map_file: Path
) -> None:
    window.show()
    _edit(window)
    prompter.unsaved_answer = UnsavedChoice.SAVE
    assert window.close()
    assert native.load(map_file).map.node("c1").text == "An edited claim"


def test_discard_answer_closes_without_saving(
    window: MainWindow, prompter: ScriptedPrompter, map_file: Path
) -> None:
    window.show()
    _edit(window)
    prompter.unsaved_answer = UnsavedChoice.DISCARD
    assert window.close()
    assert native.load(map_file).map.node("c1").text != "An edited claim"


def test_clean_window_closes_without_asking(window: MainWindow, prompter: ScriptedPrompter) -> None:
    window.show()
    assert window.close()
    assert prompter.asked_unsaved == []


def test_a_broken_file_shows_the_message_and_keeps_the_map(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.argmap.json"
    broken.write_text('{"format": "argmap", "version": 1, "nodes": [{"id": 3}]}', "utf-8")
    _edit(window)
    before = native.dumps(window.session.map)
    prompter.map_to_open = broken
    window.app_actions.open.trigger()
    assert len(prompter.errors) == 1
    title, message = prompter.errors[0]
    assert title == "Cannot open map"
    assert "broken.argmap.json" in message and "$.nodes[0]" in message
    assert native.dumps(window.session.map) == before
    assert window.session.is_dirty  # the edit is still there, still unsaved
    assert window.windowTitle().startswith("small.argmap.json*")


def test_open_asks_about_unsaved_changes_first(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    other = tmp_path / "other.argmap.json"
    native.save(window.session.map.model_copy(update={"title": "Other"}), other)
    _edit(window)
    prompter.unsaved_answer = UnsavedChoice.CANCEL
    assert not window.document.open_map(other)
    assert window.session.map.title == "Small boats"
    prompter.unsaved_answer = UnsavedChoice.DISCARD
    assert window.document.open_map(other)
    assert window.session.map.title == "Other"
    assert window.windowTitle() == "other.argmap.json — argmap"
    assert not window.session.history.can_undo()


def test_save_as_writes_a_new_file_and_adds_it_to_recent(
    window: MainWindow, prompter: ScriptedPrompter, settings: AppSettings, tmp_path: Path
) -> None:
    prompter.save_path = tmp_path / "copy"
    window.app_actions.save_as.trigger()
    saved = tmp_path / "copy.argmap.json"
    assert native.load(saved).map == window.session.map
    assert window.session.path == saved
    assert settings.recent_files()[0] == saved.resolve()
    window.recent_menu.refill()
    assert window.recent_menu.actions()[0].text() == "&1 copy.argmap.json"


def test_recent_files_are_remembered_between_runs(
    make_window: MakeWindow, map_file: Path, settings: AppSettings, tmp_path: Path
) -> None:
    make_window(map_file)
    again = AppSettings(settings.file_name)
    assert again.recent_files() == [map_file.resolve()]
    window = make_window(None)
    window.recent_menu.refill()
    window.recent_menu.actions()[0].trigger()
    assert window.session.path == map_file


def test_window_layout_is_remembered(
    make_window: MakeWindow, map_file: Path, settings: AppSettings
) -> None:
    window = make_window(map_file)
    window.show()
    window.docks["inspector"].hide()
    window.close()
    window = make_window(map_file)
    window.show()
    assert not window.docks["inspector"].isVisible()
    assert window.docks["source"].isVisible()


def test_bundled_default_opens_untitled_and_save_asks_for_a_path(
    make_window: MakeWindow, prompter: ScriptedPrompter
) -> None:
    window = make_window()
    assert window.session.path is None
    # Named by its title (not "untitled") in the title bar and when asked about changes.
    assert window.windowTitle() == f"{window.session.map.title} — argmap"
    assert window.session.map.title.strip() and window.document.display_name != "untitled"
    assert window.session.map.sources[0].text.strip() == DEFAULT_TEXT.read_text("utf-8").strip()
    if DEFAULT_MAP.exists():
        assert window.session.map.nodes
    before = DEFAULT_MAP.read_bytes() if DEFAULT_MAP.exists() else None
    prompter.save_path = None  # the user cancels the Save As dialog
    window.app_actions.save.trigger()
    assert len(prompter.save_suggestions) == 1
    assert prompter.save_suggestions[0].name.endswith(".argmap.json")
    assert (DEFAULT_MAP.read_bytes() if DEFAULT_MAP.exists() else None) == before


def test_a_broken_file_at_start_falls_back_to_the_default(
    make_window: MakeWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.argmap.json"
    window = make_window(missing)
    assert prompter.errors and "no such file" in prompter.errors[0][1]
    assert window.session.map.sources  # the bundled release


def test_new_from_text_starts_an_empty_map_over_the_document(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    text = tmp_path / "speech.md"
    text.write_text("# A speech\r\n\r\nWe must act.\r\n", encoding="utf-8")
    window = make_window(new_from_text=text)
    argument_map = window.session.map
    assert argument_map.nodes == []
    assert argument_map.title == "A speech"
    assert argument_map.sources[0].text == "# A speech\n\nWe must act.\n"
    assert window.windowTitle() == "A speech — argmap"


def test_new_from_text_action_and_an_unreadable_text(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    prompter.text_to_open = binary
    window.app_actions.new_from_text.trigger()
    assert "not UTF-8" in prompter.errors[0][1]
    assert window.session.map.title == "Small boats"
    good = tmp_path / "good.txt"
    good.write_text("Plain words.", encoding="utf-8")
    prompter.text_to_open = good
    window.app_actions.new_from_text.trigger()
    assert window.session.map.sources[0].text == "Plain words."


def test_close_leaves_an_empty_untitled_map(window: MainWindow) -> None:
    window.app_actions.close.trigger()
    assert window.session.map.nodes == [] and window.session.path is None
    assert window.source_panel.hint.isVisibleTo(window.source_panel)


def _drag(target: QWidget, mime: QMimeData, drop: bool = True) -> bool:
    """Drag ``mime`` onto ``target`` as Qt delivers it; whether the drag was accepted."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, NO_MODIFIER)
    enter = QDragEnterEvent(QPointF(20, 20), *args)
    enter.ignore()
    QApplication.sendEvent(target, enter)
    if drop and enter.isAccepted():
        QApplication.sendEvent(target, QDropEvent(QPointF(20, 20), *args))
    return enter.isAccepted()


def _files(path: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def test_dropping_a_map_or_a_text_anywhere_opens_it(
    window: MainWindow, tmp_path: Path, map_file: Path
) -> None:
    text = tmp_path / "dropped.txt"
    text.write_text("Dropped words.", encoding="utf-8")
    for target in (window.canvas.viewport(), window.source_panel.text_view.viewport(), window):
        window.document.open_map(map_file)
        assert _drag(target, _files(text))
        assert window.session.map.sources[0].text == "Dropped words."
    assert _drag(window.canvas.viewport(), _files(map_file))
    assert window.session.path == map_file


def test_a_drag_without_files_is_refused(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("just words")
    assert not _drag(window, mime)
    assert window.session.map.title == "Small boats"


def test_a_map_without_positions_opens_laid_out_and_unedited(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    bare = small_map()
    bare.layout.positions.clear()
    path = tmp_path / "bare.argmap.json"
    native.save(bare, path)
    window = make_window(path)
    assert not window.session.is_dirty and not window.session.history.can_undo()
    cards = [item.scene_card_rect() for item in window.canvas.map_scene.node_items()]
    assert len(cards) == 4
    for i, a in enumerate(cards):
        for b in cards[i + 1 :]:
            assert not a.intersects(b)


def test_opening_builds_the_views_with_the_cycle_collector_paused_then_resumes_it(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    """The collector walked every object made so far at each full collection while a big
    map opened; it is off while the views build, and on again afterwards, failure or not."""
    other = tmp_path / "other.argmap.json"
    native.save(window.session.map.model_copy(update={"title": "Other"}), other)
    seen: list[bool] = []
    window.bridge.changed.connect(lambda _changes: seen.append(gc.isenabled()))
    assert gc.isenabled()
    assert window.document.open_map(other)
    assert seen == [False]
    assert gc.isenabled()
    broken = tmp_path / "broken.argmap.json"
    broken.write_text('{"format": "argmap", "version": 1, "nodes": [{"id": 3}]}', "utf-8")
    said: list[bool] = []
    prompter.show_error = lambda _title, _message: said.append(gc.isenabled())  # type: ignore[method-assign]
    assert not window.document.open_map(broken)
    assert said == [True]  # a dialog waits for the user with the collector on
    assert gc.isenabled()


def test_the_collections_skipped_while_opening_are_made_once_the_map_is_on_screen(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    other = tmp_path / "other.argmap.json"
    native.save(window.session.map.model_copy(update={"title": "Other"}), other)
    window.show()
    qtbot.waitExposed(window)
    full: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    gc.callbacks.append(note)
    try:
        assert window.document.open_map(other)
        assert not full  # not while the views build ...
        qtbot.waitUntil(lambda: bool(full))  # ... but once the map has been painted
    finally:
        gc.callbacks.remove(note)
