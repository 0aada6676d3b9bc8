"""The layered layout: every edge one way, few crossings, straight long edges."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from argmap.layout import count_crossings, direction_share, layered_layout, tree_layout
from argmap.layout.edges import statement_edges
from argmap.layout.layering import layer_graph
from argmap.layout.ordering import count_layer_crossings
from argmap.model import ArgumentMap, Direction
from tests.generators import generate_map
from tests.layout.strategies import maps, node, relation


def edges_of(argument_map: ArgumentMap) -> list[tuple[str, str]]:
    return [(e.premise, e.target) for e in statement_edges(argument_map)]


@settings(max_examples=30, deadline=None)
@given(argument_map=maps())
def test_on_acyclic_maps_every_edge_points_up_to_its_target(argument_map: ArgumentMap) -> None:
    graph = layer_graph(argument_map)
    positions = layered_layout(argument_map, Direction.TOP_BOTTOM)
    if graph.reversed_edges == 0:
        assert direction_share(positions, edges_of(argument_map), Direction.TOP_BOTTOM) == 1.0


@pytest.mark.parametrize("direction", [Direction.TOP_BOTTOM, Direction.LEFT_RIGHT])
def test_dags_with_many_shared_nodes_point_one_way(direction: Direction) -> None:
    m = generate_map(300, seed=11, cross_link_share=0.3)
    positions = layered_layout(m, direction)
    assert direction_share(positions, edges_of(m), direction) == 1.0


def test_a_cycle_reverses_one_edge_only() -> None:
    m = ArgumentMap(
        nodes=[node(i) for i in "abc"],
        relations=[
            relation("r1", ["b"], "a"),
            relation("r2", ["c"], "b"),
            relation("r3", ["a"], "c"),
        ],
    )
    assert layer_graph(m).reversed_edges == 1
    positions = layered_layout(m)
    assert direction_share(positions, edges_of(m), Direction.TOP_BOTTOM) == pytest.approx(2 / 3)


def test_crossing_reduction_beats_the_tree_order_on_a_tangled_dag() -> None:
    m = generate_map(400, seed=5, cross_link_share=0.3)
    layered = count_crossings(layered_layout(m), edges_of(m))
    tree = count_crossings(tree_layout(m), edges_of(m))
    assert layered < tree


def test_layer_crossings_are_counted_exactly() -> None:
    down = [[3, 4], [2], [], [], []]
    # Upper layer 0, 1; lower layer 2, 3, 4: edges 0-3, 0-4, 1-2; 1-2 crosses both.
    assert count_layer_crossings([0, 1], [2, 3, 4], down) == 2
    assert count_layer_crossings([1, 0], [2, 3, 4], down) == 0


def test_long_edges_get_one_dummy_per_layer_crossed() -> None:
    m = ArgumentMap(
        nodes=[node(i) for i in "abcd"],
        relations=[
            relation("r1", ["b"], "a"),
            relation("r2", ["c"], "b"),
            relation("r3", ["d"], "c"),
            relation("r4", ["d"], "a"),
        ],
    )
    graph = layer_graph(m)
    assert graph.rank[:4] == [0, 1, 2, 3]
    assert graph.size - graph.count == 2  # the edge d -> a crosses layers 1 and 2
