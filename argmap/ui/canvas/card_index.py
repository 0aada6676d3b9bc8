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

    def __init__(
        self, hidden: Callable[[str], bool], cards: Callable[[], Iterable[NodeItem]]
    ) -> None:
        #: Whether a card or arrow is hidden from the map's frame (the scene's hidden ids).
        self._hidden = hidden
        #: The scene's cards as they are now.
        self._cards = cards
        self._obstacles: Obstacles | None = None
        self.bounds = MapBounds()

    @property
    def obstacles(self) -> Obstacles:
        """The shown cards as obstacles, indexed when first asked for after a reset: a map
        of more than a few thousand arrows opens with them straight (see router.py), so the
        index waits until the first edit, or until the map is on screen (see warm_up)."""
        if self._obstacles is None:
            self._obstacles = Obstacles(
                {
                    card.node_id: card.box()
                    for card in self._cards()
                    if card.scene() is not None and card.isVisible()
                },
                search_steps=SEARCH_STEPS,
            )
        return self._obstacles

    def reset(self, cards: Iterable[NodeItem], arrows: Iterable[EdgeItem]) -> None:
        """Start again from these items (a rebuilt scene), all at once."""
        self._obstacles = None
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
        obstacles = self._obstacles  # None: not indexed yet, read as it is when asked for
        if card.scene() is None:
            if obstacles is not None:
                obstacles.remove(node_id)
            self.bounds.set(("n", node_id), None)
            return
        if obstacles is not None:
            if card.isVisible():
                obstacles.move(node_id, card.box())
            else:
                obstacles.remove(node_id)
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
