"""Respecting the user's hand: new nodes beside their partner, partial tidying, pins."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.layout import (
    compute_layout,
    layout_selection,
    overlaps,
    place_new_node,
    settle,
    sizes_for,
    subtree_nodes,
)
from argmap.model import ArgumentMap, Direction, Point
from tests.generators import generate_map
from tests.layout.strategies import node, relation


def laid_out(size: int = 60, seed: int = 2, direction: str = "TB") -> ArgumentMap:
    m = generate_map(size, seed)
    m.layout.direction = Direction(direction)
    m.layout.positions = compute_layout(m, "tree")
    return m


def add_premise(m: ArgumentMap, target: str, attack: bool) -> str:
    m.nodes.append(node("new"))
    m.relations.append(relation("r_new", ["new"], target, attack=attack))
    return "new"


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("attack", [False, True])
def test_a_new_premise_goes_below_its_claim_on_its_side_and_moves_nothing(
    direction: str, attack: bool
) -> None:
    m = laid_out(direction=direction)
    before = dict(m.layout.positions)
    new = add_premise(m, "n1", attack)
    spot = place_new_node(m, new)
    assert m.layout.positions == before  # nothing was moved (or written)
    positions = {**before, new: spot}
    assert overlaps(positions, sizes_for(m.nodes)) == []
    partner = before["n1"]
    if direction == "TB":
        assert spot.y > partner.y
    else:
        assert spot.x > partner.x


def test_a_new_support_goes_left_and_a_new_attack_right_under_a_leaf() -> None:
    m = ArgumentMap(nodes=[node("c")], relations=[])
    m.layout.positions = {"c": Point(x=0, y=0)}
    m.nodes += [node("s"), node("a")]
    m.relations += [relation("r1", ["s"], "c"), relation("r2", ["a"], "c", attack=True)]
    s = place_new_node(m, "s")
    m.layout.positions["s"] = s
    a = place_new_node(m, "a")
    assert s.x == 0 and s.y > 0
    assert a.x > s.x and a.y == s.y


def test_a_new_node_without_placed_partner_goes_right_of_the_drawing() -> None:
    m = laid_out()
    m.nodes.append(node("alone"))
    spot = place_new_node(m, "alone")
    sizes = sizes_for(m.nodes)
    right = max(p.x + sizes[n][0] / 2 for n, p in m.layout.positions.items())
    assert spot.x - sizes["alone"][0] / 2 > right


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 500), pick=st.integers(0, 59), direction=st.sampled_from(["TB", "LR"]))
def test_laying_out_a_selection_moves_only_its_subtree_and_overlaps_nothing(
    seed: int, pick: int, direction: str
) -> None:
    m = laid_out(60, seed, direction)
    # Scramble the subtree first, as a user dragging cards about would.
    top = f"n{pick}"
    subtree = subtree_nodes(m, [top])
    for i, node_id in enumerate(subtree):
        p = m.layout.positions[node_id]
        m.layout.positions[node_id] = Point(x=p.x + 37 * i, y=p.y - 11 * i)
    before = dict(m.layout.positions)
    moved = layout_selection(m, [top])
    assert set(moved) == set(subtree)
    after = {**before, **moved}
    assert overlaps(after, sizes_for(m.nodes)) == []


def test_a_selection_keeps_its_top_card_in_place_when_there_is_room() -> None:
    m = ArgumentMap(
        nodes=[node("c"), node("e"), node("f")],
        relations=[relation("r1", ["e"], "c"), relation("r2", ["f"], "c")],
    )
    m.layout.positions = {"c": Point(x=0, y=0), "e": Point(x=-900, y=700), "f": Point(x=50, y=900)}
    moved = layout_selection(m, ["c"])
    assert moved["c"] == Point(x=0, y=0)
    assert moved["e"].y == moved["f"].y > 0


def test_pinned_nodes_stay_where_they_are() -> None:
    m = laid_out(80, seed=9)
    pinned = ["n3", "n20", "n41"]
    for i, node_id in enumerate(pinned):
        m.layout.positions[node_id] = Point(x=-5000.0 + 300 * i, y=4000.0)
    m.layout.pinned = pinned
    sizes = sizes_for(m.nodes)
    for algorithm in ("tree", "layered", "compact", "radial"):
        positions = compute_layout(m, algorithm, sizes=sizes)
        assert all(positions[n] == m.layout.positions[n] for n in pinned)
        assert overlaps(positions, sizes) == []


def test_a_pinned_node_in_a_selection_stays_and_is_avoided() -> None:
    m = laid_out(40, seed=1)
    m.layout.pinned = ["n2"]
    moved = layout_selection(m, ["n0"])
    assert "n2" not in moved
    sizes = sizes_for(m.nodes)
    assert overlaps({**m.layout.positions, **moved}, sizes) == []


def test_settle_moves_only_cards_that_overlap() -> None:
    sizes = {n: (100.0, 40.0) for n in "abc"}
    positions = {"a": Point(x=0, y=0), "b": Point(x=10, y=5), "c": Point(x=500, y=0)}
    settled = settle(positions, sizes, fixed=["b"])
    assert settled["b"] == positions["b"] and settled["c"] == positions["c"]
    assert settled["a"] != positions["a"]
    assert overlaps(settled, sizes) == []
