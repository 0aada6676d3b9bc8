"""Where the scene's cards and arrows are, kept as they change rather than looked up each edit.

Two things follow every card and arrow of a :class:`MapScene` (each item tells its watcher
when it moves, is resized, shown, hidden, added or taken out):

* the cards arrows bend around (the shown ones): one :class:`argmap.layout.routing.Obstacles`
  that lives as long as the map, so a routing pass no longer indexes every card first;
* the map's frame (every card and arrow not hidden, as :meth:`MapScene.map_rect` gives it),
  kept by :class:`MapBounds`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QRectF

from argmap.layout.routing import Obstacles
from argmap.ui.canvas.edge_item import EdgeItem
from argmap.ui.canvas.map_bounds import MapBounds
from argmap.ui.canvas.node_item import NodeItem

#: Grid cells the searches of one pass may expand in all (about a second of work at most):
#: past it, an arrow no bend clears stays straight instead of the map taking minutes to open.
SEARCH_STEPS = 150_000


class CardIndex:
    """The shown cards as obstacles, and the frame of what is drawn (see the module's text)."""

    def __init__(self, hidden: Callable[[str], bool]) -> None:
        #: Whether a card or arrow is hidden from the map's frame (the scene's hidden ids).
        self._hidden = hidden
        self.obstacles = Obstacles({}, search_steps=SEARCH_STEPS)
        self.bounds = MapBounds()

    def reset(self, cards: Iterable[NodeItem], arrows: Iterable[EdgeItem]) -> None:
        """Start again from these items (a rebuilt scene), all at once."""
        cards = list(cards)
        self.obstacles = Obstacles(
            {card.node_id: card.box() for card in cards if card.isVisible()},
            search_steps=SEARCH_STEPS,
        )
        self.bounds.clear()
        self.refresh_frame(cards, arrows)

    def refresh_frame(self, cards: Iterable[NodeItem], arrows: Iterable[EdgeItem]) -> None:
        """Look at every item's part in the frame again (what is hidden has changed)."""
        for card in cards:
            self._frame_card(card)
        for arrow in arrows:
            self.arrow_changed(arrow)

    def card_changed(self, card: NodeItem) -> None:
        node_id = card.node_id
        if card.scene() is None:
            self.obstacles.remove(node_id)
            self.bounds.set(("n", node_id), None)
            return
        if card.isVisible():
            self.obstacles.move(node_id, card.box())
        else:
            self.obstacles.remove(node_id)
        self._frame_card(card)

    def _frame_card(self, card: NodeItem) -> None:
        node_id = card.node_id
        shown = card.scene() is not None and not self._hidden(node_id)
        self.bounds.set(("n", node_id), card.scene_bounds() if shown else None)

    def arrow_changed(self, arrow: EdgeItem) -> None:
        relation_id = arrow.relation_id
        shown = arrow.scene() is not None and not self._hidden(relation_id)
        self.bounds.set(("e", relation_id), arrow.scene_bounds() if shown else None)

    def frame(self) -> QRectF:
        """The rectangle around every card and arrow not hidden (empty: none)."""
        rect = self.bounds.rect()
        if rect is None:
            return QRectF()
        left, top, right, bottom = rect
        return QRectF(left, top, right - left, bottom - top)
