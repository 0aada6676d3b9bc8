"""A room server on a thread of its own, for the editor's Share Map and for tests."""

from __future__ import annotations

import asyncio
import contextlib
import threading

from argmap.collab.server import RoomServer


class ServerThread:
    """Runs ``server`` in a daemon thread with its own event loop until :meth:`stop`."""

    def __init__(self, server: RoomServer) -> None:
        self.server = server
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._main, name="argmap-room-server", daemon=True)

    def start(self, timeout: float = 10.0) -> RoomServer:
        """Start serving; returns once the port is bound (raises what stopped it otherwise)."""
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError(f"the room server did not start within {timeout:g} s")
        if self._error is not None:
            raise self._error
        return self.server

    def _main(self) -> None:
        try:
            asyncio.run(self._serve())
        except BaseException as exc:  # reported to start(); the thread just ends
            self._error = exc
        finally:
            self._ready.set()

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._task = asyncio.current_task()
        with contextlib.suppress(asyncio.CancelledError):
            await self.server.run(on_ready=lambda _server: self._ready.set())

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving and wait for the thread to end."""
        if self._loop is not None and self._task is not None and not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop has already finished
                self._loop.call_soon_threadsafe(self._task.cancel)
        self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()
