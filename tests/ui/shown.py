"""What a user reads in a label or tooltip: rich text rendered, plain text as it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel


def shown_text(text: str, rich: bool | None = None) -> str:
    """``text`` as Qt draws it (``rich`` None: Qt's own guess, as for a tooltip)."""
    if rich is None:
        rich = bool(GuiQt.mightBeRichText(text))  # type: ignore[attr-defined]
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def label_text(label: QLabel) -> str:
    """What ``label`` shows, by its text format."""
    text_format = label.textFormat()
    if text_format == Qt.TextFormat.PlainText:
        return label.text()
    rich = None if text_format == Qt.TextFormat.AutoText else True
    return shown_text(label.text(), rich)
