"""The debate workflow put into a main window: one object, built and installed in one call.

It adds Map > Set as Motion; View > Colour by Side, Show Side, Present (F5), Ghost Cards Not
Yet Presented, Flow Sheet; the Speech order dock; and the inspector's Side section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from argmap.debate.roles import step_roles
from argmap.debate.sides import NoMotionError
from argmap.debate.speech import speech_order
from argmap.ui.debate.controller import DebateController
from argmap.ui.debate.flow_window import FlowWindow
from argmap.ui.debate.presentation import Presentation
from argmap.ui.debate.presenter import PresenterWindow
from argmap.ui.debate.speech_panel import SpeechOrderPanel
from argmap.ui.inspector.side_section import SideSection

if TYPE_CHECKING:
    from argmap.ui.main_window import MainWindow


class DebateWorkflow(QObject):
    """Owns the debate controller, the presentation and its windows for one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = DebateController(
            window.bridge, window.selection, window.runner, window.canvas, self
        )
        self.side_section = SideSection(self.controller, window.runner)
        window.inspector.add_section(self.side_section)
        window.inspector.subject_changed.connect(self.side_section.show_subject)
        self.speech_panel = SpeechOrderPanel(window.bridge, window.runner)
        self.speech_panel.node_chosen.connect(window.canvas.center_on)
        self.present_action = QAction("&Present", self)
        self.present_action.setShortcut(QKeySequence("F5"))
        self.present_action.setStatusTip("Walk through the case full screen, step by step")
        self.present_action.triggered.connect(self.present)
        self.ghost_action = QAction("&Ghost Cards Not Yet Presented", self, checkable=True)
        self.ghost_action.setChecked(window.settings.ghost_unrevealed())
        self.ghost_action.toggled.connect(window.settings.set_ghost_unrevealed)
        self.flow_action = QAction("F&low Sheet", self)
        self.flow_action.setStatusTip("The debate as debaters flow it: a column per speech")
        self.flow_action.triggered.connect(self.show_flow)
        self.presentation: Presentation | None = None
        self.presenter: PresenterWindow | None = None
        self.flow_window: FlowWindow | None = None
        self.controller.message.connect(lambda m: window.statusBar().showMessage(m, 8000))

    def install(self) -> QDockWidget:
        """Menus, the dock (tabbed with the inspector); returns the dock."""
        window = self.window
        view = window.menus["view"]
        self.controller.install(window.menus["map"], view)
        view.addActions([self.present_action, self.ghost_action, self.flow_action])
        dock = QDockWidget("Speech order", window)
        dock.setObjectName("dock_speech")
        dock.setWidget(self.speech_panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.tabifyDockWidget(window.docks["inspector"], dock)
        window.docks["inspector"].raise_()
        view.addAction(dock.toggleViewAction())
        return dock

    def all(self) -> list[QAction]:
        return [*self.controller.all(), self.present_action, self.ghost_action, self.flow_action]

    def present(self, full_screen: bool = True) -> Presentation | None:
        """Start presenting in speech order (a clear message when the map has no motion)."""
        window = self.window
        window.inspector.commit_pending()
        argument_map = window.session.map
        try:
            steps = speech_order(argument_map)
        except NoMotionError as exc:
            window.prompter.show_error("Cannot present", str(exc))
            return None
        self.presentation = Presentation(
            window.canvas.map_scene, argument_map, steps, self.ghost_action.isChecked()
        )
        self.presenter = PresenterWindow(
            self.presentation, argument_map, step_roles(argument_map, steps)
        )
        self.presentation.finished.connect(self._presented)
        self.presenter.show()
        self.presentation.start(full_screen)
        return self.presentation

    def _presented(self) -> None:
        self.presentation = None
        self.window.activateWindow()

    def show_flow(self) -> FlowWindow:
        if self.flow_window is None:
            self.flow_window = FlowWindow(self.window.bridge, self.window)
        self.flow_window.show()
        self.flow_window.refresh()
        self.flow_window.raise_()
        return self.flow_window
