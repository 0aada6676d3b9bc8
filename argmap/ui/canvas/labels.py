"""Placing the arrows' scheme labels among the scene's cards, signs, lines and other labels.

The router calls :func:`place_labels` after laying arrows: their labels are placed again, and
so is any other label a moved card now covers. One scene look-up per pass finds what lies
near the labels (the scene's index may be stale while a pass moves many items, so a look-up
per label could scan everything each time); a grid of that then serves each label.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem

from argmap.ui.canvas.edge_item import EdgeItem, SchemeLabel
from argmap.ui.canvas.geometry import SIGN_RADIUS
from argmap.ui.canvas.label_place import CARD_MARGIN, Segment, label_spots, pick_spot
from argmap.ui.canvas.node_item import NodeItem
from argmap.ui.canvas.obstacles import RectGrid
from argmap.ui.canvas.segment_index import SegmentIndex

_BY_BOUNDS = Qt.ItemSelectionMode.IntersectsItemBoundingRect
#: Up to this many labels are placed against what lies under their own spots, found in the
#: scene spot by spot; more, against one look-up of the region they all lie in.
FEW = 16
#: More pieces of line than this near a label's spots make a crowd (see _Nearby.around).
CROWDED = 128


def place_labels(
    nodes: dict[str, NodeItem],
    edges: dict[str, EdgeItem],
    routed: set[str],
    moved: Iterable[str] = (),
    unplaced: Collection[str] = (),
) -> None:
    """Place the labels of the ``routed`` arrows, and those the ``moved`` cards now cover.

    The labels of the ``unplaced`` arrows (waiting for a later pass) are no obstacle: they are
    not where they will be.
    """
    todo = [e for r in routed if (e := edges.get(r)) is not None and _placeable(e)]
    cards = [n.scene_card_rect() for m in moved if (n := nodes.get(m)) and n.isVisible()]
    if cards and any(e.label is not None for e in edges.values()):
        under = RectGrid[QRectF]()
        for card in cards:
            under.add(card, card)
        for item in _items_in(_union(cards), nodes, edges):
            if isinstance(item, SchemeLabel) and item.relation_id not in routed:
                rect = item.sceneBoundingRect()
                edge = edges.get(item.relation_id)
                hit = any(rect.intersects(card) for card in under.near(rect))
                if hit and edge is not None and edge.label is item and _placeable(edge):
                    todo.append(edge)
    if not todo:
        return
    todo.sort(key=lambda e: e.relation_id)
    spots = {e.relation_id: label_spots(_label(e).size, e.path()) for e in todo}
    reaches = {r: _union(rects) for r, rects in spots.items()}
    moving = {id(_label(e)) for e in todo}
    moving |= {id(e.label) for r in unplaced if (e := edges.get(r)) and e.label is not None}
    if len(todo) <= FEW:  # an edit's few labels: only what lies under their spots
        m = CARD_MARGIN
        regions = [spot.adjusted(-m, -m, m, m) for rects in spots.values() for spot in rects]
        items = _items_in_each(regions, nodes, edges)
    else:  # a pass over many: one look-up of the scene (its index may be stale meanwhile)
        items = _items_in(_union(reaches.values()), nodes, edges)
    near = _Nearby(items, moving)
    for edge in todo:
        label = _label(edge)
        reach = reaches[edge.relation_id]
        found = near.around(spots[edge.relation_id], reach, label)
        label.setPos(pick_spot(spots[edge.relation_id], *found).topLeft())
        near.labels.add(label.sceneBoundingRect(), label)


class _Nearby:
    """The shown cards, arrows and labels among ``items`` (but the ``moving`` labels, by id,
    until they are placed), bucketed for look-ups."""

    def __init__(self, items: Iterable[QGraphicsItem], moving: set[int]) -> None:
        self.cards = RectGrid[QRectF]()
        self.signs = RectGrid[QRectF]()
        self.labels = RectGrid[SchemeLabel]()
        segments: list[Segment] = []
        r = SIGN_RADIUS
        for item in items:
            if not item.isVisible():
                continue
            if isinstance(item, NodeItem):
                rect = item.scene_card_rect()
                self.cards.add(rect, rect)
            elif isinstance(item, EdgeItem) and item.geometry is not None:
                # Signs are small, so a grid serves them; lines may be long: an R-tree.
                mid = item.mid()
                sign = QRectF(mid.x() - r, mid.y() - r, 2 * r, 2 * r)
                self.signs.add(sign, sign)
                segments += item.segments()
            elif isinstance(item, SchemeLabel) and id(item) not in moving:
                self.labels.add(item.sceneBoundingRect(), item)
        self.lines = SegmentIndex(segments)

    def around(
        self, spots: list[QRectF], reach: QRectF, label: SchemeLabel
    ) -> tuple[list[QRectF], list[QRectF], list[Segment]]:
        """Cards, then signs and other labels, then lines, that may lie under the ``spots``
        (all within ``reach``). Each spot is looked up on its own: the reach of a label on a
        long arrow runs far along it, and most of what lies in it is under no spot."""
        m = CARD_MARGIN
        cards: dict[int, QRectF] = {}
        avoid: dict[int, QRectF] = {}
        others: dict[int, SchemeLabel] = {}
        for spot in spots:
            for card in self.cards.near(spot.adjusted(-m, -m, m, m)):
                cards.setdefault(id(card), card)
            for sign in self.signs.near(spot):
                avoid.setdefault(id(sign), sign)
            for other in self.labels.near(spot):
                others.setdefault(id(other), other)
        shown_cards = [card for card in cards.values() if card.intersects(reach)]
        shown = [sign for sign in avoid.values() if sign.intersects(reach)]
        for other in others.values():
            rect = other.sceneBoundingRect()  # where it is now, if moved meanwhile
            if other is not label and rect.intersects(reach):
                shown.append(rect)
        # Where lines crowd the first choice (beside the sign), every spot hides some: they
        # stop steering the choice (costing thousands of pieces per label would take minutes
        # on a big map laid out in rows).
        if self.lines.count(spots[0]) > CROWDED:
            return shown_cards, shown, []
        return shown_cards, shown, self.lines.near_any(spots)


def _items_in(
    region: QRectF, nodes: dict[str, NodeItem], edges: dict[str, EdgeItem]
) -> Iterable[QGraphicsItem]:
    """The cards, arrows and labels whose bounds meet ``region``: from the scene's index, or
    every one when the items are in no scene."""
    some = next(iter(edges.values()), None)
    scene = some.scene() if some is not None else None
    if scene is not None:
        return scene.items(region, _BY_BOUNDS)
    labels = [e.label for e in edges.values() if e.label is not None]
    return [*nodes.values(), *edges.values(), *labels]


def _items_in_each(
    regions: list[QRectF], nodes: dict[str, NodeItem], edges: dict[str, EdgeItem]
) -> Iterable[QGraphicsItem]:
    """The items whose bounds meet any of ``regions``, each once (see :func:`_items_in`)."""
    found: dict[int, QGraphicsItem] = {}
    for region in regions:
        for item in _items_in(region, nodes, edges):
            found.setdefault(id(item), item)
    return found.values()


def _placeable(edge: EdgeItem) -> bool:
    return edge.label is not None and edge.geometry is not None


def _label(edge: EdgeItem) -> SchemeLabel:
    assert edge.label is not None
    return edge.label


def _union(rects: Iterable[QRectF]) -> QRectF:
    result = QRectF()
    for rect in rects:
        result = result.united(rect)
    return result
