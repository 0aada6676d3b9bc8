"""Scheme labels on arrows: placed on the arrow where no card (nor label, nor sign) hides them."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from pytestqt.qtbot import QtBot

from argmap.editing import EditSession, MoveNodes, set_scheme
from argmap.io import native
from argmap.layout import compute_layout
from argmap.model import ArgumentMap, MapLayout, Node, NodeKind, Point, Relation, RelationKind
from argmap.resources import DEFAULT_MAP
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas import router
from argmap.ui.canvas.edge_item import EdgeItem, SchemeLabel
from argmap.ui.canvas.geometry import SIGN_RADIUS
from argmap.ui.canvas.label_place import place_label
from argmap.ui.canvas.scene import MapScene
from argmap.ui.render import render_map
from tests.ui.conftest import MakeWindow

SIZE = (50.0, 14.0)
LINE = [QPointF(0, 0), QPointF(200, 0)]


def label_rect(top_left: QPointF, size: tuple[float, float] = SIZE) -> QRectF:
    return QRectF(top_left.x(), top_left.y(), *size)


def labels(scene: MapScene) -> dict[str, SchemeLabel]:
    return {e.relation_id: e.label for e in scene.edge_items() if e.label is not None}


def covered(scene: MapScene, rect: QRectF) -> list[str]:
    """The shown cards a rect overlaps."""
    return [
        n.node_id
        for n in scene.node_items()
        if n.isVisible() and n.scene_card_rect().intersects(rect)
    ]


def sign_rect(edge: EdgeItem) -> QRectF:
    assert edge.geometry is not None
    mid, r = edge.geometry.mid, SIGN_RADIUS
    return QRectF(mid.x() - r, mid.y() - r, 2 * r, 2 * r)


def assert_readable(scene: MapScene) -> None:
    """Every label is clear of every card, every other label and every sign."""
    shown = labels(scene)
    for relation_id, label in shown.items():
        rect = label.sceneBoundingRect()
        assert covered(scene, rect) == [], (relation_id, label.text, rect)
        for other_id, other in shown.items():
            if other_id != relation_id:
                assert not rect.intersects(other.sceneBoundingRect()), (relation_id, other_id)
        for edge in scene.edge_items():
            if edge.geometry is not None:
                assert not rect.intersects(sign_rect(edge)), (relation_id, edge.relation_id)


# The placement on its own ------------------------------------------------------------------


def test_a_free_label_sits_beside_the_sign_in_the_middle() -> None:
    rect = label_rect(place_label(SIZE, LINE, []))
    assert rect.center().x() == pytest.approx(100.0)
    assert rect.bottom() <= -SIGN_RADIUS  # above the line, clear of the sign


def test_a_card_over_the_middle_moves_the_label_along_the_line() -> None:
    card = QRectF(70, -60, 60, 120)  # covers the middle of the line, both sides
    rect = label_rect(place_label(SIZE, LINE, [card]))
    assert not rect.intersects(card)
    assert not 70 <= rect.center().x() <= 130
    assert abs(rect.center().y()) < 20  # still beside the line


def test_other_labels_and_lines_are_avoided_when_possible() -> None:
    above = QRectF(60, -40, 80, 30)  # another label just above the middle
    rect = label_rect(place_label(SIZE, LINE, [], [above]))
    assert not rect.intersects(above)
    assert rect.top() >= SIGN_RADIUS  # below the sign instead
    crossing = (QPointF(100, -100), QPointF(100, 100))
    rect = label_rect(place_label(SIZE, LINE, [], [], [crossing]))
    assert not 0 < 100 - rect.left() < rect.width()  # the crossing line stays in view


def test_with_no_free_spot_the_least_covered_one_wins() -> None:
    cards = [QRectF(-500, -500, 1000, 480), QRectF(-500, 20, 1000, 480)]  # a band is left
    rect = label_rect(place_label(SIZE, LINE, cards))
    assert rect.top() > -20 - 2 and rect.bottom() < 20 + 2  # within the band, across the line
    everything = [QRectF(-1000, -1000, 2000, 2000)]
    rect = label_rect(place_label(SIZE, LINE, everything))
    assert rect.center().x() == pytest.approx(100.0)  # still by its own sign


def test_a_bent_arrow_is_followed() -> None:
    path = [QPointF(0, 0), QPointF(100, 200), QPointF(200, 0)]
    rect = label_rect(place_label(SIZE, path, []))
    assert rect.center().y() > 60  # near the curve's middle (y = 100), not the chord's


# On the bundled map ------------------------------------------------------------------------


def test_bundled_map_labels_are_clear_of_cards_labels_and_signs(make_window: MakeWindow) -> None:
    window = make_window()
    scene = window.canvas.map_scene
    assert len(labels(scene)) >= 10
    assert {label.text for label in labels(scene).values()} >= {"statistics", "cause to effect"}
    assert_readable(scene)


def test_rendered_bundled_map_has_its_labels_in_frame(tmp_path: Path) -> None:
    argument_map = native.load(DEFAULT_MAP).map
    scene = MapScene(EditSession(argument_map))  # what ``argmap render`` draws
    assert_readable(scene)
    frame = scene.map_rect()
    for label in labels(scene).values():
        assert frame.contains(label.sceneBoundingRect())
    assert render_map(argument_map, tmp_path / "map.png", width=400).stat().st_size > 0


# Following the cards -----------------------------------------------------------------------


def label_map() -> ArgumentMap:
    """e1 supports c1 (statistics), left to right; x1 stands apart below."""
    nodes = [
        Node(id="c1", kind=NodeKind.CLAIM, text="Crossings fell"),
        Node(id="e1", kind=NodeKind.EVIDENCE, text="Twice as many were prevented"),
        Node(id="x1", kind=NodeKind.CLAIM, text="A claim on its own"),
    ]
    relations = [
        Relation(
            id="r1", kind=RelationKind.SUPPORT, premises=["e1"], target="c1", scheme="statistics"
        )
    ]
    positions = {"c1": Point(x=0, y=0), "e1": Point(x=900, y=0), "x1": Point(x=0, y=600)}
    return ArgumentMap(
        title="Labels", nodes=nodes, relations=relations, layout=MapLayout(positions=positions)
    )


@pytest.fixture
def live() -> Iterator[tuple[EditSession, MapScene]]:
    session = EditSession(label_map())
    bridge = SessionBridge(session)
    scene = MapScene(session, bridge)
    yield session, scene
    bridge.detach()


def the_label(scene: MapScene) -> SchemeLabel:
    edge = scene.edge_item("r1")
    assert edge is not None and edge.label is not None
    return edge.label


def test_a_card_moved_onto_a_label_pushes_it_away(live: tuple[EditSession, MapScene]) -> None:
    session, scene = live
    before = the_label(scene).sceneBoundingRect()
    assert covered(scene, before) == []
    centre = before.center()
    session.execute(MoveNodes({"x1": Point(x=centre.x(), y=centre.y())}))
    after = the_label(scene).sceneBoundingRect()
    assert covered(scene, before) == ["x1"]  # the card now sits on the old spot
    assert covered(scene, after) == []
    assert after != before
    # a live drag (or a glide) pushes it on too
    scene.move_live({"x1": after.center()})
    assert covered(scene, after) == ["x1"]
    assert covered(scene, the_label(scene).sceneBoundingRect()) == []


def test_a_label_follows_its_arrow(live: tuple[EditSession, MapScene]) -> None:
    session, scene = live
    session.execute(MoveNodes({"e1": Point(x=900, y=400)}))
    edge = scene.edge_item("r1")
    assert edge is not None and edge.geometry is not None
    rect = the_label(scene).sceneBoundingRect()
    mid = edge.geometry.mid
    assert math.hypot(rect.center().x() - mid.x(), rect.center().y() - mid.y()) < 60
    assert covered(scene, rect) == []


def test_a_label_comes_and_goes_with_its_arrow(live: tuple[EditSession, MapScene]) -> None:
    session, scene = live
    label = the_label(scene)
    assert label.scene() is scene and label.zValue() > 1.0  # above the cards
    scene.set_detailed(False)
    assert not label.isVisible()
    scene.set_detailed(True)
    assert label.isVisible()
    session.execute(set_scheme("r1", "cause_to_effect"))
    assert the_label(scene).text == "cause to effect"
    assert covered(scene, the_label(scene).sceneBoundingRect()) == []
    session.execute(set_scheme("r1", None))
    edge = scene.edge_item("r1")
    assert edge is not None and edge.label is None
    assert not [i for i in scene.items() if isinstance(i, SchemeLabel)]


def big_labelled_map(count: int = 800) -> ArgumentMap:
    """A tree of ``count`` statements, four premises each, every support with a scheme, laid
    out by the tree layout."""
    nodes = [Node(id=f"n{i}", kind=NodeKind.CLAIM, text=f"Statement {i}") for i in range(count)]
    relations = [
        Relation(
            id=f"r{i}",
            kind=RelationKind.SUPPORT,
            premises=[f"n{i}"],
            target=f"n{(i - 1) // 4}",
            scheme="statistics",
        )
        for i in range(1, count)
    ]
    argument_map = ArgumentMap(nodes=nodes, relations=relations)
    argument_map.layout.positions = compute_layout(argument_map, "tree")
    return argument_map


def test_a_big_maps_labels_are_placed_just_after_it_opens(qtbot: QtBot) -> None:
    """Hundreds of labels wait for the first paint, then find their spots batch by batch."""
    scene = MapScene(EditSession(big_labelled_map()))
    waiting = scene.label_queue.waiting
    assert len(waiting) == 799  # opening did not place them ...
    for relation_id in waiting:  # ... but each waits beside its own arrow's sign
        edge = scene.edge_item(relation_id)
        assert edge is not None and edge.label is not None
        distance = edge.label.sceneBoundingRect().center() - edge.mid()
        assert distance.manhattanLength() < 60
    assert len(waiting) > router.LABELS_AT_ONCE
    qtbot.waitUntil(lambda: not scene.label_queue.waiting, timeout=20_000)  # ... this did
    for label in labels(scene).values():
        assert covered(scene, label.sceneBoundingRect()) == []


def test_a_flush_places_every_waiting_label_at_once() -> None:
    scene = MapScene(EditSession(big_labelled_map(400)))
    assert scene.label_queue.waiting
    scene.label_queue.flush()  # what an export does before drawing
    assert not scene.label_queue.waiting
    for label in labels(scene).values():
        assert covered(scene, label.sceneBoundingRect()) == []


def test_labels_of_many_moving_cards_wait_for_them_to_settle(qtbot: QtBot) -> None:
    """A layout glides every card: their labels are placed once, when the cards stop."""
    session = EditSession(big_labelled_map(60))
    bridge = SessionBridge(session)
    scene = MapScene(session, bridge)
    assert not scene.label_queue.waiting  # 59 labels: placed as the map opened
    shifted = {n: Point(x=p.x + 500, y=p.y) for n, p in session.map.layout.positions.items()}
    session.execute(MoveNodes(shifted))
    assert len(scene.label_queue.waiting) == 59
    for edge in scene.edge_items():  # gone along with their arrows, not left behind
        assert edge.label is not None
        distance = edge.label.sceneBoundingRect().center() - edge.mid()
        assert distance.manhattanLength() < 60
    qtbot.waitUntil(lambda: not scene.label_queue.waiting, timeout=10_000)
    for label in labels(scene).values():
        assert covered(scene, label.sceneBoundingRect()) == []
    one = next(iter(shifted))
    session.execute(MoveNodes({one: Point(x=shifted[one].x + 40, y=shifted[one].y)}))
    assert not scene.label_queue.waiting  # a few arrows (a drag): their labels follow at once
    bridge.detach()
