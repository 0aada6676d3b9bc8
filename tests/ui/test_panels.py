"""Panels come back: a new text shows the text panel, View ▸ Reset Panels shows them all, and
the inspector is never cut off on the right by its scrollbar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from argmap.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow


def test_new_text_after_the_text_panel_was_closed_shows_it(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    first = make_window()
    first.show()
    first.docks["source"].close()
    first.docks["outline"].close()
    first.close()  # the layout without the text panel is remembered
    text = tmp_path / "speech.txt"
    text.write_text("We must act now.\n", "utf-8")
    window = make_window(new_from_text=text)
    window.show()
    qtbot.waitExposed(window)
    assert window.docks["source"].isVisible()
    assert window.source_panel.text_view.toPlainText() == "We must act now.\n"
    assert not window.docks["outline"].isVisible()  # only the panel the text needs
    reset = window.findChild(type(window.reset_panels), "reset_panels")
    assert reset is window.reset_panels and reset in window.menus["view"].actions()
    window.docks["inspector"].setFloating(True)
    reset.trigger()
    for name in ("source", "outline", "checklist", "inspector"):
        dock = window.docks[name]
        assert not dock.isHidden() and not dock.isFloating(), name
    assert window.dockWidgetArea(window.docks["inspector"]) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.dockWidgetArea(window.docks["outline"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert window.docks["source"].visibleRegion().isEmpty() is False  # in front of its tabs


def test_the_inspector_is_not_cut_off_when_its_scrollbar_shows(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.resize(1400, 600)
    window.show()
    qtbot.waitExposed(window)
    window.selection.set(["e1"])
    window.resizeDocks([window.docks["inspector"]], [150], Qt.Orientation.Horizontal)
    qtbot.wait(50)  # the dock lays out again
    assert window.inspector.verticalScrollBar().isVisible()
    body = window.inspector.widget()
    assert body is not None
    assert body.width() <= window.inspector.viewport().width()
    assert body.width() >= body.minimumSizeHint().width()
