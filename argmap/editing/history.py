"""Unlimited undo and redo, with a clean marker for "unsaved changes"."""

from __future__ import annotations

from argmap.editing.command import Command


class UndoHistory:
    """A stack of applied commands and a cursor; the clean marker notes the saved state."""

    def __init__(self) -> None:
        self._commands: list[Command] = []
        self._index = 0
        self._clean_index: int | None = 0

    def push(self, command: Command) -> None:
        """Record a command that has just been applied; discards what could be redone."""
        del self._commands[self._index :]
        if self._clean_index is not None and self._clean_index > self._index:
            self._clean_index = None  # the saved state can no longer be reached
        self._commands.append(command)
        self._index += 1

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    def undo_label(self) -> str | None:
        return self._commands[self._index - 1].label if self.can_undo() else None

    def redo_label(self) -> str | None:
        return self._commands[self._index].label if self.can_redo() else None

    def step_back(self) -> Command:
        """The command to revert for an undo (the cursor moves back)."""
        if not self.can_undo():
            raise IndexError("nothing to undo")
        self._index -= 1
        return self._commands[self._index]

    def step_forward(self) -> Command:
        """The command to apply again for a redo (the cursor moves forward)."""
        if not self.can_redo():
            raise IndexError("nothing to redo")
        self._index += 1
        return self._commands[self._index - 1]

    def set_clean(self) -> None:
        """Mark the current state as saved."""
        self._clean_index = self._index

    def is_clean(self) -> bool:
        """Whether the map is as saved, but for view-only commands (a collapse) in between."""
        if self._clean_index is None:
            return False
        low, high = sorted((self._clean_index, self._index))
        return all(command.view_only for command in self._commands[low:high])

    def clear(self) -> None:
        self._commands.clear()
        self._index = 0
        self._clean_index = 0

    def __len__(self) -> int:
        return len(self._commands)

    @property
    def index(self) -> int:
        """How many commands are applied."""
        return self._index
