"""The canvas's right-click menu: the actions that apply to what was clicked, gathered in one place.

No action is made here: the menu shows the canvas's building and view actions, the layout tools
and the evaluation what-ifs, each defined (and kept enabled or not) by its owner. A right-click
on a card that is not selected selects it alone first, through the shared selection, as a left
click would; the Menu key and Shift+F10 open the menu for the current selection, at its card.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QMenu

from argmap.ui.canvas.view import MapView
from argmap.ui.evaluation_view import EvaluationController
from argmap.ui.layout_controller import LayoutController

#: Canvas actions for a selected card, in groups (a separator between groups).
CARD_GROUPS: list[list[str]] = [
    ["add_reason", "add_evidence", "add_objection", "add_sibling"],
    ["edit_text", "link"],
]
#: Canvas actions for a selected arrow: an objection to an arrow is an undercut.
RELATION_GROUPS: list[list[str]] = [["add_objection"]]
#: Canvas actions for the empty canvas.
CANVAS_GROUPS: list[list[str]] = [
    ["zoom_in", "zoom_out", "zoom_actual", "zoom_fit"],
    ["select_all"],
]


class CanvasContextMenu(QObject):
    """Builds and shows the context menu of one canvas; installed on it as an event filter."""

    def __init__(
        self,
        view: MapView,
        layout: LayoutController,
        evaluation: EvaluationController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.layout = layout
        self.evaluation = evaluation
        #: The menu built last (shown, or about to be); replaced by the next one.
        self.menu: QMenu | None = None
        # Mouse requests arrive on the viewport, keyboard ones on the view (it has the focus).
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)

    # Building ------------------------------------------------------------------------------

    def item_at(self, scene_pos: QPointF) -> str | None:
        """The id of the topmost card or arrow shown at ``scene_pos``, or None."""
        scene = self.view.map_scene
        for item in scene.items(scene_pos):
            item_id = scene.id_for(item)
            if item_id is not None and item.isVisible():
                return item_id
        return None

    def menu_for(self, scene_pos: QPointF) -> QMenu:
        """What a right-click at ``scene_pos`` shows (not yet shown).

        On a card or arrow that is not selected, that item alone is selected first (the
        inspector follows); on one already selected, the selection is kept, so the menu acts
        on all of it.
        """
        item_id = self.item_at(scene_pos)
        if item_id is None:
            return self._build(None)
        selection = self.view.selection
        if item_id not in selection.ids:
            selection.set([item_id])
        return self._build(item_id)

    def menu_for_selection(self) -> tuple[QMenu, QPointF | None]:
        """The menu for the current selection, and the scene point to show it at (its card's
        or arrow's middle; None when nothing is selected)."""
        current = self.view.selection.current
        item = self.view.map_scene.item_for(current) if current is not None else None
        if current is None or item is None or not item.isVisible():
            return self._build(None), None
        edge = self.view.map_scene.edge_item(current)
        anchor = edge.mid() if edge is not None else item.sceneBoundingRect().center()
        return self._build(current), anchor

    def _build(self, item_id: str | None) -> QMenu:
        if self.menu is not None:
            self.menu.deleteLater()
        self.layout.refresh_actions()  # checks and enabled states as the selection is now
        menu = QMenu(self.view)
        menu.setObjectName("canvas_context_menu")
        argument_map = self.view.session.map
        if item_id is not None and argument_map.has_node(item_id):
            self._fill_card(menu)
        elif item_id is not None and argument_map.has_relation(item_id):
            self._fill_relation(menu)
        else:
            self._fill_canvas(menu)
        self.menu = menu
        return menu

    def _fill_card(self, menu: QMenu) -> None:
        self._add_groups(menu, CARD_GROUPS)
        layout, evaluation = self.layout, self.evaluation
        _add_group(menu, [layout.lay_out_selection, layout.pin, layout.collapse, layout.focus])
        _add_group(
            menu, [evaluation.concede_action, evaluation.reject_action, evaluation.release_action]
        )
        _add_group(menu, [self._canvas("delete")])

    def _fill_relation(self, menu: QMenu) -> None:
        self._add_groups(menu, RELATION_GROUPS)
        _add_group(menu, [self._canvas("delete")])

    def _fill_canvas(self, menu: QMenu) -> None:
        self._add_groups(menu, CANVAS_GROUPS)
        _add_group(menu, [self.layout.whole_map, self.evaluation.show_action])
        layouts = QMenu("&Layout", menu)
        layouts.addActions(list(self.layout.algorithms.values()))
        layouts.addSeparator()
        layouts.addActions(list(self.layout.directions.values()))
        menu.addSeparator()
        menu.addMenu(layouts)

    def _add_groups(self, menu: QMenu, groups: list[list[str]]) -> None:
        for names in groups:
            _add_group(menu, [self._canvas(name) for name in names])

    def _canvas(self, name: str) -> QAction:
        return self.view.actions_.named(name)

    # Showing -------------------------------------------------------------------------------

    def popup_at(self, menu: QMenu, global_pos: QPoint) -> None:
        """Show ``menu`` at a screen position; it runs on its own, this returns at once."""
        menu.popup(global_pos)

    def open_for_pointer(self, viewport_pos: QPoint, global_pos: QPoint) -> QMenu:
        """A right-click at a point of the viewport: select what is there, show its menu."""
        menu = self.menu_for(self.view.mapToScene(viewport_pos))
        self.popup_at(menu, global_pos)
        return menu

    def open_for_selection(self) -> QMenu:
        """The Menu key or Shift+F10: the selection's menu at its card (or mid-view)."""
        menu, anchor = self.menu_for_selection()
        viewport = self.view.viewport()
        area = viewport.rect()
        point = area.center() if anchor is None else self.view.mapFromScene(anchor)
        # A card scrolled out of sight still gets its menu inside the canvas.
        point = QPoint(
            min(max(point.x(), area.left()), area.right()),
            min(max(point.y(), area.top()), area.bottom()),
        )
        self.popup_at(menu, viewport.mapToGlobal(point))
        return menu

    def _showing(self) -> bool:
        return self.menu is not None and self.menu.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ContextMenu, QEvent.Type.KeyPress) or self.view.editor.active:
            return False  # the text being edited keeps its own menu and keys
        if isinstance(event, QContextMenuEvent):
            if self._showing():
                return True  # one request, one menu (a platform may send the key twice)
            if event.reason() == QContextMenuEvent.Reason.Mouse:
                global_pos = event.globalPos()
                self.open_for_pointer(self.view.viewport().mapFromGlobal(global_pos), global_pos)
            else:
                self.open_for_selection()
            return True
        if watched is self.view and isinstance(event, QKeyEvent) and _is_menu_key(event):
            # Not every platform turns these keys into a context menu request: do it here.
            if not self._showing():
                self.open_for_selection()
            return True
        return False


def _add_group(menu: QMenu, actions: list[QAction]) -> None:
    """A separator (unless the menu is empty so far), then the actions."""
    if menu.actions():
        menu.addSeparator()
    menu.addActions(actions)


def _is_menu_key(event: QKeyEvent) -> bool:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_Menu:
        return modifiers == Qt.KeyboardModifier.NoModifier
    return event.key() == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier
