"""The seminar workflow put into a main window: built and installed in one call.

It adds Edit > Preferences… (the user's name), and keeps the session's user in step with it
so every new card is stamped with its author.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from argmap.model import Participant
from argmap.ui.identity import NameAsker, ask_name, ask_name_once, user_participant

if TYPE_CHECKING:
    from argmap.ui.main_window import MainWindow


class SeminarWorkflow(QObject):
    """Owns the seminar's actions and panels for one main window."""

    def __init__(self, window: MainWindow, asker: NameAsker | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.asker: NameAsker = asker or ask_name(window)
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
        """At the first start: ask the user's name (never again once answered)."""
        self.window.session.user = ask_name_once(self.window.settings, self.asker)
        return self.user

    def edit_preferences(self) -> Participant | None:
        """Change the user's name (cancel keeps it)."""
        answer = self.asker(self.window.settings.user_name())
        if answer is not None:
            self.window.settings.set_user_name(answer)
            self.window.session.user = user_participant(self.window.settings)
            shown = self.user.name if self.user else "nobody"
            self.window.statusBar().showMessage(f"New statements are now stamped: {shown}", 8000)
        return self.user
