"""Snapshots of a versioned dict stay as they were taken, whatever is done to the dict after,
and however many are held at once (random operations against plain copies)."""

from __future__ import annotations

import random

import pytest

from argmap.analysis.snapshot import Snapshot, Versioned


@pytest.mark.parametrize("seed", range(30))
def test_every_snapshot_equals_a_copy_taken_at_the_same_moment(seed: int) -> None:
    rng = random.Random(seed)
    live: Versioned[str, int] = Versioned({f"k{i}": i for i in range(rng.randint(0, 6))})
    held: list[tuple[Snapshot[str, int], dict[str, int]]] = []
    for _ in range(200):
        roll = rng.random()
        key = f"k{rng.randint(0, 9)}"
        if roll < 0.4:
            live[key] = rng.randint(0, 99)
        elif roll < 0.55:
            live.pop(key)
        elif roll < 0.7:
            held.append((live.snapshot(), dict(live.data)))
        elif roll < 0.75 and held:
            held.pop(rng.randrange(len(held)))  # let one go
        elif roll < 0.8 and held:
            rng.choice(held)[0].copy()  # one made to stand alone
        for snapshot, copy in held:
            probe = f"k{rng.randint(0, 9)}"
            assert (probe in snapshot) == (probe in copy)
            assert snapshot.get(probe) == copy.get(probe)
            assert len(snapshot) == len(copy)
    for snapshot, copy in held:
        assert snapshot == copy
        assert dict(snapshot.items()) == copy


def test_a_snapshot_nobody_holds_costs_nothing() -> None:
    live: Versioned[str, int] = Versioned({"a": 1})
    live.snapshot()  # dropped at once
    live["a"] = 2
    kept = live.snapshot()
    live["a"] = 3
    assert kept["a"] == 2
    assert kept._newer is None and kept._saved == {"a": 2}
