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
from argmap.ui.canvas.label_place import Segment, label_spots, pick_spot
from argmap.ui.canvas.node_item import NodeItem
from argmap.ui.canvas.obstacles import RectGrid
from argmap.ui.canvas.segment_index import SegmentIndex

_BY_BOUNDS = Qt.ItemSelectionMode.IntersectsItemBoundingRect


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
    near = _Nearby(_items_in(_union(reaches.values()), nodes, edges), moving)
    for edge in todo:
        label = _label(edge)
        reach = reaches[edge.relation_id]
        label.setPos(pick_spot(spots[edge.relation_id], *near.around(reach, label)).topLeft())
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
        self, reach: QRectF, label: SchemeLabel
    ) -> tuple[list[QRectF], list[QRectF], list[Segment]]:
        """Cards, then signs and other labels, then lines, that may lie under ``reach``."""
        cards = [card for card in self.cards.near(reach) if card.intersects(reach)]
        avoid = [sign for sign in self.signs.near(reach) if sign.intersects(reach)]
        lines = self.lines.near(reach)
        for other in self.labels.near(reach):
            rect = other.sceneBoundingRect()  # where it is now, if moved meanwhile
            if other is not label and rect.intersects(reach):
                avoid.append(rect)
        return cards, avoid, lines


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
