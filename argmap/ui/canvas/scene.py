"""The map scene: one card per node, one arrow per relation, rebuilt only from session changes.

The scene owns the id <-> item mapping both ways. It reads the session's map and never changes
it: gestures become commands in the view and tools, and come back here as published changes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterable

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from argmap.analysis.quote import quote
from argmap.editing import Change, ChangeKind, EditSession
from argmap.model import NodeKind, Point, Relation
from argmap.ui import theme
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas.arrow_layer import ArrowLayer
from argmap.ui.canvas.card import CardMeasure, content_for
from argmap.ui.canvas.card_index import CardIndex
from argmap.ui.canvas.edge_item import EdgeItem
from argmap.ui.canvas.fallback import fallback_positions
from argmap.ui.canvas.label_obstacles import LabelObstacles
from argmap.ui.canvas.label_queue import LabelQueue
from argmap.ui.canvas.node_item import Badge, NodeItem
from argmap.ui.canvas.overview import EdgeOverview
from argmap.ui.canvas.router import EdgeRouter
from argmap.ui.canvas.sign_spacing import space_signs
from argmap.ui.roles import answers_an_objection, rebuttal_ids

#: More badges or fades than this changing at once (evaluation turned on or off) repaint the
#: whole scene once instead of each changed part.
BULK_REPAINT = 200
#: The deepest the scene's item index goes (4,096 cells; see MapScene._limit_index_depth).
INDEX_DEPTH = 12

_NODE_EVENTS = (ChangeKind.NODE_ADDED, ChangeKind.NODE_REMOVED, ChangeKind.NODE_CHANGED)
_RELATION_EVENTS = (
    ChangeKind.RELATION_ADDED,
    ChangeKind.RELATION_REMOVED,
    ChangeKind.RELATION_CHANGED,
)
#: More cards than this moving at once (and at least a quarter of them) move without Qt's
#: index of items by place, which is built again once afterwards (see apply_changes).
BULK_MOVE = 64


class MapScene(QGraphicsScene):
    """Cards and arrows of the session's map, kept in step by :meth:`apply_changes`.

    Given a bridge, the scene subscribes itself; the view instead forwards the bridge's
    changes, so that it can close an open editor before a rebuild clears the scene.
    """

    #: nothing: the items were rebuilt from scratch (a map was opened or replaced)
    rebuilt = Signal()
    #: list[Change]: the scene has applied these changes to its items
    synced = Signal(object)
    #: nothing: waiting scheme labels have been placed (the map's frame may have grown)
    labels_placed = Signal()
    #: str: a rebuttal became a plain objection (what it answered went): what that means
    role_changed = Signal(str)

    def __init__(
        self,
        session: EditSession,
        bridge: SessionBridge | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setBackgroundBrush(theme.CANVAS_BACKGROUND)
        #: The long arrows whose lines are drawn with the background (see arrow_layer).
        self.arrow_layer = ArrowLayer(self)
        self._measure = CardMeasure()
        #: What scheme labels keep off, kept as items change (see label_watch).
        self.label_obstacles = LabelObstacles(self)
        self._nodes: dict[str, NodeItem] = {}
        self._edges: dict[str, EdgeItem] = {}
        #: Set by :mod:`argmap.ui.canvas.visibility` (view only, never the model): ids of the
        #: cards and arrows hidden (collapsed subtrees, outside a focus), and card centres
        #: shown instead of the stored ones (a focus's own layout).
        self.hidden_ids: set[str] = set()
        self.shown_positions: dict[str, Point] = {}
        #: The shown cards arrows bend around and the map's frame, kept as items change.
        self._index = CardIndex(lambda item_id: item_id in self.hidden_ids, self._nodes.values)
        self._router = EdgeRouter(
            self._nodes, self._edges, self._after_routing, lambda: self._index.obstacles
        )
        #: Labels of big passes, placed after the first paint.
        self.label_queue = LabelQueue(self._nodes, self._edges, self.labels_placed.emit, self)
        self._router.defer_labels = self.label_queue.add
        self._rebuttals: set[str] = set()
        self._fallback: dict[str, Point] = {}
        self._badges: dict[str, Badge] = {}
        self._blocked: set[str] = set()
        self._detailed = True
        self._overview = EdgeOverview(self)
        if bridge is not None:
            bridge.changed.connect(self.apply_changes)
        self.rebuild()

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawBackground(painter, rect)
        rect = QRectF(rect)
        self.arrow_layer.paint(painter, rect, self.backgroundBrush())

    # Look-ups -----------------------------------------------------------------------------

    def item_for(self, item_id: str) -> NodeItem | EdgeItem | None:
        """The card of a node or the arrow of a relation, or None."""
        return self._nodes.get(item_id) or self._edges.get(item_id)

    def node_item(self, node_id: str) -> NodeItem | None:
        return self._nodes.get(node_id)

    def edge_item(self, relation_id: str) -> EdgeItem | None:
        return self._edges.get(relation_id)

    def id_for(self, item: QGraphicsItem | None) -> str | None:
        """The node or relation id an item draws, or None for anything else."""
        if isinstance(item, NodeItem) and self._nodes.get(item.node_id) is item:
            return item.node_id
        if isinstance(item, EdgeItem) and self._edges.get(item.relation_id) is item:
            return item.relation_id
        return None

    def node_items(self) -> list[NodeItem]:
        return list(self._nodes.values())

    def edge_items(self) -> list[EdgeItem]:
        return list(self._edges.values())

    def card_sizes(self) -> dict[str, tuple[float, float]]:
        """Each node's card size (width, height) in scene pixels, for automatic layouts."""
        return {node_id: item.size for node_id, item in self._nodes.items()}

    def view_position(self, node_id: str) -> Point:
        """A node's centre as shown: its stored position, else the view-only fallback."""
        shown = self.shown_positions.get(node_id)
        if shown is not None:
            return shown
        stored = self.session.map.layout.positions.get(node_id)
        if stored is not None:
            return stored
        return self._fallback.get(node_id, Point(x=0.0, y=0.0))

    def map_rect(self) -> QRectF:
        """The bounding rect of every card and arrow not hidden (not of previews or editors);
        kept as they change (see card_index.py), so asking costs nothing."""
        return self._index.frame()

    def cards_near(self, rect: QRectF) -> list[NodeItem]:
        """The shown cards whose card (not its badge or handle) overlaps ``rect``."""
        found = self._index.obstacles.within(rect.left(), rect.top(), rect.right(), rect.bottom())
        nodes = self._nodes
        return [
            item
            for node_id, _box in found
            if (item := nodes.get(node_id)) is not None
            and rect.intersects(item.scene_card_rect())
            and item.opacity() >= 0.001  # as scene.items(): a card made transparent is not found
        ]

    def warm_up(self) -> None:
        """Build now what the first edit would otherwise wait for (once the map is shown)."""
        _ = self._index.obstacles

    def is_rebuttal(self, node_id: str) -> bool:
        return node_id in self._rebuttals

    # Overlays -----------------------------------------------------------------------------

    def set_badges(self, badges: dict[str, tuple[str, QColor, float | None]] | None) -> None:
        """Show evaluation badges (label, colour, strength 0..1 or None) on cards; None clears."""
        old, new = self._badges, dict(badges or {})
        self._badges = new
        nodes = self._nodes
        # Only the cards whose badge changes are touched (an edit changes a few verdicts).
        changed: list[tuple[str, Badge | None]] = [
            (i, b) for i, b in new.items() if old.get(i) != b
        ]
        changed += [(i, None) for i in old.keys() - new.keys()]
        # Many at once (badges turned on or off): one repaint of the view, not a few small
        # rects per card, each crossed by the arrows beside it.
        bulk = len(changed) > BULK_REPAINT
        for node_id, badge in changed:
            if (item := nodes.get(node_id)) is not None:
                item.set_badge(badge, repaint=not bulk)
        if bulk:
            self.update()

    def update_badges(self, badges: dict[str, Badge | None]) -> None:
        """Change only these cards' badges (None: no badge); every other card keeps its own."""
        for node_id, badge in badges.items():
            if badge is None:
                self._badges.pop(node_id, None)
            else:
                self._badges[node_id] = badge
            item = self._nodes.get(node_id)
            if item is not None:
                item.set_badge(badge)

    def set_blocked(self, relation_ids: set[str] | None) -> None:
        """Fade the arrows of relations whose inference is blocked; None shows all plainly."""
        blocked = set(relation_ids or ())
        # Only the arrows whose state changes are touched (an edit changes a few verdicts).
        changed = blocked.symmetric_difference(self._blocked)
        bulk = len(changed) > BULK_REPAINT
        for relation_id in changed:
            edge = self._edges.get(relation_id)
            if edge is not None:
                edge.set_blocked(relation_id in blocked, repaint=not bulk)
        self._blocked = blocked
        if bulk:
            self.arrow_layer.invalidate_all()

    # Building -----------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Drop every item and build them again from the session's current map."""
        self.label_queue.clear()
        for old in self._nodes.values():
            old.watcher = None
        for old_edge in self._edges.values():
            old_edge.watcher = None
        self.arrow_layer.clear()  # clear() deletes the items: none may be drawn after
        self.clear()
        self.label_obstacles.clear()  # clear() deleted the items it kept
        argument_map = self.session.map
        self._limit_index_depth(len(argument_map.nodes) + len(argument_map.relations))
        self._overview = EdgeOverview(self)
        self._nodes.clear()
        self._edges.clear()
        self._fallback.clear()
        self._badges.clear()
        self.hidden_ids.clear()
        self.shown_positions.clear()
        self._router.reindex(argument_map.relation_index())
        self._rebuttals = self._find_rebuttals()
        for node in argument_map.nodes:
            content = content_for(node, node.id in self._rebuttals)
            self._nodes[node.id] = NodeItem(node.id, content, self._measure.size(content))
        self._place_unplaced(list(self._nodes))
        for item in self._nodes.values():
            item.setPos(self._qpoint(item.node_id))
            self.addItem(item)
        self._index.reset(self._nodes.values(), ())
        for item in self._nodes.values():
            item.watcher = self._index.card_changed
        with self.arrow_layer.quietly():  # drawn whole once shown
            for relation in argument_map.relations:
                self._add_edge(relation)
            self._router.route(self._edges)
        self._overview.show(not self._detailed, self._shown_edges())
        self.rebuilt.emit()

    def _limit_index_depth(self, items: int) -> None:
        """Qt's item index splits the scene into 2 ** log2(items) cells and files an item
        under every cell its box covers: on a big map whose arrows run across it (rows by
        depth) that filing took seconds before the first paint. Past :data:`INDEX_DEPTH`
        levels the depth stays there; smaller maps keep Qt's own choice."""
        depth = INDEX_DEPTH if items > 2**INDEX_DEPTH else 0
        if depth != self.bspTreeDepth():
            self.setBspTreeDepth(depth)

    def apply_changes(self, changes: list[Change]) -> None:
        """Bring the items in step with the published changes of one edit, undo or redo."""
        if any(change.kind == ChangeKind.MAP_REPLACED for change in changes):
            self.rebuild()
            return
        moved: set[str] = set()
        relations: set[str] = set()
        kinds: set[str] = set()  # a kind change may turn objections into rebuttals
        for change in changes:
            if change.kind in _NODE_EVENTS:
                moved |= self._apply_node_change(change)
                if "kind" in change.fields:
                    kinds.update(change.ids)
            elif change.kind in _RELATION_EVENTS:
                relations.update(change.ids)
            elif change.kind == ChangeKind.POSITIONS_CHANGED:
                moved.update(change.ids)
        if relations or kinds:
            relations = self._sync_relations(relations, kinds)
        # Many cards moving (a layout, its undo): Qt's BSP index would take each arrow out of
        # every cell its box covered, a long arrow's thousands of cells among thousands of
        # arrows (3.2 s of 4.5 s applying a layout at 5,000 statements in rows). Moved
        # without an index, then indexed once from scratch, they cost a fraction of that.
        bulk = len(moved) > BULK_MOVE and len(moved) * 4 >= len(self._nodes)
        if bulk:
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        try:
            with self.arrow_layer.quietly() if bulk else contextlib.nullcontext():
                self._move_to_model(moved, bulk)
                self._router.route(self._router.affected(moved, relations), moved)
        finally:
            if bulk:
                self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.synced.emit(changes)

    def _after_routing(self, routed: set[str]) -> None:
        router = self._router
        # A big pass (opening, a layout) looks at every arrow; an edit at those it laid.
        if len(routed) * 4 >= len(self._edges):
            space_signs(self._edges, router.relations)
        else:
            space_signs(self._edges, router.relations, routed, router.touching)
        self._overview.invalidate(self._shown_edges)

    def preview_text(self, node_id: str, text: str | None = None) -> None:
        """Size the card for ``text`` while it is typed in place (view only; None: the text
        the map has), its arrows following, so the editor stays inside its card."""
        item = self._nodes.get(node_id)
        if item is None or not self.session.map.has_node(node_id):
            return
        node = self.session.map.node(node_id)
        if text is not None:
            node = node.model_copy(update={"text": text})
        content = content_for(node, node_id in self._rebuttals)
        size = self._measure.size(content)
        if size != item.size:
            item.set_content(content, size)
            self._router.route(self._router.affected([node_id], []), [node_id])

    def _apply_node_change(self, change: Change) -> set[str]:
        argument_map = self.session.map
        touched: set[str] = set()
        for node_id in change.ids:
            item = self._nodes.get(node_id)
            if change.kind == ChangeKind.NODE_REMOVED:
                if item is not None:
                    self.removeItem(item)
                    del self._nodes[node_id]
                self._fallback.pop(node_id, None)
                continue
            if not argument_map.has_node(node_id):
                continue
            node = argument_map.node(node_id)
            content = content_for(node, node_id in self._rebuttals)
            size = self._measure.size(content)
            if item is None:
                item = NodeItem(node_id, content, size)
                self._nodes[node_id] = item
                self._place_unplaced([node_id])
                item.setPos(self._qpoint(node_id))
                item.set_badge(self._badges.get(node_id))
                item.watcher = self._index.card_changed
                self.addItem(item)
            else:
                item.set_content(content, size)
            touched.add(node_id)
        return touched

    def _sync_relations(self, relation_ids: set[str], kinds: Collection[str] = ()) -> set[str]:
        """Add, drop and restyle the arrows of these relations; returns those still present.
        The rebuttals among the cards these relations touch (before and after), and among
        those ``kinds`` (nodes whose kind changed) and their premises, are looked at again."""
        argument_map = self.session.map
        router = self._router
        present: set[str] = set()
        recheck = set(kinds)
        for relation_id in relation_ids:
            relation = (
                argument_map.relation(relation_id)
                if argument_map.has_relation(relation_id)
                else None
            )
            edge = self._edges.get(relation_id)
            if relation is None:
                if edge is not None:
                    self.removeItem(self._edges.pop(relation_id))
            elif edge is None:
                self._add_edge(relation)
                present.add(relation_id)
            else:
                edge.set_style(relation.kind, relation.scheme)
                present.add(relation_id)
            recheck.update(router.update(relation_id, relation))
            if relation is not None:
                recheck.update(relation.premises)
        for node_id in kinds:  # those answering it may have become (or stopped being) rebuttals
            for relation_id in router.touching.get(node_id, ()):
                relation = router.relations.get(relation_id)
                if relation is not None and relation.target == node_id:
                    recheck.update(relation.premises)
        self._refresh_rebuttals(recheck)
        return present

    def _add_edge(self, relation: Relation) -> None:
        edge = EdgeItem(relation.id, relation.kind, relation.scheme)
        edge.setVisible(self._detailed and relation.id not in self.hidden_ids)
        edge.set_blocked(relation.id in self._blocked)
        self._edges[relation.id] = edge
        self.addItem(edge)
        # Watched once in the scene: an arrow not laid yet has no part in the map's frame.
        edge.watcher = self._index.arrow_changed

    def set_detailed(self, detailed: bool) -> None:
        """Show each arrow as its own item (True), or all as the far-out overview (False)."""
        if detailed == self._detailed:
            return
        self._detailed = detailed
        with self.arrow_layer.quietly():
            for edge in self._edges.values():
                edge.setVisible(detailed and edge.relation_id not in self.hidden_ids)
        self._overview.show(not detailed, self._shown_edges())

    @property
    def detailed(self) -> bool:
        return self._detailed

    def _shown_edges(self) -> list[EdgeItem]:
        return [e for r, e in self._edges.items() if r not in self.hidden_ids]

    def apply_view(self) -> None:
        """Show, hide and place every item by :attr:`hidden_ids` and :attr:`shown_positions`."""
        for node_id, item in self._nodes.items():
            item.setVisible(node_id not in self.hidden_ids)
            item.setPos(self._qpoint(node_id))
        with self.arrow_layer.quietly():
            for relation_id, edge in self._edges.items():
                edge.setVisible(self._detailed and relation_id not in self.hidden_ids)
            self._index.refresh_frame(self._nodes.values(), self._edges.values())
            self._router.route(self._edges)

    def _find_rebuttals(self) -> set[str]:
        return rebuttal_ids(self.session.map)

    def _refresh_rebuttals(self, node_ids: set[str]) -> None:
        """Judge these cards' roles again (the others' cannot have changed)."""
        argument_map = self.session.map
        router = self._router
        relations = router.relations
        new = set(self._rebuttals)
        for node_id in node_ids:
            users = [relations[r] for r in router.touching.get(node_id, ()) if r in relations]
            if answers_an_objection(argument_map, node_id, users):
                new.add(node_id)
            else:
                new.discard(node_id)
        for node_id in new ^ self._rebuttals:
            item = self._nodes.get(node_id)
            if item is not None and argument_map.has_node(node_id):
                node = argument_map.node(node_id)
                content = content_for(node, node_id in new)
                item.set_content(content, self._measure.size(content))
                if node_id not in new and node.kind == NodeKind.COUNTERARGUMENT:
                    self.role_changed.emit(
                        f"{quote(node, 40)} is an objection again: the objection it rebutted "
                        "is gone (a rebuttal is an objection that answers an objection)"
                    )
        self._rebuttals = new

    # Positions ----------------------------------------------------------------------------

    def _place_unplaced(self, node_ids: list[str]) -> None:
        stored = self.session.map.layout.positions
        missing = [n for n in node_ids if n not in stored and n not in self._fallback]
        if not missing:
            return
        sizes = {n: item.size for n, item in self._nodes.items()}
        self._fallback.update(fallback_positions(self.session.map, sizes, missing))

    def _qpoint(self, node_id: str) -> QPointF:
        point = self.view_position(node_id)
        return QPointF(point.x, point.y)

    def _move_to_model(self, node_ids: Iterable[str], bulk: bool = False) -> None:
        """Put these cards where the map has them; ``bulk``: most cards move, and the index
        of where cards are is built again once rather than told of each (half the cost)."""
        items = [item for node_id in node_ids if (item := self._nodes.get(node_id)) is not None]
        if bulk:
            for item in items:
                item.watcher = None
        try:
            for item in items:
                if item.node_id not in self.session.map.layout.positions:
                    self._place_unplaced([item.node_id])
                item.setPos(self._qpoint(item.node_id))
        finally:
            if bulk:
                for item in items:
                    item.watcher = self._index.card_changed
                self._index.reset(self._nodes.values(), self._edges.values())

    def move_live(self, positions: dict[str, QPointF], bend: bool = True) -> None:
        """Move cards during a drag (view only; the drag's command comes on release).
        ``bend=False``: their arrows run straight for now (a glide's frames)."""
        many = len(positions) > BULK_MOVE  # a glide of a layout: the view is drawn whole
        with self.arrow_layer.quietly() if many else contextlib.nullcontext():
            for node_id, point in positions.items():
                item = self._nodes.get(node_id)
                if item is not None:
                    item.setPos(point)
            self._router.route(self._router.affected(positions, ()), positions, bend)
