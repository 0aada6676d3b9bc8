"""Who the user is in a shared room: a name and a colour, remembered in the settings.

One function to swap for the participants' own setting when it lands (issue 14's identity).
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QSettings

from argmap.ui.settings import AppSettings

#: Colours that stay apart from each other and from the cards' kind colours.
PALETTE = ("#cc3311", "#009988", "#ee7733", "#33bbee", "#ee3377", "#117733", "#aa4499", "#4477aa")


def colour_for(name: str) -> str:
    """A colour from the palette, the same for the same name on every machine."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def _store(settings: AppSettings) -> QSettings:
    return QSettings(settings.file_name, QSettings.Format.IniFormat)


def user_identity(settings: AppSettings) -> tuple[str, str]:
    """The user's name and colour (the login name and its colour until they set one)."""
    store = _store(settings)
    name = store.value("collab/name")
    if not isinstance(name, str) or not name.strip():
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "Someone"
    colour = store.value("collab/colour")
    if not isinstance(colour, str) or not colour.startswith("#"):
        colour = colour_for(name)
    return name, colour


def remember_name(settings: AppSettings, name: str) -> None:
    store = _store(settings)
    store.setValue("collab/name", name)
    store.sync()
