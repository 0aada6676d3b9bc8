"""One-shot transfers with a room: push a map into it, pull a snapshot out of it.

Both use pycrdt's :class:`~pycrdt.Provider` (the y-websocket sync protocol) over a
``websockets`` client connection, bounded by a timeout.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import anyio
from pycrdt import Doc, Provider
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI

from argmap.collab.channel import SocketChannel
from argmap.collab.convert import DocRead, doc_to_map, write_map
from argmap.collab.doc_layout import COLLECTIONS, META, keys, root
from argmap.collab.server import DEFAULT_MAX_MESSAGE
from argmap.model import ArgmapError, ArgumentMap


class RoomError(ArgmapError):
    """A room that cannot be reached, refuses us, or holds something else."""

    def __init__(self, message: str, refused: bool = False) -> None:
        super().__init__(message)
        self.refused = refused  # the server refused the token (trying again will not help)


def with_token(url: str, token: str) -> str:
    """``url`` with ``?token=`` set (any token already in it replaced)."""
    parts = urlsplit(url)
    if parts.scheme not in ("ws", "wss") or not parts.netloc:
        raise RoomError(f"{url!r} is not a room address: expected ws://HOST:PORT/ROOM")
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "token"] + [("token", token)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def describe_room(url: str) -> str:
    """The address without the token, for messages."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=""))


async def open_connection(url: str, token: str) -> ClientConnection:
    """Connect to a room, with one clear message when it cannot be done."""
    try:
        return await connect(with_token(url, token), max_size=DEFAULT_MAX_MESSAGE, open_timeout=10)
    except InvalidStatus as exc:
        status = exc.response.status_code
        if status == 403:
            raise RoomError(
                f"{describe_room(url)}: the server refused the token", refused=True
            ) from None
        raise RoomError(f"{describe_room(url)}: the server answered HTTP {status}") from None
    except InvalidURI:
        raise RoomError(f"{url!r} is not a room address: expected ws://HOST:PORT/ROOM") from None
    except (OSError, TimeoutError, InvalidHandshake) as exc:
        raise RoomError(f"{describe_room(url)}: cannot connect ({exc})") from None


@asynccontextmanager
async def synced_doc(url: str, token: str, timeout: float = 30.0) -> AsyncIterator[Doc[Any]]:
    """A document synced with the room (changes made to it are sent before leaving)."""
    connection = await open_connection(url, token)
    doc: Doc[Any] = Doc()
    try:
        async with Provider(doc, SocketChannel(connection, urlsplit(url).path)) as provider:
            with anyio.fail_after(timeout):
                await provider.synced.wait()
            yield doc
    except Exception as exc:
        if _is(exc, TimeoutError):
            raise RoomError(f"{describe_room(url)}: no answer within {timeout:g} s") from None
        if _is(exc, ConnectionClosed):
            raise RoomError(f"{describe_room(url)}: the server closed the connection") from None
        raise
    finally:
        await connection.close()


def _is(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether ``exc`` is ``kind`` or a task group's error made only of ``kind``."""
    if isinstance(exc, BaseExceptionGroup):
        return all(_is(inner, kind) for inner in exc.exceptions)
    return isinstance(exc, kind)


def is_empty(doc: Doc[Any]) -> bool:
    """Whether a room's document holds no map yet."""
    return not keys(root(doc, META)) and not any(keys(root(doc, c)) for c in COLLECTIONS)


async def pull(url: str, token: str, timeout: float = 30.0) -> DocRead:
    """The map a room holds now (repaired, with what was repaired)."""
    async with synced_doc(url, token, timeout) as doc:
        update = doc.get_update()
    snapshot: Doc[Any] = Doc()
    snapshot.apply_update(update)
    if is_empty(snapshot):
        raise RoomError(f"{describe_room(url)}: the room is empty (push a map first)")
    return doc_to_map(snapshot)


async def push(
    argument_map: ArgumentMap, url: str, token: str, replace: bool = False, timeout: float = 30.0
) -> str:
    """Put ``argument_map`` into the room; what happened, in a sentence.

    Refuses a room holding a different map unless ``replace``. Returns only once a second
    connection reads the map back from the server (which stores updates before echoing).
    """
    async with synced_doc(url, token, timeout) as doc:
        held = None if is_empty(doc) else doc_to_map(doc).argument_map
        if held is None or (replace and held != argument_map):
            write_map(doc, argument_map, origin="argmap:push")
    if held == argument_map:
        return f"{describe_room(url)} already holds this map"
    if held is not None and not replace:
        raise RoomError(
            f"{describe_room(url)} already holds a different map: "
            "pull it first, or push with --replace"
        )
    with anyio.fail_after(timeout):
        while True:
            try:
                if (await pull(url, token, timeout)).argument_map == argument_map:
                    break
            except RoomError:
                pass
            await anyio.sleep(0.05)
    return f"pushed {len(argument_map.nodes)} statements to {describe_room(url)}"
