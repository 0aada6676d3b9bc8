"""View ▸ Reset Panels: every panel back, where a new window puts it; and the text panel shown
whenever a new text is opened, even if it was closed last time."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow

from argmap.ui.actions import make_action

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
#: Where each panel goes on reset; panels on one side are tabbed in this order.
HOMES: dict[str, Qt.DockWidgetArea] = {
    "source": LEFT,
    "outline": LEFT,
    "checklist": LEFT,
    "inspector": RIGHT,
}


def reset_action(window: QMainWindow, docks: Mapping[str, QDockWidget]) -> QAction:
    action = make_action(
        window,
        "&Reset Panels",
        (),
        "Show every panel again, docked where a new window has it",
        "reset_panels",
    )
    action.triggered.connect(lambda _checked=False: reset_panels(window, docks))
    return action


def reset_panels(window: QMainWindow, docks: Mapping[str, QDockWidget]) -> None:
    """Every panel shown and docked at home: text, outline and checklist tabbed on the left
    (the text in front), the inspector and the others tabbed on the right."""
    sides: dict[Qt.DockWidgetArea, list[QDockWidget]] = {LEFT: [], RIGHT: []}
    for name, dock in docks.items():
        sides[HOMES.get(name, RIGHT)].append(dock)
    for area, on_side in sides.items():
        for dock in on_side:
            dock.setFloating(False)
            window.addDockWidget(area, dock)
            dock.show()
        for first, second in pairwise(on_side):
            window.tabifyDockWidget(first, second)
        if on_side:
            on_side[0].raise_()
    window.resizeDocks([*sides[LEFT][:1], *sides[RIGHT][:1]], [430, 340], Qt.Orientation.Horizontal)


def show_text_panel(docks: Mapping[str, QDockWidget]) -> None:
    """The source text panel shown and in front (a text was just opened to work on)."""
    dock = docks.get("source")
    if dock is not None:
        dock.show()
        dock.raise_()
