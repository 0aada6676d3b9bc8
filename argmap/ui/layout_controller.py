"""The Layout menu and what it does: automatic layouts, tidying a selection, pins, collapse,
and the focus on one claim.

Every change to the map is one command (an applied layout is one :class:`ApplyLayout`, so one
undo puts every card back); the cards then glide to their new places, a view-only animation.
The Graphviz layout runs ``dot`` as a program, so it is computed off the UI thread on a copy
of the map and applied as one command when it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from argmap.editing import ApplyLayout, Change, ChangeKind, Command, MoveNodes, SetFlag
from argmap.layout import ALGORITHMS, DEFAULT_ALGORITHM, LayoutError, compute_layout, hidden_nodes
from argmap.layout.best import best_layout
from argmap.layout.edges import statement_edges
from argmap.layout.geometry import Positions
from argmap.layout.views import project
from argmap.model import ArgumentMap, Direction, NodeKind, Point
from argmap.ui.canvas.view import MapView
from argmap.ui.layout_worker import JobSignals, LayoutJob

DIRECTION_LABELS = {Direction.TOP_BOTTOM: "Top to &Bottom", Direction.LEFT_RIGHT: "&Left to Right"}
#: The layout that tidies a selection (the others make no sense for a part of the map).
SELECTION_ALGORITHM = "tree"


def carry_hidden(
    argument_map: ArgumentMap, hidden: Collection[str], new: Positions
) -> dict[str, Point]:
    """New places for cards folded under collapsed ones: each moves as its collapsed card did.

    A layout of the visible cards moves a collapsed card; what it hides keeps its shape under
    it, so expanding shows the subtree where it belongs.
    """
    old = argument_map.layout.positions
    premises: dict[str, list[str]] = {}
    for edge in statement_edges(argument_map):
        premises.setdefault(edge.target, []).append(edge.premise)
    moved: dict[str, Point] = {}
    for top in argument_map.layout.collapsed:
        if top in hidden or top not in new or top not in old:
            continue
        dx, dy = new[top].x - old[top].x, new[top].y - old[top].y
        stack = list(premises.get(top, ()))
        while stack:
            node_id = stack.pop()
            if node_id in hidden and node_id not in moved and node_id in old:
                moved[node_id] = Point.rounded(old[node_id].x + dx, old[node_id].y + dy)
                stack.extend(premises.get(node_id, ()))
    return moved


class LayoutController(QObject):
    """Owns the layout actions of one canvas and carries them out as commands."""

    #: bool: whether a layout is being computed off the UI thread
    busy_changed = Signal(bool)

    def __init__(self, view: MapView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.session = view.session
        self._request = 0  # the newest layout asked for; older results are dropped
        self._pending: int | None = None  # the request a worker computes now
        self._signals = JobSignals()
        self._signals.done.connect(self._job_done)
        self._signals.failed.connect(self._job_failed)
        self._build_actions()
        view.bridge.changed.connect(self._on_changes)
        view.selection.changed.connect(lambda _ids: self.refresh_actions())
        view.visibility.focus_changed.connect(lambda _claim: self.refresh_actions())
        self.refresh_actions()

    # Actions -------------------------------------------------------------------------------

    def _action(self, text: str, name: str, tip: str, keys: tuple[str, ...] = ()) -> QAction:
        action = QAction(text, self.view)
        action.setObjectName(f"layout_{name}")
        action.setShortcuts([QKeySequence(k) for k in keys])
        # Like the canvas's keys: they act on the map while it has the focus.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setProperty("help_name", text.replace("&", "").rstrip("…"))
        self.view.addAction(action)
        return action

    def _build_actions(self) -> None:
        self._build_layout_actions()
        self._build_tool_actions()

    def _build_layout_actions(self) -> None:
        a = self._action
        self.best = a(
            "Best &for This Map",
            "best",
            "The layout and direction that suit this map's shape best (it says which it chose)",
        )
        self.best.triggered.connect(lambda _checked=False: self.apply_best())
        self.algorithm_group = QActionGroup(self)
        self.algorithms: dict[str, QAction] = {}
        for name, algorithm in ALGORITHMS.items():
            if not algorithm.available():
                continue  # the Graphviz entry only where dot is installed
            action = a(f"{algorithm.label} Layout", name, algorithm.description)
            action.setCheckable(True)
            action.setActionGroup(self.algorithm_group)
            action.triggered.connect(lambda _checked=False, n=name: self.apply(n))
            self.algorithms[name] = action
        self.direction_group = QActionGroup(self)
        self.directions: dict[Direction, QAction] = {}
        for direction, label in DIRECTION_LABELS.items():
            action = a(label, f"direction_{direction.value}", f"Lay the map out {label}")
            action.setStatusTip(f"Lay the map out {label.replace('&', '').lower()}")
            action.setCheckable(True)
            action.setActionGroup(self.direction_group)
            action.triggered.connect(lambda _checked=False, d=direction: self.set_direction(d))
            self.directions[direction] = action

    def _build_tool_actions(self) -> None:
        a = self._action
        self.lay_out_selection = a(
            "Lay O&ut Selection",
            "selection",
            "Tidy the selected cards and everything under them; nothing else moves",
            ("Ctrl+Shift+L",),
        )
        self.lay_out_selection.triggered.connect(self.layout_selection)
        self.pin = a(
            "&Pin in Place",
            "pin",
            "Automatic layouts leave the selected cards where they are (again: unpin)",
            ("Ctrl+Shift+P",),
        )
        self.pin.setCheckable(True)
        self.pin.triggered.connect(lambda _checked=False: self.toggle_flag("pinned"))
        self.collapse = a(
            "&Collapse",
            "collapse",
            "Fold away what bears on the selected card (again: expand); a view setting",
            ("Ctrl+Shift+C",),
        )
        self.collapse.setCheckable(True)
        self.collapse.triggered.connect(lambda _checked=False: self.toggle_flag("collapsed"))
        self.focus = a(
            "Focus on Cl&aim",
            "focus",
            "Show only the selected claim, what bears on it, and what bears on that",
            ("Ctrl+Alt+F",),
        )
        self.focus.triggered.connect(self.focus_current)
        self.whole_map = a("Show &Whole Map", "whole_map", "Leave the focus (Esc)")
        self.whole_map.triggered.connect(self.view.visibility.leave_focus)

    def all(self) -> list[QAction]:
        """Every action, in menu order (the Layout menu's, then the View menu's)."""
        return [
            self.best,
            *self.algorithms.values(),
            *self.directions.values(),
            self.lay_out_selection,
            self.pin,
            self.collapse,
            *self.view_actions(),
        ]

    def view_actions(self) -> list[QAction]:
        return [self.focus, self.whole_map]

    def install(self, bar: QMenuBar, view_menu: QMenu | None = None) -> QMenu:
        """The Layout menu, put before the View menu; the focus actions go in the View menu."""
        menu = QMenu("&Layout", bar)
        menu.addAction(self.best)
        menu.addActions(list(self.algorithms.values()))
        menu.addSeparator()
        menu.addActions(list(self.directions.values()))
        menu.addSeparator()
        menu.addActions([self.lay_out_selection, self.pin, self.collapse])
        if view_menu is None:
            bar.addMenu(menu)
            return menu
        bar.insertMenu(view_menu.menuAction(), menu)
        first = view_menu.actions()[0] if view_menu.actions() else None
        view_menu.insertActions(first, self.view_actions())  # type: ignore[arg-type]
        view_menu.insertSeparator(first)  # type: ignore[arg-type]
        return menu

    def refresh_actions(self) -> None:
        """Checks and enabled states as the map, the selection and the focus are now."""
        layout = self.session.map.layout
        for name, action in self.algorithms.items():
            action.setChecked(name == layout.algorithm)
        for direction, action in self.directions.items():
            action.setChecked(direction == layout.direction)
        nodes = self._selected_nodes()
        current = self._current_node()
        radial = self.algorithms.get("radial")
        if radial is not None:
            radial.setEnabled(self._current_claim() is not None)
        self.lay_out_selection.setEnabled(bool(nodes))
        self.pin.setEnabled(bool(nodes))
        self.pin.setChecked(bool(nodes) and all(n in layout.pinned for n in nodes))
        targets = {relation.target for relation in self.session.map.relations}
        foldable = [n for n in nodes if n in targets or n in layout.collapsed]
        self.collapse.setEnabled(bool(foldable))
        self.collapse.setChecked(bool(foldable) and all(n in layout.collapsed for n in foldable))
        self.focus.setEnabled(current is not None)
        self.whole_map.setEnabled(self.view.visibility.focused)

    def _on_changes(self, changes: list[Change]) -> None:
        if any(change.kind == ChangeKind.MAP_REPLACED for change in changes):
            self._request += 1  # a result for the old map must not land on the new one
            self._set_pending(None)
        self.refresh_actions()

    # Selection -----------------------------------------------------------------------------

    def _selected_nodes(self) -> list[str]:
        argument_map = self.session.map
        return [i for i in self.view.selection.ids if argument_map.has_node(i)]

    def _current_node(self) -> str | None:
        current = self.view.selection.current
        return current if current is not None and self.session.map.has_node(current) else None

    def _current_claim(self) -> str | None:
        current = self._current_node()
        if current is None or self.session.map.node(current).kind != NodeKind.CLAIM:
            return None
        return current

    # Applying layouts ----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._pending is not None

    def apply(self, algorithm: str, direction: Direction | None = None) -> bool:
        """Lay out the whole map (what a collapse hides moves with its card) as one command.

        Graphviz runs on a worker thread and lands later; the others land before returning.
        Returns whether a layout was applied or started.
        """
        chosen = ALGORITHMS[algorithm]
        way = Direction(direction or self.session.map.layout.direction)
        root = self._current_claim() if algorithm == "radial" else None
        if algorithm == "radial" and root is None:
            self.view.report("Select the claim to put at the centre of the radial layout")
            self.refresh_actions()
            return False
        argument_map = self.session.map
        hidden = self._hidden()
        only = [n.id for n in argument_map.nodes if n.id not in hidden] if hidden else None
        sizes = self.view.map_scene.card_sizes()
        anchor = root or self._anchor(hidden)
        self._request += 1
        if chosen.needs_graphviz:
            snapshot = argument_map.model_copy(deep=True)
            aspect = self.aspect()
            self._start_job(
                lambda: compute_layout(
                    snapshot, algorithm, way, sizes, root, only=only, aspect=aspect
                ),
                (algorithm, way, hidden, anchor),
            )
            return True
        try:
            positions = compute_layout(
                argument_map, algorithm, way, sizes, root, only=only, aspect=self.aspect()
            )
        except LayoutError as exc:
            self.view.report(str(exc))
            self.refresh_actions()
            return False
        positions = self._with_hidden(self._anchored(positions, anchor), hidden)
        return self._land(ApplyLayout(positions, algorithm, way))

    def aspect(self) -> float:
        """Width over height of the window the map is shown in (parts are packed towards it),
        kept between 1:2 and 3:1 (a window squeezed by its panels is no page to aim at)."""
        viewport = self.view.viewport()
        if viewport.width() < 200 or viewport.height() < 200:
            return 16 / 9
        return min(max(viewport.width() / viewport.height(), 0.5), 3.0)

    def apply_best(self) -> bool:
        """Lay the map out with the layout that suits its shape best, as one command, and say
        in the status bar which it chose and why."""
        argument_map = self.session.map
        hidden = self._hidden()
        work = argument_map
        if hidden:
            work = project(argument_map, [n.id for n in argument_map.nodes if n.id not in hidden])
        try:
            choice = best_layout(work, self.view.map_scene.card_sizes(), self.aspect())
        except LayoutError as exc:
            self.view.report(str(exc))
            return False
        self._request += 1
        anchored = self._anchored(choice.positions, self._anchor(hidden))
        positions = self._with_hidden(anchored, hidden)
        done = self._land(ApplyLayout(positions, choice.algorithm, choice.direction))
        self.view.report(f"Laid out with {choice.label}: {choice.reason}")
        return done

    def set_direction(self, direction: Direction) -> bool:
        """Lay the map out again in ``direction``, by its layout (the tree if it has none)."""
        current = self.session.map.layout.algorithm
        algorithm = current if current in self.algorithms else DEFAULT_ALGORITHM
        if not ALGORITHMS[algorithm].uses_direction:
            algorithm = DEFAULT_ALGORITHM
        return self.apply(algorithm, direction)

    def layout_selection(self) -> bool:
        """Tidy the selected cards and what lies under them as one command; nothing else moves."""
        nodes = self._selected_nodes()
        if not nodes:
            self.view.report("Select the cards to lay out first")
            return False
        argument_map = self.session.map
        hidden = self._hidden()
        only = [n.id for n in argument_map.nodes if n.id not in hidden] if hidden else None
        try:
            positions = compute_layout(
                argument_map,
                SELECTION_ALGORITHM,
                sizes=self.view.map_scene.card_sizes(),
                selection=nodes,
                only=only,
            )
        except LayoutError as exc:
            self.view.report(str(exc))
            return False
        if not positions:
            self.view.report("Nothing to lay out: the selected cards are pinned")
            return False
        self._request += 1
        return self._land(MoveNodes(self._with_hidden(positions, hidden), "Lay out selection"))

    def _anchor(self, hidden: set[str]) -> str | None:
        """The card a new layout keeps in place: the selected one, else the one nearest the
        middle of the view (so the reader does not lose their place)."""
        current = self._current_node()
        if current is not None and current not in hidden:
            return current
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        shown = [item for item in self.view.map_scene.node_items() if item.isVisible()]
        if not shown:
            return None
        nearest = min(shown, key=lambda item: (item.pos() - centre).manhattanLength())
        return nearest.node_id

    def _anchored(self, positions: Positions, anchor: str | None) -> Positions:
        """``positions`` moved so that ``anchor`` stays where it is stored (no pinned card
        is kept: those already hold the layout in place)."""
        stored = self.session.map.layout.positions
        if anchor is None or anchor not in positions or anchor not in stored:
            return positions
        if any(node_id in positions for node_id in self.session.map.layout.pinned):
            return positions
        dx, dy = stored[anchor].x - positions[anchor].x, stored[anchor].y - positions[anchor].y
        return {n: Point.rounded(p.x + dx, p.y + dy) for n, p in positions.items()}

    def _hidden(self) -> set[str]:
        argument_map = self.session.map
        collapsed = argument_map.layout.collapsed
        return hidden_nodes(argument_map, collapsed) if collapsed else set()

    def _with_hidden(self, positions: Positions, hidden: set[str]) -> dict[str, Point]:
        result = dict(positions)
        if hidden:
            result.update(carry_hidden(self.session.map, hidden, positions))
        return result

    def _land(self, command: Command) -> bool:
        """Run the command, then let the cards glide from where they were."""
        starts = self.view.animator.positions()
        done = self.view.execute(command)
        if done:
            self.view.animator.glide_from(starts)
        self.refresh_actions()
        return done

    # Graphviz off the UI thread ------------------------------------------------------------

    def _start_job(
        self, work: Callable[[], Positions], settings: tuple[str, Direction, set[str], str | None]
    ) -> None:
        self._job_settings = settings
        self._job_map = self.session.map
        self._set_pending(self._request)
        self.view.report("Laying out with Graphviz…")
        QThreadPool.globalInstance().start(LayoutJob(self._request, work, self._signals))

    def _set_pending(self, number: int | None) -> None:
        was = self.busy
        self._pending = number
        if was != self.busy:
            self.busy_changed.emit(self.busy)

    def _job_done(self, number: int, positions: Positions) -> None:
        if number != self._pending:
            return
        self._set_pending(None)
        if number != self._request or self._job_map is not self.session.map:
            return  # another layout was asked for since, or another map opened
        algorithm, direction, hidden, anchor = self._job_settings
        # Cards deleted while dot ran are left out; cards added since keep their places.
        present = {n: p for n, p in positions.items() if self.session.map.has_node(n)}
        present = self._with_hidden(self._anchored(present, anchor), hidden)
        self._land(ApplyLayout(present, algorithm, direction))

    def _job_failed(self, number: int, message: str) -> None:
        if number == self._pending:
            self._set_pending(None)
            self.view.report(message)
            self.refresh_actions()

    # Flags and focus -----------------------------------------------------------------------

    def toggle_flag(self, section: str) -> bool:
        """Pin (or collapse) the selected cards, or, when all already are, unpin (expand)."""
        nodes = self._selected_nodes()
        if section == "collapsed":
            targets = {relation.target for relation in self.session.map.relations}
            flagged = self.session.map.layout.collapsed
            nodes = [n for n in nodes if n in targets or n in flagged]
        else:
            flagged = self.session.map.layout.pinned
        if not nodes:
            self.refresh_actions()
            return False
        off = [n for n in nodes if n not in flagged]
        done = self.view.execute(SetFlag(section, off or nodes, bool(off)))
        self.refresh_actions()
        return done

    def focus_current(self) -> bool:
        current = self._current_node()
        if current is None:
            self.view.report("Select the claim to focus on first")
            return False
        return self.view.visibility.focus(current)
