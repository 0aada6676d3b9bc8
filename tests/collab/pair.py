"""Shared sessions linked in memory (no network): each doc's updates go to the others."""

from __future__ import annotations

from typing import Any

from pycrdt import Doc, TransactionEvent

from argmap.collab.convert import doc_to_map
from argmap.collab.live import SharedMap
from argmap.editing import Change, EditSession
from argmap.model import ArgumentMap


class Peer:
    def __init__(self, argument_map: ArgumentMap | None = None) -> None:
        self.doc: Doc[Any] = Doc()
        self.session = EditSession(argument_map)
        self.shared = SharedMap(self.session, self.doc)
        self.seen: list[list[Change]] = []
        self.session.subscribe(self.seen.append)
        self.outbox: list[bytes] = []
        self.online = True
        self.doc.observe(self._out)
        self._applying = False

    def _out(self, event: TransactionEvent) -> None:
        if not self._applying:
            self.outbox.append(event.update)

    def receive(self, update: bytes) -> None:
        self._applying = True
        try:
            self.doc.apply_update(update)
        finally:
            self._applying = False
        self.shared.flush()


def deliver(peers: list[Peer]) -> None:
    """Send every online peer's pending updates to every other online peer."""
    for peer in peers:
        if not peer.online:
            continue
        out, peer.outbox = peer.outbox, []
        for update in out:
            for other in peers:
                if other is not peer and other.online:
                    other.receive(update)


def reconnect(peer: Peer, peers: list[Peer]) -> None:
    """Exchange full states, as a sync step 1/2 would."""
    peer.online = True
    for other in peers:
        if other is not peer:
            other.receive(peer.doc.get_update(other.doc.get_state()))
            peer.receive(other.doc.get_update(peer.doc.get_state()))
    peer.outbox.clear()


def room(argument_map: ArgumentMap, count: int) -> list[Peer]:
    first = Peer(argument_map)
    first.shared.share()
    peers = [first]
    for _ in range(count - 1):
        peer = Peer()
        peer.doc.apply_update(first.doc.get_update())
        peer.shared.join()
        peers.append(peer)
    first.outbox.clear()
    return peers


def shown(peer: Peer) -> ArgumentMap:
    return peer.session.map


def fresh(peer: Peer) -> ArgumentMap:
    return doc_to_map(peer.doc).argument_map
