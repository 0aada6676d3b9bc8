"""The canvas keeps what it knows of the map as edits come (the cards arrows bend around, the
map's frame, who touches whom, which objections are rebuttals): after any run of edits, undos
and redos, each must be what working it out from scratch gives."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.editing import (
    AddNode,
    EditError,
    EditSession,
    MoveNodes,
    SetFlag,
    add_related_node,
    change_kind,
    change_relation_kind,
    delete_nodes,
    edit_text,
    fresh_ids,
)
from argmap.editing.relation_commands import set_scheme
from argmap.layout.routing import Obstacles
from argmap.layout.views import hidden_counts
from argmap.model import ArgumentMap, Node, NodeKind, Point, Relation, RelationKind
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas import edge_item, router
from argmap.ui.canvas.node_item import NodeItem
from argmap.ui.canvas.scene import MapScene
from argmap.ui.roles import rebuttal_ids
from tests.ui.test_canvas import Canvas, make_canvas

KINDS = [NodeKind.CLAIM, NodeKind.EVIDENCE, NodeKind.COUNTERARGUMENT]
WORDS = ["the", "crossings", "rose", "because", "patrols", "moved", "further", "up", "the", "coast"]


def _start() -> ArgumentMap:
    argument_map = ArgumentMap(nodes=[Node(id="c1", kind=NodeKind.CLAIM, text="Main claim")])
    argument_map.layout.positions["c1"] = Point(x=0.0, y=0.0)
    return argument_map


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[Canvas]:
    result = make_canvas(qtbot, _start())
    result.view.animator.duration_ms = 0
    yield result
    result.view.bridge.detach()


def _obstacles_state(index: Obstacles) -> tuple[object, ...]:
    index._refresh_bands()
    cells = {cell: sorted(entries) for cell, entries in index._cells.items() if entries}
    return index.boxes, cells, index._rows, index._columns


def _frame_from_scratch(scene: MapScene) -> QRectF:
    """What map_rect computed before it was kept: every card and arrow not hidden, united."""
    rect = QRectF()
    for item in scene.node_items():
        if item.node_id not in scene.hidden_ids:
            rect = rect.united(item.sceneBoundingRect())
    for edge in scene.edge_items():
        if edge.relation_id in scene.hidden_ids or edge.geometry is None:
            continue
        rect = rect.united(edge_item._bounds(edge.geometry))  # the lines, not the box's room
        if edge.label is not None:
            rect = rect.united(edge.label.sceneBoundingRect())
    return rect


def _check(scene: MapScene, rng: random.Random, focus: str | None) -> int:
    """Compare all; returns how many arrows have a label (so a run is seen to have some)."""
    argument_map = scene.session.map
    # The cards arrows bend around: the shown ones, where they are now.
    shown = {i.node_id: i.box() for i in scene.node_items() if i.isVisible()}
    assert _obstacles_state(scene._index.obstacles) == _obstacles_state(Obstacles(shown))
    # The map's frame.
    kept, fresh = scene.map_rect(), _frame_from_scratch(scene)
    assert kept.isNull() == fresh.isNull()
    for a, b in zip(kept.getCoords(), fresh.getCoords(), strict=True):
        assert a == pytest.approx(b, abs=1e-6)
    # Who touches whom, and the relations as the map has them.
    router = scene._router
    relations = argument_map.relation_index()
    assert router.relations == relations
    touching: dict[str, set[str]] = {}
    for relation in relations.values():
        for end in (*relation.premises, relation.target):
            touching.setdefault(end, set()).add(relation.id)
    assert router.touching == touching
    # Rebuttals, on the cards too.
    rebuttals = rebuttal_ids(argument_map)
    assert {n.id for n in argument_map.nodes if scene.is_rebuttal(n.id)} == rebuttals
    # Free places: the cards near a spot are those a look at the scene's items finds.
    for _ in range(3):
        box = (*scene._index.obstacles.boxes.values(),)
        x, y = (box[rng.randrange(len(box))][:2]) if box else (0.0, 0.0)
        rect = QRectF(x + rng.uniform(-300, 300), y + rng.uniform(-200, 200), 272, 92)
        near = {i.node_id for i in scene.items(rect) if isinstance(i, NodeItem)}
        near = {n for n in near if rect.intersects(scene.node_item(n).scene_card_rect())}  # type: ignore[union-attr]
        assert {i.node_id for i in scene.cards_near(rect)} == near
    # Fold counts and pins on the cards (the card in focus shows what bears on it).
    collapsed = [c for c in argument_map.layout.collapsed if c != focus]
    counts = hidden_counts(argument_map, collapsed) if collapsed else {}
    pinned = set(argument_map.layout.pinned)
    marks = {i.node_id: (i.folded, i.pinned) for i in scene.node_items()}
    assert marks == {n: (counts.get(n, 0), n in pinned) for n in marks}
    labels = sum(1 for e in scene.edge_items() if e.label is not None)
    return labels


def _edit(canvas: Canvas, rng: random.Random) -> None:
    session, view = canvas.session, canvas.view
    argument_map = session.map
    nodes = [n.id for n in argument_map.nodes]
    relations = [r.id for r in argument_map.relations]
    roll = rng.random()
    try:
        if not nodes:
            claim = Node(id=fresh_ids(argument_map, "c")[0], kind=NodeKind.CLAIM, text="Again")
            view.execute(AddNode(claim, Point(x=0.0, y=0.0)))
        elif roll < 0.33:
            target = rng.choice(nodes + relations[:2])
            kind = rng.choice(KINDS[1:])
            relation = RelationKind.ATTACK if kind == NodeKind.COUNTERARGUMENT else None
            relation = relation or rng.choice([RelationKind.SUPPORT, RelationKind.ATTACK])
            where = None
            if rng.random() < 0.7:
                where = Point(x=rng.randrange(-6, 7) * 140.0, y=rng.randrange(0, 6) * 130.0)
            view.execute(add_related_node(argument_map, target, kind, relation, position=where))
        elif roll < 0.39 and len(nodes) > 3:
            view.execute(delete_nodes(argument_map, [rng.choice(nodes)]))
        elif roll < 0.46:
            view.execute(change_kind(rng.choice(nodes), rng.choice(KINDS).value))
        elif roll < 0.5 and relations:
            kind = rng.choice([RelationKind.SUPPORT, RelationKind.ATTACK])
            view.execute(change_relation_kind(rng.choice(relations), kind.value))
        elif roll < 0.55 and relations:  # a scheme: a label beside the arrow
            scheme = rng.choice(["cause_to_effect", "expert_opinion", None])
            view.execute(set_scheme(rng.choice(relations), scheme))
        elif roll < 0.58:
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 40)))
            view.execute(edit_text(rng.choice(nodes), words))
        elif roll < 0.68:
            moved = rng.sample(nodes, min(len(nodes), rng.randrange(1, 4)))
            where = {
                n: Point(x=rng.randrange(-8, 9) * 70.0, y=rng.randrange(-2, 8) * 65.0)
                for n in moved
            }
            view.execute(MoveNodes(where))
        elif roll < 0.74:
            flag = rng.choice(["collapsed", "collapsed", "pinned"])
            view.execute(SetFlag(flag, [rng.choice(nodes)], rng.random() < 0.6))
        elif roll < 0.77:
            if view.visibility.focus_claim is None:
                view.visibility.focus(rng.choice(nodes))
            else:
                view.visibility.leave_focus()
        elif roll < 0.9 and session.history.can_undo():
            session.undo()
        elif session.history.can_redo():
            session.redo()
    except EditError:
        pass
    QApplication.processEvents()


@pytest.mark.parametrize("seed", range(4))
def test_what_the_canvas_keeps_matches_a_fresh_look_after_random_edits(
    canvas: Canvas, seed: int
) -> None:
    rng = random.Random(seed)
    scene = canvas.view.map_scene
    most = labelled = 0
    for _step in range(90):
        _edit(canvas, rng)
        labelled = max(labelled, _check(scene, rng, canvas.view.visibility.focus_claim))
        most = max(most, len(canvas.session.map.nodes))
    assert most > 8 and labelled >= 1  # the run built something to check


def test_cards_that_change_before_the_card_index_is_first_read_are_found_where_they_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A big map opens with straight arrows and reads the cards arrows bend around only when
    first asked: cards moved, added or taken away before then are where they are now."""
    monkeypatch.setattr(router, "BEND_LIMIT", 0)  # every map "big": nothing reads the index
    argument_map = _start()
    for i in range(2, 6):
        argument_map.nodes.append(Node(id=f"c{i}", kind=NodeKind.CLAIM, text=f"Claim {i}"))
        argument_map.layout.positions[f"c{i}"] = Point(x=300.0 * i, y=0.0)
    session = EditSession(argument_map)
    bridge = SessionBridge(session)
    scene = MapScene(session, bridge)
    session.execute(MoveNodes({"c2": Point(x=-900.0, y=400.0)}))
    session.execute(delete_nodes(session.map, ["c3"]))
    session.execute(AddNode(Node(id="c9", kind=NodeKind.CLAIM, text="New"), Point(x=50, y=900)))
    shown = {i.node_id: i.box() for i in scene.node_items() if i.isVisible()}
    assert set(shown) == {"c1", "c2", "c4", "c5", "c9"}
    assert _obstacles_state(scene._index.obstacles) == _obstacles_state(Obstacles(shown))
    near = scene.cards_near(QRectF(-1000.0, 350.0, 200.0, 100.0))
    assert [i.node_id for i in near] == ["c2"]
    bridge.detach()


