"""The main window as a whole: composition, menus, undo naming, shortcuts, help."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar
from pytestqt.qtbot import QtBot

from argmap.app import run_app
from argmap.editing import MoveNodes, edit_text
from argmap.io import native
from argmap.model import Point
from argmap.resources import DEFAULT_MAP
from argmap.ui.autosave import Autosaver
from argmap.ui.help import ABOUT_TEXT, ABOUT_TITLE, shortcut_rows
from argmap.ui.main_window import MainWindow
from argmap.ui.settings import AppSettings
from tests.ui.conftest import MakeWindow, ScriptedPrompter, select_words


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_window_composes_canvas_panels_and_menus(window: MainWindow) -> None:
    from argmap.ui.canvas.view import MapView

    assert isinstance(window.centralWidget(), MapView)
    assert window.centralWidget() is window.canvas
    assert set(window.docks) == {"source", "outline", "inspector", "checklist", "speech"}
    assert _menu_titles(window) == [
        "&File",
        "&Edit",
        "&Map",
        "&Layout",
        "&View",
        "Ev&aluate",
        "&Help",
    ]
    file_menu = [a.text() for a in window.menus["file"].actions() if a.text()]
    assert file_menu == [
        "&New from Text…",
        "&Open…",
        "Open &Recent",
        "&Save",
        "Save &As…",
        "S&hare Map…",
        "&Join Shared Map…",
        "&Leave Shared Map",
        "&Import…",
        "Compare &With…",
        "&Merge Map…",
        "&Export",
        "&Print…",
        "&Close",
        "&Quit",
    ]


def _access_key_clashes(menu: QMenu | QMenuBar, path: str) -> list[str]:
    """Entries of one menu (and, in turn, of its submenus) sharing an access key."""
    keys: dict[str, list[str]] = {}
    clashes = []
    for action in menu.actions():
        text = action.text().replace("&&", "")
        if "&" in text:
            keys.setdefault(text[text.index("&") + 1].lower(), []).append(text)
        if action.menu() is not None:
            clashes += _access_key_clashes(action.menu(), f"{path} > {text}")
    return clashes + [f"{path}: {names}" for names in keys.values() if len(names) > 1]


def test_every_menu_entry_has_its_own_access_key(window: MainWindow) -> None:
    """Alt+letter opens one menu, and a letter in an open menu picks one entry, not a cycle."""
    assert _access_key_clashes(window.menuBar(), "menu bar") == []


def test_standard_shortcuts(window: MainWindow) -> None:
    a = window.app_actions
    expected = {
        a.new_from_text: "Ctrl+N",
        a.open: "Ctrl+O",
        a.save: "Ctrl+S",
        a.save_as: "Ctrl+Shift+S",
        a.close: "Ctrl+W",
        a.quit: "Ctrl+Q",
        a.undo: "Ctrl+Z",
    }
    for action, keys in expected.items():
        assert action.shortcut().toString() == keys
    redo = [s.toString() for s in a.redo.shortcuts()]
    assert redo == ["Ctrl+Shift+Z", "Ctrl+Y"]


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    for action in window.all_actions():
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, f"{key} is both {seen[key]} and {action.text()}"
            seen[key] = action.text()


def test_undo_and_redo_name_the_edit(window: MainWindow) -> None:
    undo, redo = window.app_actions.undo, window.app_actions.redo
    assert not undo.isEnabled() and undo.text() == "&Undo"
    moves = {"c1": Point(x=10, y=10), "c2": Point(x=20, y=20), "e1": Point(x=30, y=30)}
    window.session.execute(MoveNodes(moves))
    assert undo.isEnabled() and undo.text() == "&Undo Move 3 nodes"
    undo.trigger()
    assert redo.text() == "&Redo Move 3 nodes"
    assert window.session.map.layout.positions["c1"] == Point(x=0, y=0)
    redo.trigger()
    assert window.session.map.layout.positions["c1"] == Point(x=10, y=10)


def test_undo_redo_every_kind_of_window_edit_in_order(window: MainWindow) -> None:
    states = [native.dumps(window.session.map)]
    select_words(window, "more patrols")
    window.app_actions.objection_from_text.trigger()
    states.append(native.dumps(window.session.map))
    new_id = window.selection.current
    assert new_id is not None
    window.inspector.details_section.tags.setText("patrols")
    window.inspector.details_section.tags.editingFinished.emit()
    states.append(native.dumps(window.session.map))
    window.session.execute(edit_text(new_id, "More patrols displace crossings"))
    states.append(native.dumps(window.session.map))
    for state in reversed(states[:-1]):
        window.app_actions.undo.trigger()
        assert native.dumps(window.session.map) == state
    for state in states[1:]:
        window.app_actions.redo.trigger()
        assert native.dumps(window.session.map) == state


def test_shortcuts_help_lists_every_shortcut_including_the_canvas(window: MainWindow) -> None:
    dialog = window.show_shortcuts()
    rows = dialog.rows()
    names = [name for name, _ in rows]
    assert ("Undo", "Ctrl+Z") in rows
    assert ("New Claim from Selected Words", "Ctrl+Alt+1") in rows
    expected = shortcut_rows(window.all_actions())
    assert rows == expected
    canvas_named = [name for name, _ in shortcut_rows(window.canvas_actions())]
    assert canvas_named and set(canvas_named) <= set(names)
    dialog.close()


def test_about_names_the_application() -> None:
    assert "argmap" in ABOUT_TEXT


def test_canvas_actions_are_in_the_menus(window: MainWindow) -> None:
    in_menus = {action for menu in window.menus.values() for action in menu.actions()}
    for action in window.canvas_actions():
        assert action in in_menus, action.text()


def test_autosave_runs_on_a_timer(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    autosaver = Autosaver(window.document, tmp_path / "timed", interval_ms=10, parent=window)
    autosaver.start()
    window.session.execute(edit_text("c1", "Timed"))
    qtbot.waitUntil(autosaver.map_path.exists, timeout=2000)
    autosaver.stop()
    assert not autosaver.map_path.exists()


def test_run_app_opens_the_window_and_returns_when_it_closes(
    map_file: Path, settings: AppSettings, tmp_path: Path
) -> None:
    seen: list[str] = []

    def close_windows() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append(widget.windowTitle())
                widget.close()

    QTimer.singleShot(50, close_windows)
    try:
        code = run_app(map_file, settings=settings, autosave_folder=tmp_path / "autosave")
        assert QApplication.applicationName() == "argmap"
    finally:
        QApplication.setApplicationName("argmap-tests")
        QApplication.setOrganizationName("argmap-tests")
    assert code == 0
    assert seen == ["small.argmap.json — argmap"]


def test_keyboard_shortcuts_make_a_node_and_undo_it(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.source_panel.text_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    select_words(window, "people smugglers")
    before = len(window.session.map.nodes)
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(view, Qt.Key.Key_1, ctrl_alt)
    assert len(window.session.map.nodes) == before + 1
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.session.map.nodes) == before
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(window.session.map.nodes) == before + 1


def test_about_is_shown_through_the_prompter(
    window: MainWindow, prompter: ScriptedPrompter
) -> None:
    window.app_actions.about.trigger()
    assert prompter.infos == [(ABOUT_TITLE, ABOUT_TEXT)]


def test_bundled_map_opens_whole_in_every_panel(make_window: MakeWindow) -> None:
    if not DEFAULT_MAP.exists():
        pytest.skip("the bundled map is not written yet")
    window = make_window()
    argument_map = window.session.map
    assert argument_map.nodes and window.session.path is None
    assert {n.id for n in argument_map.nodes} <= set(window.outline.visible_ids())
    anchors = sum(len(n.anchors) for n in argument_map.nodes)
    assert len(window.source_panel.text_view.extraSelections()) == anchors
    assert {item.node_id for item in window.canvas.map_scene.node_items()} == {
        n.id for n in argument_map.nodes
    }
    for node in argument_map.nodes[:5]:
        window.selection.set([node.id])
        assert window.inspector.node_section.text.toPlainText() == node.text
