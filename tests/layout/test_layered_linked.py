"""The layered layout keeps the co-premises of a linked argument side by side."""

from __future__ import annotations

import pytest

from argmap.layout import compute_layout, sizes_for
from argmap.layout.ordering import gather
from argmap.model import ArgumentMap, Direction
from tests.generators import generate_map


def test_gather_pulls_a_group_together_where_its_first_member_stands() -> None:
    assert gather([5, 1, 7, 2, 9], {1: 0, 2: 0}) == [5, 1, 2, 7, 9]
    assert gather([5, 1, 7, 2, 9], {}) == [5, 1, 7, 2, 9]


def _split_linked(argument_map: ArgumentMap, direction: Direction) -> list[str]:
    """Linked relations whose co-premises share a row (column) with a stranger between."""
    sizes = sizes_for(argument_map.nodes)
    p = compute_layout(argument_map, "layered", direction, sizes)
    depth = (lambda n: p[n].y) if direction == Direction.TOP_BOTTOM else (lambda n: p[n].x)
    across = (lambda n: p[n].x) if direction == Direction.TOP_BOTTOM else (lambda n: p[n].y)
    rows: dict[float, list[str]] = {}
    for node in argument_map.nodes:
        rows.setdefault(round(depth(node.id)), []).append(node.id)
    order = {n: i for row in rows.values() for i, n in enumerate(sorted(row, key=across))}
    split = []
    for relation in argument_map.relations:
        by_row: dict[float, list[int]] = {}
        for premise in relation.premises:
            by_row.setdefault(round(depth(premise)), []).append(order[premise])
        for places in by_row.values():
            if len(places) > 1 and max(places) - min(places) != len(places) - 1:
                split.append(relation.id)
    return split


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("direction", list(Direction))
def test_co_premises_are_neighbours_in_their_layer(seed: int, direction: Direction) -> None:
    argument_map = generate_map(400, seed=seed, cross_link_share=0.15)
    assert _split_linked(argument_map, direction) == []
