"""The row index answers every question of the router exactly as the grid index does."""

from __future__ import annotations

import random

import pytest

from argmap.layout import compute_layout, sizes_for
from argmap.layout.routing import Obstacles, _boxes, route_map
from argmap.layout.rows import Rows, obstacles_for
from argmap.model import ArgumentMap
from tests.generators import generate_map
from tests.layout.forests import generate_forest

MAPS = [
    generate_map(300, seed=5, cross_link_share=0.05),
    generate_forest(200, 40, seed=3),
]


def _points(rng: random.Random, box: tuple[float, float, float, float], count: int) -> list:
    left, top, right, bottom = box
    return [(rng.uniform(left, right), rng.uniform(top, bottom)) for _ in range(count)]


def _frame(boxes: dict[str, tuple[float, float, float, float]]) -> tuple[float, ...]:
    return (
        min(b[0] - b[2] for b in boxes.values()) - 50,
        min(b[1] - b[3] for b in boxes.values()) - 50,
        max(b[0] + b[2] for b in boxes.values()) + 50,
        max(b[1] + b[3] for b in boxes.values()) + 50,
    )


@pytest.mark.parametrize("algorithm", ["tree", "layered", "compact", "radial"])
@pytest.mark.parametrize("index", range(len(MAPS)))
def test_rows_find_the_same_cards_in_the_way_as_the_grid(index: int, algorithm: str) -> None:
    m: ArgumentMap = MAPS[index]
    sizes = sizes_for(m.nodes)
    positions = compute_layout(m, algorithm, "TB", sizes)
    boxes = _boxes(positions, sizes)
    rows, grid = Rows(boxes), Obstacles(boxes)
    rng = random.Random(index)
    frame = _frame(boxes)
    ids = list(boxes)
    blocked = clear = 0
    for _ in range(1500):
        # Lines between card borders, card centres and random points: all three kinds the
        # router draws (arrows, junction legs, detours).
        a, b = _points(rng, frame, 2)
        own = rng.choice(ids)
        cx, cy, hw, hh = boxes[own]
        if rng.random() < 0.5:
            a = (cx + rng.uniform(-hw, hw), cy - hh - 2.0)  # off a card's top edge
        if rng.random() < 0.7:  # mostly short lines, as from a card to the next row
            b = (a[0] + rng.uniform(-300, 300), a[1] + rng.uniform(-200, 200))
        polyline = [a, b] if rng.random() < 0.7 else [a, *_points(rng, frame, 3), b]
        exclude = {own, rng.choice(ids)}
        answer = grid.blocked(polyline, exclude)
        assert rows.blocked(polyline, exclude) == answer
        blocked += answer
        clear += not answer
        assert rows.inside(b, exclude) == grid.inside(b, exclude)
        assert rows.band_between(a, b) == grid.band_between(a, b)
    assert blocked > 100 and clear > 100  # both answers were put to the test
    # A grid search may be given more cards than reach its area, never fewer.
    for _ in range(200):
        a, b = _points(rng, frame, 2)
        area = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
        near = {n for n, _ in grid.within(*area)}
        touching = {
            n
            for n, (cx, cy, hw, hh) in boxes.items()
            if cx + hw + 6 >= area[0]
            and cx - hw - 6 <= area[2]
            and cy + hh + 6 >= area[1]
            and cy - hh - 6 <= area[3]
        }
        assert touching <= {n for n, _ in rows.within(*area)} <= near | touching


def test_a_drawing_in_rows_is_indexed_by_rows_and_any_other_by_the_grid() -> None:
    m = generate_map(300, seed=5)
    sizes = sizes_for(m.nodes)
    tree = _boxes(compute_layout(m, "tree", "TB", sizes), sizes)
    radial = _boxes(compute_layout(m, "radial", "TB", sizes), sizes)
    assert isinstance(obstacles_for(tree), Rows)
    assert isinstance(obstacles_for(radial), Obstacles)


