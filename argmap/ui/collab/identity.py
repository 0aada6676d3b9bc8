"""Who the user is in a shared room: the same name and colour as the seminar's participant.

The name is the one the app asks for once (:mod:`argmap.ui.identity`, Edit > Preferences); its
colour comes from the name, the same on every machine (:func:`argmap.seminar.people.colour_for`),
so a person's presence outline and their author stripe agree.
"""

from __future__ import annotations

import getpass

from argmap.seminar.people import colour_for
from argmap.ui.settings import AppSettings

__all__ = ["colour_for", "remember_name", "user_identity"]


def user_identity(settings: AppSettings) -> tuple[str, str]:
    """The user's name and colour (the login name and its colour until they give one)."""
    name = settings.user_name()
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "Someone"
    return name, colour_for(name)


def remember_name(settings: AppSettings, name: str) -> None:
    """Keep ``name`` as the user's name (the one Preferences shows and authorship stamps)."""
    settings.set_user_name(name)
