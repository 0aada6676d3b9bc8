"""What the view frames: a map when it is first shown, or a part of it (a focus), readably.

Fitting a whole map of some size into the window makes its cards too small to read (the
bundled 34-node map fits at about 0.11). A first view therefore fits the map but never zooms
out below :data:`READABLE_SCALE`; when the map does not fit at that scale, it starts at its
main claims (all of them, zoomed out as far as :data:`OVERVIEW_SCALE` if need be, where cards
show their titles), with what bears on them below (or right of them, left to right).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF

from argmap.analysis.sides import main_claims
from argmap.layout.forest import build_forest
from argmap.model import Direction

if TYPE_CHECKING:
    from argmap.ui.canvas.view import MapView

#: The smallest zoom a view is framed at without being asked: 13 px text shows as ~7 px.
READABLE_SCALE = 0.55
#: The furthest a first view zooms out to show every main claim: cards show their titles.
OVERVIEW_SCALE = 0.3
#: Room (view pixels) left between the view's edge and the claim a first view starts at.
EDGE_ROOM = 40.0
#: Room (scene pixels) around what is framed.
MARGIN = 30.0


def show_rect(view: MapView, rect: QRectF) -> bool:
    """Frame ``rect`` whole if it fits at a readable zoom (not above 1:1); True if it did.

    Otherwise the view zooms to :data:`READABLE_SCALE` and centres ``rect``.
    """
    viewport = view.viewport().rect()
    if rect.isEmpty() or viewport.isEmpty():
        return False
    fit = min(viewport.width() / rect.width(), viewport.height() / rect.height())
    view.set_zoom(min(1.0, max(READABLE_SCALE, fit)))
    view.centerOn(rect.center())
    return fit >= READABLE_SCALE


def top_main_claim(view: MapView) -> str | None:
    """The main claim shown highest (leftmost of a row: the one with most under it)."""
    scene = view.map_scene
    argument_map = view.session.map
    shown = [c for c in main_claims(argument_map) if c not in scene.hidden_ids]
    if not shown:
        return None
    top_bottom = argument_map.layout.direction == Direction.TOP_BOTTOM

    def along(claim: str) -> int:
        point = scene.view_position(claim)
        return round(point.y if top_bottom else point.x)

    first = min(along(c) for c in shown)
    tied = [c for c in shown if along(c) == first]
    if len(tied) == 1:
        return tied[0]
    # Several in the first row: the one with most under it (one layout forest for all).
    forest = build_forest(argument_map)
    index = {node_id: i for i, node_id in enumerate(forest.ids)}
    return max(tied, key=lambda c: len(forest.subtree(index[c])) if c in index else 0)


def shown_main_claims(view: MapView) -> list[str]:
    """The main claims with a card on the canvas (not folded away)."""
    scene = view.map_scene
    return [
        c
        for c in main_claims(view.session.map)
        if c not in scene.hidden_ids and scene.node_item(c) is not None
    ]


def claims_rect(view: MapView, claims: list[str]) -> QRectF:
    """The cards of ``claims``, united."""
    rect = QRectF()
    for claim in claims:
        item = view.map_scene.node_item(claim)
        if item is not None:
            rect = rect.united(item.scene_card_rect())
    return rect


def show_initial(view: MapView) -> None:
    """A map's first view: all of it if readable; else every main claim whole, at reading zoom
    (zoomed out as far as :data:`OVERVIEW_SCALE`, where cards show titles, if the claims are
    far apart), with what bears on them beside; else the top main claim."""
    rect = view.map_scene.map_rect()
    if rect.isEmpty() or show_rect(view, rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)):
        return
    claims = shown_main_claims(view)
    if len(claims) > 1:
        room = EDGE_ROOM
        together = claims_rect(view, claims)
        viewport = view.viewport().rect()
        fit = min(
            (viewport.width() - 2 * room) / max(together.width(), 1.0),
            (viewport.height() - 2 * room) / max(together.height(), 1.0),
        )
        if fit >= OVERVIEW_SCALE:
            view.set_zoom(min(READABLE_SCALE, fit))
            _start_at(view, rect, together)
            return
    claim = top_main_claim(view)
    item = view.map_scene.node_item(claim) if claim is not None else None
    if item is not None:
        _start_at(view, rect, item.scene_card_rect())


def _start_at(view: MapView, rect: QRectF, card: QRectF) -> None:
    """Centre across the map's depth on ``card``; along it, all of the map when it fits
    (centred), else from ``card`` on, with a little room before it."""
    half_w = view.viewport().width() / 2 / view.zoom_level()
    half_h = view.viewport().height() / 2 / view.zoom_level()
    room = EDGE_ROOM / view.zoom_level()
    if view.session.map.layout.direction == Direction.LEFT_RIGHT:
        x = (
            rect.center().x()
            if rect.width() <= 2 * (half_w - room)
            else card.left() - room + half_w
        )
        centre = QPointF(x, card.center().y())
    else:
        y = (
            rect.center().y()
            if rect.height() <= 2 * (half_h - room)
            else card.top() - room + half_h
        )
        centre = QPointF(card.center().x(), y)
    view.centerOn(centre)
