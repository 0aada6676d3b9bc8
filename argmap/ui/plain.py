"""User text shown as written: never interpreted as HTML by a label or a tooltip.

Qt guesses whether a label's text or a tooltip is rich text (``Qt.mightBeRichText``); a node
text such as ``<b>x</b>`` or ``<img src=… onerror=…>`` would then be drawn as markup. Labels
take ``Qt.TextFormat.PlainText``; tooltips cannot, so they are escaped HTML that shows the
characters themselves.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` character for character, line breaks kept."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def plain_label(label: QLabel) -> QLabel:
    """``label`` set to show its text as written (returned, for chaining)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def bold_then_plain(bold: str, plain: str, between: str = " ") -> str:
    """Rich text: ``bold`` (program words) in bold, then the user's ``plain`` words escaped."""
    return f"<b>{html.escape(bold)}</b>{html.escape(between)}{html.escape(plain)}"
