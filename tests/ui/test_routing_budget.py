"""An arrow no bend can clear (its card dropped in among others) must not make every edit near
it pay the grid search of a whole opening: a pass searches in proportion to what it lays."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from argmap.editing import MoveNodes
from argmap.model import ArgumentMap, Node, NodeKind, Point, Relation, RelationKind
from argmap.ui.canvas import router
from tests.ui.test_canvas import make_canvas


def _walled_in() -> ArgumentMap:
    """A claim boxed in by eight cards that overlap each other, and one reason outside."""
    nodes = [
        Node(id="c", kind=NodeKind.CLAIM, text="Walled in"),
        Node(id="e", kind=NodeKind.EVIDENCE, text="Outside"),
    ]
    positions = {"c": Point(x=0.0, y=0.0), "e": Point(x=0.0, y=900.0)}
    for k, (dx, dy) in enumerate(
        (dx, dy) for dx in (-150, 0, 150) for dy in (-70, 0, 70) if (dx, dy) != (0, 0)
    ):
        nodes.append(Node(id=f"w{k}", kind=NodeKind.CLAIM, text="Wall " * 6))
        positions[f"w{k}"] = Point(x=float(dx), y=float(dy))
    relation = Relation(id="r1", kind=RelationKind.SUPPORT, premises=["e"], target="c")
    argument_map = ArgumentMap(nodes=nodes, relations=[relation])
    argument_map.layout.positions.update(positions)
    return argument_map


def test_an_edit_beside_an_arrow_no_bend_clears_searches_little(qtbot: QtBot) -> None:
    canvas = make_canvas(qtbot, _walled_in())
    canvas.view.animator.duration_ms = 0
    obstacles = canvas.view.map_scene._index.obstacles
    assert obstacles.boxes["c"] and len(obstacles.boxes) == 10
    canvas.session.execute(MoveNodes({"e": Point(x=40.0, y=900.0)}))
    # One arrow laid, in vain: the pass searched its share of cells, not the opening's whole
    # budget (the flood around the walls alone is tens of thousands of cells).
    assert obstacles.steps_left < router.STEPS_PER_ARROW < router.SEARCH_STEPS
    canvas.view.bridge.detach()
