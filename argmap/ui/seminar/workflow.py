"""The seminar workflow put into a main window: built and installed in one call.

It adds Edit > Preferences… (the user's name, kept as the session's user so every new card
is stamped with its author); File > Compare With… and File > Merge Map…, the Compare dock and
the inspector's "In the other map" section; View > Colour by Author (a stripe on each card),
the Seminar dock (the participants as legend and filter, "Where we disagree"), the
inspector's Positions section and the tally of positions under each card.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QInputDialog

from argmap.editing import Change
from argmap.model import ArgmapError, ArgumentMap, Participant
from argmap.seminar.merge import MergeResult
from argmap.seminar.positions import whatif_of
from argmap.ui.identity import (
    NAME_QUESTION,
    NameAsker,
    ask_name,
    ask_name_once,
    user_participant,
)
from argmap.ui.seminar.card_marks import CardMarks
from argmap.ui.seminar.compare import (
    CompareController,
    OtherVersionSection,
    load_other,
    merge_into,
)
from argmap.ui.seminar.people_panel import NOBODY, SeminarPanel
from argmap.ui.seminar.positions_section import PositionsSection

if TYPE_CHECKING:
    from argmap.ui.main_window import MainWindow


class SeminarWorkflow(QObject):
    """Owns the seminar's actions and panels for one main window."""

    def __init__(self, window: MainWindow, asker: NameAsker | None = None) -> None:
        super().__init__(window)
        self.window = window
        #: Asks for the name and waits; None: real dialogs (tests set a scripted one).
        self.asker: NameAsker | None = asker
        self.name_dialog: QInputDialog | None = None
        window.session.user = user_participant(window.settings)
        self.preferences_action = QAction("Preference&s…", self)
        self.preferences_action.setObjectName("preferences")
        self.preferences_action.setStatusTip("Your name, stamped on the statements you add")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.edit_preferences)
        self.compare = CompareController(window.bridge, window.runner, window.canvas, self)
        self.compare.message.connect(lambda m: window.statusBar().showMessage(m, 8000))
        self.other_version = OtherVersionSection(self.compare)
        window.inspector.add_section(self.other_version)
        window.inspector.subject_changed.connect(self.other_version.show_subject)
        self.compare_action = QAction("Compare &With…", self)
        self.compare_action.setObjectName("compare_with")
        self.compare_action.setStatusTip(
            "Show another map's differences on this one: added, missing, worded differently"
        )
        self.compare_action.triggered.connect(lambda: self.compare_with())
        self.merge_action = QAction("&Merge Map…", self)
        self.merge_action.setObjectName("merge_map")
        self.merge_action.setStatusTip("Merge another map into this one (one undo step)")
        self.merge_action.triggered.connect(lambda: self.merge_with())
        self.compare_dock: QDockWidget | None = None
        self.marks = CardMarks(window.canvas.map_scene)
        self.panel = SeminarPanel()
        self.panel.filter_changed.connect(self.show_only)
        self.panel.node_chosen.connect(window.canvas.center_on)
        self.panel.see_as.connect(self.see_as)
        self.positions = PositionsSection(window.session, window.runner, self._ask_user)
        window.inspector.add_section(self.positions)
        window.inspector.subject_changed.connect(self.positions.show_subject)
        self.colour_action = QAction("Colour by Au&thor", self, checkable=True)
        self.colour_action.setObjectName("colour_by_author")
        self.colour_action.setStatusTip("A stripe in its author's colour on every card")
        self.colour_action.toggled.connect(self._colour_toggled)
        self.seminar_dock: QDockWidget | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        window.bridge.changed.connect(self._on_changes)
        window.canvas.map_scene.rebuilt.connect(self.refresh)
        self.refresh()

    def install(self) -> None:
        window = self.window
        menus = window.menus
        menus["edit"].addSeparator()
        menus["edit"].addAction(self.preferences_action)
        file_menu = menus["file"]
        export_action = menus["export"].menuAction()
        file_menu.insertAction(export_action, self.compare_action)
        file_menu.insertAction(export_action, self.merge_action)
        dock = QDockWidget("Compare", window)
        dock.setObjectName("dock_compare")
        dock.setWidget(self.compare.panel)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        window.tabifyDockWidget(window.docks["checklist"], dock)
        window.docks["source"].raise_()
        menus["view"].addAction(dock.toggleViewAction())
        self.compare_dock = dock
        seminar = QDockWidget("Seminar", window)
        seminar.setObjectName("dock_seminar")
        seminar.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, seminar)
        window.tabifyDockWidget(dock, seminar)
        window.docks["source"].raise_()
        menus["view"].addSeparator()
        menus["view"].addAction(self.colour_action)
        menus["view"].addAction(seminar.toggleViewAction())
        self.seminar_dock = seminar

    def all(self) -> list[QAction]:
        return [
            self.preferences_action,
            self.compare_action,
            self.merge_action,
            self.colour_action,
        ]

    # Authors, positions, the agenda --------------------------------------------------------

    @property
    def argument_map(self) -> ArgumentMap:
        return self.window.session.map

    def _on_changes(self, _changes: list[Change]) -> None:
        self.positions.refresh()
        self._timer.start()  # marks, panel, filter: once after a burst of edits

    def refresh(self) -> None:
        """Stripes, tallies, the Seminar panel and the Positions section, from the map."""
        self._timer.stop()
        self.marks.refresh(self.argument_map)
        self.panel.refresh(self.argument_map)
        self.positions.refresh()
        self.show_only(self.panel.shown_people())

    def _colour_toggled(self, on: bool) -> None:
        self.marks.colour_by_author = on
        self.marks.refresh(self.argument_map)
        if on and self.seminar_dock is not None:
            self.seminar_dock.show()
            self.seminar_dock.raise_()

    def show_only(self, people: set[str] | None) -> None:
        """Show only these participants' contributions (None: everyone's); a view."""
        visibility = self.window.canvas.visibility
        if people is None:
            if "authors" in visibility.filters:
                visibility.set_filter("authors", None)
            return
        visibility.set_filter(
            "authors", lambda m: {n.id for n in m.nodes if (n.author or NOBODY) not in people}
        )

    def see_as(self, participant: str) -> None:
        """Evaluate the map as the participant sees it (their positions as what-ifs)."""
        evaluation = self.window.evaluation
        evaluation.whatif = whatif_of(self.argument_map, participant)
        evaluation.show_action.setChecked(True)
        evaluation.recompute()
        names = {p.id: p.name for p in self.argument_map.participants}
        self.window.statusBar().showMessage(
            f"As {names.get(participant, participant)} sees it: what they agree with conceded, "
            "what they reject rejected (Evaluate > Clear All What-Ifs goes back)",
            10000,
        )

    def _ask_user(self) -> Participant | None:
        """No name yet: ask for it (Preferences) before a position is taken."""
        self.edit_preferences()
        return self.user

    # Compare and merge ---------------------------------------------------------------------

    def _choose(self, path: Path | None) -> Path | None:
        if path is not None:
            return path
        current = self.window.session.path
        return self.window.prompter.choose_map_to_open(current.parent if current else None)

    def compare_with(self, path: Path | None = None) -> bool:
        """Compare the open map with another (asked for when not given): a view."""
        self.window.inspector.commit_pending()
        chosen = self._choose(path)
        if chosen is None:
            return False
        try:
            self.compare.compare_with(chosen)
        except ArgmapError as exc:
            self.window.prompter.show_error("Cannot compare", str(exc))
            return False
        if self.compare_dock is not None:
            self.compare_dock.show()
            self.compare_dock.raise_()
        return True

    def merge_with(self, path: Path | None = None) -> MergeResult | None:
        """Merge another map into the open one as one undo step."""
        self.window.inspector.commit_pending()
        chosen = self._choose(path)
        if chosen is None:
            return None
        try:
            other = load_other(chosen)
        except ArgmapError as exc:
            self.window.prompter.show_error("Cannot merge", str(exc))
            return None
        label = chosen.name.removesuffix(".argmap.json")
        result = merge_into(self.window.runner, self.window.session.map, [other], [label])
        if result is not None:
            self.window.statusBar().showMessage(
                f"Merged {label}: {len(result.added_nodes)} statements and "
                f"{len(result.added_relations)} relations added, {len(result.conflicts)} "
                "other wordings kept in the notes",
                8000,
            )
        return result

    @property
    def user(self) -> Participant | None:
        return self.window.session.user

    def ask_name_once(self) -> Participant | None:
        """At the first start: ask the user's name (never again once answered).

        The real question does not wait: a window-modal dialog is opened and its answer taken
        when given, so start-up (and a window closed meanwhile) never blocks on it.
        """
        settings = self.window.settings
        if self.asker is not None or settings.has_user_name():
            asker = self.asker or ask_name(self.window)
            self.window.session.user = ask_name_once(settings, asker)
            return self.user
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle("Your name")
        dialog.setLabelText(NAME_QUESTION)
        dialog.textValueSelected.connect(self._named)
        dialog.rejected.connect(lambda: self._named(""))
        dialog.open()
        self.name_dialog = dialog
        return None

    def _named(self, name: str) -> None:
        self.window.settings.set_user_name(name)
        self.window.session.user = user_participant(self.window.settings)

    def edit_preferences(self) -> Participant | None:
        """Change the user's name (cancel keeps it)."""
        asker = self.asker or ask_name(self.window)
        answer = asker(self.window.settings.user_name())
        if answer is not None:
            self.window.settings.set_user_name(answer)
            self.window.session.user = user_participant(self.window.settings)
            shown = self.user.name if self.user else "nobody"
            self.window.statusBar().showMessage(f"New statements are now stamped: {shown}", 8000)
        return self.user
