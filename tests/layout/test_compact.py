"""The compact layout: a wide map folded to the screen's proportions."""

from __future__ import annotations

import pytest

from argmap.layout import bounding_box, compact_layout, sizes_for, tree_layout
from argmap.model import ArgumentMap, Direction
from tests.generators import generate_map
from tests.layout.strategies import node, relation


@pytest.mark.parametrize("direction", [Direction.TOP_BOTTOM, Direction.LEFT_RIGHT])
def test_a_thousand_node_tree_keeps_an_aspect_ratio_within_three_to_one(
    direction: Direction,
) -> None:
    m = generate_map(1000, seed=1)
    sizes = sizes_for(m.nodes)
    left, top, right, bottom = bounding_box(compact_layout(m, direction, sizes), sizes)
    aspect = (right - left) / (bottom - top)
    assert 1 / 3 <= aspect <= 3
    t_left, t_top, t_right, t_bottom = bounding_box(tree_layout(m, direction, sizes), sizes)
    tree_aspect = (t_right - t_left) / (t_bottom - t_top)
    assert max(tree_aspect, 1 / tree_aspect) > 20  # what the compact layout is for


def test_many_leaves_of_one_claim_are_stacked_in_columns_below_it() -> None:
    m = ArgumentMap(
        nodes=[node("c")] + [node(f"e{i}") for i in range(30)],
        relations=[relation(f"r{i}", [f"e{i}"], "c") for i in range(30)],
    )
    positions = compact_layout(m, Direction.TOP_BOTTOM)
    columns = {positions[f"e{i}"].x for i in range(30)}
    assert 2 <= len(columns) < 30
    assert all(positions["c"].y < positions[f"e{i}"].y for i in range(30))
    # Reading order is kept: column by column, top to bottom.
    order = sorted(range(30), key=lambda i: (positions[f"e{i}"].x, positions[f"e{i}"].y))
    assert order == list(range(30))


def test_many_small_trees_form_a_grid() -> None:
    m = ArgumentMap(nodes=[node(f"n{i}") for i in range(100)])
    sizes = sizes_for(m.nodes)
    left, top, right, bottom = bounding_box(compact_layout(m, sizes=sizes), sizes)
    assert 0.5 < (right - left) / (bottom - top) < 4
