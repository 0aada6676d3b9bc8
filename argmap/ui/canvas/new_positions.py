"""Where a node built from the keyboard goes: next to its partner, on free space, moving nothing."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from argmap.model import Direction, Point
from argmap.ui.canvas.card import CARD_WIDTH
from argmap.ui.canvas.scene import MapScene

#: Size assumed for a new, empty card.
NEW_CARD_HEIGHT = 60.0
GAP_X = 40.0
GAP_Y = 80.0
MARGIN = 16.0
_MAX_TRIES = 400
#: Places looked at around the ideal one: this many steps either way, this many rows away.
_REACH = 8
_DEPTH = 6
_RIGHT = QPointF(CARD_WIDTH + GAP_X, 0)
_DOWN = QPointF(0, NEW_CARD_HEIGHT + GAP_X)


def child_position(scene: MapScene, parent_id: str) -> Point:
    """Below the parent (right of it in a left-right map), after its existing children."""
    parent = scene.node_item(parent_id)
    if parent is None:
        return free_position(scene, QPointF(0, 0))
    rect = parent.scene_card_rect()
    lr = scene.session.map.layout.direction == Direction.LEFT_RIGHT
    if lr:
        start = QPointF(rect.right() + GAP_X * 2 + CARD_WIDTH / 2, rect.center().y())
        return _first_free(scene, start, _DOWN, _RIGHT)
    start = QPointF(rect.center().x(), rect.bottom() + GAP_Y + NEW_CARD_HEIGHT / 2)
    return _first_free(scene, start, _RIGHT, _DOWN)


def sibling_position(scene: MapScene, node_id: str) -> Point:
    """Beside the node (below it in a left-right map), on the first free place."""
    item = scene.node_item(node_id)
    if item is None:
        return free_position(scene, QPointF(0, 0))
    rect = item.scene_card_rect()
    if scene.session.map.layout.direction == Direction.LEFT_RIGHT:
        start = QPointF(rect.center().x(), rect.bottom() + GAP_X + NEW_CARD_HEIGHT / 2)
        return _first_free(scene, start, _DOWN, _RIGHT)
    start = QPointF(rect.right() + GAP_X + CARD_WIDTH / 2, rect.center().y())
    return _first_free(scene, start, _RIGHT, _DOWN)


def free_position(scene: MapScene, near: QPointF) -> Point:
    """The free place nearest ``near``, preferring the right of it and below."""
    return _first_free(scene, near, _RIGHT, _DOWN)


def _first_free(scene: MapScene, start: QPointF, step: QPointF, away: QPointF) -> Point:
    """The free place nearest ``start`` along ``step`` (either way) or further ``away``.

    A row of cards may be packed wide (a laid-out tree): then a place a little further away
    (a row deeper) is nearer than the end of the row. Ties go forward along ``step``.
    """
    for point in _candidates(start, step, away):
        if not _occupied(scene, point):
            return Point.rounded(point.x(), point.y())
    point = QPointF(start)  # everything near is taken: the first free place along the row
    for _ in range(_MAX_TRIES):
        if not _occupied(scene, point):
            break
        point += step
    return Point.rounded(point.x(), point.y())


def _candidates(start: QPointF, step: QPointF, away: QPointF) -> list[QPointF]:
    steps = [(i, j) for i in range(-_REACH, _REACH + 1) for j in range(_DEPTH)]

    def cost(ij: tuple[int, int]) -> tuple[float, int, int]:
        offset = step * ij[0] + away * ij[1]
        return (offset.x() ** 2 + offset.y() ** 2) ** 0.5, ij[0] < 0, ij[1]

    return [start + step * i + away * j for i, j in sorted(steps, key=cost)]


def _occupied(scene: MapScene, centre: QPointF) -> bool:
    rect = QRectF(
        centre.x() - CARD_WIDTH / 2 - MARGIN,
        centre.y() - NEW_CARD_HEIGHT / 2 - MARGIN,
        CARD_WIDTH + 2 * MARGIN,
        NEW_CARD_HEIGHT + 2 * MARGIN,
    )
    # Only shown cards take room: the scene's look-up answers as ``scene.items(rect)`` did
    # (a hidden card is not found), from its card index instead of every arrow's box.
    return bool(scene.cards_near(rect))
