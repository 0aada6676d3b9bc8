"""The room server with push and pull: tokens, refusals, and the room keeps working."""

from __future__ import annotations

import anyio
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from argmap.collab.server import RoomServer, token_matches
from argmap.collab.transfer import RoomError, pull, push, with_token
from tests.model.factories import small_map

TOKEN = "secret-token"


def run(coroutine_function, *args):  # type: ignore[no-untyped-def]
    return anyio.run(coroutine_function, *args)


def test_push_then_pull_gives_back_the_same_map(room_server: RoomServer) -> None:
    url = room_server.url("seminar")
    message = run(push, small_map(), url, TOKEN)
    assert "pushed 6 statements" in message
    read = run(pull, url, TOKEN)
    assert read.argument_map == small_map()
    assert read.problems == []


def test_push_refuses_a_room_holding_another_map_unless_replace(room_server: RoomServer) -> None:
    url = room_server.url("team")
    run(push, small_map(), url, TOKEN)
    other = small_map()
    other.title = "Another map"
    with pytest.raises(RoomError, match="already holds a different map"):
        run(push, other, url, TOKEN)
    assert run(pull, url, TOKEN).argument_map == small_map()
    run(push, other, url, TOKEN, True)
    assert run(pull, url, TOKEN).argument_map.title == "Another map"


def test_a_wrong_token_is_refused_with_a_clear_message(room_server: RoomServer) -> None:
    with pytest.raises(RoomError, match="refused the token"):
        run(pull, room_server.url("seminar"), "guess")
    assert room_server.stats.refused_tokens == 1


def test_pulling_an_empty_room_says_so(room_server: RoomServer) -> None:
    with pytest.raises(RoomError, match="the room is empty"):
        run(pull, room_server.url("nobody"), TOKEN)


def test_tokens_compare_whole_and_exact() -> None:
    assert token_matches("abc", "abc")
    assert not token_matches("abd", "abc")
    assert not token_matches("ab", "abc")
    assert not token_matches(None, "abc")


async def _send_raw(url: str, messages: list[bytes]) -> bool:
    """Send raw messages; whether the server closed the connection on us."""
    try:
        async with connect(with_token(url, TOKEN), max_size=None) as ws:
            await ws.recv()  # the server's sync step 1
            for message in messages:
                await ws.send(message)
            with anyio.move_on_after(0.5):
                while True:
                    await ws.recv()
    except ConnectionClosed:
        return True
    return False


def test_garbage_and_oversize_messages_are_refused_and_the_room_keeps_working(
    room_server: RoomServer,
) -> None:
    url = room_server.url("seminar")
    run(push, small_map(), url, TOKEN)
    garbage = [b"", b"\x07junk", b"\x00\x02\x05\xff\xff", b"\x00\x02\x03abc", b"\x01\xff"]
    run(_send_raw, url, garbage)
    assert room_server.stats.refused_messages >= 4
    closed = run(_send_raw, url, [b"\x00\x02" + b"x" * (2 << 20)])
    assert closed  # over the 1 MiB cap of the test server: that connection is closed
    assert run(pull, url, TOKEN).argument_map == small_map()
    changed = small_map()
    changed.title = "Still working"
    run(push, changed, url, TOKEN, True)
    assert run(pull, url, TOKEN).argument_map.title == "Still working"


def test_a_handshake_without_token_gets_http_403(room_server: RoomServer) -> None:
    async def attempt() -> int:
        try:
            async with connect(room_server.url("seminar")):
                return 101
        except InvalidStatus as exc:
            return exc.response.status_code

    assert run(attempt) == 403