def test_a_big_map_with_long_arrows_keeps_its_item_index_shallow_and_finds_its_items() -> None:
    """Qt files an item under every cell of its index the item's box covers; at Qt's own
    depth for thousands of items, arrows across a map in rows took seconds to file before
    the first paint. Past 4,096 items the depth stays at 12, and look-ups still find what
    lies where they look."""
    count = 2100
    nodes = [Node(id=f"n{i}", kind=NodeKind.CLAIM, text=f"S{i}") for i in range(count)]
    argument_map = ArgumentMap(nodes=nodes)
    for i in range(count):
        row = 0 if i == 0 else 1 + (i - 1) // 700
        column = 0 if i == 0 else (i - 1) % 700
        argument_map.layout.positions[f"n{i}"] = Point(x=column * 280.0, y=row * 260.0)
    argument_map.relations.extend(
        Relation(id=f"r{i}", kind=RelationKind.SUPPORT, premises=[f"n{i}"], target=f"n{i // 3}")
        for i in range(1, count)
    )
    scene = MapScene(EditSession(argument_map))
    assert scene.bspTreeDepth() == 12
    far = scene.node_item("n1400")
    assert far is not None
    found = scene.items(far.sceneBoundingRect().center())
    assert far in found
    arrow = scene.edge_item("r2099")  # from the last row back to the first
    assert arrow is not None and arrow.geometry is not None
    assert arrow in scene.items(arrow.mid())
    small = MapScene(EditSession(_start()))
    assert small.bspTreeDepth() == 0  # Qt's own choice
