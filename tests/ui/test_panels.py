"""Panels come back: a new text shows the text panel, View ▸ Reset Panels shows them all, and
the inspector is never cut off on the right by its scrollbar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabBar
from pytestqt.qtbot import QtBot

from argmap.ui.main_window import MainWindow
from argmap.ui.stray_tabs import hide_stray_tab_bars
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


def _shown_tab_bars(window: MainWindow) -> list[tuple[list[str], tuple[int, int, int, int]]]:
    bars = []
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            g = bar.geometry()
            titles = [bar.tabText(i) for i in range(bar.count())]
            bars.append((titles, (g.x(), g.y(), g.width(), g.height())))
    return bars


def test_no_spare_tab_bar_is_drawn_over_the_window(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    canvas = window.canvas.geometry()
    text = window.docks["source"].geometry()
    for titles, (x, y, w, h) in _shown_tab_bars(window):
        bar = QRect(x, y, w, h)
        assert not bar.intersects(canvas), titles  # Qt left "Inspector | Speech order" there
        assert not bar.intersects(text), titles
    titles = sorted(t[0] for t, _ in _shown_tab_bars(window))
    assert titles == ["Inspector", "Source text"]  # one bar per tabbed group
    window.reset_panels.trigger()
    qtbot.wait(20)
    titles = sorted(t[0] for t, _ in _shown_tab_bars(window))
    assert titles == ["Inspector", "Source text"]


def test_qts_spare_tab_bar_is_hidden(qtbot: QtBot) -> None:
    """Qt leaves a second bar for a group tabbed after another one: the quirk the window met."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("map"))
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea

    def dock(title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        made = QDockWidget(title, window)
        made.setObjectName(title)
        window.addDockWidget(area, made)
        return made

    text, outline, inspector = dock("Text", left), dock("Outline", left), dock("Inspector", right)
    window.tabifyDockWidget(text, outline)
    window.tabifyDockWidget(inspector, dock("Speech", right))
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    shown = [b for b in window.findChildren(QTabBar) if b.isVisible()]
    assert len(shown) == 3  # the quirk: one bar too many, in the middle
    assert hide_stray_tab_bars(window) == 1
    shown = [b for b in window.findChildren(QTabBar) if b.isVisible()]
    assert sorted(b.tabText(0) for b in shown) == ["Inspector", "Text"]
    assert not any(b.geometry().intersects(window.centralWidget().geometry()) for b in shown)
