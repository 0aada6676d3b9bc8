"""Argdown import speed: a generated 5,000-statement map written as Argdown (about 1.4 MB).

Measured on the 2-core reference machine: 0.53 s, 2.6 MB/s (0.9 MB/s before comments were found
by pattern and plain texts skipped the markup patterns). Files over 20 MB are refused with a
message rather than read for minutes.

    .venv/bin/pytest tests/benchmarks/test_argdown_benchmark.py --benchmark-only -p no:randomly
"""

from __future__ import annotations

from pytest_benchmark.fixture import BenchmarkFixture

from argmap.io.argdown import dumps_argdown, loads_argdown
from argmap.io.import_result import ImportResult
from tests.generators import generate_map


def test_import_large_argdown(benchmark: BenchmarkFixture) -> None:
    data = dumps_argdown(generate_map(5000, seed=1)).encode("utf-8")
    result: ImportResult = benchmark(loads_argdown, data, "big.argdown")
    assert len(result.map.nodes) == 5000
