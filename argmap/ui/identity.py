"""Who the user is: a name kept in settings (key ``user/name``), as a map participant.

The application asks once, at the first start (:func:`ask_name_once`); Edit > Preferences
changes it later. The edit session stamps this participant as ``author`` on everything the
user makes and as an editor on others' cards they change (see
:mod:`argmap.editing.authorship`). Live sharing uses the same participant for presence.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from argmap.model import Participant
from argmap.seminar.people import participant_for
from argmap.ui.settings import AppSettings

__all__ = ["NAME_QUESTION", "NameAsker", "ask_name", "ask_name_once", "user_participant"]

NAME_QUESTION = "Your name, shown on the statements you add (for seminars and shared maps):"
#: Asks for a name given the current one; None when the user cancels.
NameAsker = Callable[[str], str | None]


def user_participant(settings: AppSettings) -> Participant | None:
    """The user as a participant (id ``p-<name>``, a colour from the name); None if unnamed."""
    name = settings.user_name()
    return participant_for(name) if name else None


def ask_name(parent: QWidget | None) -> NameAsker:
    """A real dialog asking for the user's name."""

    def asker(current: str) -> str | None:
        name, ok = QInputDialog.getText(
            parent,
            "Your name",
            NAME_QUESTION,
            QLineEdit.EchoMode.Normal,
            current,
        )
        return name if ok else None

    return asker


def ask_name_once(settings: AppSettings, asker: NameAsker) -> Participant | None:
    """Ask for the name unless it was asked before; the user (or None) either way."""
    if not settings.has_user_name():
        answer = asker("")
        settings.set_user_name(answer or "")
    return user_participant(settings)
