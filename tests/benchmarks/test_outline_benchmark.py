"""The outline's share of one edit on a big map (not a timed test: run with --benchmark-only).

An outline panel alone on a session over the gesture benchmark's map (a tree, four reasons to a
statement). Each round adds a piece of evidence to a statement in the middle and undoes it (the
command is made beforehand), so the figure is two edits followed by the outline, plus the
session's own work. The outline's part should not grow with the map: it redoes only the rows
below what changed.

    .venv/bin/python -m pytest tests/benchmarks/test_outline_benchmark.py --benchmark-only \
        -p no:randomly --benchmark-columns=min,median,max
"""

from __future__ import annotations

import os
import time

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from argmap.editing import Command, EditSession, add_related_node, edit_text
from argmap.io import native
from argmap.model import NodeKind, RelationKind
from argmap.ui.bridge import SessionBridge
from argmap.ui.outline import OutlinePanel
from argmap.ui.selection import SelectionModel
from tests.benchmarks.test_canvas_benchmark import generated_map

COUNTS = [1000, 5000, *([20000] if os.environ.get("ARGMAP_BENCH_20K") else [])]
CPU = pytest.mark.benchmark(timer=time.process_time, disable_gc=False)


def _panel(qtbot: QtBot, count: int) -> tuple[EditSession, OutlinePanel]:
    session = EditSession(native.loads(generated_map(count)).map)
    panel = OutlinePanel(SessionBridge(session), SelectionModel())
    qtbot.addWidget(panel)
    return session, panel


@CPU
@pytest.mark.parametrize("count", COUNTS)
def test_add_and_undo(benchmark: BenchmarkFixture, qtbot: QtBot, count: int) -> None:
    session, panel = _panel(qtbot, count)
    target = f"n{count // 8}"
    rows = len(panel.items())

    def command() -> tuple[tuple[Command], dict[str, object]]:
        kind, relation = NodeKind.EVIDENCE, RelationKind.SUPPORT
        return (add_related_node(session.map, target, kind, relation, "New"),), {}

    def edit(command: Command) -> None:
        session.execute(command)
        session.undo()

    benchmark.pedantic(edit, setup=command, rounds=20, warmup_rounds=2)
    assert len(panel.items()) == rows


@CPU
@pytest.mark.parametrize("count", COUNTS)
def test_edit_text(benchmark: BenchmarkFixture, qtbot: QtBot, count: int) -> None:
    session, panel = _panel(qtbot, count)
    target = f"n{count // 8}"

    def command() -> tuple[tuple[Command], dict[str, object]]:
        return (edit_text(target, f"Edited at {time.perf_counter()}"),), {}

    benchmark.pedantic(session.execute, setup=command, rounds=20, warmup_rounds=2)
    assert any("Edited at" in item.text(0) for item in panel.items())
