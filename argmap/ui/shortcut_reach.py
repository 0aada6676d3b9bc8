"""Map shortcuts that work from the side panels too, not only while the canvas has focus.

The canvas's actions use widget-with-children shortcuts so bare keys (Enter, arrows, Delete)
never steal keys from text panels. The ones whose keys are all chords (Ctrl+Return,
Ctrl+Shift+Return, Ctrl+L, F2, the zoom keys) are also added to the read-only panels (source
text, outline, checklist), so a card made from selected words can be answered at once. The
inspector's fields keep their own Ctrl+Return (commit). An action fired from a panel hands the
keyboard to the canvas, where the gesture continues (a link's arrow keys, typing a text).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from argmap.ui.canvas.view import MapView

#: Canvas actions reached from the panels (by name, without the ``canvas_`` prefix).
REACHABLE = (
    "add_reason",
    "add_evidence",
    "add_objection",
    "edit_text",
    "link",
    "zoom_in",
    "zoom_out",
    "zoom_actual",
    "zoom_fit",
    "zoom_centre_selection",
)


def extend_reach(view: MapView, panels: Iterable[QWidget]) -> list[QAction]:
    """Make the reachable canvas actions fire from ``panels`` too; returns them."""
    actions = [view.actions_.named(name) for name in REACHABLE]
    for panel in panels:
        panel.addActions(actions)
    for action in actions:
        action.triggered.connect(lambda _checked=False: _focus_canvas(view))
    return actions


def _focus_canvas(view: MapView) -> None:
    focus = QApplication.focusWidget()
    if focus is None or (focus is not view and not view.isAncestorOf(focus)):
        view.setFocus()
