"""Runs the panels' commands on the session and reports refused edits instead of raising."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from argmap.editing import Command, EditSession
from argmap.model import ArgmapError


class CommandRunner(QObject):
    """``run(command)``: execute on the session; an edit the map refuses becomes ``failed``."""

    #: str: why an edit was refused (shown in the status bar)
    failed = Signal(str)

    def __init__(self, session: EditSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def run(self, command: Command) -> bool:
        try:
            self.session.execute(command)
        except (ArgmapError, ValueError) as exc:  # ValueError: a pydantic rule refused it
            self.failed.emit(f"{command.label}: {exc}")
            return False
        return True
