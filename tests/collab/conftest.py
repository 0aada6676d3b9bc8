"""An in-process room server on 127.0.0.1 and an ephemeral port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.collab.background import ServerThread
from argmap.collab.server import RoomServer


@pytest.fixture
def room_server(tmp_path: Path) -> Iterator[RoomServer]:
    thread = ServerThread(
        RoomServer(port=0, token="secret-token", store=tmp_path / "store", max_message=1 << 20)
    )
    server = thread.start()
    yield server
    thread.stop()
