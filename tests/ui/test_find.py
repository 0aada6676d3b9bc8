"""Find on the map: Ctrl+F, next and previous, every match highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.editing import SetFlag, edit_text
from argmap.ui.main_window import MainWindow


def _shown(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.canvas.setFocus()


def _found(window: MainWindow) -> set[str]:
    return {item.node_id for item in window.canvas.map_scene.node_items() if item.found}


def test_ctrl_f_finds_highlights_and_steps_through_matches(
    window: MainWindow, qtbot: QtBot
) -> None:
    _shown(window, qtbot)
    QTest.keyClick(window.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    QTest.keyClicks(bar.field, "CROSSINGS")  # any case
    assert _found(window) == {"e1", "ca1"}
    assert bar.count.text() == "1 of 2"
    assert window.selection.ids == ["e1"]  # reading order: e1 is left of ca1 on one row
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.selection.ids == ["ca1"] and bar.count.text() == "2 of 2"
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.selection.ids == ["e1"]  # round again
    QTest.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.ids == ["ca1"]
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_F3)
    assert window.selection.ids == ["e1"]
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and _found(window) == set()


def test_find_follows_edits_and_reaches_folded_cards(window: MainWindow, qtbot: QtBot) -> None:
    _shown(window, qtbot)
    window.session.execute(SetFlag("collapsed", ["c2"], True))
    window.find_bar.open_bar()
    QTest.keyClicks(window.find_bar.field, "patrols")
    assert window.selection.ids == ["ca1"]
    assert window.canvas.map_scene.node_item("ca1").isVisible()  # unfolded to be shown
    window.session.execute(edit_text("c1", "Patrols work"))
    assert _found(window) == {"c1", "ca1"}
    window.find_bar.field.setText("no such words")
    assert window.find_bar.count.text() == "no match" and _found(window) == set()


def test_find_is_in_the_edit_menu_and_the_shortcut_list(window: MainWindow) -> None:
    texts = [a.text() for a in window.menus["edit"].actions()]
    assert "&Find…" in texts and "Find &Next" in texts
    assert window.find_bar.find_action in window.all_actions()
