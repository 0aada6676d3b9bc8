"""Arrows are routed around the cards they do not touch, in every layout."""

from __future__ import annotations

import math

import pytest

from argmap.layout import compute_layout, sizes_for
from argmap.layout.routing import (
    Obstacles,
    Route,
    arrows_through_cards,
    route_map,
    route_relation,
)
from argmap.model import ArgumentMap, Node, Point, Relation
from tests.generators import generate_map
from tests.layout.forests import generate_forest

SIZE = (160.0, 60.0)


def _map(node_ids: list[str], relations: list[Relation]) -> ArgumentMap:
    return ArgumentMap(nodes=[Node(id=n, kind="claim") for n in node_ids], relations=relations)


def _through(m: ArgumentMap, positions: dict[str, Point], avoid: bool = True) -> int:
    sizes = {n.id: SIZE for n in m.nodes}
    return arrows_through_cards(m, positions, sizes, route_map(m, positions, sizes, avoid))


def test_an_arrow_bends_round_a_card_in_its_way() -> None:
    m = _map(["c", "e", "x"], [Relation(id="r", kind="support", premises=["e"], target="c")])
    laid = {"c": Point(x=0, y=0), "x": Point(x=0, y=200), "e": Point(x=0, y=400)}
    assert _through(m, laid, avoid=False) == 1  # straight, it runs under x
    assert _through(m, laid) == 0
    route = route_map(m, laid, {n: SIZE for n in laid})["r"]
    assert route.controls or route.premise_lines  # it bent
    assert route.end[1] == pytest.approx(32.0, abs=0.5)  # and still arrives at c's border


def test_linked_premises_meet_where_no_card_stands() -> None:
    m = _map(
        ["c", "a", "b", "x"],
        [Relation(id="r", kind="support", premises=["a", "b"], target="c")],
    )
    # x stands right where the junction would be, between the premises and the claim.
    laid = {
        "c": Point(x=0, y=0),
        "a": Point(x=-150, y=420),
        "b": Point(x=150, y=420),
        "x": Point(x=0, y=230),
    }
    assert _through(m, laid, avoid=False) >= 1
    assert _through(m, laid) == 0
    route = route_map(m, laid, {n: SIZE for n in laid})["r"]
    assert route.junction is not None
    assert not Obstacles({"x": (0, 230, 80, 30)}).inside(route.junction, set())


def test_a_walled_in_target_is_reached_by_a_way_round() -> None:
    # A row of cards between premise and target, too wide for a simple bend.
    wall = [f"w{i}" for i in range(7)]
    m = _map(["c", "e", *wall], [Relation(id="r", kind="support", premises=["e"], target="c")])
    laid = {"c": Point(x=0, y=0), "e": Point(x=0, y=500)}
    laid |= {w: Point(x=(i - 3) * 170.0, y=250) for i, w in enumerate(wall)}
    assert _through(m, laid, avoid=False) == 1
    assert _through(m, laid) == 0


def test_an_undercut_ends_at_the_sign_of_the_arrow_it_attacks() -> None:
    m = _map(
        ["c", "e", "u"],
        [
            Relation(id="r", kind="support", premises=["e"], target="c"),
            Relation(id="ru", kind="attack", premises=["u"], target="r"),
        ],
    )
    laid = {"c": Point(x=0, y=0), "e": Point(x=0, y=300), "u": Point(x=400, y=150)}
    routes = route_map(m, laid, {n: SIZE for n in laid})
    mid = routes["r"].mid
    assert math.dist(routes["ru"].end, mid) == pytest.approx(9.0, abs=0.5)


def test_a_route_is_plain_data() -> None:
    route = route_relation([("e", (0.0, 300.0, 80.0, 30.0))], (0.0, 0.0, 80.0, 30.0), "c")
    assert route == Route(start=(0.0, 268.0), end=(0.0, 32.0))
    assert route.mid == (0.0, 150.0)


TREES = [
    generate_map(60, seed=1, cross_link_share=0.0),
    generate_map(300, seed=2, cross_link_share=0.0),
    generate_map(1000, seed=2024, cross_link_share=0.0),
    generate_forest(1000, 300, seed=7),
]


@pytest.mark.parametrize("algorithm", ["tree", "layered", "compact", "radial", "dot"])
@pytest.mark.parametrize("tree", range(len(TREES)))
def test_no_arrow_runs_through_a_card_on_trees_in_any_layout(tree: int, algorithm: str) -> None:
    m = TREES[tree]
    if algorithm == "dot":
        from argmap.layout import dot_available

        if not dot_available() or len(m.nodes) > 300:
            pytest.skip("Graphviz dot is not installed (or slow beyond 300 statements)")
    sizes = sizes_for(m.nodes)
    root = m.nodes[0].id if algorithm == "radial" else None
    positions = compute_layout(m, algorithm, "TB", sizes, root=root)
    assert arrows_through_cards(m, positions, sizes, route_map(m, positions, sizes)) == 0
