"""A session in a room: the shared document, its connection, and who is there.

Joining shows the room's map once the first sync is done; sharing puts the session's map into
an (empty) room. Leaving keeps the map the session shows, as an ordinary local map.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pycrdt import Doc

from argmap.collab.client import RoomClient, Status
from argmap.collab.live import SharedMap
from argmap.collab.transfer import is_empty
from argmap.editing import EditSession


@dataclass(frozen=True)
class Person:
    """Someone in a room, as their presence says."""

    client: int
    name: str
    colour: str
    selection: tuple[str, ...] = ()


class LiveRoom:
    """``session`` in the room at ``url`` (call :meth:`pump` when woken)."""

    def __init__(
        self,
        session: EditSession,
        url: str,
        token: str,
        name: str,
        colour: str,
        share: bool = False,
        wake: Callable[[], None] | None = None,
        offer: bool = False,
    ) -> None:
        self.session = session
        self.doc: Doc[Any] = Doc()
        self.shared = SharedMap(session, self.doc)
        self.client = RoomClient(url, token, self.doc, wake=wake)
        self.client.on_remote = self._remote
        self.shared.on_replaced = self.leave
        self.attached = False
        self.left = False
        #: Share into a room of another server, but only if it turns out empty.
        self.offer = offer
        #: Why the room could not be used (a room that already holds a map), else ``None``.
        self.refusal: str | None = None
        #: Called (owner thread) when the map was first shown, and on status or presence news.
        self.on_joined: Callable[[], None] | None = None
        if share:
            self.shared.share()
            self.attached = True
        self.client.set_presence(name=name, colour=colour, selection=[])
        self.client.start()

    @property
    def status(self) -> Status:
        return self.client.status

    @property
    def room(self) -> str:
        return self.client.room

    @property
    def waiting(self) -> bool:
        """Whether this joined an empty room and waits for someone to share a map into it."""
        return not self.attached and self.client.synced and not self.offer

    def pump(self) -> None:
        self.client.pump()
        if self.offer and not self.attached and self.client.synced and not self.left:
            if is_empty(self.doc):
                self.shared.share()
                self.attached = True
            else:
                self.refusal = f"room {self.room} already holds a map: join it instead"
                self.leave()
            return
        if not self.attached and self.client.synced and not is_empty(self.doc):
            self.shared.join()
            self.attached = True
            if self.on_joined is not None:
                self.on_joined()

    def _remote(self) -> None:
        if self.attached:
            self.shared.flush()

    def select(self, ids: list[str]) -> None:
        """Tell the others which cards this person has selected."""
        self.client.set_presence(selection=list(ids))

    def people(self) -> list[Person]:
        """Everyone else in the room, by name."""
        found = []
        for client, state in self.client.others().items():
            name = state.get("name")
            if not isinstance(name, str):
                continue
            colour = state.get("colour")
            selection = state.get("selection")
            found.append(
                Person(
                    client,
                    name,
                    colour if isinstance(colour, str) else "#888888",
                    tuple(str(i) for i in selection) if isinstance(selection, list) else (),
                )
            )
        return sorted(found, key=lambda person: (person.name, person.client))

    def leave(self) -> None:
        """Leave the room; the session keeps the map as it is now."""
        self.left = True
        self.client.stop()
        if self.attached:
            self.shared.detach()
            self.attached = False
