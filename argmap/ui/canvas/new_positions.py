"""Where a node built from the keyboard goes: next to its partner, on free space, moving nothing."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from argmap.model import Direction, Point
from argmap.ui.canvas.card import CARD_WIDTH
from argmap.ui.canvas.node_item import NodeItem
from argmap.ui.canvas.scene import MapScene

#: Size assumed for a new, empty card.
NEW_CARD_HEIGHT = 60.0
GAP_X = 40.0
GAP_Y = 80.0
MARGIN = 16.0
_MAX_TRIES = 400


def child_position(scene: MapScene, parent_id: str) -> Point:
    """Below the parent (right of it in a left-right map), after its existing children."""
    parent = scene.node_item(parent_id)
    if parent is None:
        return free_position(scene, QPointF(0, 0))
    rect = parent.scene_card_rect()
    lr = scene.session.map.layout.direction == Direction.LEFT_RIGHT
    if lr:
        start = QPointF(rect.right() + GAP_X * 2 + CARD_WIDTH / 2, rect.center().y())
        return _first_free(scene, start, QPointF(0, NEW_CARD_HEIGHT + GAP_X))
    start = QPointF(rect.center().x(), rect.bottom() + GAP_Y + NEW_CARD_HEIGHT / 2)
    return _first_free(scene, start, QPointF(CARD_WIDTH + GAP_X, 0))


def sibling_position(scene: MapScene, node_id: str) -> Point:
    """Beside the node (below it in a left-right map), on the first free place."""
    item = scene.node_item(node_id)
    if item is None:
        return free_position(scene, QPointF(0, 0))
    rect = item.scene_card_rect()
    if scene.session.map.layout.direction == Direction.LEFT_RIGHT:
        start = QPointF(rect.center().x(), rect.bottom() + GAP_X + NEW_CARD_HEIGHT / 2)
        return _first_free(scene, start, QPointF(0, NEW_CARD_HEIGHT + GAP_X))
    start = QPointF(rect.right() + GAP_X + CARD_WIDTH / 2, rect.center().y())
    return _first_free(scene, start, QPointF(CARD_WIDTH + GAP_X, 0))


def free_position(scene: MapScene, near: QPointF) -> Point:
    """The first free place at or right of ``near``."""
    return _first_free(scene, near, QPointF(CARD_WIDTH + GAP_X, 0))


def _first_free(scene: MapScene, start: QPointF, step: QPointF) -> Point:
    point = QPointF(start)
    for _ in range(_MAX_TRIES):
        if not _occupied(scene, point):
            break
        point += step
    return Point.rounded(point.x(), point.y())


def _occupied(scene: MapScene, centre: QPointF) -> bool:
    rect = QRectF(
        centre.x() - CARD_WIDTH / 2 - MARGIN,
        centre.y() - NEW_CARD_HEIGHT / 2 - MARGIN,
        CARD_WIDTH + 2 * MARGIN,
        NEW_CARD_HEIGHT + 2 * MARGIN,
    )
    return any(
        isinstance(item, NodeItem) and rect.intersects(item.scene_card_rect())
        for item in scene.items(rect)
    )
