"""What a card shows and how big it is: content taken from a node, measured once per change."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from argmap.model import Node, NodeKind
from argmap.ui.roles import role_colour, role_label

#: Card width in scene pixels: about 34 characters a line, a comfortable reading measure.
CARD_WIDTH = 240.0
PADDING = 9.0
HEADER_HEIGHT = 20.0
#: Space between the header and the text.
TEXT_TOP = 6.0
#: Room under the text (a badge's strength bar goes there).
FOOTER_HEIGHT = 11.0
MIN_TEXT_HEIGHT = 18.0
TEXT_WIDTH = CARD_WIDTH - 2 * PADDING
#: Very long statements are cut for display (the full text stays in the model and inspector).
MAX_DISPLAY_CHARS = 420
TEXT_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
    Qt.TextFlag.TextWordWrap
)
PLACEHOLDER = "(empty: type to write)"


def text_font() -> QFont:
    """The statement font; pixel-sized so scene geometry is the same on every screen."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(13)
    return font


def header_font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(10)
    font.setBold(True)
    return font


@dataclass(frozen=True)
class CardContent:
    """Everything a card paints, derived from a node (and whether it is a rebuttal)."""

    kind_label: str
    colour: QColor
    text: str
    detail: str  # evidence type, shown in the header after the kind
    cited: bool
    anchored: bool
    empty: bool

    @property
    def display_text(self) -> str:
        if self.empty:
            return PLACEHOLDER
        if len(self.text) <= MAX_DISPLAY_CHARS:
            return self.text
        return self.text[: MAX_DISPLAY_CHARS - 1].rstrip() + "…"


def content_for(node: Node, rebuttal: bool = False) -> CardContent:
    """The card of ``node``; a counterargument answering an objection reads "Rebuttal"."""
    label, colour = role_label(node.kind, rebuttal), role_colour(node.kind, rebuttal)
    detail = ""
    if node.kind == NodeKind.EVIDENCE and node.evidence_type is not None:
        detail = node.evidence_type.value.replace("_", " ")
    cited = node.citation is not None and not node.citation.is_empty()
    text = " ".join(node.text.split())
    return CardContent(label, colour, text, detail, cited, bool(node.anchors), not text)


class CardMeasure:
    """Measures card heights with one shared font metrics object (the costly part)."""

    def __init__(self) -> None:
        self._metrics = QFontMetricsF(text_font())

    def text_height(self, content: CardContent) -> float:
        bounds = self._metrics.boundingRect(
            QRectF(0, 0, TEXT_WIDTH, 100_000), TEXT_FLAGS, content.display_text
        )
        return max(MIN_TEXT_HEIGHT, bounds.height())

    def size(self, content: CardContent) -> tuple[float, float]:
        height = HEADER_HEIGHT + TEXT_TOP + self.text_height(content) + FOOTER_HEIGHT
        return CARD_WIDTH, round(height, 1)
