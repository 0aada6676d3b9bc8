"""The Evaluate menu: badges on the cards for which claims stand, what-ifs, and a legend.

The evaluation follows each burst of changes (a zero-time timer collects them, so it runs once
the burst is over): a :class:`~argmap.analysis.live_evaluation.LiveEvaluation` works out again
only what lies downstream of the changes, and only the badges and arrows whose verdict or
strength changed are touched. Complete, preferred and stable are evaluated afresh (they need
every extension of the whole map). The evaluation never edits the map: what-ifs are a view
state held here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMenuBar

from argmap.analysis.evaluate import Evaluation, RelationStatus, Semantics, WhatIf, evaluate
from argmap.analysis.labels import Label
from argmap.analysis.live_evaluation import LiveDelta, LiveEvaluation
from argmap.editing import Change, ChangeKind
from argmap.model import ArgmapError, ArgumentMap
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas.node_item import Badge
from argmap.ui.canvas.view import MapView
from argmap.ui.selection import SelectionModel

LABEL_STYLE: dict[Label, tuple[str, QColor]] = {
    Label.IN: ("IN", QColor("#1e8449")),
    Label.OUT: ("OUT", QColor("#b03a2e")),
    Label.UNDECIDED: ("UND", QColor("#7f8c8d")),
}
SEMANTICS_NAMES = {
    Semantics.GROUNDED: "Grounded (sceptical, one answer)",
    Semantics.PREFERRED: "Preferred (what survives in every preferred view)",
    Semantics.STABLE: "Stable",
    Semantics.STRENGTH: "Strength (gradual, 0–1)",
}
LEGEND = (
    "<b>Evaluation</b> ({semantics}): &nbsp;"
    "<span style='color:#1e8449'>■</span> IN stands &nbsp; "
    "<span style='color:#b03a2e'>■</span> OUT falls &nbsp; "
    "<span style='color:#7f8c8d'>■</span> UND undecided&nbsp;&nbsp;&nbsp; "
    "bar&nbsp;=&nbsp;strength&nbsp;0–1&nbsp;&nbsp;&nbsp; *&nbsp;=&nbsp;what-if&nbsp;&nbsp;&nbsp; "
    "<span style='color:#b8b8b8'>⟶</span>&nbsp;faded arrow&nbsp;=&nbsp;blocked"
)
STRENGTH_LEGEND = (
    "<b>Evaluation</b> (strength, 0–1): &nbsp;"
    "<span style='color:#1e8449'>■</span> ≥ 0.6 strong &nbsp; "
    "<span style='color:#7f8c8d'>■</span> in between &nbsp; "
    "<span style='color:#b03a2e'>■</span> ≤ 0.4 weak&nbsp;&nbsp;&nbsp; "
    "bar&nbsp;=&nbsp;strength&nbsp;&nbsp;&nbsp; *&nbsp;=&nbsp;what-if"
)
#: The legend is a strip above the canvas, in a margin of its own: it never covers a card.
LEGEND_STYLE = (
    "QLabel { background: #f4f4f1; border: none; border-bottom: 1px solid #c8c8c2;"
    " padding: 4px 8px; color: #222; }"
)


#: Node fields no semantics reads: editing only these leaves every verdict as it was.
WORDING_FIELDS = frozenset({"text", "anchors", "citation", "tags", "notes", "modified", "editors"})


def _keeps_verdicts(change: Change) -> bool:
    """Whether a change cannot alter any evaluation (positions, layout, wording, a save)."""
    if change.kind in (ChangeKind.POSITIONS_CHANGED, ChangeKind.LAYOUT_CHANGED):
        return True
    if change.kind == ChangeKind.NODE_CHANGED:
        return bool(change.fields) and set(change.fields) <= WORDING_FIELDS
    return change.kind == ChangeKind.MAP_CHANGED and change.fields == ("clean",)


def strength_colour(value: float) -> QColor:
    """Red for weak, grey for middling, green for strong."""
    if value >= 0.6:
        return LABEL_STYLE[Label.IN][1]
    if value <= 0.4:
        return LABEL_STYLE[Label.OUT][1]
    return LABEL_STYLE[Label.UNDECIDED][1]


class EvaluationController(QObject):
    """Owns the Evaluate menu, the current semantics and what-ifs, and the canvas badges."""

    #: Evaluation | None: the newest result (None when the map could not be evaluated)
    updated = Signal(object)
    #: str: a message for the status bar
    message = Signal(str)

    def __init__(
        self,
        bridge: SessionBridge,
        selection: SelectionModel,
        canvas: MapView,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge, self.selection, self.canvas = bridge, selection, canvas
        self.semantics = Semantics.GROUNDED
        self.whatif = WhatIf()
        self.evaluation: Evaluation | None = None
        #: Strengths for the bars under a label semantics (None when the map cannot be evaluated).
        self.strength: Evaluation | None = None
        #: The labels and strengths kept up to date edit by edit (None: build it afresh).
        self.live: LiveEvaluation | None = None
        self._pending: list[Change] = []
        #: What the badges on the canvas show: (semantics, what-if), or None when they are off.
        self._badged: tuple[Semantics, WhatIf] | None = None
        self._blocked: set[str] = set()
        self._legend_shown: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._due)
        #: A recompute waits for a newly opened map to be painted (badges off: nothing shows it).
        self._after_paint = False
        # A child of the view, not of its viewport: the viewport scrolls its children.
        self._legend = QLabel(canvas)
        self._legend.setTextFormat(Qt.TextFormat.RichText)
        self._legend.setWordWrap(True)
        self._legend.setStyleSheet(LEGEND_STYLE)
        self._legend.setToolTip(
            "The bar under each badge is the statement's strength (0 to 1).\n"
            "* marks a statement you conceded or rejected (Evaluate menu): a what-if.\n"
            "A faded arrow is a support or attack that does not carry: a premise is out,\n"
            "or the inference is undercut."
        )
        self._legend.hide()
        canvas.installEventFilter(self)  # its resizes: the legend strip follows
        self._build_actions()
        bridge.changed.connect(self._on_changes)
        selection.changed.connect(lambda _ids: self._update_whatif_actions())
        self.schedule()

    def _build_actions(self) -> None:
        self.show_action = QAction("&Show Evaluation", self, checkable=True)
        self.show_action.setShortcut(QKeySequence("F9"))
        self.show_action.setStatusTip("Badge each card IN / OUT / UND with its strength")
        self.show_action.toggled.connect(lambda _on: self.recompute())
        self.semantics_group = QActionGroup(self)
        self.semantics_actions: dict[Semantics, QAction] = {}
        for semantics, name in SEMANTICS_NAMES.items():
            action = QAction(name, self.semantics_group, checkable=True)
            action.setChecked(semantics is self.semantics)
            action.triggered.connect(lambda _=False, s=semantics: self.set_semantics(s))
            self.semantics_actions[semantics] = action
        self.concede_action = QAction("Co&ncede Selected (assume it holds)", self)
        self.concede_action.triggered.connect(lambda: self._mark("concede"))
        self.reject_action = QAction("Re&ject Selected (assume it fails)", self)
        self.reject_action.triggered.connect(lambda: self._mark("reject"))
        self.release_action = QAction("Release Selected from &What-If", self)
        self.release_action.triggered.connect(lambda: self._mark("release"))
        self.clear_action = QAction("C&lear All What-Ifs", self)
        self.clear_action.triggered.connect(self.clear_whatifs)
        self._update_whatif_actions()

    def install(self, bar: QMenuBar, before: QMenu | None = None) -> QMenu:
        menu = QMenu("Ev&aluate", bar)
        menu.addAction(self.show_action)
        menu.addSeparator()
        menu.addActions(self.semantics_group.actions())
        menu.addSeparator()
        menu.addActions(
            [self.concede_action, self.reject_action, self.release_action, self.clear_action]
        )
        if before is not None:
            bar.insertMenu(before.menuAction(), menu)
        else:
            bar.addMenu(menu)
        return menu

    def all(self) -> list[QAction]:
        return [
            self.show_action,
            *self.semantics_group.actions(),
            self.concede_action,
            self.reject_action,
            self.release_action,
            self.clear_action,
        ]

    # State ---------------------------------------------------------------------------------

    def set_semantics(self, semantics: Semantics) -> None:
        self.semantics = semantics
        self.semantics_actions[semantics].setChecked(True)
        self.recompute()

    def clear_whatifs(self) -> None:
        self.whatif = WhatIf()
        self._update_whatif_actions()
        self.recompute()

    def _mark(self, how: str) -> None:
        nodes = [i for i in self.selection.ids if self.bridge.session.map.has_node(i)]
        for node_id in nodes:
            self.whatif = getattr(self.whatif, how)(node_id)
        self._update_whatif_actions()
        self.recompute()

    def _update_whatif_actions(self) -> None:
        has_node = any(self.bridge.session.map.has_node(i) for i in self.selection.ids)
        for action in (self.concede_action, self.reject_action, self.release_action):
            action.setEnabled(has_node)
        self.clear_action.setEnabled(not self.whatif.is_empty)

    def _on_changes(self, changes: list[Change]) -> None:
        if all(_keeps_verdicts(change) for change in changes):
            # Cards moved or words edited: the verdicts stand, only their wording may read
            # the new text (the inspector's explanation), so no second evaluation.
            if any(change.kind == ChangeKind.NODE_CHANGED for change in changes):
                self.updated.emit(self.evaluation)
            return
        self._pending += changes
        # Badges shown: the live evaluation follows the edit at once (a fraction of a
        # millisecond), so the repaint that shows the edit shows its verdicts too; a second
        # repaint of the same place costs as much again where long arrows cross it. Hidden,
        # or a whole new map: after the current turn of the event loop (and the first paint).
        if self.show_action.isChecked() and not any(
            change.kind == ChangeKind.MAP_REPLACED for change in changes
        ):
            self.recompute()
        else:
            self.schedule()

    def schedule(self) -> None:
        self._timer.start()

    def _due(self) -> None:
        gate = self.canvas.paint_gate
        if not self.show_action.isChecked() and gate.held():
            self._after_paint = True
            gate.defer(self._painted)
        else:
            self.recompute()

    def _painted(self) -> None:
        if self._after_paint:
            self.recompute()

    def recompute(self) -> None:
        """Evaluate now (what-ifs on statements that no longer exist are dropped)."""
        self._timer.stop()
        self._after_paint = False
        argument_map = self.bridge.session.map
        has = argument_map.has_node
        self.whatif = WhatIf(
            frozenset(filter(has, self.whatif.conceded)),
            frozenset(filter(has, self.whatif.rejected)),
        )
        changes, self._pending = self._pending, []
        delta: LiveDelta | None = None
        try:
            delta = self._follow(argument_map, changes)
        except ArgmapError as exc:  # e.g. too many extensions to enumerate: say so, never hang
            self.evaluation = self.strength = None
            self.message.emit(f"Cannot evaluate: {exc}")
        self._apply(delta)
        self.updated.emit(self.evaluation)

    def _follow(self, argument_map: ArgumentMap, changes: list[Change]) -> LiveDelta | None:
        """Bring the evaluation up to date; what changed (None: anything may have)."""
        delta: LiveDelta | None = None
        try:
            if self.live is None:
                self.live = LiveEvaluation(argument_map, self.whatif)
            else:
                delta = self.live.update(argument_map, changes, self.whatif)
        except ArgmapError:
            # A map the live evaluation cannot follow (a relation naming a missing node):
            # evaluated afresh, which names the problem; the next change starts again.
            self.live = None
            self.evaluation = evaluate(argument_map, self.semantics, self.whatif)
            self.strength = evaluate(argument_map, Semantics.STRENGTH, self.whatif)
            return None
        self.strength = self.live.strength_evaluation()
        if self.semantics is Semantics.GROUNDED:
            self.evaluation = self.live.label_evaluation()
        elif self.semantics is Semantics.STRENGTH:
            self.evaluation = self.strength
        else:
            self.evaluation = evaluate(argument_map, self.semantics, self.whatif)
            return None
        return delta

    # Drawing -------------------------------------------------------------------------------

    def badges(self) -> dict[str, Badge]:
        """The badge of each statement under the current evaluation."""
        if self.evaluation is None:
            return {}
        found = self.evaluation.strength if self._strength_shown() else self.evaluation.labels
        return {node_id: self.badge(node_id) for node_id in found}

    def _strength_shown(self) -> bool:
        return self.evaluation is not None and self.evaluation.semantics is Semantics.STRENGTH

    def badge(self, node_id: str) -> Badge:
        """One statement's badge: its label (or strength), colour and strength bar."""
        result = self.evaluation
        assert result is not None
        star = "*" if self.whatif.status(node_id) else ""
        if result.semantics is Semantics.STRENGTH:
            value = result.strength[node_id]
            return (f"{value:.2f}{star}", strength_colour(value), value)
        text, colour = LABEL_STYLE[result.labels[node_id]]
        strength = self.strength.strength if self.strength is not None else {}
        return (text + star, colour, strength.get(node_id))

    def blocked(self) -> set[str]:
        """Relations whose inference the current evaluation blocks (faded on the canvas)."""
        if self.evaluation is None:
            return set()
        found = self.evaluation.relation_labels.items()
        return {r for r, status in found if status is RelationStatus.BLOCKED}

    def _apply(self, delta: LiveDelta | None = None) -> None:
        """Show the evaluation on the canvas: after an edit, only the badges and arrows whose
        verdict or strength changed are touched (``delta``; None: look at every one)."""
        shown = self.show_action.isChecked()
        scene = self.canvas.map_scene
        if not shown or self.evaluation is None:
            if self._badged is not None:
                scene.set_badges(None)
                scene.set_blocked(None)
                self._blocked = set()
            self._badged = None
        elif (
            self._badged is None
            or self._badged[0] is not self.semantics
            or delta is None
            or delta.everything  # a map replaced: the scene made every card again
        ):
            scene.set_badges(self.badges())
            self._blocked = self.blocked()
            scene.set_blocked(self._blocked)
            self._badged = (self.semantics, self.whatif)
        else:
            self._update_changed(delta, self._badged[1])
            self._badged = (self.semantics, self.whatif)
        legend = self._legend_text() if shown else None
        if legend != self._legend_shown:  # the strip is laid out again only when it changes
            self._legend_shown = legend
            self._legend.setVisible(legend is not None)
            if legend is not None:
                self._legend.setText(legend)
            self._place_legend()

    def _legend_text(self) -> str:
        if self.semantics is Semantics.STRENGTH:
            return STRENGTH_LEGEND
        return LEGEND.format(semantics=self.semantics.value)

    def _update_changed(self, delta: LiveDelta, whatif: WhatIf) -> None:
        """Touch the badges of the statements in ``delta`` (and of what-ifs set or released
        since ``whatif``), and the arrows of its relations."""
        evaluation = self.evaluation
        assert evaluation is not None
        present = evaluation.strength if self._strength_shown() else evaluation.labels
        marked = (whatif.conceded ^ self.whatif.conceded) | (whatif.rejected ^ self.whatif.rejected)
        scene = self.canvas.map_scene
        scene.update_badges(
            {i: self.badge(i) if i in present else None for i in delta.statements | marked}
        )
        if delta.relations:
            statuses = evaluation.relation_labels
            for relation_id in delta.relations:
                if statuses.get(relation_id) is RelationStatus.BLOCKED:
                    self._blocked.add(relation_id)
                else:
                    self._blocked.discard(relation_id)
            scene.set_blocked(self._blocked)

    def _place_legend(self) -> None:
        """Give the legend a strip above the viewport (a margin), or give the strip back."""
        if self._legend.isHidden():  # hidden by us, not merely a window not yet shown
            self.canvas.setViewportMargins(0, 0, 0, 0)
            return
        frame = self.canvas.frameWidth()
        width = self.canvas.width() - 2 * frame
        height = self._legend.heightForWidth(width)
        if height <= 0:
            height = self._legend.sizeHint().height()
        self.canvas.setViewportMargins(0, height, 0, 0)
        self._legend.setGeometry(frame, frame, width, height)
        self._legend.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The legend strip keeps the canvas's width as the window is resized.
        if event.type() == QEvent.Type.Resize and not self._legend.isHidden():
            self._place_legend()
        return False
