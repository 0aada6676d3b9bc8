"""What scheme labels keep off is kept by the scene as the map changes, not found again for
every label pass: after any run of edits, undos, drags, hiding and zooming out, what it keeps
is what it would hold if built from scratch, and labels land where a pass against obstacles
built from scratch would put them."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsScene

from argmap.editing import (
    EditSession,
    MoveNodes,
    add_related_node,
    delete_nodes,
    edit_text,
    set_scheme,
)
from argmap.model import ArgumentMap, MapLayout, Node, NodeKind, Point, Relation, RelationKind
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas.label_obstacles import LabelObstacles
from argmap.ui.canvas.scene import MapScene

SCHEMES = ["statistics", "cause_to_effect", "expert_opinion", None]


def rows_map(count: int = 90) -> ArgumentMap:
    """Four premises a statement, statements in left-aligned rows by depth (long arrows that
    cross much of the map), nearly every relation with a scheme, one in five an attack."""
    nodes = [Node(id=f"n{i}", kind=NodeKind.CLAIM, text=f"Statement {i}") for i in range(count)]
    relations = [
        Relation(
            id=f"r{i}",
            kind=RelationKind.ATTACK if i % 5 == 0 else RelationKind.SUPPORT,
            premises=[f"n{i}"],
            target=f"n{(i - 1) // 4}",
            scheme=SCHEMES[i % 4],
        )
        for i in range(1, count)
    ]
    depth = [0] * count
    columns: dict[int, int] = {}
    positions: dict[str, Point] = {}
    for i in range(count):
        if i:
            depth[i] = depth[(i - 1) // 4] + 1
        column = columns.get(depth[i], 0)
        columns[depth[i]] = column + 1
        positions[f"n{i}"] = Point(x=column * 280.0, y=depth[i] * 260.0)
    return ArgumentMap(nodes=nodes, relations=relations, layout=MapLayout(positions=positions))


class FromScratch(LabelObstacles):
    """Obstacles that ignore what items tell them and are built again from every item of the
    scene at each look-up: what a label pass found before the scene kept them."""

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene)
        self._owner = scene

    def sync(self) -> None:
        fresh = LabelObstacles.of_items(self._owner.items(), self._owner)
        self.cards, self.signs, self.labels, self.lines = (
            fresh.cards,
            fresh.signs,
            fresh.labels,
            fresh.lines,
        )


def random_edits(session: EditSession, scenes: list[MapScene], seed: int) -> Iterator[str]:
    """Apply a random edit, undo, redo, drag, hide or zoom to the session and ``scenes``;
    yield its name once every scene has placed its labels."""
    rng = random.Random(seed)

    def node() -> str:
        return rng.choice(sorted(session.map.layout.positions))

    def move() -> None:
        chosen = {node() for _ in range(rng.choice([1, 1, 2, 30]))}  # 30: a glide
        moves = {}
        for n in chosen:
            p = session.map.layout.positions[n]
            moves[n] = Point(x=p.x + rng.uniform(-500, 500), y=p.y + rng.uniform(-300, 300))
        session.execute(MoveNodes(moves))

    def add() -> None:
        target = node()
        p = session.map.layout.positions[target]
        where = Point(x=p.x + rng.uniform(-600, 600), y=p.y + 260)
        kind = rng.choice([RelationKind.SUPPORT, RelationKind.ATTACK])
        session.execute(add_related_node(session.map, target, NodeKind.CLAIM, kind, "New", where))
        added = session.map.relations[-1].id
        session.execute(set_scheme(added, rng.choice(SCHEMES[:3])))

    def scheme() -> None:
        relation = rng.choice(session.map.relations).id
        session.execute(set_scheme(relation, rng.choice(SCHEMES)))

    def text() -> None:
        session.execute(edit_text(node(), "A longer statement " * rng.randint(1, 6)))

    def delete() -> None:
        session.execute(delete_nodes(session.map, [node()]))

    def undo() -> None:
        if session.history.can_undo():
            session.undo()

    def redo() -> None:
        if session.history.can_redo():
            session.redo()

    def drag() -> None:
        n = node()
        p = session.map.layout.positions[n]
        for scene in scenes:
            scene.move_live({n: QPointF(p.x + 120, p.y - 80)})

    def hide() -> None:
        hidden = {n for n in session.map.layout.positions if rng.random() < 0.2}
        hidden |= {r.id for r in session.map.relations if set(r.premises) & hidden}
        if rng.random() < 0.3:
            hidden = set()
        positions = session.map.layout.positions
        shown = {  # a focus lays its cards out anew (view only)
            n: Point(x=p.x + rng.uniform(-300, 300), y=p.y)
            for n, p in positions.items()
            if rng.random() < 0.3
        }
        for scene in scenes:
            scene.hidden_ids = set(hidden)
            scene.shown_positions = dict(shown)
            scene.apply_view()

    def zoom() -> None:
        detailed = rng.random() < 0.5
        for scene in scenes:
            scene.set_detailed(detailed)

    steps: list[Callable[[], None]] = [move] * 4 + [add, scheme, text, delete, undo, redo]
    steps += [undo, drag, drag, hide, zoom]
    for _ in range(30):
        step = rng.choice(steps)
        step()
        for scene in scenes:
            scene.label_queue.flush()
        yield step.__name__


def labels_of(scene: MapScene) -> dict[str, tuple[float, float, bool]]:
    return {
        e.relation_id: (e.label.pos().x(), e.label.pos().y(), e.label.isVisible())
        for e in scene.edge_items()
        if e.label is not None
    }


@pytest.fixture
def session() -> Iterator[EditSession]:
    yield EditSession(rows_map())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kept_obstacles_are_what_a_fresh_build_finds(session: EditSession, seed: int) -> None:
    bridge = SessionBridge(session)
    scene = MapScene(session, bridge)
    scene.label_queue.flush()
    for step in random_edits(session, [scene], seed):
        kept = scene.label_obstacles.snapshot()
        fresh = LabelObstacles.of_items(scene.items(), scene).snapshot()
        for kind in ("cards", "signs", "labels", "lines"):
            assert kept[kind] == fresh[kind], (step, kind)
        assert kept["labels"] and (kept["lines"] or not scene.detailed)
    bridge.detach()


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_labels_land_where_a_pass_from_scratch_puts_them(session: EditSession, seed: int) -> None:
    """Two scenes on one session: one keeps its obstacles as items change, the other builds
    them from every item at each look-up; every label sits in the same spot in both."""
    bridge = SessionBridge(session)
    kept, scratch = MapScene(session, bridge), MapScene(session, bridge)
    scratch.label_obstacles = FromScratch(scratch)
    scratch.rebuild()
    for scene in (kept, scratch):
        scene.label_queue.flush()
    assert labels_of(kept) == labels_of(scratch)
    moved = 0
    before = labels_of(kept)
    for step in random_edits(session, [kept, scratch], seed):
        now = labels_of(kept)
        assert now == labels_of(scratch), step
        moved += sum(1 for r, spot in now.items() if before.get(r, spot) != spot)
        before = now
    assert moved > 10  # the edits did move labels about
    bridge.detach()
