"""A glide's frames draw arrows straight (bending them is a search over the map, far more than a
frame may cost); the landing bends them exactly as if the cards had jumped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from argmap.editing import MoveNodes
from argmap.io import native
from argmap.model import ArgumentMap, MapLayout, Node, NodeKind, Point, Relation
from argmap.ui.canvas.scene import MapScene
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow

Drawn = dict[str, tuple[tuple[float, float], ...]]


def _card_in_the_way() -> ArgumentMap:
    """Claim c above evidence e, with another claim's card w right between them."""
    return ArgumentMap(
        nodes=[
            Node(id="c", kind=NodeKind.CLAIM, text="The claim"),
            Node(id="w", kind=NodeKind.CLAIM, text="A card in the way"),
            Node(id="e", kind=NodeKind.EVIDENCE, text="The evidence"),
        ],
        relations=[Relation(id="r", kind="support", premises=["e"], target="c")],
        layout=MapLayout(
            positions={
                "c": Point(x=0.0, y=0.0),
                "w": Point(x=0.0, y=300.0),
                "e": Point(x=0.0, y=600.0),
            }
        ),
    )


def _drawn(scene: MapScene) -> Drawn:
    found: Drawn = {}
    for edge in scene.edge_items():
        geometry = edge.geometry
        assert geometry is not None
        points = (geometry.start, *geometry.controls, geometry.end)
        found[edge.relation_id] = tuple((round(p.x(), 3), round(p.y(), 3)) for p in points)
    return found


def _glide_everything(window: MainWindow, dx: float) -> None:
    """Move every card by ``dx`` as one command and let them glide there (as a layout does)."""
    canvas = window.canvas
    starts = canvas.animator.positions()
    stored = window.session.map.layout.positions
    window.canvas.execute(MoveNodes({n: Point(x=p.x + dx, y=p.y) for n, p in stored.items()}))
    canvas.animator.glide_from(starts)


def test_arrows_glide_straight_and_land_bent_as_after_a_jump(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    path = tmp_path / "way.argmap.json"
    native.save(_card_in_the_way(), path)
    window = make_window(path)
    scene, animator = window.canvas.map_scene, window.canvas.animator
    assert len(_drawn(scene)["r"]) > 2  # bent around w at rest

    animator.duration_ms = 10_000
    _glide_everything(window, 400.0)
    assert animator.running
    assert len(_drawn(scene)["r"]) == 2  # straight on the way
    animator.stop()
    landed = _drawn(scene)

    animator.duration_ms = 0  # the same move again, jumping, and back: the reference drawing
    _glide_everything(window, 400.0)
    _glide_everything(window, -400.0)
    assert _drawn(scene) == landed
    assert len(landed["r"]) > 2
    scene.rebuild()  # and a drawing from scratch agrees
    assert _drawn(scene) == landed


def test_a_glide_still_ends_every_card_at_its_place(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    path = tmp_path / "way.argmap.json"
    native.save(_card_in_the_way(), path)
    window = make_window(path)
    animator = window.canvas.animator
    animator.duration_ms = 80
    _glide_everything(window, 250.0)
    assert animator.running
    qtbot.waitUntil(lambda: not animator.running, timeout=5_000)
    for node_id, point in window.session.map.layout.positions.items():
        item = window.canvas.map_scene.node_item(node_id)
        assert item is not None
        assert item.pos() == QPointF(point.x, point.y)
    assert len(_drawn(window.canvas.map_scene)["r"]) > 2
