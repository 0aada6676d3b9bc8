"""Placing the arrows' scheme labels among the scene's cards, signs, lines and other labels.

The router calls :func:`place_labels` after laying arrows: their labels are placed again, and
so is any other label a moved card now covers. What lies near a label comes from the scene's
:class:`~argmap.ui.canvas.label_obstacles.LabelObstacles`, kept up to date as items change,
so a pass costs what it places, not what the map holds (nor how far its arrows run).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from PySide6.QtCore import QRectF

from argmap.ui.canvas.edge_item import EdgeItem, SchemeLabel
from argmap.ui.canvas.label_obstacles import LabelObstacles
from argmap.ui.canvas.label_place import CARD_MARGIN, Segment, label_spots, pick_spot
from argmap.ui.canvas.label_watch import ATTRIBUTE
from argmap.ui.canvas.node_item import NodeItem
from argmap.ui.canvas.rect_index import Cell, cells_of

#: More pieces of line than this near a label's first spot make a crowd (see _around).
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
    moved_items = [n for m in moved if (n := nodes.get(m)) is not None]
    cards = [n.scene_card_rect() for n in moved_items if n.isVisible()]
    obstacles: LabelObstacles | None = None
    if moved_items:  # new cards among them (a card says when it moves, not when it comes)
        obstacles = obstacles_for(nodes, edges, moved_items)
    if obstacles is not None and cards and any(e.label is not None for e in edges.values()):
        covered: dict[int, SchemeLabel] = {}
        for card in cards:
            for key, (_rect, item) in obstacles.labels.near(card).items():
                if item.relation_id not in routed and item.sceneBoundingRect().intersects(card):
                    covered[key] = item
        for item in covered.values():
            edge = edges.get(item.relation_id)
            if edge is not None and edge.label is item and _placeable(edge):
                todo.append(edge)
    if not todo:
        return
    if obstacles is None:
        obstacles = obstacles_for(nodes, edges)
    todo.sort(key=lambda e: e.relation_id)
    placing = {id(_label(e)) for e in todo}

    def moving(other: SchemeLabel) -> bool:
        # Read per label found, not gathered beforehand: a pass of 25 labels from a queue of
        # thousands gathered every waiting label each time.
        if id(other) in placing:
            return True
        if other.relation_id not in unplaced:
            return False
        edge = edges.get(other.relation_id)
        return edge is not None and edge.label is other

    for edge in todo:
        label = _label(edge)
        spots = label_spots(label.size, edge.path())
        found = _around(obstacles, spots, label, moving)
        label.setPos(pick_spot(spots, *found).topLeft())
        placing.discard(id(label))  # placed: an obstacle to the labels after it
        obstacles.note(edge)  # (its arrow says so too, when in a scene)


def obstacles_for(
    nodes: dict[str, NodeItem], edges: dict[str, EdgeItem], changed: Iterable[NodeItem] = ()
) -> LabelObstacles:
    """The obstacles the items' scene keeps, up to date (with the ``changed`` cards looked at
    again); else (items in no such scene) ones built from every item given."""
    some = next(iter(edges.values()), None) or next(iter(nodes.values()), None)
    scene = some.scene() if some is not None else None
    kept = getattr(scene, ATTRIBUTE, None) if scene is not None else None
    if isinstance(kept, LabelObstacles):
        for card in changed:
            kept.note(card)
        kept.sync()
        return kept
    return LabelObstacles.of_items([*nodes.values(), *edges.values()], scene)


def _around(
    obstacles: LabelObstacles,
    spots: list[QRectF],
    label: SchemeLabel,
    moving: Callable[[SchemeLabel], bool],
) -> tuple[list[QRectF], list[QRectF], list[Segment] | Callable[[QRectF], list[Segment]]]:
    """Cards, then signs and other labels (but the ``moving`` ones), then lines (a
    look-up per spot, made only for the spots costed; none in a crowd), that may lie under
    the ``spots``. Only the grid cells under the spots are read: the spots of a label on a
    long arrow run far along it, and most of what lies between them is under none.

    Each list comes in one order (by place), whatever order the items were kept in, so the
    costs add up the same way however the map got here."""
    obstacles.sync()
    reach = _union(spots)
    m = CARD_MARGIN
    cells: dict[Cell, None] = {}
    for spot in spots:
        cells.update(dict.fromkeys(cells_of(spot.adjusted(-m, -m, m, m))))
    cards = obstacles.cards_in(cells)
    shown_cards = sorted((c for c in cards if c.intersects(reach)), key=_rect_key)
    shown = [sign for sign in obstacles.signs_in(cells) if sign.intersects(reach)]
    for other in obstacles.labels_in(cells):
        if other is label or moving(other) or not other.isVisible():
            continue
        rect = other.sceneBoundingRect()
        if rect.intersects(reach):
            shown.append(rect)
    shown.sort(key=_rect_key)
    # Where lines crowd the first choice (beside the sign), every spot hides some: they
    # stop steering the choice (costing thousands of pieces per label would take minutes
    # on a big map laid out in rows).
    if obstacles.lines.count(spots[0]) > CROWDED:
        return shown_cards, shown, []
    index = obstacles.lines

    def lines_under(spot: QRectF) -> list[Segment]:  # looked up only for spots costed
        return sorted(index.near(spot), key=_segment_key)

    return shown_cards, shown, lines_under


def _rect_key(rect: QRectF) -> tuple[float, float, float, float]:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def _segment_key(segment: Segment) -> tuple[float, float, float, float]:
    a, b = segment
    return (a.x(), a.y(), b.x(), b.y())


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
