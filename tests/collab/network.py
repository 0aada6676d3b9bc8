"""Clients in rooms of an in-process server, pumped from the test's thread."""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from argmap.collab.client import Status
from argmap.collab.convert import doc_to_map
from argmap.collab.room import LiveRoom
from argmap.editing import EditError, EditSession, MoveNodes, delete_nodes, edit_text, link
from argmap.editing.building import add_related_node
from argmap.model import ArgumentMap, NodeKind, Point, RelationKind, find_problems

TOKEN = "secret-token"


def pump_until(rooms: list[LiveRoom], done: Callable[[], bool], timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while True:
        for room in rooms:
            room.pump()
        if done():
            return
        if time.monotonic() > end:
            raise AssertionError(f"not done within {timeout} s")
        time.sleep(0.005)


def open_rooms(url: str, argument_map: ArgumentMap, count: int) -> list[LiveRoom]:
    host = LiveRoom(EditSession(argument_map), url, TOKEN, "Host", "#aa3377", share=True)
    pump_until([host], lambda: host.status == Status.CONNECTED and host.client.synced)
    rooms = [host]
    for i in range(1, count):
        rooms.append(LiveRoom(EditSession(), url, TOKEN, f"Student {i}", "#4477aa"))
    pump_until(rooms, lambda: all(room.attached for room in rooms))
    return rooms


def same_everywhere(rooms: list[LiveRoom]) -> bool:
    first = rooms[0].session.map
    return all(room.session.map == first for room in rooms[1:])


def converge(rooms: list[LiveRoom], timeout: float = 15.0) -> ArgumentMap:
    pump_until(rooms, lambda: same_everywhere(rooms), timeout)
    return rooms[0].session.map


def check_valid_and_derived(rooms: list[LiveRoom]) -> None:
    for room in rooms:
        shown = room.session.map
        assert find_problems(shown) == [], [str(p) for p in find_problems(shown)]
        assert shown == doc_to_map(room.doc).argument_map


def random_edit(room: LiveRoom, rng: random.Random) -> None:
    """One edit a person might make, on the map as this client sees it now."""
    session = room.session
    m = session.map
    ids = [node.id for node in m.nodes]
    choice = rng.randrange(6)
    try:
        if choice == 0 or not ids:
            if ids:
                session.execute(
                    add_related_node(
                        m, rng.choice(ids), NodeKind.EVIDENCE, RelationKind.SUPPORT, "added"
                    )
                )
        elif choice == 1:
            session.execute(edit_text(rng.choice(ids), f"text {rng.randrange(1000)}"))
        elif choice == 2 and len(ids) > 3:
            session.execute(delete_nodes(m, [rng.choice(ids)]))
        elif choice == 3:
            node_id = rng.choice(ids)
            session.execute(MoveNodes({node_id: Point(x=rng.randrange(900), y=rng.randrange(900))}))
        elif choice == 4 and len(ids) > 1:
            premise, target = rng.sample(ids, 2)
            session.execute(link(m, [premise], target, RelationKind.ATTACK))
        elif session.history.can_undo():
            session.undo()
    except EditError:
        pass  # an edit the map does not allow (a cycle...): the user would be told


def close(rooms: list[LiveRoom]) -> None:
    for room in rooms:
        room.leave()
