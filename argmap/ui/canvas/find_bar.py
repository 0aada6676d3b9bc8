"""Find on the map (Edit ▸ Find, Ctrl+F): a small bar over the canvas's top right corner.

Typing highlights every card whose words (or tags) contain the text, case-insensitively;
Enter or F3 goes to the next match (selected and centred, unfolded if collapsed), Shift+Enter
or Shift+F3 to the previous one; Esc closes the bar and clears the highlights. Matches are
taken in reading order (top to bottom, then left to right).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QMenu, QToolButton

from argmap.editing import Change
from argmap.ui.actions import make_action

if TYPE_CHECKING:
    from argmap.ui.canvas.view import MapView


def find_matches(view: MapView, query: str) -> list[str]:
    """Ids of the nodes whose text or tags contain ``query`` (any case), in reading order."""
    words = " ".join(query.split()).casefold()
    if not words:
        return []
    scene = view.map_scene
    found = [
        node.id
        for node in view.session.map.nodes
        if words in " ".join(node.text.split()).casefold()
        or any(words in tag.casefold() for tag in node.tags)
    ]

    def reading_order(node_id: str) -> tuple[float, float]:
        point = scene.view_position(node_id)
        return round(point.y), point.x

    return sorted(found, key=reading_order)


class FindBar(QFrame):
    """The find field, previous/next buttons, the count, and a close button."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        self.matches: list[str] = []
        self.index = -1
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find on the map")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(220)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_button = _button("▲", "Previous match (Shift+F3)")
        self.next_button = _button("▼", "Next match (F3)")
        self.close_button = _button("✕", "Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        for widget in (
            self.field,
            self.count,
            self.previous_button,
            self.next_button,
            self.close_button,
        ):
            layout.addWidget(widget)
        self.field.textChanged.connect(self.search)
        self.field.installEventFilter(self)
        view.viewport().installEventFilter(self)  # kept in the corner when the view resizes
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        view.bridge.changed.connect(self._on_changes)
        view.map_scene.rebuilt.connect(self._rehighlight)
        self.find_action = make_action(
            view, "&Find…", ("Ctrl+F",), "Find cards by their words", "find"
        )
        self.next_action = make_action(
            view, "Find &Next", ("F3", "Ctrl+G"), "Go to the next match", "find_next"
        )
        self.previous_action = make_action(
            view,
            "Find Pre&vious",
            ("Shift+F3", "Ctrl+Shift+G"),
            "Go to the previous match",
            "find_previous",
        )
        self.find_action.triggered.connect(self.open_bar)
        self.next_action.triggered.connect(self.find_next)
        self.previous_action.triggered.connect(self.find_previous)
        self.hide()

    # Actions --------------------------------------------------------------------------------

    def actions_for_menu(self) -> list[QAction]:
        return [self.find_action, self.next_action, self.previous_action]

    def install(self, menu: QMenu) -> None:
        """Add Find, Find Next and Find Previous to ``menu`` (their keys work window-wide)."""
        menu.addSeparator()
        menu.addActions(self.actions_for_menu())

    def open_bar(self) -> None:
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus()
        self.field.selectAll()
        self.search(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self._highlight([])
        self.view.setFocus()

    # Searching ------------------------------------------------------------------------------

    def search(self, query: str) -> None:
        """Highlight the matches of ``query``; the first becomes the current one."""
        self.matches = find_matches(self.view, query)
        self.index = -1
        self._highlight(self.matches)
        if self.matches:
            self._go(0)
        self._update_count(query)

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.isHidden():
            self.open_bar()
            return
        if not self.matches:
            return
        self._go((self.index + delta) % len(self.matches))
        self._update_count(self.field.text())

    def _go(self, index: int) -> None:
        self.index = index
        node_id = self.matches[index]
        self.view.selection.set([node_id])
        self.view.center_on(node_id)

    def _update_count(self, query: str) -> None:
        if not query.strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("no match")
        else:
            self.count.setText(f"{self.index + 1} of {len(self.matches)}")

    def _highlight(self, node_ids: list[str]) -> None:
        wanted = set(node_ids)
        for item in self.view.map_scene.node_items():
            item.set_found(item.node_id in wanted)

    def _rehighlight(self) -> None:
        if self.isVisible():
            self._highlight(self.matches)

    def _on_changes(self, _changes: list[Change]) -> None:
        if self.isVisible():  # texts changed, cards came or went: the matches follow
            current = self.matches[self.index] if 0 <= self.index < len(self.matches) else None
            self.matches = find_matches(self.view, self.field.text())
            self.index = self.matches.index(current) if current in self.matches else -1
            self._highlight(self.matches)
            self._update_count(self.field.text())

    # Keys and placement ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is not self.field and self.isVisible():
            self._place()
        # The bar sits on the canvas: Enter and Esc are the field's, not the map's shortcuts.
        if watched is self.field and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if event.key() in _FIELD_KEYS:
                event.accept()
                return True
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.find_previous() if shift else self.find_next()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

    def _place(self) -> None:
        self.adjustSize()
        viewport = self.view.viewport().geometry()
        self.move(viewport.right() - self.width() - 8, viewport.top() + 8)


_FIELD_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape})


def _button(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    return button
