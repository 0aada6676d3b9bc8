"""The best layout for a map's shape, and the commands that use it (import, layout --best)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.io import native
from argmap.layout import bounding_box, sizes_for
from argmap.layout.best import best_layout, map_shape
from argmap.model import ArgumentMap, Direction, Node, Relation
from tests.layout.forests import generate_forest


def _star(premises: int) -> ArgumentMap:
    """One claim with many premises: a tidy tree of it is a long row."""
    nodes = [Node(id="c", kind="claim", text="The claim")]
    nodes += [Node(id=f"e{i}", kind="evidence", text=f"Reason {i}") for i in range(premises)]
    relations = [
        Relation(id=f"r{i}", kind="support", premises=[f"e{i}"], target="c")
        for i in range(premises)
    ]
    return ArgumentMap(nodes=nodes, relations=relations)


def _sides(argument_map: ArgumentMap) -> float:
    choice = best_layout(argument_map)
    left, top, right, bottom = bounding_box(choice.positions, sizes_for(argument_map.nodes))
    return max(right - left, bottom - top) / min(right - left, bottom - top)


def test_a_small_tree_gets_the_tidy_tree() -> None:
    choice = best_layout(_star(3))
    assert (choice.algorithm, choice.direction) == ("tree", Direction.TOP_BOTTOM)
    assert "every statement bears on one other" in choice.reason


def test_a_broad_shallow_map_is_turned_or_folded_to_within_3_to_1() -> None:
    argument_map = _star(30)
    choice = best_layout(argument_map)
    assert (choice.algorithm, choice.direction) != ("tree", Direction.TOP_BOTTOM)
    assert _sides(argument_map) <= 3


def test_shared_premises_get_layers() -> None:
    argument_map = _star(4)
    argument_map.relations.append(
        Relation(id="rx", kind="attack", premises=["e0"], target="e1")  # e0 bears on two
    )
    assert map_shape(argument_map).shared == 1
    choice = best_layout(argument_map)
    assert choice.algorithm == "layered"
    assert "1 statements bear on more than one other" in choice.reason


def test_a_forest_is_packed_and_says_so() -> None:
    forest = generate_forest(300, 90, seed=5)
    choice = best_layout(forest)
    assert "90 separate parts packed as a page" in choice.reason
    assert _sides(forest) <= 3


AIF = {
    "nodes": [{"nodeID": str(i), "text": f"Statement {i}", "type": "I"} for i in range(1, 25)]
    + [{"nodeID": f"ra{i}", "text": "Default Inference", "type": "RA"} for i in range(2, 25)],
    "edges": [
        edge
        for i in range(2, 25)
        for edge in (
            {"edgeID": f"a{i}", "fromID": str(i), "toID": f"ra{i}"},
            {"edgeID": f"b{i}", "fromID": f"ra{i}", "toID": "1"},
        )
    ],
    "locutions": [],
}


def test_import_lays_out_with_the_best_layout_and_says_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "star.json"
    source.write_text(json.dumps(AIF), encoding="utf-8")
    out = tmp_path / "star.argmap.json"
    assert main(["import", str(source), "-o", str(out)]) == 0
    stdout = capsys.readouterr().out
    m = native.load(out).map
    said = f"laid out with the {m.layout.algorithm} layout"
    assert said in stdout and "the best for this map" in stdout
    assert (m.layout.algorithm, m.layout.direction) != ("tree", Direction.TOP_BOTTOM)
    left, top, right, bottom = bounding_box(m.layout.positions, sizes_for(m.nodes))
    assert max(right - left, bottom - top) <= 3 * min(right - left, bottom - top)


def test_layout_best_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "star.argmap.json"
    native.save(_star(30), source)
    out = tmp_path / "laid.argmap.json"
    assert main(["layout", str(source), "--algorithm", "best", "-o", str(out)]) == 0
    stdout = capsys.readouterr().out
    m = native.load(out).map
    assert f"the best for this map: the {m.layout.algorithm} layout" in stdout
    assert set(m.layout.positions) == {n.id for n in m.nodes}
