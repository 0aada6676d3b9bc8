"""Real maps (../shared/data: QT30 AIF nodesets, Argdown examples): pages, not ribbons, and
arrows clear of cards, measured against Graphviz dot drawing the same maps by itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.io.formats import import_file, infer_format
from argmap.layout import bounding_box, compute_layout, dot_available, sizes_for
from argmap.layout.best import best_layout
from argmap.layout.graphviz import dot_drawing
from argmap.layout.routing import arrows_through_cards, lines_through_cards, route_map
from argmap.model import ArgumentMap
from tests.conftest import SHARED_DATA

pytestmark = pytest.mark.corpus

FILES = sorted((SHARED_DATA / "aif").glob("*.json")) + sorted(
    (SHARED_DATA / "argdown").glob("*.argdown")
)


def _load(shared_data: Path, name: str) -> ArgumentMap:
    path = next(p for p in FILES if p.name == name)
    return import_file(path, infer_format(path, for_import=True).name, skip_broken=True).map


def _names() -> list[str]:
    return [p.name for p in FILES] or ["(no corpus)"]


@pytest.mark.parametrize("name", _names())
def test_the_best_layout_is_a_page_with_no_arrow_through_a_card(
    shared_data: Path, name: str
) -> None:
    argument_map = _load(shared_data, name)
    sizes = sizes_for(argument_map.nodes)
    choice = best_layout(argument_map, sizes)
    left, top, right, bottom = bounding_box(choice.positions, sizes)
    width, height = right - left, bottom - top
    assert max(width, height) <= 3 * min(width, height), f"{choice.label}: {width}x{height}"
    routes = route_map(argument_map, choice.positions, sizes)
    ours = arrows_through_cards(argument_map, choice.positions, sizes, routes)
    if dot_available():
        positions, edges = dot_drawing(argument_map, "TB", sizes)
        theirs = lines_through_cards(positions, sizes, [((a, b), line) for a, b, line in edges])
        assert ours <= theirs, f"{choice.label}: {ours} arrows through cards, dot {theirs}"
    assert ours == 0


@pytest.mark.parametrize("algorithm", ["tree", "layered"])
@pytest.mark.parametrize("name", _names())
def test_tree_and_layered_route_every_arrow_clear_of_cards(
    shared_data: Path, name: str, algorithm: str
) -> None:
    argument_map = _load(shared_data, name)
    sizes = sizes_for(argument_map.nodes)
    positions = compute_layout(argument_map, algorithm, "TB", sizes)
    routes = route_map(argument_map, positions, sizes)
    assert arrows_through_cards(argument_map, positions, sizes, routes) == 0


@pytest.mark.parametrize("name", [n for n in _names() if n.startswith("nodeset")] or ["-"])
def test_a_qt30_forest_is_packed_in_every_layout(shared_data: Path, name: str) -> None:
    argument_map = _load(shared_data, name)
    sizes = sizes_for(argument_map.nodes)
    for algorithm in ("tree", "layered", "compact"):
        left, top, right, bottom = bounding_box(
            compute_layout(argument_map, algorithm, "TB", sizes), sizes
        )
        width, height = right - left, bottom - top
        assert max(width, height) <= 3 * min(width, height), f"{algorithm}: {width}x{height}"
