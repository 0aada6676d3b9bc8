"""What the editor remembers between runs: recent files, the window's layout, view choices.

A thin wrapper over QSettings so tests can point it at a file in a temporary folder and never
touch the user's real settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

#: How many files Open Recent lists.
MAX_RECENT = 10

_RECENT = "files/recent"
_GEOMETRY = "window/geometry"
_STATE = "window/state"
_GHOST = "present/ghost_unrevealed"
_JOIN_LINES = "view/join_wrapped_lines"
#: The user's name, stamped as author on what they make (see argmap.ui.identity).
USER_NAME = "user/name"


class AppSettings:
    """Recent files and window layout, stored in ``path`` (an INI file) or the user's settings."""

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            self._settings = QSettings()
        else:
            self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def file_name(self) -> str:
        return self._settings.fileName()

    def recent_files(self) -> list[Path]:
        """Recently opened or saved maps, newest first, only those that still exist."""
        value = self._settings.value(_RECENT, [])
        if isinstance(value, str):  # QSettings gives one string for a one-item list
            value = [value]
        names = [str(v) for v in value] if isinstance(value, list) else []
        return [Path(name) for name in names if Path(name).is_file()]

    def add_recent_file(self, path: str | Path) -> None:
        resolved = Path(path).resolve()
        names = [str(resolved)]
        names += [str(p) for p in self.recent_files() if p.resolve() != resolved]
        self._settings.setValue(_RECENT, names[:MAX_RECENT])
        self._settings.sync()

    def clear_recent_files(self) -> None:
        self._settings.setValue(_RECENT, [])
        self._settings.sync()

    def window_geometry(self) -> QByteArray | None:
        return self._bytes(_GEOMETRY)

    def window_state(self) -> QByteArray | None:
        return self._bytes(_STATE)

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue(_GEOMETRY, geometry)
        self._settings.setValue(_STATE, state)
        self._settings.sync()

    def join_wrapped_lines(self) -> bool:
        """Whether the source text is shown with its wrapped lines joined (the default)."""
        value = self._settings.value(_JOIN_LINES, True)
        return value not in (False, "false", "0", 0)

    def set_join_wrapped_lines(self, on: bool) -> None:
        self._settings.setValue(_JOIN_LINES, on)
        self._settings.sync()

    def ghost_unrevealed(self) -> bool:
        """Whether a presentation ghosts the cards it has not reached (else hides them)."""
        value = self._settings.value(_GHOST, False)
        return value in (True, "true", "1", 1)

    def set_ghost_unrevealed(self, on: bool) -> None:
        self._settings.setValue(_GHOST, on)
        self._settings.sync()

    def user_name(self) -> str:
        """The user's name as they gave it ("" when never asked or left empty)."""
        return str(self._settings.value(USER_NAME, "") or "").strip()

    def set_user_name(self, name: str) -> None:
        self._settings.setValue(USER_NAME, name.strip())
        self._settings.sync()

    def has_user_name(self) -> bool:
        """Whether the user was ever asked (an empty answer counts: asked once, not again)."""
        return self._settings.contains(USER_NAME)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None
