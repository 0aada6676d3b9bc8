"""Compact's promise, in its own words and the README's: the drawing aims at a 16:9 screen.

Every block picks the number of lanes that brings it nearest 16:9, so whole drawings come out
landscape and near 16:9 in both directions (LR turns the blocks, not the screen). The bands
below are what that promise allows for a layout built from whole cards, not "anything up to
3:1 either way".
"""

from __future__ import annotations

import math

import pytest

from argmap.layout import bounding_box, compact_layout, sizes_for
from argmap.model import Direction
from tests.generators import generate_map

SIXTEEN_NINE = 16 / 9


def _aspect(n: int, seed: int, direction: Direction) -> float:
    m = generate_map(n, seed=seed)
    sizes = sizes_for(m.nodes)
    left, top, right, bottom = bounding_box(compact_layout(m, direction, sizes), sizes)
    return (right - left) / (bottom - top)


@pytest.mark.parametrize("direction", [Direction.TOP_BOTTOM, Direction.LEFT_RIGHT])
def test_thousand_node_maps_come_out_landscape_near_sixteen_nine(direction: Direction) -> None:
    aspects = [_aspect(1000, seed, direction) for seed in (1, 2, 3, 4)]
    # Each map: landscape, within a factor 1.6 of 16:9 (square or portrait is refused).
    assert all(SIXTEEN_NINE / 1.6 <= a <= SIXTEEN_NINE * 1.6 for a in aspects), aspects
    # Together: centred on 16:9 (geometric mean within 25 %), not merely somewhere wide.
    mean = math.exp(sum(math.log(a) for a in aspects) / len(aspects))
    assert SIXTEEN_NINE / 1.25 <= mean <= SIXTEEN_NINE * 1.25, (mean, aspects)
