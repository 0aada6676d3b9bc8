"""Editors that commit once, when editing is finished, never per keystroke.

Each keeps the value it last showed; it emits ``committed`` only when the user leaves it with a
different value, so one edit makes one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget


class CommitLineEdit(QLineEdit):
    """A one-line field; ``committed(str)`` on Return or focus loss, when the text changed."""

    #: str: the new text
    committed = Signal(str)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self._shown = ""
        self.editingFinished.connect(self._finish)

    def set_value(self, text: str) -> None:
        """Show ``text``, unless the user is typing a change not yet committed here."""
        typing = self.hasFocus() and self.text() != self._shown
        self._shown = text
        if not typing:
            self.setText(text)
            self.setModified(False)
            self.setCursorPosition(0)  # show the start of a long title or URL, not its end

    def commit(self) -> None:
        """Emit ``committed`` now if the text differs from what was last shown."""
        self._finish()

    def _finish(self) -> None:
        if self.text() != self._shown:
            self._shown = self.text()
            self.committed.emit(self.text())


class CommitTextEdit(QPlainTextEdit):
    """A multi-line field; ``committed(str)`` on focus loss or Ctrl+Return, when changed."""

    #: str: the new text
    committed = Signal(str)

    def __init__(self, placeholder: str = "", lines: int = 3, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setFixedHeight(height)
        self._shown = ""

    def set_value(self, text: str) -> None:
        """Show ``text``, unless the user is typing a change not yet committed here."""
        typing = self.hasFocus() and self.toPlainText() != self._shown
        self._shown = text
        if not typing:
            self.setPlainText(text)

    def commit(self) -> None:
        if self.toPlainText() != self._shown:
            self._shown = self.toPlainText()
            self.committed.emit(self._shown)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        is_return = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if is_return and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commit()
            return
        super().keyPressEvent(event)


class ChoiceBox(QComboBox):
    """A combo of (label, value) pairs; ``chosen(value)`` only when the user picks another.

    Values are kept in Python (Qt would turn an enum member into a plain string).
    """

    #: object: the value picked
    chosen = Signal(object)

    def __init__(self, choices: list[tuple[str, object]], parent: QWidget | None = None):
        super().__init__(parent)
        self._values: list[object] = []
        for label, value in choices:
            self.add_choice(label, value)
        self._shown: object = None
        self.activated.connect(self._pick)

    def add_choice(self, label: str, value: object) -> None:
        self.addItem(label)
        self._values.append(value)

    def index_of(self, value: object) -> int:
        return self._values.index(value) if value in self._values else -1

    @property
    def value(self) -> object:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: object) -> None:
        self._shown = value
        index = self.index_of(value)
        self.setCurrentIndex(index if index >= 0 else 0)

    def _pick(self, index: int) -> None:
        value = self._values[index]
        if value != self._shown:
            self._shown = value
            self.chosen.emit(value)


class PercentBox(QSpinBox):
    """0-100 %, or "not rated"; ``committed(float | None)`` when editing finishes changed."""

    #: object: the new rating, 0-1, or None
    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, 100)
        self.setSuffix(" %")
        self.setSpecialValueText("not rated")
        self._shown: float | None = None
        self.editingFinished.connect(self._finish)

    @property
    def rating(self) -> float | None:
        return None if self.value() < 0 else self.value() / 100

    def set_value(self, rating: float | None) -> None:
        self._shown = rating
        self.setValue(-1 if rating is None else round(rating * 100))

    def commit(self) -> None:
        """Emit ``committed`` now if the rating differs from what was last shown."""
        self._finish()

    def _finish(self) -> None:
        shown = None if self._shown is None else round(self._shown * 100)
        current = None if self.value() < 0 else self.value()
        if current != shown:
            self._shown = self.rating
            self.committed.emit(self.rating)
