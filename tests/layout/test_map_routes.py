"""A whole map routed at once: the quick test that shows a line between neighbouring rows
clear never calls a line through a card clear, and the map's routes are those the exact tests
give one relation at a time."""

from __future__ import annotations

import random

import pytest

from argmap.layout import compute_layout, map_routes, sizes_for
from argmap.layout.map_routes import straight_clear
from argmap.layout.routing import Obstacles, _boxes, route_map
from argmap.layout.rows import Rows
from tests.generators import generate_map


@pytest.mark.parametrize("algorithm", ["tree", "layered"])
def test_a_line_shown_clear_by_the_rooms_beside_its_cards_is_clear_to_the_exact_test(
    algorithm: str,
) -> None:
    m = generate_map(1000, seed=2024, cross_link_share=0.05)
    sizes = sizes_for(m.nodes)
    boxes = _boxes(compute_layout(m, algorithm, "TB", sizes), sizes)
    rows, grid = Rows(boxes), Obstacles(boxes)
    room = rows.room
    assert room  # rows that never overlap: every card has its room
    by_row: dict[int, list[str]] = {}
    for node_id, entry in room.items():
        by_row.setdefault(entry[0], []).append(node_id)
    rng = random.Random(4)
    shown = 0
    for _ in range(4000):
        level = rng.randrange(len(by_row) - 1)
        upper, lower = rng.choice(by_row[level]), rng.choice(by_row[level + 1])
        if rng.random() < 0.7:  # mostly cards close across, as a parent and its premise
            near = [n for n in by_row[level + 1] if abs(boxes[n][0] - boxes[upper][0]) < 900]
            lower = rng.choice(near or by_row[level + 1])
        (ux, uy, uw, uh), (lx, ly, lw, lh) = boxes[upper], boxes[lower]
        # Anywhere on or by each card's border, sides too: ports and starts lie there.
        a = (ux + rng.uniform(-uw - 2, uw + 2), uy + rng.choice((uh + 2.0, rng.uniform(-uh, uh))))
        b = (lx + rng.uniform(-lw - 2, lw + 2), ly + rng.choice((-lh - 2.0, rng.uniform(-lh, lh))))
        if rng.random() < 0.5:
            a, b, upper, lower = b, a, lower, upper
        if straight_clear(a, b, room[upper], room[lower]):
            shown += 1
            assert not grid.blocked([a, b], {upper, lower}), (upper, lower, a, b)
    assert shown > 800  # it shows most lines clear, not none


def test_the_cards_of_a_row_are_outside_every_room_in_it() -> None:
    m = generate_map(300, seed=9)
    sizes = sizes_for(m.nodes)
    boxes = _boxes(compute_layout(m, "tree", "TB", sizes), sizes)
    rows = Rows(boxes)
    c = rows.clearance
    for node_id, (row, low, high, top, bottom) in rows.room.items():
        for other, other_entry in rows.room.items():
            if other_entry[0] != row or other == node_id:
                continue
            x, y, hw, hh = boxes[other]
            assert x + hw + c <= low or x - hw - c >= high
            assert top <= y - hh - c and y + hh + c <= bottom


@pytest.mark.parametrize(("algorithm", "cross"), [("tree", 0.0), ("tree", 0.05), ("layered", 0.05)])
def test_the_map_is_routed_as_without_the_quick_test(
    algorithm: str, cross: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    m = generate_map(600, seed=11, cross_link_share=cross)
    sizes = sizes_for(m.nodes)
    positions = compute_layout(m, algorithm, "TB", sizes)
    quick = route_map(m, positions, sizes)
    monkeypatch.setattr(map_routes, "straight_clear", lambda *_: False)
    assert route_map(m, positions, sizes) == quick
