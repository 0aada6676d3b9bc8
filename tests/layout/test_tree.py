"""The tidy tree: claims above what bears on them, supports left of attacks, compact."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.layout import build_forest, count_crossings, sizes_for, tree_layout
from argmap.layout.forest import SUPPORT, LayoutForest
from argmap.layout.geometry import Size, spacing_for
from argmap.layout.tree import forest_gap
from argmap.model import ArgumentMap, Direction, Point
from tests.generators import generate_map
from tests.layout.strategies import maps, node, relation

SIZES = {name: (200.0, 60.0) for name in "abcdefgh"}


def small_map() -> ArgumentMap:
    """c is supported by s1, s2 (linked) and s3, attacked by a1, and s3's inference is
    undercut by u."""
    return ArgumentMap(
        nodes=[node(i) for i in ("c", "a1", "s1", "s2", "s3", "u")],
        relations=[
            relation("r_attack", ["a1"], "c", attack=True),
            relation("r_linked", ["s1", "s2"], "c"),
            relation("r_single", ["s3"], "c"),
            relation("r_under", ["u"], "r_single", attack=True),
        ],
    )


def test_supports_stand_left_of_undercutters_and_attacks_under_their_claim() -> None:
    positions = tree_layout(small_map(), Direction.TOP_BOTTOM)
    xs = {n: positions[n].x for n in positions}
    assert max(xs["s1"], xs["s2"], xs["s3"]) < xs["u"] < xs["a1"]
    assert all(positions["c"].y < positions[n].y for n in ("a1", "s1", "s2", "s3", "u"))


def test_linked_premises_sit_side_by_side_and_closer_than_other_siblings() -> None:
    sizes = {n: (200.0, 60.0) for n in ("c", "a1", "s1", "s2", "s3", "u")}
    positions = tree_layout(small_map(), Direction.TOP_BOTTOM, sizes)
    order = sorted(positions, key=lambda n: positions[n].x)
    assert abs(order.index("s1") - order.index("s2")) == 1
    linked_gap = positions["s2"].x - positions["s1"].x
    sibling_gap = positions["s3"].x - positions["s2"].x
    assert linked_gap < sibling_gap


def test_left_right_puts_claims_left_and_supports_above_attacks() -> None:
    positions = tree_layout(small_map(), Direction.LEFT_RIGHT)
    assert all(positions["c"].x < positions[n].x for n in ("a1", "s1", "s3", "u"))
    assert positions["s1"].y < positions["a1"].y


def test_parent_is_centred_over_its_premises() -> None:
    positions = tree_layout(small_map(), Direction.TOP_BOTTOM)
    left, right = positions["s1"].x, positions["a1"].x
    assert positions["c"].x == pytest.approx((left + right) / 2, abs=0.1)


def test_real_card_sizes_are_respected() -> None:
    m = ArgumentMap(
        nodes=[node("c"), node("wide"), node("narrow")],
        relations=[relation("r1", ["wide"], "c"), relation("r2", ["narrow"], "c")],
    )
    sizes: dict[str, Size] = {"c": (100, 40), "wide": (500, 40), "narrow": (50, 200)}
    p = tree_layout(m, Direction.TOP_BOTTOM, sizes)
    gap = spacing_for(Direction.TOP_BOTTOM).sibling
    assert p["narrow"].x - p["wide"].x == pytest.approx(250 + 25 + gap, abs=0.2)
    # The row of premises starts a level gap below c and is as deep as its deepest card,
    # whose centre line all its cards share.
    row_top = 40 + spacing_for(Direction.TOP_BOTTOM).level
    assert p["narrow"].y == p["wide"].y == pytest.approx(row_top + 100)


def _tree_edges(forest: LayoutForest) -> list[tuple[str, str]]:
    return [(forest.ids[a], forest.ids[b]) for a, b in forest.tree_edges()]


@settings(max_examples=30, deadline=None)
@given(argument_map=maps(), direction=st.sampled_from(["TB", "LR"]))
def test_tree_edges_never_cross_and_parents_come_first(
    argument_map: ArgumentMap, direction: str
) -> None:
    positions = tree_layout(argument_map, Direction(direction))
    forest = build_forest(argument_map)
    assert count_crossings(positions, _tree_edges(forest)) == 0
    for child, parent in _tree_edges(forest):
        if direction == "TB":
            assert positions[parent].y < positions[child].y
        else:
            assert positions[parent].x < positions[child].x


@settings(max_examples=30, deadline=None)
@given(argument_map=maps())
def test_attacks_stand_right_of_supports_under_every_claim(argument_map: ArgumentMap) -> None:
    positions = tree_layout(argument_map, Direction.TOP_BOTTOM)
    forest = build_forest(argument_map)
    for kids in forest.children:
        supports = [positions[forest.ids[k]].x for k in kids if forest.group[k] == SUPPORT]
        attacks = [positions[forest.ids[k]].x for k in kids if forest.group[k] != SUPPORT]
        if supports and attacks:
            assert max(supports) < min(attacks)


def naive_width(forest: LayoutForest, sizes: Mapping[str, Size]) -> float:
    """Width of the tree with every subtree in its own bounding box, side by side."""
    gap = forest_gap(forest, spacing_for(Direction.TOP_BOTTOM))
    width = [0.0] * len(forest.ids)
    for top in reversed([n for r in forest.roots for n in forest.subtree(r)]):
        kids = forest.children[top]
        row = sum(width[k] for k in kids) + sum(gap(a, b) for a, b in itertools.pairwise(kids))
        width[top] = max(sizes[forest.ids[top]][0], row)
    roots = forest.roots
    return sum(width[r] for r in roots) + sum(gap(a, b) for a, b in itertools.pairwise(roots))


@pytest.mark.parametrize("seed", range(5))
def test_contours_make_the_tree_no_wider_than_boxes_side_by_side(seed: int) -> None:
    argument_map = generate_map(300, seed)
    sizes = sizes_for(argument_map.nodes)
    positions = tree_layout(argument_map, Direction.TOP_BOTTOM, sizes)
    left = min(p.x - sizes[n][0] / 2 for n, p in positions.items())
    right = max(p.x + sizes[n][0] / 2 for n, p in positions.items())
    naive = naive_width(build_forest(argument_map), sizes)
    assert right - left <= naive
    assert right - left < 0.9 * naive  # compaction is real on a branching map


def test_cross_links_do_not_move_the_tree() -> None:
    tree = generate_map(120, seed=3, cross_link_share=0.0)
    with_links = generate_map(120, seed=3, cross_link_share=0.1)
    assert len(with_links.relations) > len(tree.relations)
    assert tree_layout(tree) == tree_layout(with_links)


def test_a_chain_longer_than_the_recursion_limit_is_laid_out() -> None:
    count = 3000
    chain = ArgumentMap(
        nodes=[node(f"n{i}") for i in range(count)],
        relations=[relation(f"r{i}", [f"n{i}"], f"n{i - 1}") for i in range(1, count)],
    )
    positions = tree_layout(chain, Direction.TOP_BOTTOM)
    ys = [positions[f"n{i}"].y for i in range(count)]
    assert ys == sorted(ys) and len(set(ys)) == count
    assert positions["n0"] == Point(x=120.0, y=positions["n0"].y)
