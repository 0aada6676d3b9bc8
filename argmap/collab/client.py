"""A live connection of one document to a room, that never makes its owner wait.

The network runs on a worker thread with its own event loop: it connects (and reconnects,
with a growing delay, after the connection drops), and moves raw messages between the socket
and two queues. The document, the awareness and the sync protocol stay on the owner's thread
(the editor's UI thread): it calls :meth:`RoomClient.pump` when woken, which applies what
arrived with pycrdt's own sync handling (``handle_sync_message``) and answers.

Edits made while offline stay in the document; on reconnect the sync exchange (step 1 and 2
both ways) merges them.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
import time
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from pycrdt import (
    Awareness,
    Doc,
    TransactionEvent,
    YMessageType,
    YSyncMessageType,
    create_awareness_message,
    create_sync_message,
    create_update_message,
    handle_sync_message,
    read_message,
)
from websockets.asyncio.client import ClientConnection

from argmap.collab.transfer import RoomError, describe_room, open_connection

#: Others' presence is dropped when not renewed for this long (seconds); ours is renewed at half.
PRESENCE_TIMEOUT = 30.0


class Status(StrEnum):
    """Where the connection to the room stands."""

    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"
    REFUSED = "refused"  # the server refused the token: no point trying again


class RoomClient:
    """Keeps ``doc`` in a room at ``url``; call :meth:`pump` on the owner thread when woken."""

    def __init__(
        self,
        url: str,
        token: str,
        doc: Doc[Any],
        wake: Callable[[], None] | None = None,
        retry_delay: float = 0.25,
        max_retry_delay: float = 5.0,
    ) -> None:
        self.url = url
        self.token = token
        self.doc = doc
        self.awareness = Awareness(doc)
        self.status = Status.CONNECTING
        self.synced = False
        self.error: str | None = None
        #: Called on the owner thread after remote changes were applied to the document.
        self.on_remote: Callable[[], None] | None = None
        self.on_status: Callable[[Status], None] | None = None
        self.on_presence: Callable[[], None] | None = None
        self._wake = wake or (lambda: None)
        self._retry = (retry_delay, max_retry_delay)
        self._inbox: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._outbox: asyncio.Queue[bytes] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._online = threading.Event()
        self._online.set()
        self._stopping = False
        self._applying = False
        self._renewed = 0.0
        self._connection: ClientConnection | None = None
        self._subscription = doc.observe(self._local_update)
        self.awareness.observe(self._awareness_changed)
        self._thread = threading.Thread(target=self._main, name="argmap-room-client", daemon=True)

    @property
    def room(self) -> str:
        return describe_room(self.url).rsplit("/", 1)[-1]

    # -- owner thread --------------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Leave the room: say goodbye to the others' presence, close, end the thread."""
        self._stopping = True
        with contextlib.suppress(Exception):
            self.awareness.set_local_state(None)
        self.doc.unobserve(self._subscription)
        loop, task = self._loop, self._task
        if loop is not None and task is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(task.cancel)
        self._thread.join(timeout)

    def go_offline(self) -> None:
        """Drop the connection and stay offline until :meth:`go_online` (edits keep working)."""
        self._online.clear()
        self._call(self._close_soon)

    def go_online(self) -> None:
        self._online.set()

    def set_presence(self, **fields: Any) -> None:
        """Set fields of this client's presence (name, colour, selection...)."""
        state = dict(self.awareness.get_local_state() or {})
        state.update(fields)
        self.awareness.set_local_state(state)

    def others(self) -> dict[int, dict[str, Any]]:
        """The presence of everyone else in the room, by client id."""
        return {
            client: state
            for client, state in self.awareness.states.items()
            if client != self.awareness.client_id and state
        }

    def pump(self) -> bool:
        """Handle what arrived; whether the document changed. Never waits."""
        changed = False
        while True:
            try:
                kind, value = self._inbox.get_nowait()
            except queue.Empty:
                break
            if kind == "status":
                self._set_status(value)
            elif kind == "error":
                self.error = value
            else:
                changed |= self._handle(value)
        self._renew_presence()
        if changed and self.on_remote is not None:
            self.on_remote()
        return changed

    def _set_status(self, status: Status) -> None:
        self.status = status
        if status == Status.CONNECTED:
            self.error = None
            self._send(create_sync_message(self.doc))
            self._send_presence()
        else:
            self.synced = False
        if self.on_status is not None:
            self.on_status(status)

    def _handle(self, message: bytes) -> bool:
        if len(message) < 2:
            return False
        if message[0] == YMessageType.SYNC:
            self._applying = True
            try:
                reply = handle_sync_message(message[1:], self.doc)
            except ValueError:
                return False  # a message this document cannot take; the room goes on
            finally:
                self._applying = False
            if message[1] == YSyncMessageType.SYNC_STEP2:
                self.synced = True
            if reply is not None:
                self._send(reply)
            return message[1] != YSyncMessageType.SYNC_STEP1
        if message[0] == YMessageType.AWARENESS:
            known = set(self.awareness.states)
            with contextlib.suppress(Exception):
                self.awareness.apply_awareness_update(read_message(message[1:]), "remote")
            if set(self.awareness.states) - known and self.status == Status.CONNECTED:
                # The server does not replay presence to newcomers: greet them ourselves.
                self._send_presence()
            if self.on_presence is not None:
                self.on_presence()
        return False

    def _local_update(self, event: TransactionEvent) -> None:
        if not self._applying:
            self._send(create_update_message(event.update))

    def _awareness_changed(self, topic: str, changes: tuple[dict[str, Any], Any]) -> None:
        if topic == "update" and changes[1] == "local":
            self._send_presence()

    def _send_presence(self) -> None:
        update = self.awareness.encode_awareness_update([self.awareness.client_id])
        self._send(create_awareness_message(update))
        self._renewed = time.monotonic()

    def _renew_presence(self) -> None:
        now = time.monotonic()
        if self.status == Status.CONNECTED and now - self._renewed > PRESENCE_TIMEOUT / 2:
            state = self.awareness.get_local_state()
            if state is not None:
                self.awareness.set_local_state(state)
        stale = [
            client
            for client, meta in self.awareness.meta.items()
            if client != self.awareness.client_id
            and time.time() * 1000 - meta.get("lastUpdated", 0) > PRESENCE_TIMEOUT * 1000
        ]
        if stale:
            self.awareness.remove_awareness_states(stale, "timeout")
            if self.on_presence is not None:
                self.on_presence()

    def _send(self, message: bytes) -> None:
        outbox = self._outbox
        if self.status == Status.CONNECTED and outbox is not None:
            self._call(outbox.put_nowait, message)

    def _call(self, function: Callable[..., Any], *args: Any) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(function, *args)

    # -- worker thread -------------------------------------------------------------------

    def _post(self, kind: str, value: Any) -> None:
        self._inbox.put((kind, value))
        self._wake()

    def _main(self) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            asyncio.run(self._run())

    async def _run(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        delay, max_delay = self._retry
        first = True
        while not self._stopping:
            if not self._online.is_set():
                self._post("status", Status.OFFLINE)
                while not self._online.is_set():
                    await asyncio.sleep(0.05)
            try:
                connection = await open_connection(self.url, self.token)
            except Exception as exc:  # never let the worker die: say why and try again
                self._post("error", str(exc))
                if isinstance(exc, RoomError) and exc.refused:
                    self._post("status", Status.REFUSED)
                    return
                self._post("status", Status.CONNECTING if first else Status.RECONNECTING)
                await asyncio.sleep(delay)
                delay = min(delay * 2, max_delay)
                continue
            delay = self._retry[0]
            first = False
            await self._session(connection)
            if not self._stopping:
                self._post("status", Status.RECONNECTING)

    async def _session(self, connection: ClientConnection) -> None:
        self._connection = connection
        self._outbox = asyncio.Queue()
        self._post("status", Status.CONNECTED)

        async def sender() -> None:
            assert self._outbox is not None
            while True:
                await connection.send(await self._outbox.get())

        send_task = asyncio.create_task(sender())
        try:
            async for message in connection:
                self._post("message", message if isinstance(message, bytes) else message.encode())
        except Exception:  # a dropped connection: reconnect
            pass
        finally:
            send_task.cancel()
            self._outbox = None
            self._connection = None
            with contextlib.suppress(Exception):
                await connection.close()

    def _close_soon(self) -> None:
        if self._connection is not None:
            self._closing = asyncio.ensure_future(self._connection.close())
