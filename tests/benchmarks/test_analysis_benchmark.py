"""Evaluation speed on generated maps with 30% attacks (targets: 20 ms at 1,000 nodes and
100 ms at 5,000, so evaluation can re-run on every edit).

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_analysis_benchmark.py --benchmark-only``
"""

from __future__ import annotations

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from argmap.analysis.evaluate import evaluate
from tests.generators import generate_map


@pytest.mark.parametrize("size", [1000, 5000])
@pytest.mark.parametrize("semantics", ["grounded", "strength"])
def test_evaluate(benchmark: BenchmarkFixture, size: int, semantics: str) -> None:
    argument_map = generate_map(size, seed=7, attack_share=0.3)
    result = benchmark(evaluate, argument_map, semantics)
    assert len(result.labels or result.strength) == size
