"""Who the user is in a shared room: the seminar's participant (name and colour, the
``Participant`` field names), or the login name until they set one."""

from __future__ import annotations

import getpass

from argmap.seminar.people import participant_for
from argmap.ui.identity import user_participant
from argmap.ui.settings import AppSettings


def colour_for(name: str) -> str:
    """The colour a person of this name has on every machine (the participant's)."""
    return participant_for(name).colour


def user_identity(settings: AppSettings) -> tuple[str, str]:
    """The user's name and colour (the login name and its colour until they set a name)."""
    participant = user_participant(settings)
    if participant is not None:
        return participant.name, participant.colour
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "Someone"
    return name, colour_for(name)


def remember_name(settings: AppSettings, name: str) -> None:
    """Keep the name typed in the Share or Join dialog as the user's name."""
    settings.set_user_name(name)
