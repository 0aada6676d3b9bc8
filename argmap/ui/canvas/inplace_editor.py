"""Editing a card's text where it is: an editor laid over the card, committed as one command.

Enter (or leaving the editor) commits, Shift+Enter starts a new line, Esc cancels. A card made
from the keyboard a moment ago is taken back on Esc, so "add, then think better of it" leaves
no empty node behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QGraphicsProxyWidget, QPlainTextEdit

from argmap.editing import edit_text
from argmap.ui import theme
from argmap.ui.canvas.card import text_font

if TYPE_CHECKING:
    from argmap.ui.canvas.view import MapView

#: The editor stands out from the card it covers: a pale fill and the selection colour.
_BORDER = theme.SELECTION_COLOUR.name()
_STYLE = f"QPlainTextEdit {{ background: #fffdf0; border: 1px solid {_BORDER}; }}"


class _EditBox(QPlainTextEdit):
    #: nothing: Enter or focus loss asks to commit
    commit_requested = Signal()
    #: nothing: Esc asks to cancel
    cancel_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            return
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.commit_requested.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # the context menu keeps it
            self.commit_requested.emit()


class InplaceEditor(QObject):
    """At most one open editor over one card of the view's scene."""

    #: str: the node whose editing just ended (committed or cancelled)
    finished = Signal(str)

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        self.node_id: str | None = None
        self._proxy: QGraphicsProxyWidget | None = None
        self._box: _EditBox | None = None
        self._undo_index: int | None = None
        self._undo_selection: list[str] = []

    @property
    def active(self) -> bool:
        return self.node_id is not None

    def widget(self) -> QPlainTextEdit | None:
        return self._box

    def open(
        self, node_id: str, typed: str | None = None, undo_selection: list[str] | None = None
    ) -> bool:
        """Edit ``node_id``; ``typed`` replaces the text (typing on a selected card).

        ``undo_selection`` marks a card just created for this edit: Esc takes it back (undo)
        and selects these ids again.
        """
        self.close()
        item = self.view.map_scene.node_item(node_id)
        if item is None:
            return False
        node = self.view.session.map.node(node_id)
        box = _EditBox()
        box.setFont(text_font())
        box.setFrameShape(QFrame.Shape.NoFrame)
        box.setStyleSheet(_STYLE)
        # Inside its card always: a text longer than a card shows scrolls in the editor.
        box.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        box.setMinimumSize(10, 10)  # a scroll area's own minimum is taller than a card line
        box.document().setDocumentMargin(2)
        box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box.setPlainText(node.text if typed is None else typed)
        box.moveCursor(QTextCursor.MoveOperation.End)
        box.commit_requested.connect(self.commit)
        box.cancel_requested.connect(self.cancel)
        proxy = self.view.map_scene.addWidget(box)
        proxy.setZValue(100)
        self.node_id, self._proxy, self._box = node_id, proxy, box
        self._fit()
        box.textChanged.connect(self._fit)
        self._undo_index = self.view.session.history.index if undo_selection is not None else None
        self._undo_selection = list(undo_selection or [])
        self.view.set_building_enabled(False)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        proxy.setFocus(Qt.FocusReason.OtherFocusReason)
        box.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _fit(self) -> None:
        """Cover the card's text area; the card grows with the text typed (view only), so
        the editor never spills out of it."""
        item = self.view.map_scene.node_item(self.node_id or "")
        if item is None or self._proxy is None or self._box is None:
            return
        self.view.map_scene.preview_text(item.node_id, self._box.toPlainText())
        rect = item.text_rect().translated(item.pos())
        self._proxy.setGeometry(rect.adjusted(-4, -4, 4, 0))

    def text(self) -> str:
        return self._box.toPlainText() if self._box is not None else ""

    def commit(self) -> None:
        """Write the text to the node (one command) if it changed, and close."""
        node_id, text = self.node_id, self.text().strip()
        self.close()
        if node_id is None or not self.view.session.map.has_node(node_id):
            return
        if text != self.view.session.map.node(node_id).text:
            self.view.execute(edit_text(node_id, text))

    def cancel(self) -> None:
        """Close without writing; a card created for this edit is taken back (undo)."""
        undo_index = self._undo_index
        node_id = self.node_id
        self.close()
        history = self.view.session.history
        if node_id is None or undo_index is None or history.index != undo_index:
            return
        argument_map = self.view.session.map
        if argument_map.has_node(node_id) and not argument_map.node(node_id).text:
            restore = self._undo_selection
            self.view.session.undo()
            self.view.selection.set(i for i in restore if self.view.scene_has(i))

    def close(self) -> None:
        """Remove the editor, writing nothing."""
        node_id, proxy, box = self.node_id, self._proxy, self._box
        if node_id is None:
            return
        self.node_id, self._proxy, self._box, self._undo_index = None, None, None, None
        self.view.map_scene.preview_text(node_id)  # the card as the map has it again
        if box is not None:
            box.commit_requested.disconnect(self.commit)
            box.cancel_requested.disconnect(self.cancel)
        if proxy is not None and proxy.scene() is not None:
            proxy.scene().removeItem(proxy)
            proxy.deleteLater()
        self.view.set_building_enabled(True)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.finished.emit(node_id)

    def forget(self) -> None:
        """The scene is being cleared (it deletes the editor itself): drop our references."""
        if self._proxy is not None and self._proxy.scene() is not None:
            self.close()
        self.node_id, self._proxy, self._box, self._undo_index = None, None, None, None
