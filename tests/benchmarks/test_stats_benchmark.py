"""``argmap stats`` on a dense map: 150 statements each attacking every other (22,350 attacks).

It ran past a minute while undercuts were counted with a list scan per relation; with one set
of relation ids it takes about 0.5 s (mostly the deepest chain through networkx).

    .venv/bin/pytest tests/benchmarks/test_stats_benchmark.py --benchmark-only -p no:randomly
"""

from __future__ import annotations

from pytest_benchmark.fixture import BenchmarkFixture

from argmap.cli.commands.stats import map_stats
from argmap.model import ArgumentMap, Node, Relation


def test_stats_of_an_attack_clique(benchmark: BenchmarkFixture) -> None:
    k = 150
    nodes = [Node(id=f"a{i}", kind="claim", text=f"a{i}") for i in range(k)]
    relations = [
        Relation(id=f"x{i}_{j}", kind="attack", premises=[f"a{i}"], target=f"a{j}")
        for i in range(k)
        for j in range(k)
        if i != j
    ]
    m = ArgumentMap(nodes=nodes, relations=relations)
    stats = benchmark.pedantic(lambda: map_stats(m), rounds=3)
    assert stats["relations"]["attack"] == k * (k - 1) and stats["relations"]["undercut"] == 0
