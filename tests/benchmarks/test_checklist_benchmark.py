"""The checklist's share of an edit on generated maps (not a timed test: run with
--benchmark-only).

Target on the 2-core reference machine: following one edit (adding a reason, an objection,
deleting a statement, undoing) takes the live checklist about a millisecond, the same at
1,000 and 5,000 statements, where finding every gap again took 14 ms and 130 ms.

    .venv/bin/python -m pytest tests/benchmarks/test_checklist_benchmark.py --benchmark-only \
        -p no:randomly --benchmark-columns=min,median,max
"""

from __future__ import annotations

import time

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from argmap.analysis.checklist import find_gaps
from argmap.analysis.live_checklist import LiveChecklist, touched
from argmap.editing import Change, EditSession, add_related_node, delete_nodes
from argmap.io import native
from argmap.model import NodeKind, RelationKind
from tests.benchmarks.test_canvas_benchmark import generated_map

CPU = pytest.mark.benchmark(timer=time.process_time, disable_gc=False)


def _session(count: int) -> tuple[EditSession, LiveChecklist, list[Change]]:
    session = EditSession(native.loads(generated_map(count, placed=True)).map)
    published: list[Change] = []
    session.subscribe(published.extend)
    return session, LiveChecklist(session.map), published


def _follow(session: EditSession, live: LiveChecklist, published: list[Change]) -> None:
    gone: set[str] = set()
    nodes, relations, _ = touched(published, gone)
    published.clear()
    live.update(session.map, nodes, relations, gone)


@CPU
@pytest.mark.parametrize("count", [1000, 5000])
@pytest.mark.parametrize("gesture", ["add_evidence", "add_objection", "delete", "undo"])
def test_follow_one_edit(benchmark: BenchmarkFixture, count: int, gesture: str) -> None:
    session, live, published = _session(count)
    inner, leaf = f"n{count // 8}", f"n{count - count // 3}"

    def edit() -> None:
        m = session.map
        if gesture == "add_evidence":
            session.execute(
                add_related_node(m, inner, NodeKind.EVIDENCE, RelationKind.SUPPORT, "Figures")
            )
        elif gesture == "add_objection":
            session.execute(
                add_related_node(m, inner, NodeKind.COUNTERARGUMENT, RelationKind.ATTACK, "No")
            )
        elif gesture == "delete":
            session.execute(delete_nodes(m, [leaf]))
        else:
            session.execute(
                add_related_node(m, inner, NodeKind.EVIDENCE, RelationKind.SUPPORT, "Figures")
            )
            _follow(session, live, published)
            session.undo()

    def setup() -> None:
        if gesture == "delete" and not session.map.has_node(leaf):
            session.undo()
        _follow(session, live, published)
        edit()

    benchmark.pedantic(
        lambda: _follow(session, live, published), setup=setup, rounds=20, iterations=1
    )
    assert live.gaps() == find_gaps(session.map)


@CPU
@pytest.mark.parametrize("count", [1000, 5000])
def test_find_every_gap_again(benchmark: BenchmarkFixture, count: int) -> None:
    """What each edit cost before: every gap found again from scratch."""
    session, _, _ = _session(count)
    benchmark(find_gaps, session.map)


@CPU
@pytest.mark.parametrize("count", [1000, 5000])
def test_start_the_live_checklist(benchmark: BenchmarkFixture, count: int) -> None:
    """What opening a map costs the checklist (once)."""
    session, _, _ = _session(count)
    benchmark(LiveChecklist, session.map)
