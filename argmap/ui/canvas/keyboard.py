"""The canvas's actions: building, navigating and viewing keys, defined once for every menu.

Every action lives on the view with a widget-with-children shortcut, so bare keys (Enter,
arrows, Delete) act on the map only while the canvas has focus and never steal keys from
the text panels; the window may still show the same actions in its menus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from argmap.model import NodeKind, RelationKind
from argmap.ui.canvas import building
from argmap.ui.canvas.navigation import Direction

if TYPE_CHECKING:
    from argmap.ui.canvas.view import MapView

#: Gestures that are not actions, for the Help: (gesture, what it does).
GESTURES: list[tuple[str, str]] = [
    ("Drag a card", "Move it (all selected cards move together; one undo step)"),
    (
        "Drag from a card's bottom handle, or Ctrl+Shift+drag (or Alt+drag) a card",
        "Draw a relation to a card or arrow",
    ),
    ("  …release on empty canvas", "Make a new claim there, which the card supports or attacks"),
    ("  …release with Shift / Ctrl held", "Make it an attack / a support without the menu"),
    ("  …release on an arrow", "Undercut: attack the inference itself"),
    ("Shift+click or Ctrl+click", "Add a card or arrow to the selection, or remove it"),
    ("Drag on empty canvas", "Select the cards in the band"),
    ("Double-click a card, or type", "Edit its text in place (Enter keeps, Esc cancels)"),
    ("Type with nothing selected", "Start a new claim with those words (Esc takes it back)"),
    ("Ctrl+wheel", "Zoom around the pointer"),
    ("Middle-drag, or Space+drag", "Pan"),
    ("Esc", "Cancel the gesture in progress, or clear the selection"),
]


#: (name, text, keys, tip) of every building action; the slots are wired in CanvasActions.
BUILDING: list[tuple[str, str, list[str], str]] = [
    (
        "add_reason",
        "Add Supporting &Reason",
        ["Ctrl+Return", "Insert"],
        "A new claim supporting the selected card, placed below it",
    ),
    (
        "add_evidence",
        "Add Supporting &Evidence",
        ["Ctrl+Alt+Return"],
        "New evidence supporting the selected card",
    ),
    (
        "add_objection",
        "Add &Objection",
        ["Ctrl+Shift+Return"],
        "A new counterargument attacking the selected card (on an arrow: an undercut)",
    ),
    (
        "add_sibling",
        "Add &Sibling",
        ["Return", "Enter"],
        "A new card with the same relation to the same target (a new claim if none)",
    ),
    (
        "edit_text",
        "Edit &Text",
        ["F2"],
        "Edit the selected card's text in place (or just start typing)",
    ),
    (
        "link",
        "&Link To…",
        ["Ctrl+L"],
        "Draw a relation from the selected cards: arrows choose the target, "
        "Enter makes it a support, Shift+Enter an attack",
    ),
    (
        "delete",
        "&Delete",
        ["Delete", "Backspace"],
        "Delete the selection with the relations that depend on it",
    ),
    ("select_all", "Select &All", ["Ctrl+A"], "Select every card"),
    *(
        (
            f"select_{d.value}",
            f"Select Card {d.value.title()}",
            [d.value.title()],
            f"Move the selection to the nearest card {d.value}",
        )
        for d in Direction
    ),
]

VIEWING: list[tuple[str, str, list[str], str]] = [
    ("zoom_in", "Zoom &In", ["Ctrl++", "Ctrl+="], "Zoom in"),
    ("zoom_out", "Zoom &Out", ["Ctrl+-"], "Zoom out"),
    ("zoom_actual", "Actual Si&ze", ["Ctrl+0"], "Zoom to 100%"),
    ("zoom_fit", "Zoom to &Fit", ["Ctrl+Shift+F"], "Show the whole map"),
    (
        "zoom_centre_selection",
        "&Centre on Selection",
        ["Ctrl+J"],
        "Scroll the selected card into the middle of the view",
    ),
]


def _slots(view: MapView) -> dict[str, Callable[[], object]]:
    slots: dict[str, Callable[[], object]] = {
        "add_reason": lambda: building.add_child(view, NodeKind.CLAIM, RelationKind.SUPPORT),
        "add_evidence": lambda: building.add_child(view, NodeKind.EVIDENCE, RelationKind.SUPPORT),
        "add_objection": lambda: building.add_child(
            view, NodeKind.COUNTERARGUMENT, RelationKind.ATTACK
        ),
        "add_sibling": view.press_enter,
        "edit_text": view.edit_current,
        "link": view.start_keyboard_link,
        "delete": lambda: building.delete_selected(view),
        "select_all": view.select_all,
        "zoom_in": view.zoom_in,
        "zoom_out": view.zoom_out,
        "zoom_actual": view.reset_zoom,
        "zoom_fit": view.zoom_to_fit,
        "zoom_centre_selection": view.center_on_current,
    }
    for direction in Direction:
        slots[f"select_{direction.value}"] = _mover(view, direction)
    return slots


def _mover(view: MapView, direction: Direction) -> Callable[[], None]:
    return lambda: view.move_selection(direction)


class CanvasActions:
    """Builds the canvas's QActions (named ``canvas_<name>``): editing ones, then view ones."""

    def __init__(self, view: MapView) -> None:
        self.view = view
        slots = _slots(view)
        self.building = [self._make(*spec, slots[spec[0]]) for spec in BUILDING]
        self.viewing = [self._make(*spec, slots[spec[0]]) for spec in VIEWING]

    def named(self, name: str) -> QAction:
        """The action ``canvas_<name>``."""
        for action in self.all():
            if action.objectName() == f"canvas_{name}":
                return action
        raise KeyError(name)

    def all(self) -> list[QAction]:
        return [*self.building, *self.viewing]

    def _make(
        self, name: str, text: str, keys: list[str], tip: str, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self.view)
        action.setObjectName(f"canvas_{name}")
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shown = ", ".join(
            QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys
        )
        action.setToolTip(f"{tip} ({shown})")
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.view.addAction(action)
        return action
