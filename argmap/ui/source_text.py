"""The read-only source text view: reports clicks and hovers as document offsets."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget


class SourceTextView(QPlainTextEdit):
    """Shows one source; a click (not a drag) or a hover names the character under the mouse."""

    #: int: the document position of the character clicked
    clicked = Signal(int)
    #: (int, QPoint): the document position hovered, and the global point for a tooltip
    hovered = Signal(int, QPoint)
    #: QMenu: the context menu about to show, for the panel to add its entries
    menu_requested = Signal(QMenu)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(8)
        self.viewport().installEventFilter(self)
        self.viewport().setMouseTracking(True)

    def character_at(self, point: QPoint) -> int:
        """The document position of the character under ``point`` (viewport coordinates)."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        # cursorForPosition gives the nearest boundary: left of it means the character before.
        if position > 0 and point.x() < self.cursorRect(cursor).left():
            position -= 1
        return position

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked.emit(self.character_at(event.position().toPoint()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            self.hovered.emit(self.character_at(event.pos()), event.globalPos())
            return True
        return super().eventFilter(watched, event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        self.menu_requested.emit(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def scroll_to(self, position: int) -> None:
        """Put the cursor at ``position`` and centre it, unless it is already in view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        if not self.viewport().rect().contains(self.cursorRect(cursor)):
            self.centerCursor()
