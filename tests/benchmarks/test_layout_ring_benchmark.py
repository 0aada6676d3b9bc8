"""The layered layout on a 2,000-statement support ring (each supports the next, the last the
first): issue 12 measured 34 s; at main's layered layout (3be403c, neighbour swaps) it takes
0.5-1.0 s on the shared 2-core machine (0.7 s mean over 3 rounds, 4 Dec 2026).

    .venv/bin/pytest tests/benchmarks/test_layout_ring_benchmark.py --benchmark-only -p no:randomly
"""

from __future__ import annotations

from pytest_benchmark.fixture import BenchmarkFixture

from argmap.layout import compute_layout
from argmap.model import ArgumentMap, Node, Relation


def support_ring(count: int) -> ArgumentMap:
    nodes = [Node(id=f"n{i}", kind="claim", text=f"Claim number {i}") for i in range(count)]
    relations = [
        Relation(id=f"r{i}", kind="support", premises=[f"n{i}"], target=f"n{(i + 1) % count}")
        for i in range(count)
    ]
    return ArgumentMap(nodes=nodes, relations=relations)


def test_layered_support_ring(benchmark: BenchmarkFixture) -> None:
    ring = support_ring(2000)
    positions = benchmark.pedantic(lambda: compute_layout(ring, "layered"), rounds=3)
    assert len(positions) == 2000
