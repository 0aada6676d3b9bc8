"""Graphviz dot is optional: its input is ours to check; running it only where installed."""

from __future__ import annotations

import pytest

from argmap.layout import ALGORITHMS, LayoutError, available_algorithms, compute_layout, overlaps
from argmap.layout import graphviz as graphviz_module
from argmap.layout.geometry import spacing_for
from argmap.layout.graphviz import dot_available, dot_layout, dot_source
from argmap.layout.sizes import sizes_for
from argmap.model import ArgumentMap, Direction
from tests.generators import generate_map
from tests.layout.strategies import node, relation


def test_the_dot_input_has_real_sizes_and_claims_ranked_first() -> None:
    m = ArgumentMap(
        nodes=[node("c"), node("e")],
        relations=[relation("r", ["e"], "c"), relation("again", ["e"], "c", attack=True)],
    )
    sizes = {"c": (144.0, 72.0), "e": (72.0, 36.0)}
    source = dot_source(m, sizes, Direction.LEFT_RIGHT, spacing_for(Direction.LEFT_RIGHT))
    assert "rankdir=LR" in source
    assert "n0 [width=2.0000, height=1.0000];" in source
    assert source.count("n0 -> n1;") == 1  # target first, each pair once


def test_without_graphviz_dot_is_refused_clearly_and_not_offered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(graphviz_module.shutil, "which", lambda name: None)
    assert not dot_available()
    assert "dot" not in available_algorithms()
    assert "dot" in ALGORITHMS
    with pytest.raises(LayoutError, match="Graphviz"):
        compute_layout(ArgumentMap(nodes=[node("c")]), "dot")


@pytest.mark.skipif(not dot_available(), reason="Graphviz dot is not installed")
@pytest.mark.parametrize("direction", [Direction.TOP_BOTTOM, Direction.LEFT_RIGHT])
def test_dot_places_every_card_without_overlap(direction: Direction) -> None:
    m = generate_map(60, seed=8)
    sizes = sizes_for(m.nodes)
    positions = dot_layout(m, direction, sizes)
    assert set(positions) == {n.id for n in m.nodes}
    assert overlaps(positions, sizes) == []
    above = positions["n0"].y < positions["n1"].y
    left = positions["n0"].x < positions["n1"].x
    assert above if direction == Direction.TOP_BOTTOM else left
