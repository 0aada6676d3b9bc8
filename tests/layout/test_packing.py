"""Separate parts are packed as blocks towards an aspect, not laid in one row."""

from __future__ import annotations

import pytest

from argmap.layout import bounding_box, compute_layout, overlaps, sizes_for
from argmap.layout.packing import pack_parts, parts_of
from argmap.model import ArgumentMap, Node, Point, Relation
from tests.layout.forests import generate_forest

LAYOUTS = ("tree", "layered", "compact", "radial")


def _sides(positions: dict[str, Point], sizes: dict[str, tuple[float, float]]) -> float:
    left, top, right, bottom = bounding_box(positions, sizes)
    return (right - left) / (bottom - top)


@pytest.fixture(scope="module")
def forest() -> ArgumentMap:
    return generate_forest(1000, 300, seed=7)


def test_the_generated_forest_has_the_parts_asked_for(forest: ArgumentMap) -> None:
    assert len(forest.nodes) == 1000
    assert len(parts_of(forest)) == 300


@pytest.mark.parametrize("algorithm", LAYOUTS)
def test_a_forest_of_300_parts_reads_like_a_page(forest: ArgumentMap, algorithm: str) -> None:
    sizes = sizes_for(forest.nodes)
    root = forest.nodes[0].id if algorithm == "radial" else None
    positions = compute_layout(forest, algorithm, "TB", sizes, root=root)
    ratio = _sides(positions, sizes)
    assert 1 / 3 <= ratio <= 3, f"{algorithm}: {ratio:.2f}:1"
    assert overlaps(positions, sizes) == []


def test_each_part_keeps_its_own_shape(forest: ArgumentMap) -> None:
    sizes = sizes_for(forest.nodes)
    from argmap.layout.tree import tree_layout

    loose = tree_layout(forest, "TB", sizes)
    packed = compute_layout(forest, "tree", "TB", sizes)
    for part in parts_of(forest)[:40]:
        first = part[0]
        dx, dy = packed[first].x - loose[first].x, packed[first].y - loose[first].y
        for node_id in part:
            assert packed[node_id].x == pytest.approx(loose[node_id].x + dx)
            assert packed[node_id].y == pytest.approx(loose[node_id].y + dy)


def test_the_window_aspect_shapes_the_page(forest: ArgumentMap) -> None:
    sizes = sizes_for(forest.nodes)
    tall = _sides(compute_layout(forest, "tree", "TB", sizes, aspect=0.6), sizes)
    wide = _sides(compute_layout(forest, "tree", "TB", sizes, aspect=2.5), sizes)
    assert tall < 0.9 < 1.6 < wide


def _pairs(count: int) -> ArgumentMap:
    nodes = [Node(id=f"c{i}", kind="claim") for i in range(count)]
    nodes += [Node(id=f"e{i}", kind="evidence") for i in range(count)]
    relations = [
        Relation(id=f"r{i}", kind="support", premises=[f"e{i}"], target=f"c{i}")
        for i in range(count)
    ]
    return ArgumentMap(nodes=nodes, relations=relations)


def test_largest_first_then_in_map_order() -> None:
    m = _pairs(9)
    big = [Node(id=f"x{i}", kind="evidence") for i in range(3)]
    m = ArgumentMap(
        nodes=[*m.nodes, *big],
        relations=[
            *m.relations,
            *(
                Relation(id=f"rx{i}", kind="support", premises=[f"x{i}"], target="c8")
                for i in range(3)
            ),
        ],
    )
    sizes = sizes_for(m.nodes)
    p = compute_layout(m, "tree", "TB", sizes)
    rows: dict[float, list[str]] = {}
    for i in range(9):
        rows.setdefault(round(p[f"c{i}"].y), []).append(f"c{i}")
    first_row = rows[min(rows)]
    assert first_row[0] == "c8"  # the part of five statements leads
    ordered = [c for y in sorted(rows) for c in sorted(rows[y], key=lambda c: p[c].x)]
    assert ordered[1:] == [f"c{i}" for i in range(8)]  # the rest read in map order


def test_a_map_of_one_part_is_left_alone() -> None:
    m = _pairs(1)
    laid = {"c0": Point(x=0, y=0), "e0": Point(x=500, y=900)}
    assert pack_parts(m, laid, sizes_for(m.nodes)) == laid


def test_an_undercut_keeps_its_premise_with_the_argument_it_attacks() -> None:
    m = _pairs(2)
    m = ArgumentMap(
        nodes=[*m.nodes, Node(id="u", kind="counterargument")],
        relations=[*m.relations, Relation(id="ru", kind="attack", premises=["u"], target="r0")],
    )
    parts = parts_of(m)
    assert ["c0", "e0", "u"] in [sorted(part) for part in parts]
    assert len(parts) == 2
