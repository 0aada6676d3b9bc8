"""View ▸ Reset Panels: every panel back, where a new window puts it; and the text panel shown
whenever a new text is opened, even if it was closed last time."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow

from argmap.ui.actions import make_action
from argmap.ui.stray_tabs import hide_stray_tab_bars


def reset_action(
    window: QMainWindow,
    docks: Mapping[str, QDockWidget],
    default_state: Callable[[], QByteArray | None],
) -> QAction:
    """The action; ``default_state`` gives the window's layout as first built (None: not yet)."""
    action = make_action(
        window,
        "&Reset Panels",
        (),
        "Show every panel again, docked where a new window has it",
        "reset_panels",
    )
    action.triggered.connect(lambda _checked=False: reset_panels(window, docks, default_state()))
    return action


def reset_panels(
    window: QMainWindow, docks: Mapping[str, QDockWidget], state: QByteArray | None
) -> None:
    """Every panel shown and docked as in a new window (the text in front on the left)."""
    if state is not None:
        window.restoreState(state)
    for dock in docks.values():
        dock.setFloating(False)
        dock.show()
    show_text_panel(docks)
    if "inspector" in docks:
        docks["inspector"].raise_()
    QTimer.singleShot(0, lambda: hide_stray_tab_bars(window))


def show_text_panel(docks: Mapping[str, QDockWidget]) -> None:
    """The source text panel shown and in front (a text was just opened to work on)."""
    dock = docks.get("source")
    if dock is not None:
        dock.show()
        dock.raise_()
