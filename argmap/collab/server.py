"""The room server: the y-websocket protocol (pycrdt's :class:`~pycrdt.websocket.YRoom`) over
``websockets``, one room per URL path, every room's updates kept in a pycrdt-store SQLite file.

- A client must give the token (``?token=...`` in the URL or ``Authorization: Bearer ...``);
  it is compared in constant time. Without it the handshake is refused (HTTP 403).
- An incoming update is stored (and committed) *before* the room applies and re-broadcasts
  it, so an update a client has seen echoed back survives even ``kill -9`` of the server.
- Messages over the size cap close that one connection; undecodable updates are refused
  (dropped and counted) without touching the room or the other clients.
"""

from __future__ import annotations

import hmac
import logging
import re
import secrets
import socket
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio
from pycrdt import Doc, YMessageType, YSyncMessageType, get_state, read_message
from pycrdt.store import SQLiteYStore, YDocNotFound
from pycrdt.websocket import YRoom
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.datastructures import Headers
from websockets.http11 import Request, Response

from argmap.collab.channel import SocketChannel

log = logging.getLogger(__name__)

#: The largest message a client may send (a whole map pushed at once fits easily).
DEFAULT_MAX_MESSAGE = 32 * 1024 * 1024
ROOM_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def lan_address() -> str:
    """This machine's address on its network (no packet is sent), or loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address: str = probe.getsockname()[0]
            return address
        except OSError:
            return "127.0.0.1"


def new_token() -> str:
    """A token to read out: 16 random bytes, URL-safe."""
    return secrets.token_urlsafe(16)


def token_matches(given: str | None, token: str) -> bool:
    """Whether ``given`` is the token, compared in constant time."""
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def room_name(path: str) -> str | None:
    """The room a request path names (``/seminar?token=..`` -> ``seminar``), or ``None``."""
    name = urlsplit(path).path.strip("/")
    return name if ROOM_NAME.match(name) else None


def request_token(request: Request) -> str | None:
    query = parse_qs(urlsplit(request.path).query)
    if query.get("token"):
        return query["token"][0]
    auth = request.headers.get("Authorization", "")
    return auth[len("Bearer ") :] if auth.startswith("Bearer ") else None


def update_of(message: bytes) -> bytes | None:
    """The Y update a sync message carries (step 2 or update), else ``None``."""
    kinds = (YSyncMessageType.SYNC_STEP2, YSyncMessageType.SYNC_UPDATE)
    if len(message) >= 2 and message[0] == YMessageType.SYNC and message[1] in kinds:
        return read_message(message[2:])
    return None


def is_well_formed(message: bytes) -> bool:
    """Whether a client message can be handled: a known type whose update decodes."""
    if len(message) < 2 or message[0] not in (YMessageType.SYNC, YMessageType.AWARENESS):
        return False
    try:
        if message[0] == YMessageType.SYNC:
            if message[1] not in tuple(YSyncMessageType):
                return False
            payload = read_message(message[2:])
            if message[1] != YSyncMessageType.SYNC_STEP1:
                get_state(payload)  # raises when the update does not decode
        else:
            read_message(message[1:])
    except Exception:
        return False
    return True


@dataclass
class ServerStats:
    """What the server refused, for tests and the log."""

    refused_tokens: int = 0
    refused_messages: int = 0
    rooms_loaded: list[str] = field(default_factory=list)


class RoomServer:
    """Serves rooms until cancelled: ``await RoomServer(...).run()``."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 8765,
        token: str | None = None,
        store: Path | None = None,
        max_message: int = DEFAULT_MAX_MESSAGE,
    ) -> None:
        self.host = host
        self.port = port
        self.token = token or new_token()
        self.store = store
        self.max_message = max_message
        self.stats = ServerStats()
        self.rooms: dict[str, YRoom] = {}
        self._stores: dict[str, SQLiteYStore] = {}
        self._room_lock = anyio.Lock()
        self._stack: AsyncExitStack | None = None
        self._server: Server | None = None

    def url(self, room: str = "") -> str:
        """The address others use: for a server on all addresses, this machine's own."""
        host = lan_address() if self.host in ("0.0.0.0", "::", "") else self.host
        host = host if ":" not in host else f"[{host}]"
        return f"ws://{host}:{self.port}/{room}"

    async def run(
        self, on_ready: Callable[[RoomServer], Awaitable[None] | None] | None = None
    ) -> None:
        """Serve until cancelled; ``on_ready`` is called once the port is bound."""
        async with AsyncExitStack() as stack:
            self._stack = stack
            server = await stack.enter_async_context(
                serve(
                    self._serve,
                    self.host,
                    self.port,
                    max_size=self.max_message,
                    process_request=self._check,
                    ping_interval=20,
                    ping_timeout=20,
                )
            )
            self._server = server
            self.port = server.sockets[0].getsockname()[1] if server.sockets else self.port
            if on_ready is not None:
                result = on_ready(self)
                if result is not None:
                    await result
            await anyio.sleep_forever()

    def _check(self, connection: ServerConnection, request: Request) -> Response | None:
        if not token_matches(request_token(request), self.token):
            self.stats.refused_tokens += 1
            return _refusal(HTTPStatus.FORBIDDEN, "wrong or missing token\n")
        if room_name(request.path) is None:
            return _refusal(HTTPStatus.NOT_FOUND, "name a room: ws://HOST:PORT/ROOM\n")
        return None

    async def _serve(self, connection: ServerConnection) -> None:
        assert connection.request is not None
        name = room_name(connection.request.path)
        assert name is not None
        room = await self.room(name)
        await room.serve(SocketChannel(connection, name, quiet=True))

    async def room(self, name: str) -> YRoom:
        """The running room ``name``, loaded from the store the first time it is asked for."""
        async with self._room_lock:
            if name in self.rooms:
                return self.rooms[name]
            assert self._stack is not None
            doc: Doc[Any] = Doc()
            ystore: SQLiteYStore | None = None
            if self.store is not None:
                self.store.mkdir(parents=True, exist_ok=True)
                ystore = SQLiteYStore(path=name)
                ystore.db_path = str(self.store / "rooms.sqlite")
                await self._stack.enter_async_context(ystore)
                try:
                    await ystore.apply_updates(doc)
                    self.stats.rooms_loaded.append(name)
                except YDocNotFound:
                    pass
                self._stores[name] = ystore
            room = YRoom(ready=True, ydoc=doc, log=log)
            room.on_message = self._message_filter(name, ystore)
            self._stack.push_async_callback(_close_streams, room)  # runs after the room stops
            await self._stack.enter_async_context(room)
            self.rooms[name] = room
            return room

    def _message_filter(
        self, name: str, ystore: SQLiteYStore | None
    ) -> Callable[[bytes], Awaitable[bool]]:
        async def on_message(message: bytes) -> bool:
            """True skips the message: refused, or nothing to do."""
            if not is_well_formed(message):
                self.stats.refused_messages += 1
                log.warning("room %s: refused a malformed message (%d bytes)", name, len(message))
                return True
            update = update_of(message)
            if ystore is not None and update is not None and update != b"\x00\x00":
                await ystore.write(update)  # committed before the room applies and echoes it
            return False

        return on_message


async def _close_streams(room: YRoom) -> None:
    """Close the room's update streams, which stopping it leaves open (a ResourceWarning)."""
    for name in ("_update_send_stream", "_update_receive_stream"):
        stream = getattr(room, name, None)
        if stream is not None:
            await stream.aclose()


def _refusal(status: HTTPStatus, text: str) -> Response:
    body = text.encode()
    headers = Headers(
        {"Content-Type": "text/plain; charset=utf-8", "Content-Length": str(len(body))}
    )
    return Response(status.value, status.phrase, headers, body)
