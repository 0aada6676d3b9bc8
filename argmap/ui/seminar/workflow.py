"""The seminar workflow put into a main window: built and installed in one call.

It adds Edit > Preferences… (the user's name), and keeps the session's user in step with it
so every new card is stamped with its author.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog

from argmap.model import Participant
from argmap.ui.identity import (
    NAME_QUESTION,
    NameAsker,
    ask_name,
    ask_name_once,
    user_participant,
)

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
        self.preferences_action = QAction("&Preferences…", self)
        self.preferences_action.setObjectName("preferences")
        self.preferences_action.setStatusTip("Your name, stamped on the statements you add")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.edit_preferences)

    def install(self) -> None:
        menus = self.window.menus
        menus["edit"].addSeparator()
        menus["edit"].addAction(self.preferences_action)

    def all(self) -> list[QAction]:
        return [self.preferences_action]

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
