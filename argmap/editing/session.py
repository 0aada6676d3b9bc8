"""The edit session: the one object that changes a map, and tells its views what changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from argmap.editing.authorship import stamp
from argmap.editing.changes import Change, ChangeKind
from argmap.editing.command import Command
from argmap.editing.history import UndoHistory
from argmap.model import ArgumentMap, Participant

#: A subscriber receives the changes of one execute, undo, redo or replace.
Subscriber = Callable[[list[Change]], None]


class EditSession:
    """Holds the open map, its file path and its undo history; runs every edit.

    Views subscribe, then read the map; they never change it themselves.
    """

    def __init__(self, argument_map: ArgumentMap | None = None, path: str | Path | None = None):
        self._map = argument_map if argument_map is not None else ArgumentMap()
        self.path: Path | None = Path(path) if path is not None else None
        self.history = UndoHistory()
        self._subscribers: list[Subscriber] = []
        #: Who is editing: stamped as author/editor on what they change (None: nobody).
        self.user: Participant | None = None

    @property
    def map(self) -> ArgumentMap:
        """The map; read it freely, change it only through :meth:`execute`."""
        return self._map

    def subscribe(self, subscriber: Subscriber, first: bool = False) -> Callable[[], None]:
        """Call ``subscriber`` with every change from now on; returns an unsubscribe function.

        ``first`` puts it before the others (a shared map records an edit before views ask
        the history about it).
        """
        if first:
            self._subscribers.insert(0, subscriber)
        else:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

        return unsubscribe

    def _publish(self, changes: list[Change]) -> None:
        for subscriber in list(self._subscribers):
            subscriber(changes)

    def publish(self, changes: list[Change]) -> None:
        """Tell the views of changes made outside commands (others' edits in a shared room)."""
        self._publish(changes)

    def execute(self, command: Command) -> list[Change]:
        """Apply a command, record it for undo and publish its changes.

        A command that raises leaves the map and the history as they were.
        """
        if self.user is not None:
            command = stamp(command, self._map, self.user)
        changes = command.apply(self._map)
        self.history.push(command)
        self._publish(changes)
        return changes

    def undo(self) -> list[Change]:
        if not self.history.can_undo():
            return []
        changes = self.history.step_back().revert(self._map)
        self._publish(changes)
        return changes

    def redo(self) -> list[Change]:
        if not self.history.can_redo():
            return []
        changes = self.history.step_forward().apply(self._map)
        self._publish(changes)
        return changes

    def replace(self, argument_map: ArgumentMap, path: str | Path | None = None) -> None:
        """Open another map in this session: history cleared, views told to rebuild."""
        self._map = argument_map
        self.path = Path(path) if path is not None else None
        self.history.clear()
        self._publish([Change(ChangeKind.MAP_REPLACED)])

    @property
    def is_dirty(self) -> bool:
        """Whether there are changes since the last save (or since opening)."""
        return not self.history.is_clean()

    def mark_clean(self, path: str | Path | None = None) -> None:
        """Record that the map was just saved (to ``path``, when given)."""
        if path is not None:
            self.path = Path(path)
        self.history.set_clean()
        self._publish([Change(ChangeKind.MAP_CHANGED, (), ("clean",))])
