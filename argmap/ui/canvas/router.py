"""Routing the arrows: which relations an edit moves, where each arrow arrives, and its lines.

The router reads the scene's cards and arrows (the dicts it is given, kept by the scene) and
the relations of the map; it only sets arrow geometry and places the arrows' scheme labels.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF

from argmap.layout.routing import Obstacles
from argmap.model import Relation
from argmap.ui.canvas.card_index import SEARCH_STEPS
from argmap.ui.canvas.edge_item import EdgeItem
from argmap.ui.canvas.geometry import Box, edge_geometry
from argmap.ui.canvas.labels import place_labels
from argmap.ui.canvas.node_item import NodeItem
from argmap.ui.canvas.ports import arrival_ports

#: Above this many arrows they stay straight: bending around cards costs too much to open.
BEND_LIMIT = 2000
#: Above this many arrows, those longer than :data:`LONGEST_BENT` px are not bent (the
#: old canvas's rule): on a dense 1,000-statement DAG bending every long cross link took
#: seconds. ``route_map`` (measures, best layout) bends them all.
BIG_MAP = 400
LONGEST_BENT = 2400.0
#: Grid cells a pass may expand per arrow it lays (up to :data:`SEARCH_STEPS`).
STEPS_PER_ARROW = 500
#: Above this many labels in one pass, they are placed after the first paint (see
#: :attr:`EdgeRouter.defer_labels`); below it, at once.
LABELS_AT_ONCE = 100
#: The same while cards move (a drag follows at once; a glide of many cards waits to settle).
LABELS_WHILE_MOVING = 24


class EdgeRouter:
    """Keeps the relation index (who touches whom) and lays arrows between the cards."""

    def __init__(
        self,
        nodes: dict[str, NodeItem],
        edges: dict[str, EdgeItem],
        on_routed: Callable[[set[str]], None] = lambda _routed: None,
        obstacles: Callable[[], Obstacles] | None = None,
    ) -> None:
        self._nodes = nodes
        self._edges = edges
        self._on_routed = on_routed
        #: The shown cards, kept up to date by the scene (see card_index.py); without it,
        #: each pass indexes them afresh.
        self._obstacles = obstacles or self._fresh_obstacles
        self.relations: dict[str, Relation] = {}
        self._touching: dict[str, set[str]] = {}  # node or relation id -> relations using it
        # Relation id -> its premises and target when indexed (relations change in place).
        self._ends: dict[str, tuple[str, ...]] = {}
        #: Takes the arrows of a pass with more than :data:`LABELS_AT_ONCE` labels, to place
        #: them later (their labels wait beside their arrows' signs); None: never wait.
        self.defer_labels: Callable[[set[str]], None] | None = None

    @property
    def touching(self) -> dict[str, set[str]]:
        """Card or relation id -> the relations using it (as premise or target)."""
        return self._touching

    def reindex(self, relations: dict[str, Relation]) -> None:
        """Take the map's relations (by id) as they are now."""
        self.relations = relations
        touching: dict[str, set[str]] = {}
        ends: dict[str, tuple[str, ...]] = {}
        for relation in relations.values():
            ends[relation.id] = (*relation.premises, relation.target)
            for end in ends[relation.id]:
                touching.setdefault(end, set()).add(relation.id)
        self._touching = touching
        self._ends = ends

    def update(self, relation_id: str, relation: Relation | None) -> tuple[str, ...]:
        """Take one relation as it is now (None: gone); returns the ends it had before."""
        touching = self._touching
        old = self._ends.pop(relation_id, ())
        for end in old:
            users = touching.get(end)
            if users is not None:
                users.discard(relation_id)
                if not users:
                    del touching[end]
        self.relations.pop(relation_id, None)
        if relation is not None:
            self.relations[relation_id] = relation
            ends = self._ends[relation_id] = (*relation.premises, relation.target)
            for end in ends:
                touching.setdefault(end, set()).add(relation_id)
        return old

    def affected(self, nodes: Iterable[str], relations: Iterable[str]) -> set[str]:
        """The given relations, those touching the nodes, the others arriving at the same cards
        (their ports shift), and every undercut resting on any of them."""
        result = {r for r in relations if r in self._edges}
        for node_id in nodes:
            result |= self._touching.get(node_id, set())
        for target in {self.relations[r].target for r in result if r in self.relations}:
            if target in self._nodes:
                result |= self._incoming(target)
        frontier = list(result)
        while frontier:
            for undercut in self._touching.get(frontier.pop(), set()):
                if undercut not in result:
                    result.add(undercut)
                    frontier.append(undercut)
        return result

    def route(
        self, relation_ids: Iterable[str], moved: Iterable[str] = (), bend: bool = True
    ) -> None:
        """Lay the arrows of these relations (an undercut after the arrow it attacks) and
        place their labels; any other label the ``moved`` cards now cover moves too.
        ``bend=False`` lays them straight (the frames of a glide: the landing bends them)."""
        todo = set(relation_ids)
        if todo:
            done: set[str] = set()
            grid = None
            if bend and len(self._edges) <= BEND_LIMIT:
                grid = self._obstacles()
                # A big map opens in bounded time: its longest arrows stay straight.
                grid.longest_bent = LONGEST_BENT if len(self._edges) > BIG_MAP else math.inf
                # An edit lays a few arrows and searches for them in proportion: an arrow no
                # bend clears (its card dropped among others) must not cost every edit near it
                # the whole budget of an opening.
                grid.new_pass(STEPS_PER_ARROW * len(todo))
            ports = self._ports(todo)
            for relation_id in todo:
                self._route_one(relation_id, _Batch(todo, done, grid, ports))
        labelled = {r for r in todo if (e := self._edges.get(r)) and e.label is not None}
        moved = list(moved)
        limit = LABELS_WHILE_MOVING if moved else LABELS_AT_ONCE
        if self.defer_labels is not None and len(labelled) > limit:
            for relation_id in labelled:  # beside their arrows (moved, or new) meanwhile
                edge = self._edges[relation_id]
                if edge.label is not None and edge.geometry is not None:
                    edge.label.park(edge.mid())
            self.defer_labels(labelled)
            place_labels(self._nodes, self._edges, set(), moved, unplaced=labelled)
        else:
            place_labels(self._nodes, self._edges, todo, moved)
        if todo:
            self._on_routed(todo)

    def _fresh_obstacles(self) -> Obstacles:
        # Hidden cards (collapsed, outside a focus) are no obstacle to bend around.
        boxes = {n: item.box() for n, item in self._nodes.items() if item.isVisible()}
        return Obstacles(boxes, search_steps=SEARCH_STEPS)

    def _incoming(self, node_id: str) -> set[str]:
        relations = self.relations
        return {
            r
            for r in self._touching.get(node_id, ())
            if r in relations and relations[r].target == node_id
        }

    def _ports(self, relation_ids: set[str]) -> dict[str, tuple[float, float]]:
        """Arrival points for the arrows of these relations, spread per target card side."""
        relations, nodes = self.relations, self._nodes
        targets = {relations[r].target for r in relation_ids if r in relations}
        ports: dict[str, tuple[float, float]] = {}
        for target in targets:
            item = nodes.get(target)
            if item is None:
                continue
            sources: dict[str, tuple[float, float]] = {}
            for relation_id in self._incoming(target):
                boxes = [nodes[p].box() for p in relations[relation_id].premises if p in nodes]
                if boxes:
                    x = sum(b[0] for b in boxes) / len(boxes)
                    y = sum(b[1] for b in boxes) / len(boxes)
                    sources[relation_id] = (x, y)
            ports.update(arrival_ports(item.box(), sources))
        return ports

    def _route_one(self, relation_id: str, batch: _Batch) -> None:
        """Lay this arrow, after the arrows it undercuts that this pass still has to lay (an
        undercut ends on its target's middle). A loop, not recursion: a chain of undercuts
        thousands deep must not exhaust the stack."""
        chain: list[str] = []
        seen: set[str] = set()
        current = relation_id
        while current not in batch.done and current not in seen:
            relation = self.relations.get(current)
            if relation is None or current not in self._edges:
                break
            seen.add(current)
            chain.append(current)
            if relation.target not in self._edges or relation.target not in batch.todo:
                break
            current = relation.target
        for laid in reversed(chain):
            self._lay(laid, batch)

    def _lay(self, relation_id: str, batch: _Batch) -> None:
        relation = self.relations[relation_id]
        edge = self._edges[relation_id]
        target_edge = self._edges.get(relation.target)
        nodes = self._nodes
        premises = [(p, nodes[p].box()) for p in relation.premises if p in nodes]
        target: Box | QPointF | None = None
        if relation.target in nodes:
            target = nodes[relation.target].box()
        elif target_edge is not None and target_edge.geometry is not None:
            target = target_edge.mid()
        if premises and target is not None:
            port = batch.ports.get(relation_id)
            target_id = relation.target if relation.target in nodes else None
            edge.set_geometry(edge_geometry(premises, target, target_id, batch.grid, port))
        batch.done.add(relation_id)


class _Batch:
    """What one routing pass shares: the relations to lay, those done, obstacles and ports."""

    __slots__ = ("done", "grid", "ports", "todo")

    def __init__(
        self,
        todo: set[str],
        done: set[str],
        grid: Obstacles | None,
        ports: dict[str, tuple[float, float]],
    ) -> None:
        self.todo, self.done, self.grid, self.ports = todo, done, grid, ports
