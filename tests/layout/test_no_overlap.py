"""The promise every layout keeps: every node placed, no two cards overlapping, same input
same output; on trees, DAGs, cycles, undercuts, linked premises, isolated nodes, empty maps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.layout import compute_layout, overlaps, sizes_for
from argmap.layout.compact import compact_layout
from argmap.layout.layered import layered_layout
from argmap.layout.radial import radial_layout
from argmap.layout.tree import tree_layout
from argmap.model import ArgumentMap, Direction
from tests.generators import generate_map
from tests.layout.strategies import ALGORITHMS, DIRECTIONS, maps, sizes_for_map

RAW = {
    "tree": lambda m, d, s: tree_layout(m, d, s),
    "layered": lambda m, d, s: layered_layout(m, d, s),
    "compact": lambda m, d, s: compact_layout(m, d, s),
    "radial": lambda m, d, s: radial_layout(m, s),
}


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("direction", DIRECTIONS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_layout_places_every_card_without_overlap(
    algorithm: str, direction: str, data: st.DataObject
) -> None:
    argument_map = data.draw(maps())
    sizes = data.draw(sizes_for_map(argument_map))
    # The algorithm itself, without the final guard of compute_layout: it must not need it.
    positions = RAW[algorithm](argument_map, Direction(direction), sizes)
    assert set(positions) == {n.id for n in argument_map.nodes}
    assert overlaps(positions, sizes) == []
    assert RAW[algorithm](argument_map, Direction(direction), sizes) == positions


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("size", [200, 600])
def test_larger_generated_maps_have_no_overlaps(algorithm: str, size: int) -> None:
    argument_map = generate_map(size, seed=size + 7)
    sizes = sizes_for(argument_map.nodes)
    for direction in DIRECTIONS:
        positions = compute_layout(argument_map, algorithm, direction, sizes=sizes)
        assert len(positions) == size
        assert overlaps(positions, sizes) == []


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_an_empty_map_lays_out_to_nothing(algorithm: str) -> None:
    assert compute_layout(ArgumentMap(), algorithm) == {}
