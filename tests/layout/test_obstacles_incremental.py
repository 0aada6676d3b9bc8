"""The obstacle index the canvas keeps alive must be the index a fresh build would give."""

from __future__ import annotations

import math
import random

import pytest

from argmap.layout.free_bands import FreeBands, free_gaps
from argmap.layout.routing import Box, Obstacles


def _state(index: Obstacles) -> tuple[object, ...]:
    index._refresh_bands()
    cells = {cell: sorted(entries) for cell, entries in index._cells.items() if entries}
    return index.boxes, cells, index._rows, index._columns


def _random_box(rng: random.Random, tiny: bool) -> Box:
    # Coarse coordinates: cards share rows and columns, touch and overlap, as in real maps.
    half = (rng.choice([0.2, 0.4]), rng.choice([0.1, 0.3])) if tiny else None
    x, y = rng.randrange(0, 2400, 40), rng.randrange(0, 1600, 40)
    if half is not None:
        return float(x), float(y), *half
    return float(x), float(y), rng.choice([60.0, 80.0, 100.0]), rng.choice([20.0, 30.0, 50.0])


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("clearance", [6.0, 0.0, -0.5])
def test_incremental_index_matches_a_fresh_one(seed: int, clearance: float) -> None:
    rng = random.Random(seed)
    tiny = clearance < 0  # cards smaller than a negative clearance: spans run backwards
    boxes = {f"n{i}": _random_box(rng, tiny) for i in range(rng.randrange(0, 30))}
    index = Obstacles(boxes, clearance=clearance)
    next_id = len(boxes)
    for _step in range(300):
        roll = rng.random()
        if roll < 0.35 or not boxes:
            node_id = f"n{next_id}"
            next_id += 1
            boxes[node_id] = _random_box(rng, tiny)
            index.add(node_id, boxes[node_id])
        elif roll < 0.6:
            node_id = rng.choice(sorted(boxes))
            del boxes[node_id]
            index.remove(node_id)
        else:
            node_id = rng.choice(sorted(boxes))
            x, y, hw, hh = boxes[node_id]
            if rng.random() < 0.5:  # a drag: a small step
                box = (x + rng.choice([-40.0, 0.0, 40.0]), y + rng.choice([-40.0, 40.0]), hw, hh)
            else:  # a new size (text typed) or a jump (a layout)
                box = _random_box(rng, tiny)
            boxes[node_id] = box
            index.move(node_id, box)
        assert _state(index) == _state(Obstacles(boxes, clearance=clearance))


def test_free_bands_follow_spans_as_they_come_and_go() -> None:
    rng = random.Random(7)
    spans: list[tuple[float, float]] = []
    bands = FreeBands()
    for _ in range(2000):
        if spans and rng.random() < 0.45:
            span = spans.pop(rng.randrange(len(spans)))
            bands.remove(span)
        else:
            low = float(rng.randrange(0, 60))
            span = (low, low + rng.choice([0.0, 1.0, 2.0, 5.0]))
            spans.append(span)
            bands.add(span)
        bands.refresh()
        assert (bands.starts, bands.ends) == free_gaps(spans)
    for span in list(spans):
        bands.remove(span)
    assert (bands.starts, bands.ends) == ([-math.inf], [math.inf])


def test_each_pass_gets_its_own_search_budget() -> None:
    index = Obstacles({"a": (0.0, 0.0, 50.0, 20.0)}, search_steps=1000)
    index.searches_left, index.steps_left = 0, 0
    index.new_pass()
    assert index.steps_left == 1000
    assert index.searches_left > 0
