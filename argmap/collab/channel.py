"""A ``websockets`` connection as the channel pycrdt speaks over (server side and client side)."""

from __future__ import annotations

from contextlib import suppress

from websockets.asyncio.connection import Connection
from websockets.exceptions import ConnectionClosed


class SocketChannel:
    """A connection with the ``path``, ``send``, ``recv`` and async iteration that pycrdt's
    ``YRoom.serve`` and ``Provider`` expect. ``quiet``: a send to a peer that has gone is
    dropped instead of raised (the server, which must not stop serving the others)."""

    def __init__(self, connection: Connection, path: str, quiet: bool = False) -> None:
        self._connection = connection
        self._path = path
        self._quiet = quiet

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> SocketChannel:
        return self

    async def __anext__(self) -> bytes:
        try:
            return await self.recv()
        except ConnectionClosed:
            raise StopAsyncIteration from None

    async def send(self, message: bytes) -> None:
        if self._quiet:
            with suppress(ConnectionClosed):
                await self._connection.send(message)
        else:
            await self._connection.send(message)

    async def recv(self) -> bytes:
        message = await self._connection.recv()
        return message.encode() if isinstance(message, str) else bytes(message)
