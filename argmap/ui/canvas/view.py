"""The map view: zoom, pan, selection sync, mouse tools and keyboard building over a MapScene."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCursor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QMenu, QWidget

from argmap.editing import Change, ChangeKind, Command, EditError, EditSession
from argmap.model import RelationKind
from argmap.ui import theme
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas import building, exposure, framing, lod, navigation, press
from argmap.ui.canvas.animator import CardAnimator
from argmap.ui.canvas.arrow_layer import LayerView
from argmap.ui.canvas.inplace_editor import InplaceEditor
from argmap.ui.canvas.keyboard import CanvasActions
from argmap.ui.canvas.keyboard_link import KeyboardLinkTool
from argmap.ui.canvas.paint_gate import PaintGate
from argmap.ui.canvas.scene import MapScene
from argmap.ui.canvas.tools import Tool
from argmap.ui.canvas.visibility import CanvasVisibility
from argmap.ui.selection import SelectionModel

MIN_SCALE = 0.02
MAX_SCALE = 4.0
ZOOM_STEP = 1.25


class MapView(LayerView):
    """The canvas widget the main window embeds.

    Gestures become commands run through :meth:`execute`; the scene redraws from the session's
    published changes. Selection goes both ways through the shared :class:`SelectionModel`.
    """

    #: str: a short message for the status bar (why a gesture did nothing)
    message = Signal(str)

    def __init__(
        self,
        session: EditSession,
        bridge: SessionBridge,
        selection: SelectionModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.bridge = bridge
        self.selection = selection
        #: When set, a relation drawn with the mouse takes this kind without asking.
        self.link_default_kind: RelationKind | None = None
        self.map_scene = MapScene(session, None, self)
        #: Holds work back after an opening until the map is on screen (see paint_gate).
        self.paint_gate = PaintGate(self.viewport(), self)
        self.map_scene.label_queue.gate = self.paint_gate
        self.editor = InplaceEditor(self)
        # The editor must hear of a rebuild before the scene clears (and deletes) it.
        bridge.changed.connect(self._on_changes)
        self.map_scene.rebuilt.connect(self._on_rebuilt)
        self.map_scene.synced.connect(self._update_scene_rect)
        self.map_scene.labels_placed.connect(self._update_scene_rect)
        self.map_scene.role_changed.connect(self.message)
        self.setScene(self.map_scene)
        # Items switch antialiasing on themselves when zoomed in enough for it to show.
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(theme.CANVAS_BACKGROUND)
        # The background, with the long arrows' lines in it (see arrow_layer), is kept as a
        # picture: repainting a card blits them instead of stroking a thousand lines again.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self._tool: Tool | None = None
        self._space_held = False
        self._fit_pending = True  # a newly shown map is shown whole
        self._scene_rect_set = False
        self._update_scene_rect()
        #: Glides cards to new places (a layout applied, a focus); view only.
        self.animator = CardAnimator(self.map_scene, self)
        #: Hides collapsed subtrees, or all but one claim in focus; view only.
        self.visibility = CanvasVisibility(self, self.animator)
        #: The canvas's actions: ``.building`` and ``.viewing`` lists, for the window's menus.
        self.actions_ = CanvasActions(self)
        selection.changed.connect(self._on_selection_changed)

    # Public API ---------------------------------------------------------------------------

    def edit_actions(self) -> list[QAction]:
        """The building, navigation and view actions, with their shortcuts, for the menus."""
        return self.actions_.all()

    def center_on(self, item_id: str) -> None:
        """Scroll so the card (or arrow) of ``item_id`` is in the middle of the view.

        A card hidden by a collapse or outside the focus is shown first: asked for by name (from
        the outline, the text, the checklist), it is wanted on screen.
        """
        self.visibility.reveal(item_id)
        item = self.map_scene.item_for(item_id)
        if item is not None:
            self.centerOn(item.sceneBoundingRect().center())

    def show_item(self, item_id: str) -> None:
        """Like :meth:`center_on`, but leave the view alone when the card is already in it."""
        self.visibility.reveal(item_id)
        item = self.map_scene.item_for(item_id)
        if item is None:
            return
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        if not shown.contains(item.sceneBoundingRect()):
            self.centerOn(item.sceneBoundingRect().center())

    def center_on_current(self) -> None:
        if self.selection.current is not None:
            self.center_on(self.selection.current)

    def zoom_to_fit(self) -> None:
        rect = self.map_scene.map_rect()
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)
        self._zoom_changed()
        if self.zoom_level() > 1.0:  # a small map is shown at reading size, not blown up
            self.set_zoom(1.0)
            self.centerOn(rect.center())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom_level() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom_level() / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def zoom_level(self) -> float:
        return self.transform().m11()

    def set_zoom(self, level: float) -> None:
        level = max(MIN_SCALE, min(MAX_SCALE, level))
        factor = level / self.zoom_level()
        self.scale(factor, factor)
        self._zoom_changed()

    def _zoom_changed(self) -> None:
        self.map_scene.set_detailed(self.zoom_level() >= lod.DETAIL_SCALE)

    def start_editing(
        self, node_id: str, typed: str | None = None, undo_selection: list[str] | None = None
    ) -> bool:
        """Open the in-place editor on a card; ``typed`` replaces the text.

        ``undo_selection`` is for a card created just now: Esc takes it back and re-selects
        those ids.
        """
        self.cancel_gesture()
        item = self.map_scene.node_item(node_id)
        if item is None:
            return False
        self.ensureVisible(item.sceneBoundingRect(), 20, 20)
        return self.editor.open(node_id, typed, undo_selection)

    def edit_current(self) -> None:
        current = self.selection.current
        if current is not None and self.session.map.has_node(current):
            self.start_editing(current)

    def execute(self, command: Command) -> bool:
        """Run a command on the session; an impossible edit is reported, not raised."""
        try:
            self.session.execute(command)
        except EditError as exc:
            self.report(str(exc))
            return False
        return True

    def scene_has(self, item_id: str) -> bool:
        return self.map_scene.item_for(item_id) is not None

    def report(self, text: str) -> None:
        self.message.emit(text)

    def ask_relation_kind(self) -> RelationKind | None:
        """A small menu at the pointer: support or attack (None when dismissed)."""
        menu = QMenu(self)
        support = menu.addAction("Supports")
        attack = menu.addAction("Attacks")
        chosen = menu.exec(QCursor.pos())
        if chosen is support:
            return RelationKind.SUPPORT
        if chosen is attack:
            return RelationKind.ATTACK
        return None

    def set_building_enabled(self, enabled: bool) -> None:
        """Building keys are off while text is edited in place (Enter and arrows are its own)."""
        for action in self.actions_.building:
            action.setEnabled(enabled)

    def select_all(self) -> None:
        shown = [item for item in self.map_scene.node_items() if item.isVisible()]
        items = sorted(shown, key=lambda i: (i.y(), i.x()))
        self.selection.set(item.node_id for item in items)

    def move_selection(self, direction: navigation.Direction) -> None:
        """Select the nearest card in ``direction`` from the current one (or any, if none)."""
        if isinstance(self._tool, KeyboardLinkTool):
            self._tool.step(direction)
            return
        centres = {i.node_id: (i.x(), i.y()) for i in self.map_scene.node_items() if i.isVisible()}
        current = self.selection.current
        if current not in centres:
            first = min(centres, key=lambda n: (centres[n][1], centres[n][0]), default=None)
            if first is not None:
                self.selection.set([first])
            return
        assert current is not None
        found = navigation.neighbour(centres, current, direction)
        if found is not None:
            self.selection.set([found])

    def press_enter(self) -> None:
        """Enter completes a keyboard link as a support; otherwise it adds a sibling."""
        if isinstance(self._tool, KeyboardLinkTool):
            tool, self._tool = self._tool, None
            tool.complete(RelationKind.SUPPORT)
            return
        building.add_sibling(self)

    def start_keyboard_link(self) -> None:
        premises = [i for i in self.selection.ids if self.session.map.has_node(i)]
        if not premises:
            self.report("Select the premise card(s) first")
            return
        self.cancel_gesture()
        tool = KeyboardLinkTool(self, premises)
        self._tool = tool
        tool.begin()

    def cancel_gesture(self) -> None:
        """The one path by which Esc, focus loss or a new gesture ends the tool in progress."""
        tool, self._tool = self._tool, None
        if tool is not None:
            tool.cancel()

    def restore_cursor(self) -> None:
        shape = Qt.CursorShape.OpenHandCursor if self._space_held else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(shape)

    # Scene and first view ----------------------------------------------------------------

    def _on_rebuilt(self) -> None:
        self.paint_gate.arm()
        self.paint_gate.defer(self.map_scene.warm_up)
        self._apply_selection()
        self._scene_rect_set = False  # a new map: its own frame
        self._update_scene_rect()
        self._fit_pending = True
        if self.isVisible():
            QTimer.singleShot(0, self._fit_if_pending)

    def _update_scene_rect(self) -> None:
        # Generous margins: the view can scroll any card to its middle, and centerOn works.
        rect = self.map_scene.map_rect()
        margin = max(rect.width(), rect.height(), 1000.0) * 0.5
        wanted = rect.adjusted(-margin, -margin, margin, margin)
        current = self.sceneRect()
        # Kept while the map stays well inside it and it is not much too big: a new scene
        # rect throws away the view's cached background (see arrow_layer), drawn whole again.
        half = margin / 2
        if (
            self._scene_rect_set
            and current.contains(rect.adjusted(-half, -half, half, half))
            and current.width() * current.height() <= 2.25 * wanted.width() * wanted.height()
        ):
            return
        self._scene_rect_set = True
        self.setSceneRect(wanted)
        # The scene's too: left to itself it grows to fit its items, and each time it does
        # (a card added or dragged past the map's edge) Qt files every item of the scene
        # again in its index (0.2 s at 20,000 statements).
        self.map_scene.setSceneRect(wanted)

    def _fit_if_pending(self) -> None:
        if self._fit_pending and self.isVisible():
            self._fit_pending = False
            framing.show_initial(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paint_gate.painted()  # what waited for the map to be on screen runs after this
        # Several separate parts (a new card and its parent): arrows skip those they miss.
        region = event.region()
        if region.rectCount() < 2:
            super().paintEvent(event)
            return
        rects: list[QRect] = list(region)  # type: ignore[call-overload]
        with exposure.repainting(self.mapToScene(rect).boundingRect() for rect in rects):
            super().paintEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_if_pending)

    # Selection sync -----------------------------------------------------------------------

    def _on_selection_changed(self, ids: list[str]) -> None:
        self._apply_selection()
        current = self.selection.current
        item = self.map_scene.item_for(current) if current else None
        if item is not None and item.isVisible():  # a hidden card has no place to scroll to
            visible = self.mapToScene(self.viewport().rect()).boundingRect()
            if not visible.contains(item.sceneBoundingRect()):
                self.centerOn(item.sceneBoundingRect().center())

    def _apply_selection(self) -> None:
        wanted = set(self.selection.ids)
        for item in self.map_scene.selectedItems():
            if self.map_scene.id_for(item) not in wanted:
                item.setSelected(False)
        for item_id in wanted:
            wanted_item = self.map_scene.item_for(item_id)
            if wanted_item is not None and not wanted_item.isSelected():
                wanted_item.setSelected(True)

    def _on_changes(self, changes: list[Change]) -> None:
        if any(change.kind == ChangeKind.MAP_REPLACED for change in changes):
            self.cancel_gesture()
            self.editor.forget()
        self.map_scene.apply_changes(changes)
        editing = self.editor.node_id
        if editing is not None and not self.session.map.has_node(editing):
            self.editor.close()
        self._apply_selection()

    # Mouse --------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.animator.stop()  # a gesture starts from where the cards will be, not mid-glide
        if self.editor.active:
            if self._over_editor(event):
                super().mousePressEvent(event)
                return
            self.editor.commit()
        if isinstance(self._tool, KeyboardLinkTool):
            link_tool, self._tool = self._tool, None
            link_tool.finish(event)
            return
        self.cancel_gesture()
        tool = press.tool_for_press(self, event, self._space_held)
        if tool is None:
            super().mousePressEvent(event)
            return
        self._tool = tool
        tool.start(event)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._tool is not None:
            self._tool.move(event)
            event.accept()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._tool is not None and not isinstance(self._tool, KeyboardLinkTool):
            tool, self._tool = self._tool, None
            tool.finish(event)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = press.node_at(self, event)
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self.cancel_gesture()
            self.selection.set([item.node_id])
            self.start_editing(item.node_id)
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom_level() * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def _over_editor(self, event: QMouseEvent) -> bool:
        item = self.itemAt(event.position().toPoint())
        return item is not None and item.zValue() >= 100

    # Keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.editor.active:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self._tool is not None:
                self.cancel_gesture()
            elif not self.visibility.leave_focus():
                self.selection.clear()
            return
        if isinstance(self._tool, KeyboardLinkTool) and self._tool.key(event):
            self._tool = None
            return
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.restore_cursor()
            return
        if self._typing_starts_edit(event):
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self.restore_cursor()
            return
        super().keyReleaseEvent(event)

    def _typing_starts_edit(self, event: QKeyEvent) -> bool:
        text = event.text()
        blocked = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if not text or not text.isprintable() or text.isspace() or event.modifiers() & blocked:
            return False
        if not self.selection.ids:  # nothing selected: the words start a new claim
            return building.new_claim(self, typed=text) is not None
        current = self.selection.current
        if current is None or not self.session.map.has_node(current):
            return False
        return self.start_editing(current, typed=text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._space_held = False
        popup = event.reason() == Qt.FocusReason.PopupFocusReason
        if not popup and not self.editor.active and not isinstance(self._tool, KeyboardLinkTool):
            self.cancel_gesture()
        super().focusOutEvent(event)
