"""The main window: composes the canvas, the panels, the actions and the controllers.

It holds no logic of its own: each concern is a small object built here and wired by signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from argmap.editing import EditSession
from argmap.model import NodeKind
from argmap.ui.actions import AppActions
from argmap.ui.autosave import Autosaver, default_folder
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas.find_bar import FindBar
from argmap.ui.canvas.keyboard import GESTURES
from argmap.ui.canvas_host import CanvasPlacer, make_canvas
from argmap.ui.checklist_panel import ChecklistPanel
from argmap.ui.clipboard import MapClipboard
from argmap.ui.collab.controller import CollabController
from argmap.ui.context_menu import CanvasContextMenu
from argmap.ui.debate.workflow import DebateWorkflow
from argmap.ui.dialogs import Prompter, QtPrompter
from argmap.ui.document import DocumentController
from argmap.ui.evaluation_view import EvaluationController
from argmap.ui.file_drop import FileDropFilter
from argmap.ui.help import ABOUT_TEXT, ABOUT_TITLE, ShortcutsDialog
from argmap.ui.inspector import InspectorPanel
from argmap.ui.inspector.questions_section import QuestionsSection
from argmap.ui.inspector.verdict_section import VerdictSection
from argmap.ui.interchange import InterchangeController
from argmap.ui.layout_controller import LayoutController
from argmap.ui.menus import RecentFilesMenu, build_menus
from argmap.ui.outline import OutlinePanel
from argmap.ui.panel_reset import reset_action, show_text_panel
from argmap.ui.printing import MapPrinting
from argmap.ui.runner import CommandRunner
from argmap.ui.scaled_export import install_scaled_png
from argmap.ui.selection import SelectionModel
from argmap.ui.selection_pruner import SelectionPruner
from argmap.ui.seminar.workflow import SeminarWorkflow
from argmap.ui.settings import AppSettings
from argmap.ui.shortcut_reach import extend_reach
from argmap.ui.source_panel import SourcePanel
from argmap.ui.stray_tabs import hide_stray_tab_bars
from argmap.ui.undo import UndoController


class MainWindow(QMainWindow):
    """One window, one edit session: the map in the middle, the text, outline and inspector."""

    def __init__(
        self,
        session: EditSession,
        settings: AppSettings,
        prompter: Prompter | None = None,
        autosave_folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.prompter: Prompter = prompter or QtPrompter(self)
        self.bridge = SessionBridge(session, self)
        self.selection = SelectionModel(self)
        self.runner = CommandRunner(session, self)
        self.pruner = SelectionPruner(self.bridge, self.selection, self)
        self.document = DocumentController(session, settings, self.prompter, self)
        self.autosaver = Autosaver(self.document, autosave_folder or default_folder(), parent=self)
        self.app_actions = AppActions(self)
        self.interchange = InterchangeController(
            session, self.document, self.selection, self.prompter, self
        )
        self.undo = UndoController(self.bridge, self.app_actions.undo, self.app_actions.redo, self)
        self.canvas = make_canvas(session, self.bridge, self.selection)
        self.document.after_open = self.canvas.paint_gate.defer
        self.source_panel = SourcePanel(
            session, self.bridge, self.selection, self.runner, CanvasPlacer(self.canvas)
        )
        self.inspector = InspectorPanel(
            self.bridge, self.selection, self.runner, self.source_panel.selected_span
        )
        self.outline = OutlinePanel(self.bridge, self.selection)
        self.evaluation = EvaluationController(self.bridge, self.selection, self.canvas, self)
        self.verdict = VerdictSection(self.evaluation)
        self.inspector.add_section(self.verdict)
        self.inspector.subject_changed.connect(self.verdict.show_subject)
        self.questions = QuestionsSection(self.bridge, self.runner)
        self.inspector.add_section(self.questions)
        self.inspector.subject_changed.connect(self.questions.show_subject)
        self.checklist = ChecklistPanel(self.bridge, self.selection, gate=self.canvas.paint_gate)
        self._shortcuts_dialog: ShortcutsDialog | None = None
        self.setCentralWidget(self.canvas)
        self.docks = self._build_docks()
        self._build_menus()
        self._connect()
        self.setAcceptDrops(True)
        self.drops = FileDropFilter(self.document.open_path, self)
        for target in (self, self.canvas.viewport()):
            target.installEventFilter(self.drops)
        self.statusBar()
        #: The panels as built, before the user's saved layout: what Reset Panels goes back to.
        self.default_layout: QByteArray | None = self.saveState()
        self._restore_layout()
        self._update_title()
        self.collab = CollabController(self)  # File > Share Map…, Join Shared Map…
        self.collab.install()
        self.canvas.setFocus()

    # Building ------------------------------------------------------------------------------

    def _build_docks(self) -> dict[str, QDockWidget]:
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        docks = {
            "source": self._dock("Source text", self.source_panel, left),
            "outline": self._dock("Outline", self.outline, left),
            "inspector": self._dock("Inspector", self.inspector, right),
            "checklist": self._dock("Preparation checklist", self.checklist, left),
        }
        self.tabifyDockWidget(docks["source"], docks["outline"])
        self.tabifyDockWidget(docks["outline"], docks["checklist"])
        docks["source"].raise_()
        self.resizeDocks(
            [docks["source"], docks["inspector"]], [430, 340], Qt.Orientation.Horizontal
        )
        return docks

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{title.split()[0].lower()}")  # saveState needs names
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        self.recent_menu = RecentFilesMenu(
            self.document.recent_files,
            self.document.open_map,
            self.settings.clear_recent_files,
            self,
        )
        map_actions, view_actions = self.canvas.actions_.building, self.canvas.actions_.viewing
        panel_actions = [dock.toggleViewAction() for dock in self.docks.values()]
        self.menus = build_menus(
            self, self.app_actions, self.recent_menu, map_actions, view_actions, panel_actions
        )
        self.layout_controller = LayoutController(self.canvas, self)
        view_menu = self.menus["view"]
        reflow = self.source_panel.reflow_action
        reflow.setChecked(self.settings.join_wrapped_lines())
        reflow.toggled.connect(self.settings.set_join_wrapped_lines)
        view_menu.insertAction(panel_actions[0], reflow)
        view_menu.insertSeparator(panel_actions[0])
        self.reset_panels = reset_action(self, self.docks, lambda: self.default_layout)
        view_menu.addAction(self.reset_panels)
        self.find_bar = FindBar(self.canvas)
        self.find_bar.install(self.menus["edit"])
        self.clipboard = MapClipboard(self.canvas)
        self.clipboard.install(self.menus["edit"], self.app_actions.claim_from_text)
        self.printing = MapPrinting(self, lambda: self.session.map)
        self.menus["file"].insertAction(self.app_actions.close, self.printing.action)
        self.menus["file"].insertSeparator(self.app_actions.close)
        self.scaled_png = install_scaled_png(
            self, self.menus["export"], self.app_actions.exports["png"], self.interchange
        )
        self.menus["layout"] = self.layout_controller.install(self.menuBar(), self.menus["view"])
        self.menus["evaluate"] = self.evaluation.install(self.menuBar(), self.menus.get("help"))
        self.debate = DebateWorkflow(self)
        self.docks["speech"] = self.debate.install()
        self.seminar = SeminarWorkflow(self)
        self.seminar.install()
        self.document.text_opened.connect(lambda: show_text_panel(self.docks))

    def canvas_actions(self) -> list[QAction]:
        return self.canvas.edit_actions()

    def all_actions(self) -> list[QAction]:
        """Every action with its shortcut: the window's, then the canvas's and the layout's."""
        return [
            *self.app_actions.all(),
            self.printing.action,
            *self.clipboard.actions(),
            *self.find_bar.actions_for_menu(),
            *self.canvas_actions(),
            *self.layout_controller.all(),
            *self.evaluation.all(),
            *self.debate.all(),
            *self.seminar.all(),
        ]

    def _connect(self) -> None:
        a, document = self.app_actions, self.document
        self.context_menu = CanvasContextMenu(
            self.canvas, self.layout_controller, self.evaluation, self
        )
        # A field being typed in commits first (connected first, so it runs first).
        for action in a.file_actions():
            action.triggered.connect(self.inspector.commit_pending)
        a.new_from_text.triggered.connect(document.new_from_text_dialog)
        a.open.triggered.connect(document.open_dialog)
        a.save.triggered.connect(document.save)
        a.save_as.triggered.connect(document.save_as)
        self.interchange.use_actions(a)
        a.close.triggered.connect(document.close_document)
        a.quit.triggered.connect(self.close)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(lambda: self.prompter.show_info(ABOUT_TITLE, ABOUT_TEXT))
        self.source_panel.use_actions(
            {
                NodeKind.CLAIM: a.claim_from_text,
                NodeKind.EVIDENCE: a.evidence_from_text,
                NodeKind.COUNTERARGUMENT: a.objection_from_text,
            }
        )
        document.state_changed.connect(self._update_title)
        document.saved.connect(
            lambda: self.statusBar().showMessage(f"Saved {self.document.display_name}", 8000)
        )
        for reporter in (
            self.runner.failed,
            self.canvas.message,
            self.interchange.message,
            self.evaluation.message,
        ):
            reporter.connect(lambda message: self.statusBar().showMessage(message, 8000))
        extend_reach(self.canvas, [self.source_panel, self.outline, self.checklist])
        self.source_panel.node_clicked.connect(self._center_on)
        self.checklist.node_chosen.connect(self._center_on)
        self.source_panel.node_created.connect(self._center_on)
        self.inspector.anchors_section.jump_requested.connect(self.source_panel.scroll_to_node)
        # A row clicked is a "go to": its card is shown, even folded away (activated: centred).
        self.outline.tree.itemClicked.connect(
            lambda item, _column: self.canvas.show_item(str(item.data(0, Qt.ItemDataRole.UserRole)))
        )
        self.outline.tree.itemActivated.connect(
            lambda item, _column: self._center_on(str(item.data(0, Qt.ItemDataRole.UserRole)))
        )

    def _center_on(self, item_id: str) -> None:
        if self.session.map.has_node(item_id):
            self.canvas.center_on(item_id)

    def _update_title(self) -> None:
        self.setWindowTitle(self.document.window_title())

    # Window behaviour ----------------------------------------------------------------------

    def show_shortcuts(self) -> ShortcutsDialog:
        self._shortcuts_dialog = ShortcutsDialog(self.all_actions(), GESTURES, self)
        self._shortcuts_dialog.show()
        return self._shortcuts_dialog

    def _restore_layout(self) -> None:
        geometry, state = self.settings.window_geometry(), self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        if state is not None:
            self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, lambda: hide_stray_tab_bars(self))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.inspector.commit_pending()
        if not self.document.maybe_save():
            event.ignore()
            return
        self.collab.leave()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.autosaver.stop()
        self.bridge.detach()
        event.accept()
