"""Shared rooms under load, the delay from an edit to its drawing in another window, and the
server's memory per room (not timed tests: run with --benchmark-only).

Targets on the 2-core reference machine, loopback: 30 clients x 100 edits converge by
themselves; edit in one window -> drawn in the other p95 under 50 ms; a room of 5,000
statements costs the server well under 100 MB.

    .venv/bin/pytest tests/benchmarks/test_collab_benchmark.py --benchmark-only -p no:randomly -s
"""

from __future__ import annotations

import os
import queue
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import anyio
from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from argmap.collab.background import ServerThread
from argmap.collab.server import RoomServer
from argmap.collab.transfer import push
from argmap.editing import edit_text
from argmap.ui.settings import AppSettings
from tests.collab.network import TOKEN, check_valid_and_derived, close, converge, open_rooms
from tests.generators import generate_map

ROOT = Path(__file__).resolve().parents[2]


def test_load_30_clients_making_100_edits_each(benchmark: BenchmarkFixture) -> None:
    thread = ServerThread(RoomServer(port=0, token=TOKEN))
    server = thread.start()
    figures: dict[str, Any] = {}

    def run() -> None:
        rooms = open_rooms(server.url(f"load{random.randrange(10**6)}"), generate_map(60, 1), 30)
        rng = random.Random(7)
        ids = [node.id for node in rooms[0].session.map.nodes]
        start = time.perf_counter()
        for step in range(100):
            for number, room in enumerate(rooms):
                node_id = rng.choice(ids)
                room.session.execute(edit_text(node_id, f"client {number} edit {step}"))
            for room in rooms:
                room.pump()
        final = converge(rooms, timeout=120)
        figures["seconds"] = round(time.perf_counter() - start, 2)
        figures["edits_per_second"] = round(3000 / figures["seconds"])
        check_valid_and_derived(rooms)
        assert len(final.nodes) == 60
        close(rooms)

    try:
        benchmark.pedantic(run, rounds=1, iterations=1)
    finally:
        thread.stop()
    benchmark.extra_info.update(figures)
    print(f"\n30 clients x 100 edits: converged in {figures['seconds']} s")


class _Quiet:
    """A prompter that answers nothing (the benchmark opens no dialog)."""

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


def test_edit_to_drawn_in_another_window(
    benchmark: BenchmarkFixture, qtbot: QtBot, tmp_path: Path
) -> None:
    """Host window here, guest window in another process: edit here -> drawn there."""
    from argmap.app import build_main_window
    from argmap.io import native

    map_file = tmp_path / "map.argmap.json"
    native.save(generate_map(40, 3), map_file)  # a seminar's map
    settings = AppSettings(tmp_path / "host.ini")
    host = build_main_window(map_file, None, settings, _Quiet(), tmp_path)  # type: ignore[arg-type]
    qtbot.addWidget(host)
    host.show()
    invite = host.collab.share(room="latency", port=0, everyone=False, name="Ada")
    assert invite is not None
    guest = subprocess.Popen(
        [sys.executable, str(ROOT / "tests/benchmarks/collab_guest.py"), *invite, "n1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    lines: queue.Queue[str] = queue.Queue()
    assert guest.stdout is not None
    threading.Thread(target=lambda: [lines.put(line) for line in guest.stdout], daemon=True).start()  # type: ignore[union-attr]
    try:
        qtbot.waitUntil(lambda: not lines.empty(), timeout=30000)  # the guest has the map
        lines.get()
        delays: list[float] = []
        counter = iter(range(10**6))

        def one_edit() -> None:
            text = f"edit {next(counter)}"
            start = time.perf_counter()
            host.runner.run(edit_text("n1", text))
            while True:
                qtbot.waitUntil(lambda: not lines.empty(), timeout=5000)
                drawn_text, at = lines.get().rstrip("\n").split("\t")
                if drawn_text == text:
                    delays.append((float(at) - start) * 1000)
                    return

        benchmark.pedantic(one_edit, rounds=200, iterations=1, warmup_rounds=5)
    finally:
        guest.kill()
        guest.wait(10)
        guest.stdout.close()
        host.collab.leave()
    delays = sorted(delays[5:])
    p50 = statistics.median(delays)
    p95 = delays[int(len(delays) * 0.95) - 1]
    benchmark.extra_info.update({"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)})
    print(f"\nedit -> drawn in the other window: p50 {p50:.1f} ms, p95 {p95:.1f} ms")


def _rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmRSS:\s+(\d+) kB", status)
    assert match is not None
    return int(match.group(1)) / 1024


def test_server_memory_per_room_of_5000_statements(
    benchmark: BenchmarkFixture, tmp_path: Path
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", "--port", "0", "--token", TOKEN],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = re.search(r"ws://\S+/", process.stdout.readline())
        assert url is not None
        base = url.group(0)
        big = generate_map(5000, 5)
        anyio.run(push, generate_map(3, 1), base + "warmup", TOKEN)
        before = _rss_mb(process.pid)
        rooms = 3

        def fill() -> None:
            for number in range(rooms):
                anyio.run(push, big, f"{base}room{number}", TOKEN)

        benchmark.pedantic(fill, rounds=1, iterations=1)
        per_room = (_rss_mb(process.pid) - before) / rooms
        benchmark.extra_info["server_mb_per_room_5000"] = round(per_room, 1)
        print(f"\nserver memory per room of 5,000 statements: {per_room:.1f} MB")
        assert per_room < 100
    finally:
        process.kill()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()
