"""kill -9 of the server process loses nothing a client saw acknowledged (echoed back)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest

from argmap.collab.client import Status
from argmap.collab.transfer import pull
from argmap.editing import edit_text
from tests.collab.network import TOKEN, close, converge, open_rooms, pump_until
from tests.model.factories import small_map

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(store: Path, port: int) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "argmap", "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--store", str(store), "--token", TOKEN],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()  # "argmap room server on ws://127.0.0.1:PORT/ROOM"
    assert re.search(rf"ws://127\.0\.0\.1:{port}/", line), line
    return process


@pytest.fixture
def servers() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()


def test_kill_9_and_restart_on_the_same_store_loses_nothing_acknowledged(
    tmp_path: Path, servers: list[subprocess.Popen[str]]
) -> None:
    port = free_port()
    servers.append(start_server(tmp_path / "store", port))
    url = f"ws://127.0.0.1:{port}/seminar"
    rooms = open_rooms(url, small_map(), 2)
    a, b = rooms
    try:
        for i in range(20):
            a.session.execute(edit_text("c1", f"version {i}"))
            b.session.execute(edit_text("e1", f"evidence {i}"))
        acknowledged = converge(rooms).model_copy(deep=True)  # each saw the other's edits
        os.kill(servers[0].pid, signal.SIGKILL)
        servers[0].wait(10)
        pump_until(rooms, lambda: a.status != Status.CONNECTED and b.status != Status.CONNECTED)
        for room in rooms:  # held back, so the restored room is read before they return
            room.client.go_offline()
        # Editing goes on while the server is down ...
        a.session.execute(edit_text("e2", "while the server was down"))
        servers.append(start_server(tmp_path / "store", port))
        restored = anyio.run(pull, url, TOKEN)
        assert restored.argument_map.node("c1").text == "version 19"
        assert restored.argument_map.node("e1").text == "evidence 19"
        assert restored.argument_map == acknowledged
        # ... and merges when the clients reconnect.
        for room in rooms:
            room.client.go_online()
        final = converge(rooms, timeout=20)
        assert final.node("e2").text == "while the server was down"
        assert final.node("c1").text == "version 19"
        assert anyio.run(pull, url, TOKEN).argument_map == final
    finally:
        close(rooms)
