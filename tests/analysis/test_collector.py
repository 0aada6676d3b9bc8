"""Evaluation runs without full cyclic garbage collections, and restores the collector."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from argmap.analysis.collector import collector_paused
from argmap.analysis.evaluate import evaluate
from tests.generators import generate_map


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """Generations of every collection that starts while the test runs."""
    started: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield started
    finally:
        gc.callbacks.remove(note)


@pytest.mark.parametrize("semantics", ["grounded", "preferred", "strength"])
def test_a_large_evaluation_triggers_no_collection(collections: list[int], semantics: str) -> None:
    argument_map = generate_map(2000, seed=3, attack_share=0.3)
    gc.collect()
    collections.clear()
    result = evaluate(argument_map, semantics)
    assert len(result.labels or result.strength) == 2000
    # Without the pause: dozens of collections, some of them full ones. With it, at most the
    # one young-generation collection that runs when the collector comes back on.
    assert collections in ([], [0])
    assert gc.isenabled()


def test_the_collector_comes_back_on_after_an_error() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
