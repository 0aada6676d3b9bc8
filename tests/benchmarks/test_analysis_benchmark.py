"""Evaluation speed on generated maps with 30% attacks.

Targets (issue 11): grounded labels with relation labels at 5,000 statements under 20 ms (the
propagation is linear), strength under 50 ms, so evaluation can re-run on every edit; and
preferred and stable on a 5,000-statement map with 5% of its statements in cycles of attacks
under one second.

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_analysis_benchmark.py --benchmark-only``
"""

from __future__ import annotations

import random

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from argmap.analysis.errors import TooLargeError
from argmap.analysis.evaluate import evaluate
from argmap.model import ArgumentMap, Node, Relation
from tests.generators import generate_map


@pytest.mark.parametrize("size", [1000, 5000])
@pytest.mark.parametrize("semantics", ["grounded", "strength"])
def test_evaluate(benchmark: BenchmarkFixture, size: int, semantics: str) -> None:
    argument_map = generate_map(size, seed=7, attack_share=0.3)
    result = benchmark(evaluate, argument_map, semantics)
    assert len(result.labels or result.strength) == size
    if semantics == "grounded":
        assert len(result.relation_labels) == len(argument_map.relations)


def with_cycles(size: int, share: float, open_pairs: int, seed: int = 7) -> ArgumentMap:
    """A generated map where ``share`` of the statements are paired into mutual attacks; all
    but ``open_pairs`` pairs are settled from outside (a new, unanswered objection to one
    side), so the search has at most ``2 ** open_pairs`` preferred interpretations to find."""
    m = generate_map(size, seed=seed, attack_share=0.3)
    rng = random.Random(seed)
    chosen = rng.sample([n.id for n in m.nodes], round(size * share))
    pairs = list(zip(chosen[::2], chosen[1::2], strict=False))
    for k, (a, b) in enumerate(pairs):
        m.relations.append(Relation(id=f"cyc{k}a", kind="attack", premises=[a], target=b))
        m.relations.append(Relation(id=f"cyc{k}b", kind="attack", premises=[b], target=a))
        if k >= open_pairs:
            m.nodes.append(Node(id=f"obj{k}", kind="counterargument", text="An objection."))
            m.relations.append(
                Relation(id=f"set{k}", kind="attack", premises=[f"obj{k}"], target=a)
            )
    return m


@pytest.mark.parametrize("semantics", ["preferred", "stable"])
def test_enumeration_with_five_percent_in_cycles(
    benchmark: BenchmarkFixture, semantics: str
) -> None:
    argument_map = with_cycles(5000, 0.05, open_pairs=16)
    result = benchmark(evaluate, argument_map, semantics)
    assert len(result.labels) == len(argument_map.nodes)
    assert result.extensions  # mutual attacks alone always leave some answer


def test_enumeration_past_its_limit_says_so_quickly(benchmark: BenchmarkFixture) -> None:
    """Far more answers than the limit: the search must stop with its message, not hang."""
    m = generate_map(5000, seed=7, attack_share=0.3)
    names = [n.id for n in m.nodes]
    for k in range(0, 40, 2):  # 20 independent mutual attacks on fresh pairs
        a, b = names[-1 - k], names[-2 - k]
        m.relations.append(Relation(id=f"x{k}a", kind="attack", premises=[a], target=b))
        m.relations.append(Relation(id=f"x{k}b", kind="attack", premises=[b], target=a))

    def run() -> str:
        try:
            evaluate(m, "preferred")
        except TooLargeError as error:
            return str(error)
        return ""

    assert "more than 1,000 preferred extensions" in benchmark(run)
