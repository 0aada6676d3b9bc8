"""The command protocol and the composite that makes cascades one undo step."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from pydantic import ValidationError

from argmap.editing.changes import Change
from argmap.model import ArgmapError, ArgumentMap


class EditError(ArgmapError):
    """An edit that would break the map (a dangling reference, a self-support...)."""


def describe_invalid(exc: ValidationError) -> str:
    """A pydantic error as ``field: message`` (the first one), for an :class:`EditError`."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


class Command(ABC):
    """One user edit: ``apply`` then ``revert`` gives back exactly the map it found.

    A command is built once and may be applied again after being reverted (redo), so it takes
    everything it needs (new ids, timestamps) at construction and remembers what it replaced
    when first applied.
    """

    label: str = "Edit"
    #: A change of how the map is viewed (a subtree collapsed): undoable and saved with the
    #: map, but it does not make the map "modified".
    view_only: bool = False

    @abstractmethod
    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        """Change the map; return what changed. Raise :class:`EditError` before changing
        anything if the edit is not possible."""

    @abstractmethod
    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        """Undo exactly what :meth:`apply` did; return what changed."""


class CompositeCommand(Command):
    """Several commands as one undo step, applied in order and reverted in reverse."""

    def __init__(self, label: str, commands: Sequence[Command]) -> None:
        self.label = label
        self.commands = list(commands)

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        changes: list[Change] = []
        done: list[Command] = []
        try:
            for command in self.commands:
                changes += command.apply(argument_map)
                done.append(command)
        except Exception:
            for command in reversed(done):
                command.revert(argument_map)
            raise
        return changes

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        changes: list[Change] = []
        for command in reversed(self.commands):
            changes += command.revert(argument_map)
        return changes
