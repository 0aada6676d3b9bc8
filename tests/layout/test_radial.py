"""The radial layout: the chosen claim at the centre, rings by distance."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from argmap.analysis.graph import statement_graph
from argmap.layout import LayoutError, radial_layout, sizes_for
from argmap.model import ArgumentMap, Point
from tests.generators import generate_map
from tests.layout.strategies import node, relation


@pytest.mark.parametrize("centre", ["n0", "n5", "n40"])
def test_the_chosen_claim_is_at_the_centre_and_rings_grow_with_distance(centre: str) -> None:
    m = generate_map(150, seed=4)
    positions = radial_layout(m, root=centre)
    assert positions[centre] == Point(x=0.0, y=0.0)
    distance = nx.single_source_shortest_path_length(statement_graph(m).to_undirected(), centre)
    radius = {n: math.hypot(positions[n].x, positions[n].y) for n in distance}
    rings: dict[int, list[float]] = {}
    for n, d in distance.items():
        rings.setdefault(d, []).append(radius[n])
    for d in range(1, max(rings)):
        assert max(rings[d]) < min(rings[d + 1])


def test_the_default_centre_is_the_first_main_claim() -> None:
    m = ArgumentMap(nodes=[node("e"), node("c")], relations=[relation("r", ["e"], "c")])
    assert radial_layout(m)["c"] == Point(x=0.0, y=0.0)


def test_statements_not_connected_to_the_centre_are_set_below_the_rings() -> None:
    m = ArgumentMap(
        nodes=[node("c"), node("e"), node("f"), node("lonely")],
        relations=[relation("r", ["e"], "c"), relation("s", ["f"], "c", attack=True)],
    )
    sizes = sizes_for(m.nodes)
    positions = radial_layout(m, sizes, root="c")
    ring_bottom = max(positions[n].y + sizes[n][1] / 2 for n in "cef")
    assert positions["lonely"].y - sizes["lonely"][1] / 2 > ring_bottom


def test_an_unknown_centre_is_refused() -> None:
    with pytest.raises(LayoutError, match="'nope'"):
        radial_layout(ArgumentMap(nodes=[node("c")]), root="nope")
