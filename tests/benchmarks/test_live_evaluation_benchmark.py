"""Following one edit with the live evaluation, against evaluating the whole map again.

The editor keeps a :class:`~argmap.analysis.live_evaluation.LiveEvaluation`: building it costs
what ``evaluate`` plus ``compute_strength`` cost (once, when a map opens), and following an
edit costs what lies downstream of it, a few statements on a tree-shaped map whatever its size
(plus copying the results the views keep: four dicts). Target (issue 13): an edit followed in
a few milliseconds at 5,000 statements, growing far slower than the map.

    .venv/bin/python -m pytest tests/benchmarks/test_live_evaluation_benchmark.py \
        --benchmark-only -p no:randomly --benchmark-columns=min,median,max
"""

from __future__ import annotations

import itertools
import time
from typing import Any

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from argmap.analysis.evaluate import evaluate
from argmap.analysis.live_evaluation import LiveEvaluation
from argmap.analysis.strength import compute_strength
from argmap.editing import Change, EditSession, add_related_node
from argmap.model import NodeKind, RelationKind
from tests.generators import generate_map

SIZES = [1000, 5000, 20000]
CPU = pytest.mark.benchmark(timer=time.process_time)


@CPU
@pytest.mark.parametrize("size", SIZES)
def test_build(benchmark: BenchmarkFixture, size: int) -> None:
    argument_map = generate_map(size, seed=7, attack_share=0.3)
    live = benchmark(LiveEvaluation, argument_map)
    assert live.node_labels == evaluate(argument_map).labels


@CPU
@pytest.mark.parametrize("size", SIZES)
def test_whole_map_each_time(benchmark: BenchmarkFixture, size: int) -> None:
    """What the editor did before: both evaluations of the whole map after every edit."""
    argument_map = generate_map(size, seed=7, attack_share=0.3)
    benchmark(lambda: (evaluate(argument_map), compute_strength(argument_map)))


@CPU
@pytest.mark.parametrize("size", SIZES)
def test_follow_one_objection(benchmark: BenchmarkFixture, size: int) -> None:
    """An objection added somewhere in the map (a different statement each round), followed,
    and the results the views read taken; the edit itself and its undo are not timed."""
    argument_map = generate_map(size, seed=7, attack_share=0.3)
    session = EditSession(argument_map)
    live = LiveEvaluation(argument_map)
    targets = itertools.cycle([n.id for n in argument_map.nodes[::97]])

    def setup() -> tuple[tuple[list[Change]], dict[str, Any]]:
        if session.history.can_undo():
            live.update(argument_map, session.undo())
        edit = add_related_node(
            argument_map, next(targets), NodeKind.COUNTERARGUMENT, RelationKind.ATTACK, "No."
        )
        changes = session.execute(edit)
        # Views before this one have looked ids up already (the map's index is rebuilt once
        # per change of its lists, by whoever asks first): not this benchmark's cost.
        argument_map.has_node(argument_map.nodes[-1].id)
        argument_map.has_relation(argument_map.relations[-1].id)
        return (changes,), {}

    def follow(changes: list[Change]) -> None:
        live.update(argument_map, changes)
        live.label_evaluation()
        live.strength_evaluation()

    benchmark.pedantic(follow, setup=setup, rounds=60)
    assert live.node_labels == evaluate(argument_map).labels
    assert live.strength == compute_strength(argument_map).strength
