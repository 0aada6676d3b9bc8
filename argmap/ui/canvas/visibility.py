"""What the canvas shows of the map: collapsed subtrees folded away, or one claim in focus.

Both are projections computed here from the model (:mod:`argmap.layout.views`) and applied to
the scene's items; neither writes to the map. Collapsing is a layout setting saved with the
map (``map.layout.collapsed``, changed by a command); a focus is a mode of this canvas only:
it hides everything outside :func:`~argmap.layout.views.focus_nodes` and shows the rest in a
fresh tree layout, while the stored positions stay as they were.

While focused, cards are shown away from their stored places. Gestures that place cards
(a drag, a new card beside another) work on what is shown; :func:`to_model` turns such a
point back into the map's coordinates, keeping the card's offset from its neighbour.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QLabel

from argmap.editing import Change, ChangeKind, SetFlag
from argmap.layout import (
    collapsed_hiding,
    compute_layout,
    focus_nodes,
    hidden_counts,
    hidden_nodes,
    project,
)
from argmap.layout.freespace import BoxIndex, free_spot
from argmap.layout.incremental import MARGIN
from argmap.model import ArgumentMap, Point
from argmap.ui.canvas import framing, new_positions
from argmap.ui.canvas.animator import CardAnimator
from argmap.ui.canvas.card import CARD_WIDTH
from argmap.ui.canvas.scene import MapScene

if TYPE_CHECKING:
    from argmap.ui.canvas.view import MapView

#: How many steps of premises a focus shows: the claim, what bears on it, and on that.
FOCUS_DEPTH = 2
#: The layout a focus shows its cards in.
FOCUS_ALGORITHM = "tree"
BANNER_STYLE = (
    "QLabel { background: rgba(40, 48, 60, 215); color: white; padding: 5px 10px;"
    " border-radius: 4px; font-size: 12px; }"
)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def to_model(scene: MapScene, shown: Point, near: str | None) -> Point:
    """``shown`` (a point as the canvas shows it) in the map's coordinates.

    Where the card ``near`` is shown away from its stored place (in a focus), the point moves
    with it by the same offset; otherwise it is returned as it is.
    """
    if near is None or near not in scene.shown_positions:
        return shown
    stored = scene.session.map.layout.positions.get(near)
    if stored is None:
        return shown
    view = scene.shown_positions[near]
    return Point.rounded(shown.x - view.x + stored.x, shown.y - view.y + stored.y)


def place_in_model(scene: MapScene, shown: Point, near: str | None) -> Point:
    """Where a new card shown at ``shown`` (beside ``near``) goes in the map.

    In a focus it is also moved clear of the cards the focus hides, at their stored places.
    """
    point = to_model(scene, shown, near)
    if not scene.shown_positions:
        return point
    sizes = scene.card_sizes()
    stored = {n: p for n, p in scene.session.map.layout.positions.items() if n in sizes}
    size = (CARD_WIDTH, new_positions.NEW_CARD_HEIGHT)
    direction = scene.session.map.layout.direction
    spot = free_spot(BoxIndex.of(stored, sizes), (point.x, point.y), size, MARGIN, direction)
    return Point.rounded(*spot)


class CanvasVisibility(QObject):
    """Keeps a view's items hidden, shown and placed as the collapse flags and focus say."""

    #: str | None: the node now in focus, or None when the whole map is shown again
    focus_changed = Signal(object)

    def __init__(self, view: MapView, animator: CardAnimator) -> None:
        super().__init__(view)
        self.view = view
        self.scene = view.map_scene
        self.session = view.session
        self.animator = animator
        #: The node in focus, or None (the whole map).
        self.focus_claim: str | None = None
        self._added: set[str] = set()  # made while focused: shown although outside the focus
        self._stored: dict[str, Point] = {}  # stored positions the focus drawing follows
        self._marked: set[str] = set()  # cards last given a fold count or a pin
        #: Named view filters (side, author, ...): each gives the node ids it hides.
        self.filters: dict[str, Callable[[ArgumentMap], set[str]]] = {}
        #: Says, over the canvas, that only part of the map is shown and how to see it all.
        # A child of the view, not of its viewport: scrolling moves the viewport's children.
        self.banner = QLabel(view)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.banner.hide()
        self.scene.synced.connect(self._on_synced)
        self.scene.rebuilt.connect(self._on_rebuilt)
        self.refresh()

    def set_filter(self, name: str, hides: Callable[[ArgumentMap], set[str]] | None) -> None:
        """Add (or, with ``None``, remove) a view filter; it never changes the map."""
        if hides is None:
            self.filters.pop(name, None)
        else:
            self.filters[name] = hides
        self.refresh()

    # Focus ---------------------------------------------------------------------------------

    @property
    def focused(self) -> bool:
        return self.focus_claim is not None

    def focus(self, node_id: str) -> bool:
        """Show only ``node_id`` and what bears on it (two steps), freshly laid out."""
        if not self.session.map.has_node(node_id):
            return False
        starts = self.animator.positions()
        self.focus_claim = node_id
        self._added.clear()
        self.refresh(relayout=True)
        self.animator.glide_from(starts)
        self._show_focus_drawing()
        self.focus_changed.emit(node_id)
        return True

    def leave_focus(self) -> bool:
        """Show the whole map again, every card at its stored place; False if not focused."""
        claim = self.focus_claim
        if claim is None:
            return False
        starts = self.animator.positions()
        self.focus_claim = None
        self._added.clear()
        self.refresh()
        self.animator.glide_from(starts)
        if self.session.map.has_node(claim):
            point = self.scene.view_position(claim)
            self.view.centerOn(QPointF(point.x, point.y))
        self.focus_changed.emit(None)
        return True

    def reveal(self, item_id: str) -> bool:
        """Make the card (or arrow) ``item_id`` visible; False if it is not in the map.

        A card outside the focus ends the focus; a card folded away is shown by expanding, as
        one undoable step, as few of the collapsed cards above it as that takes.
        """
        argument_map = self.session.map
        if argument_map.has_node(item_id):
            nodes = [item_id]
        else:
            relation = argument_map.relation_index().get(item_id)
            if relation is None:
                return False
            nodes = [*relation.premises]
            if argument_map.has_node(relation.target):
                nodes.append(relation.target)
        if self.focus_claim is not None and any(n in self.scene.hidden_ids for n in nodes):
            self.leave_focus()
        collapsed = argument_map.layout.collapsed
        expand: list[str] = []
        for node_id in nodes:
            hiding = collapsed_hiding(argument_map, node_id, collapsed)
            expand += [c for c in hiding if c not in expand]
        if expand:
            names = ", ".join(f"\u2018{_short(argument_map.node(c).text)}\u2019" for c in expand)
            self.view.execute(SetFlag("collapsed", expand, False))
            self.view.report(f"Expanded {names} to show the card")
        return True

    def _show_focus_drawing(self) -> None:
        """Scroll to the focus drawing, zooming out only as far as it needs to fit."""
        rect = QRectF()
        sizes = self.scene.card_sizes()
        for node_id, point in self.scene.shown_positions.items():
            width, height = sizes.get(node_id, (0.0, 0.0))
            rect = rect.united(QRectF(point.x - width / 2, point.y - height / 2, width, height))
        if rect.isEmpty():
            return
        framing.show_rect(self.view, rect.adjusted(-30, -30, 30, 30))

    # Keeping in step -----------------------------------------------------------------------

    def _on_rebuilt(self) -> None:
        # Another map (or this one reopened): a focus on the old one means nothing now.
        self.focus_claim = None
        self._added.clear()
        self.refresh()
        self.focus_changed.emit(None)

    def _on_synced(self, changes: list[Change]) -> None:
        if self.focus_claim is not None and not self.session.map.has_node(self.focus_claim):
            self.focus_claim = None
            self._added.clear()
            self.refresh()
            self.focus_changed.emit(None)
            return
        if all(change.kind == ChangeKind.POSITIONS_CHANGED for change in changes):
            self._follow_moves([i for change in changes for i in change.ids])
            return
        if self.focus_claim is not None:
            for change in changes:
                if change.kind == ChangeKind.NODE_ADDED:
                    self._added.update(change.ids)
        self.refresh(relayout=True)

    def _follow_moves(self, node_ids: list[str]) -> None:
        """In a focus, a card whose stored place moved (a drag, its undo) moves as much."""
        shown = self.scene.shown_positions
        stored = self.session.map.layout.positions
        moved: dict[str, QPointF] = {}
        for node_id in node_ids:
            old, new = self._stored.get(node_id), stored.get(node_id)
            if node_id not in shown or old is None or new is None:
                continue
            view = shown[node_id]
            shown[node_id] = Point(x=view.x + new.x - old.x, y=view.y + new.y - old.y)
            self._stored[node_id] = new
            moved[node_id] = QPointF(shown[node_id].x, shown[node_id].y)
        if moved:
            self.scene.move_live(moved)

    # Computing and applying ----------------------------------------------------------------

    def refresh(self, relayout: bool = False) -> None:
        """Recompute what is hidden (and, focused, where cards show) and apply it to the scene.

        ``relayout`` lays out a focus afresh; otherwise a focus keeps its drawing.
        """
        argument_map = self.session.map
        # The claim in focus shows what bears on it even if collapsed: that is what was asked.
        collapsed = [c for c in argument_map.layout.collapsed if c != self.focus_claim]
        hidden = hidden_nodes(argument_map, collapsed) if collapsed else set()
        shown: dict[str, Point] = {}
        if self.focus_claim is not None:
            keep = focus_nodes(argument_map, self.focus_claim, FOCUS_DEPTH) - hidden
            keep |= {n for n in self._added if argument_map.has_node(n)} - hidden
            hidden = {node.id for node in argument_map.nodes} - keep
            if relayout or not self.scene.shown_positions:
                shown = self._focus_layout(keep)
            else:
                shown = dict(self.scene.shown_positions)
        for view_filter in self.filters.values():
            hidden |= view_filter(argument_map)
        self._show_banner(len(argument_map.nodes) - len(hidden))
        hidden |= self._hidden_relations(hidden)
        stored = argument_map.layout.positions
        self._stored = {n: stored[n] for n in shown if n in stored}
        if hidden != self.scene.hidden_ids or shown != self.scene.shown_positions:
            self.scene.hidden_ids = hidden
            self.scene.shown_positions = shown
            self.scene.apply_view()
        self._mark(collapsed)
        if hidden:  # what is not shown is not selected (a Delete must not reach it)
            selection = self.view.selection
            selection.set(i for i in selection.ids if i not in hidden)

    def _show_banner(self, shown: int) -> None:
        if self.focus_claim is None:
            self.banner.hide()
            return
        total = len(self.session.map.nodes)
        self.banner.setText(f"Focus: {shown} of {total} cards shown  ·  Esc shows the whole map")
        self.banner.adjustSize()
        self.banner.move(self.view.viewport().geometry().topLeft() + QPoint(10, 10))
        self.banner.show()

    def _hidden_relations(self, hidden_nodes_: set[str]) -> set[str]:
        if not hidden_nodes_:
            return set()
        argument_map = self.session.map
        visible = [node.id for node in argument_map.nodes if node.id not in hidden_nodes_]
        kept = {relation.id for relation in project(argument_map, visible).relations}
        return {r.id for r in argument_map.relations if r.id not in kept}

    def _focus_layout(self, keep: set[str]) -> dict[str, Point]:
        """A tree layout of the focus alone, moved so the claim stays where it is shown."""
        claim = self.focus_claim
        assert claim is not None
        argument_map = self.session.map
        laid = compute_layout(
            argument_map,
            FOCUS_ALGORITHM,
            argument_map.layout.direction,
            sizes=self.scene.card_sizes(),
            root=claim,
            pinned=(),
            only=keep,
        )
        item = self.scene.node_item(claim)
        if item is None or claim not in laid:
            return laid
        dx, dy = item.pos().x() - laid[claim].x, item.pos().y() - laid[claim].y
        return {n: Point.rounded(p.x + dx, p.y + dy) for n, p in laid.items()}

    def _mark(self, collapsed: list[str]) -> None:
        """The '+N' of each collapsed card and the pin of each pinned one (only the cards
        marked now or before are looked at: an edit elsewhere costs nothing here)."""
        argument_map = self.session.map
        counts = hidden_counts(argument_map, collapsed) if collapsed else {}
        pinned = set(argument_map.layout.pinned)
        marked = {n for n, count in counts.items() if count} | pinned
        for node_id in marked | self._marked:
            item = self.scene.node_item(node_id)
            if item is not None:
                item.set_marks(counts.get(node_id, 0), node_id in pinned)
        self._marked = marked
