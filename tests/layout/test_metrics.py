"""The measures the tests and the benchmark rely on."""

from __future__ import annotations

from argmap.layout import bounding_box, count_crossings, direction_share, measure, overlaps
from argmap.model import Direction, Point


def p(x: float, y: float) -> Point:
    return Point(x=x, y=y)


def test_overlaps_finds_each_overlapping_pair_once_and_ignores_touching() -> None:
    sizes = {n: (100.0, 50.0) for n in "abcd"}
    positions = {"a": p(0, 0), "b": p(50, 20), "c": p(100, 0), "d": p(1000, 0)}
    assert overlaps(positions, sizes) == [("a", "b"), ("b", "c")]  # a and c only touch


def test_crossings_count_proper_crossings_not_shared_ends() -> None:
    positions = {"a": p(0, 0), "b": p(10, 10), "c": p(10, 0), "d": p(0, 10), "e": p(20, 20)}
    assert count_crossings(positions, [("a", "b"), ("c", "d")]) == 1
    assert count_crossings(positions, [("a", "b"), ("b", "e")]) == 0
    assert count_crossings(positions, [("a", "b"), ("b", "a"), ("c", "d")]) == 1


def test_direction_share_and_extent() -> None:
    positions = {"claim": p(0, 0), "premise": p(0, 100), "odd": p(0, -100)}
    edges = [("premise", "claim"), ("odd", "claim")]
    assert direction_share(positions, edges, Direction.TOP_BOTTOM) == 0.5
    sizes = {n: (40.0, 20.0) for n in positions}
    assert bounding_box(positions, sizes) == (-20.0, -110.0, 20.0, 110.0)
    metrics = measure(positions, sizes, edges, Direction.TOP_BOTTOM)
    assert (metrics.width, metrics.height, metrics.overlaps) == (40.0, 220.0, 0)
