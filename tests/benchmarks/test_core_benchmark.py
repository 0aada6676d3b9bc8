"""Native format speed on a 5,000-node map (not part of the default run).

Targets: load + validate (``native.loads`` from bytes) at most 3.5x plain ``json.loads`` of the
same bytes; an atomic save (serialise, write, fsync, rename) under 2x a load. Each ratio test
measures both sides with the minimum of several runs and records the ratio in
``extra_info``.

    .venv/bin/pytest tests/benchmarks/test_core_benchmark.py --benchmark-only -p no:randomly
"""

from __future__ import annotations

import json
import random
import timeit
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from argmap.io import native
from argmap.model import ArgumentMap, Point, SourceDocument, TextAnchor
from tests.generators import generate_map

N_NODES = 5_000
LOAD_TARGET = 3.5  # x json.loads
SAVE_TARGET = 2.0  # x native.loads


def _saved_map(n_nodes: int, seed: int = 1) -> ArgumentMap:
    """A generated map as a user would save it: a source, anchors on most nodes, positions."""
    m = generate_map(n_nodes, seed)
    rng = random.Random(seed)
    text = " ".join(n.text for n in m.nodes[: n_nodes // 4])
    m.sources = [SourceDocument(id="release", title="Release", text=text)]
    for i, node in enumerate(m.nodes):
        if rng.random() < 0.6:
            start = rng.randrange(len(text) - 60)
            node.anchors = [TextAnchor.of("release", text, start, start + rng.randrange(5, 60))]
        m.layout.positions[node.id] = Point.rounded(i % 80 * 260.0, i // 80 * 130.0)
    return m


@pytest.fixture(scope="module")
def big_map() -> ArgumentMap:
    return _saved_map(N_NODES)


@pytest.fixture(scope="module")
def data(big_map: ArgumentMap) -> bytes:
    return native.dumps(big_map).encode("utf-8")


def _best(function: Callable[[], object], runs: int = 7) -> float:
    return min(timeit.repeat(function, number=1, repeat=runs))


def test_json_loads_baseline(benchmark: BenchmarkFixture, data: bytes) -> None:
    document = benchmark(json.loads, data)
    assert len(document["nodes"]) == N_NODES


def test_load_and_validate(benchmark: BenchmarkFixture, data: bytes, big_map: ArgumentMap) -> None:
    result = benchmark(native.loads, data)
    assert result.map == big_map
    ratio = benchmark.stats.stats.min / _best(lambda: json.loads(data))
    benchmark.extra_info["x_json_loads"] = round(ratio, 2)
    assert ratio <= LOAD_TARGET, f"load is {ratio:.2f}x json.loads (target {LOAD_TARGET}x)"


def test_dumps(benchmark: BenchmarkFixture, big_map: ArgumentMap, data: bytes) -> None:
    assert benchmark(native.dumps, big_map).encode("utf-8") == data


def test_atomic_save(
    benchmark: BenchmarkFixture, big_map: ArgumentMap, data: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "big.argmap.json"
    benchmark(native.save, big_map, path)
    assert path.read_bytes() == data
    ratio = benchmark.stats.stats.min / _best(lambda: native.loads(data))
    benchmark.extra_info["x_load"] = round(ratio, 2)
    assert ratio < SAVE_TARGET, f"save is {ratio:.2f}x a load (target under {SAVE_TARGET}x)"
