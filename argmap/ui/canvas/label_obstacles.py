"""What scheme labels keep off, kept by the scene as the map changes: the shown cards, the
shown arrows' signs and straight pieces, and every label.

Items tell it when they change (see :mod:`label_watch`): a card that moves or is shown or
hidden, an arrow laid again or its label moved, anything coming or going. It notes them and
brings them up to date at the next look-up, so a label pass costs what changed, not what the
map holds: on a map whose arrows run far (statements in rows), thousands of long arrows cross
any card's band, and finding them in the scene for every pass cost more than the edit itself.
Many changes at once (opening a map, a layout, zooming out hides every arrow) are loaded in
one go instead. A card taken out of the scene is dropped when a look-up comes across it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene
from shiboken6 import isValid

from argmap.ui.canvas.edge_item import EdgeItem, SchemeLabel
from argmap.ui.canvas.geometry import SIGN_RADIUS
from argmap.ui.canvas.label_place import Segment
from argmap.ui.canvas.node_item import NodeItem
from argmap.ui.canvas.rect_index import Cell, KeyedGrid
from argmap.ui.canvas.segment_index import SegmentIndex

#: More changed items than this (and than a quarter of those kept) are loaded in one go.
BULK = 64

#: A comparable copy of what is kept: kind -> item key -> rects or pieces as plain numbers.
Snapshot = dict[str, dict[int, tuple[tuple[float, ...], ...]]]


class LabelObstacles:
    """Cards, signs and labels in grids, arrow pieces in an R-tree, each under its item's key
    (``id(item)``; the item is held while kept, so the key stays its own). A label is kept
    under its arrow's key: the arrow tells when its label moves or is replaced."""

    def __init__(self, scene: QGraphicsScene | None = None) -> None:
        #: The scene whose items are kept (None: items in no scene, for a pass on its own).
        self._scene = scene
        #: Shown cards.
        self.cards = KeyedGrid[NodeItem]()
        #: Shown arrows' signs.
        self.signs = KeyedGrid[EdgeItem]()
        #: Every label in the scene, shown or not (a moved card pushes hidden ones away too).
        self.labels = KeyedGrid[SchemeLabel]()
        #: Shown arrows' straight pieces.
        self.lines = SegmentIndex()
        #: The geometry each arrow's pieces in :attr:`lines` come from (its label moving
        #: tells the arrow, and the pieces stay).
        self._laid: dict[int, object] = {}
        self._kept: dict[int, QGraphicsItem] = {}
        self._dirty: dict[int, QGraphicsItem] = {}
        #: Read every item of the scene at the next look-up (it was cleared and refilled).
        self._rescan = False

    @classmethod
    def of_items(
        cls, items: Iterable[QGraphicsItem], scene: QGraphicsScene | None = None
    ) -> LabelObstacles:
        """Built from scratch out of ``items`` (those of ``scene``; the others are left out)."""
        obstacles = cls(scene)
        for item in items:
            obstacles.note(item)
        obstacles.sync()
        return obstacles

    def note(self, item: QGraphicsItem) -> None:
        """``item`` moved, was laid, shown, hidden, added or removed: look at it again."""
        self._dirty[id(item)] = item

    def clear(self) -> None:
        """Forget everything (the scene deleted its items: a rebuild); the items it holds at
        the next look-up are read then."""
        self._dirty.clear()
        self._kept.clear()
        self.cards.clear()
        self.signs.clear()
        self.labels.clear()
        self.lines = SegmentIndex()
        self._laid.clear()
        self._rescan = self._scene is not None

    def sync(self) -> None:
        """Bring every noted item up to date."""
        if self._rescan and self._scene is not None:
            self._rescan = False
            for item in self._scene.items():
                self.note(item)
        if not self._dirty:
            return
        dirty, self._dirty = self._dirty, {}
        bulk = len(dirty) > max(BULK, len(self._kept) // 4)
        if bulk:
            # Everything read again into empty grids: cheaper than taking each changed item
            # out of its old cells first, when most have changed (a layout moves them all).
            every = {**self._kept, **dirty}
            self._kept = {}
            self.cards.clear()
            self.signs.clear()
            self.labels.clear()
            dirty = every
        for key, item in dirty.items():
            self._refresh(key, item, lines=not bulk)
        if bulk:
            shown = {
                key: item
                for key, item in self._kept.items()
                if isinstance(item, EdgeItem) and _shown_arrow(item)
            }
            self.lines.rebuild({key: edge.segments() for key, edge in shown.items()})
            self._laid = {key: edge.geometry for key, edge in shown.items()}

    def _refresh(self, key: int, item: QGraphicsItem, lines: bool) -> None:
        if not self._present(item):
            self._forget(key, lines)
            return
        if isinstance(item, NodeItem):
            self._kept[key] = item
            if item.isVisible():
                self.cards.put(key, item.scene_card_rect(), item)
            else:
                self.cards.discard(key)
        elif isinstance(item, EdgeItem):
            self._kept[key] = item
            label = item.label
            if label is not None:
                self.labels.put(key, label.sceneBoundingRect(), label)
            else:
                self.labels.discard(key)
            if _shown_arrow(item):
                if not lines:
                    self.signs.put(key, _sign(item), item)
                elif self._laid.get(key) is not item.geometry:
                    self.signs.put(key, _sign(item), item)
                    self.lines.put(key, item.segments())
                    self._laid[key] = item.geometry
            else:
                self.signs.discard(key)
                if lines:
                    self.lines.discard(key)
                    self._laid.pop(key, None)

    def _present(self, item: QGraphicsItem) -> bool:
        return isValid(item) and item.scene() is self._scene

    def _forget(self, key: int, lines: bool = True) -> None:
        if self._kept.pop(key, None) is not None:
            self.cards.discard(key)
            self.signs.discard(key)
            self.labels.discard(key)
            if lines:
                self.lines.discard(key)
                self._laid.pop(key, None)

    # Look-ups (after :meth:`sync`) -------------------------------------------------------

    def cards_in(self, cells: Iterable[Cell]) -> list[QRectF]:
        """The shown cards' rects in these grid cells (and maybe a few beyond)."""
        found = []
        for key, (rect, card) in self.cards.in_cells(cells).items():
            if self._present(card):
                found.append(rect)
            else:  # taken out of the scene (cards say when they move, not when they go)
                self._forget(key)
        return found

    def signs_in(self, cells: Iterable[Cell]) -> list[QRectF]:
        """The shown signs in these grid cells (and maybe a few beyond)."""
        return [rect for rect, _edge in self.signs.in_cells(cells).values()]

    def labels_in(self, cells: Iterable[Cell]) -> list[SchemeLabel]:
        """Every label in these grid cells (and maybe a few beyond)."""
        return [label for _rect, label in self.labels.in_cells(cells).values()]

    def snapshot(self) -> Snapshot:
        """What a look-up finds, as plain numbers (to compare with one built from scratch)."""
        self.sync()
        for key, (_where, card) in self.cards.entries().items():
            if not self._present(card):
                self._forget(key)
        return {
            "cards": {k: (_numbers(r),) for k, (r, _v) in self.cards.entries().items()},
            "signs": {k: (_numbers(r),) for k, (r, _v) in self.signs.entries().items()},
            "labels": {k: (_numbers(r),) for k, (r, _v) in self.labels.entries().items()},
            "lines": {k: _pieces(self.lines.pieces_of(k)) for k in self.lines.owners()},
        }


def _shown_arrow(edge: EdgeItem) -> bool:
    return edge.geometry is not None and edge.isVisible()


def _sign(edge: EdgeItem) -> QRectF:
    mid, r = edge.mid(), SIGN_RADIUS
    return QRectF(mid.x() - r, mid.y() - r, 2 * r, 2 * r)


def _numbers(rect: QRectF) -> tuple[float, ...]:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def _pieces(pieces: list[Segment]) -> tuple[tuple[float, ...], ...]:
    return tuple((a.x(), a.y(), b.x(), b.y()) for a, b in pieces)
