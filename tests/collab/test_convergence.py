"""Clients of one room editing at once converge to the same valid map."""

from __future__ import annotations

import random
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.collab.client import Status
from argmap.collab.server import RoomServer
from argmap.editing import edit_text
from tests.collab.network import (
    check_valid_and_derived,
    close,
    converge,
    open_rooms,
    pump_until,
    random_edit,
)
from tests.model.factories import small_map

SLOW_OK = settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _run_random_edits(server: RoomServer, count: int, seed: int, rounds: int) -> None:
    rng = random.Random(seed)
    rooms = open_rooms(server.url(f"r{uuid.uuid4().hex[:8]}"), small_map(), count)
    try:
        for _ in range(rounds):
            # Everyone edits before anything arrives: the edits are concurrent.
            for room in rooms:
                random_edit(room, rng)
            if rng.random() < 0.5:
                for room in rooms:
                    room.pump()
        converge(rooms)  # every client holds the same map
        check_valid_and_derived(rooms)  # and it is valid, and derived from the document
    finally:
        close(rooms)


@SLOW_OK
@given(seed=st.integers(min_value=0, max_value=10_000))
def test_two_clients_editing_at_once_converge(room_server: RoomServer, seed: int) -> None:
    _run_random_edits(room_server, 2, seed, rounds=12)


@settings(SLOW_OK, max_examples=2)
@given(seed=st.integers(min_value=0, max_value=10_000))
def test_five_clients_editing_at_once_converge(room_server: RoomServer, seed: int) -> None:
    _run_random_edits(room_server, 5, seed, rounds=6)


def test_an_offline_client_merges_its_edits_on_reconnect(room_server: RoomServer) -> None:
    rooms = open_rooms(room_server.url("offline"), small_map(), 2)
    a, b = rooms
    try:
        b.client.go_offline()
        pump_until(rooms, lambda: b.status == Status.OFFLINE)
        b.session.execute(edit_text("e1", "written on the train"))
        a.session.execute(edit_text("c1", "written in the seminar"))
        pump_until(rooms, lambda: True)
        assert a.session.map.node("e1").text == "Patrols doubled"
        assert b.session.map.node("c1").text != "written in the seminar"
        b.client.go_online()
        final = converge(rooms)
        assert final.node("e1").text == "written on the train"
        assert final.node("c1").text == "written in the seminar"
        check_valid_and_derived(rooms)
    finally:
        close(rooms)


def test_presence_tells_who_is_in_the_room_and_what_they_selected(
    room_server: RoomServer,
) -> None:
    rooms = open_rooms(room_server.url("presence"), small_map(), 2)
    a, b = rooms
    try:
        b.select(["e2"])
        pump_until(rooms, lambda: any(p.selection == ("e2",) for p in a.people()))
        (person,) = a.people()
        assert person.name == "Student 1"
        assert person.colour == "#4477aa"
        b.leave()
        pump_until([a], lambda: a.people() == [])
    finally:
        a.leave()


def test_leaving_keeps_the_map_and_a_local_history(room_server: RoomServer) -> None:
    rooms = open_rooms(room_server.url("leave"), small_map(), 2)
    b = rooms[1]
    b.session.execute(edit_text("c1", "kept"))
    converge(rooms)
    close(rooms)
    assert b.session.map.node("c1").text == "kept"
    b.session.execute(edit_text("c1", "after leaving"))
    b.session.undo()
    assert b.session.map.node("c1").text == "kept"
    assert b.session.map.id_tag == ""
