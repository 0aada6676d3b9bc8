"""AIF import speed: the largest nodeset of the shared corpus (723 nodes).

Target on the 2-core reference machine: under 0.2 s per import (parse, index, map, validate).

    .venv/bin/pytest tests/benchmarks/test_aif_benchmark.py --benchmark-only -p no:randomly
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from argmap.io.aif import loads_aif
from argmap.io.import_result import ImportResult


def test_import_largest_corpus_file(shared_data: Path, benchmark: BenchmarkFixture) -> None:
    files = sorted((shared_data / "aif").glob("*.json"), key=lambda p: p.stat().st_size)
    if not files:
        pytest.skip("no AIF files in the corpus")
    data = files[-1].read_bytes()
    nodes = json.loads(data)["nodes"]
    statements = sum(node["type"] == "I" for node in nodes)
    result: ImportResult = benchmark(loads_aif, data, files[-1])
    assert len(result.map.nodes) == statements > 0