@pytest.mark.parametrize("algorithm", ["tree", "layered"])
def test_routes_through_the_row_index_are_those_through_the_grid(
    algorithm: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    m = generate_map(1000, seed=2024, cross_link_share=0.05)
    sizes = sizes_for(m.nodes)
    positions = compute_layout(m, algorithm, "TB", sizes)
    assert isinstance(obstacles_for(_boxes(positions, sizes)), Rows)
    by_rows = route_map(m, positions, sizes)
    monkeypatch.setattr("argmap.layout.rows.ROWS_PER_CARD", 0.0)  # every drawing on the grid
    by_grid = route_map(m, positions, sizes)
    assert by_rows == by_grid
    assert sum(1 for r in by_rows.values() if r.controls or r.premise_lines) > 20  # bends too


def test_a_line_shown_clear_cheaply_is_clear_to_the_exact_test() -> None:
    m = generate_map(1000, seed=2024)
    sizes = sizes_for(m.nodes)
    boxes = _boxes(compute_layout(m, "tree", "TB", sizes), sizes)
    rows, grid = Rows(boxes), Obstacles(boxes)
    by_line: dict[float, list[str]] = {}
    for node_id, box in boxes.items():
        by_line.setdefault(box[1], []).append(node_id)
    lines = sorted(by_line)
    rng = random.Random(1)
    shown = 0
    for _ in range(3000):
        level = rng.randrange(len(lines) - 1)
        upper = rng.choice(by_line[lines[level]])
        (ux, uy, uw, uh) = boxes[upper]
        below = by_line[lines[level + 1]]
        near = [n for n in below if abs(boxes[n][0] - ux) < 900]  # mostly a card close by
        lower = rng.choice(near if near and rng.random() < 0.8 else below)
        (lx, ly, lw, lh) = boxes[lower]
        a = (ux + rng.uniform(-uw, uw), uy + uh + 2.0)  # under the upper card
        if rng.random() < 0.3:  # or off its side
            a = (ux + rng.choice((-1, 1)) * (uw + 2.0), uy + rng.uniform(-uh, uh))
        b = (lx + rng.uniform(-lw, lw), ly - lh - 2.0)  # over the lower one
        if rng.random() < 0.3:  # or a side of the lower card
            b = (lx + rng.choice((-1, 1)) * (lw + 2.0), ly + rng.uniform(-lh, lh))
        if rows.clear_line(b, a, lower, upper):
            shown += 1
            assert not grid.blocked([b, a], {lower, upper})
    assert shown > 600  # it shows most short lines clear, not none


def test_a_bend_shown_clear_cheaply_is_clear_to_the_exact_test() -> None:
    m = generate_map(1000, seed=2024)
    sizes = sizes_for(m.nodes)
    boxes = _boxes(compute_layout(m, "tree", "TB", sizes), sizes)
    rows, grid = Rows(boxes), Obstacles(boxes)
    by_line: dict[float, list[str]] = {}
    for node_id, box in boxes.items():
        by_line.setdefault(box[1], []).append(node_id)
    lines = sorted(by_line)
    rng = random.Random(2)
    shown = 0
    for _ in range(3000):
        level = rng.randrange(len(lines) - 1)
        upper, lower = rng.choice(by_line[lines[level]]), rng.choice(by_line[lines[level + 1]])
        (ux, uy, uw, uh), (lx, ly, lw, lh) = boxes[upper], boxes[lower]
        a = (ux + rng.uniform(-uw, uw), uy + uh + 2.0)
        b = (lx + rng.uniform(-lw, lw), ly - lh - 2.0)
        # A path going one way down from a to b, wandering across on the way (an S-bend,
        # or worse): sorted heights, random breadths around the two ends.
        heights = sorted(rng.uniform(a[1], b[1]) for _ in range(rng.randint(1, 10)))
        middle = [(rng.uniform(min(a[0], b[0]) - 60, max(a[0], b[0]) + 60), y) for y in heights]
        path = [a, *middle, b]
        if rng.random() < 0.5:
            path.reverse()
            if rows.clear_path(path, lower, upper):
                shown += 1
                assert not grid.blocked(path, {lower, upper})
        elif rows.clear_path(path, upper, lower):
            shown += 1
            assert not grid.blocked(path, {lower, upper})
    assert shown > 100


def test_curves_are_sampled_at_the_points_of_de_casteljau() -> None:
    from argmap.layout.routing import _CURVE_STEPS, _curve, _curve_point, bezier_point

    rng = random.Random(3)
    for _ in range(200):
        points = [
            (rng.uniform(-900, 900), rng.uniform(-900, 900)) for _ in range(rng.choice((3, 4)))
        ]
        curve = _curve(points)
        assert curve == [bezier_point(points, i / _CURVE_STEPS) for i in range(_CURVE_STEPS + 1)]
        assert [_curve_point(points, i) for i in range(_CURVE_STEPS + 1)] == curve
