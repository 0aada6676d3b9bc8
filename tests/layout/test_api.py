"""compute_layout: the registry, its refusals, and layouts in the editor's terms."""

from __future__ import annotations

import subprocess
import sys

import pytest

from argmap.layout import (
    ALGORITHMS,
    LayoutError,
    compute_layout,
    estimate_card_size,
    overlaps,
    sizes_for,
)
from argmap.model import ArgumentMap, Node, Point
from tests.generators import generate_map
from tests.layout.strategies import node


def test_the_registry_offers_the_four_layouts_and_describes_them() -> None:
    assert list(ALGORITHMS)[:4] == ["tree", "layered", "compact", "radial"]
    assert all(a.label and a.description for a in ALGORITHMS.values())
    assert not ALGORITHMS["radial"].uses_direction


def test_unknown_algorithm_direction_or_root_are_refused_by_name() -> None:
    m = ArgumentMap(nodes=[node("c")])
    with pytest.raises(LayoutError, match=r"'spiral'.*tree"):
        compute_layout(m, "spiral")
    with pytest.raises(LayoutError, match="'diagonal'"):
        compute_layout(m, "tree", "diagonal")
    with pytest.raises(LayoutError, match="'ghost'"):
        compute_layout(m, "tree", root="ghost")


def test_given_sizes_are_used_and_missing_ones_estimated() -> None:
    m = generate_map(30, seed=2)
    sizes = {"n0": (600.0, 300.0)}
    positions = compute_layout(m, "tree", sizes=sizes)
    assert overlaps(positions, {**sizes_for(m.nodes), **sizes}) == []
    assert sizes_for(m.nodes, sizes)["n1"] == estimate_card_size(m.nodes[1])


def test_longer_texts_make_taller_cards_of_one_width() -> None:
    short = estimate_card_size(Node(id="a", kind="claim", text="Short."))
    long = estimate_card_size(Node(id="b", kind="claim", text="A longer statement " * 10))
    assert short[0] == long[0] and long[1] > short[1] + 50


def test_the_map_is_not_changed() -> None:
    m = generate_map(30, seed=2)
    m.layout.positions = {"n0": Point(x=1, y=2)}
    compute_layout(m, "layered")
    assert m.layout.positions == {"n0": Point(x=1, y=2)}


def test_the_layout_engine_works_with_qt_absent() -> None:
    script = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import importlib, pkgutil, argmap.layout as layout\n"
        "for info in pkgutil.iter_modules(layout.__path__):\n"
        "    importlib.import_module('argmap.layout.' + info.name)\n"
        "from argmap.model import ArgumentMap, Node\n"
        "m = ArgumentMap(nodes=[Node(id='c', kind='claim')])\n"
        "print(sorted(layout.compute_layout(m)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['c']"
