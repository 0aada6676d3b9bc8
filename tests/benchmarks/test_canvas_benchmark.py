"""Canvas performance on generated maps (not a timed test: run with --benchmark-only).

Targets on the 2-core reference machine: first paint of 1,000 nodes under 0.5 s and of
5,000 under 2 s (load, measure text, lay out, build items, paint); a repaint at fit under
50 ms (1,000) and 150 ms (5,000).

    .venv/bin/pytest tests/benchmarks/test_canvas_benchmark.py --benchmark-only -p no:randomly
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from argmap.editing import EditSession
from argmap.io import native
from argmap.model import ArgumentMap, Node, NodeKind, Point, Relation, RelationKind
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas.view import MapView
from argmap.ui.selection import SelectionModel

_WORDS = [
    "crossings",
    "smugglers",
    "patrols",
    "France",
    "returns",
    "asylum",
    "deterrence",
    "routes",
    "coast",
    "evidence",
    "statistics",
    "officials",
    "pledged",
    "funding",
    "cooperation",
    "intelligence",
    "arrests",
    "boats",
    "channel",
]
_KINDS = (NodeKind.CLAIM, NodeKind.EVIDENCE, NodeKind.COUNTERARGUMENT)


def generated_map(count: int, placed: bool = False) -> bytes:
    """A tree of ``count`` statements (four children each), every fifth link an attack, every
    third support labelled with a scheme (each label is placed clear of the cards), with texts
    of 4 to 30 words. Unplaced, opening it lays it out; ``placed`` stores a tidy tree
    layout (leaves side by side, parents centred above), as a saved map would have."""
    nodes = []
    relations = []
    for i in range(count):
        words = [_WORDS[(i * 7 + k * 3) % len(_WORDS)] for k in range(4 + (i * 13) % 27)]
        nodes.append(Node(id=f"n{i}", kind=_KINDS[i % 3], text=" ".join(words).capitalize()))
        if i:
            kind = RelationKind.ATTACK if i % 5 == 0 else RelationKind.SUPPORT
            scheme = "statistics" if kind == RelationKind.SUPPORT and i % 3 == 0 else None
            relations.append(
                Relation(
                    id=f"r{i}",
                    kind=kind,
                    premises=[f"n{i}"],
                    target=f"n{(i - 1) // 4}",
                    scheme=scheme,
                )
            )
    argument_map = ArgumentMap(title=f"{count} nodes", nodes=nodes, relations=relations)
    if placed:
        argument_map.layout.positions = _tree_positions(count)
    return native.dumps(argument_map)


def _tree_positions(count: int) -> dict[str, Point]:
    children: dict[int, list[int]] = {}
    for i in range(1, count):
        children.setdefault((i - 1) // 4, []).append(i)
    positions: dict[str, Point] = {}
    next_x = 0.0

    def place(i: int, depth: int) -> float:
        nonlocal next_x
        kids = children.get(i, [])
        if kids:
            xs = [place(k, depth + 1) for k in kids]
            x = (xs[0] + xs[-1]) / 2
        else:
            x, next_x = next_x, next_x + 280.0
        positions[f"n{i}"] = Point(x=x, y=depth * 220.0)
        return x

    place(0, 0)
    return positions


def open_and_paint(qtbot: QtBot, data: bytes) -> MapView:
    session = EditSession(native.loads(data).map)
    view = MapView(session, SessionBridge(session), SelectionModel())
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.zoom_to_fit()
    view.viewport().grab()  # paints every visible item once
    return view


@pytest.mark.parametrize("placed", [False, True], ids=["computed", "stored"])
@pytest.mark.parametrize("count", [1000, 5000])
def test_open_to_first_paint(
    benchmark: BenchmarkFixture, qtbot: QtBot, count: int, placed: bool
) -> None:
    data = generated_map(count, placed)
    view = benchmark.pedantic(open_and_paint, args=(qtbot, data), rounds=3, iterations=1)
    assert len(view.map_scene.node_items()) == count
    QApplication.processEvents()


@pytest.mark.parametrize("count", [1000, 5000])
@pytest.mark.parametrize("zoom", ["fit", "100%"])
def test_repaint_after_zoom(
    benchmark: BenchmarkFixture, qtbot: QtBot, count: int, zoom: str
) -> None:
    view = open_and_paint(qtbot, generated_map(count, placed=True))
    if zoom == "100%":
        view.reset_zoom()
        view.center_on("n0")
    else:
        view.zoom_in()
        view.zoom_to_fit()
    QApplication.processEvents()
    benchmark.pedantic(view.viewport().grab, rounds=10, iterations=1, warmup_rounds=1)
