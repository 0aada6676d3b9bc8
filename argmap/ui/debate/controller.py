"""The debate workflow in the editor: the motion, sides on the cards, the side filter.

Map > Set as Motion makes the selected claim the motion (one undo step). View > Colour by Side
paints each card's header in its bench's colour (the kind stays written on it); View > Show
Side hides the other bench's statements (a view: the map never changes). Sides are computed
after a burst of edits, and only while something shows them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from argmap.debate.sides import NoMotionError, sides
from argmap.editing import Change
from argmap.editing.debate_commands import set_motion
from argmap.model import ArgumentMap, DebateSide, NodeKind
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas.view import MapView
from argmap.ui.debate.colours import SIDE_COLOURS
from argmap.ui.runner import CommandRunner
from argmap.ui.selection import SelectionModel

#: What each choice of View > Show Side keeps on the canvas.
SIDE_FILTERS: dict[str, frozenset[DebateSide]] = {
    "all": frozenset(DebateSide),
    "proposition": frozenset({DebateSide.FOR, DebateSide.BOTH}),
    "opposition": frozenset({DebateSide.AGAINST, DebateSide.BOTH}),
}
FILTER_NAMES = {
    "all": "&Both Benches",
    "proposition": "The &Proposition's Case",
    "opposition": "The &Opposition's Case",
}


class DebateController(QObject):
    """Owns the debate actions and keeps the cards' side colours and the side filter current."""

    #: the map changed, so sides may have (read them with :meth:`current_sides`)
    sides_changed = Signal()
    #: str: a message for the status bar
    message = Signal(str)

    def __init__(
        self,
        bridge: SessionBridge,
        selection: SelectionModel,
        runner: CommandRunner,
        canvas: MapView,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge, self.selection, self.runner, self.canvas = bridge, selection, runner, canvas
        self._sides: dict[str, DebateSide] | None = None  # computed when first asked for
        self.side_filter = "all"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self.motion_action = QAction("Set as &Motion", self)
        self.motion_action.setStatusTip("Debate the selected claim: sides follow from it")
        self.motion_action.triggered.connect(self.set_motion_from_selection)
        self.colour_action = QAction("Colour by &Side", self, checkable=True)
        self.colour_action.setStatusTip("Headers in the proposition's and opposition's colours")
        self.colour_action.toggled.connect(lambda _on: self.refresh())
        self.filter_group = QActionGroup(self)
        self.filter_actions: dict[str, QAction] = {}
        for name, label in FILTER_NAMES.items():
            action = QAction(label, self.filter_group, checkable=True)
            action.setChecked(name == "all")
            action.triggered.connect(lambda _=False, n=name: self.show_side(n))
            self.filter_actions[name] = action
        bridge.changed.connect(self._on_changes)
        canvas.map_scene.rebuilt.connect(self.refresh)  # new items: paint their headers again
        selection.changed.connect(lambda _ids: self._update_actions())
        self._update_actions()
        self.refresh()

    @property
    def argument_map(self) -> ArgumentMap:
        return self.bridge.session.map

    def install(self, map_menu: QMenu, view_menu: QMenu) -> QMenu:
        """Put the actions in the Map and View menus; returns the Show Side submenu."""
        map_menu.addSeparator()
        map_menu.addAction(self.motion_action)
        view_menu.addSeparator()
        view_menu.addAction(self.colour_action)
        submenu = view_menu.addMenu("Show Si&de")
        submenu.addActions(list(self.filter_actions.values()))
        return submenu

    def all(self) -> list[QAction]:
        return [self.motion_action, self.colour_action, *self.filter_actions.values()]

    # Gestures ------------------------------------------------------------------------------

    def set_motion_from_selection(self) -> bool:
        current = self.selection.current
        if current is None or not self.argument_map.has_node(current):
            self.message.emit("Select a claim to make it the motion")
            return False
        if not self.runner.run(set_motion(self.argument_map, current)):
            return False
        self.message.emit("Motion set: every statement's side now follows from it")
        return True

    def show_side(self, name: str) -> None:
        """Show both benches, or hide every statement not on the chosen one (a view)."""
        self.side_filter = name
        self.filter_actions[name].setChecked(True)
        visibility = self.canvas.visibility
        if name == "all":
            visibility.set_filter("side", None)
            return
        keep = SIDE_FILTERS[name]
        visibility.set_filter(
            "side", lambda _m: {n for n, s in self.current_sides().items() if s not in keep}
        )

    # Keeping current -----------------------------------------------------------------------

    def _on_changes(self, _changes: list[Change]) -> None:
        self._sides = None
        self._update_actions()
        if self.colour_action.isChecked():
            self._timer.start()
        self.sides_changed.emit()

    def _update_actions(self) -> None:
        current = self.selection.current
        argument_map = self.argument_map
        self.motion_action.setEnabled(
            current is not None
            and argument_map.has_node(current)
            and argument_map.node(current).kind is NodeKind.CLAIM
        )

    def current_sides(self) -> dict[str, DebateSide]:
        """Every statement's side (empty when the map has no motion), computed once per edit."""
        if self._sides is None:
            try:
                self._sides = sides(self.argument_map)
            except NoMotionError:
                self._sides = {}
        return self._sides

    def refresh(self) -> None:
        """Repaint the cards' headers for Colour by Side (or back to their kinds)."""
        self._timer.stop()
        colour = self.colour_action.isChecked()
        found = self.current_sides() if colour else {}
        for item in self.canvas.map_scene.node_items():
            side = found.get(item.node_id)
            item.set_side_colour(SIDE_COLOURS[side] if side is not None else None)
        if colour and not found and self.argument_map.nodes:
            self.message.emit("No motion yet: select a claim and choose Map > Set as Motion")
