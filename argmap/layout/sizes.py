"""Card sizes without a screen: estimated from the text with a fixed font model.

The editor measures its cards with real font metrics and passes those sizes in; this estimate
serves the command line and any caller without Qt. It follows the canvas's card: 240 px wide,
text in 13 px DejaVu Sans wrapped at word boundaries within 222 px, 16 px lines, and 37 px of
header, gap and footer around the text. The character widths below are that font's advances
for printable ASCII; other characters count as an average letter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.layout.geometry import Size
from argmap.model import Node

__all__ = ["CARD_WIDTH", "estimate_card_size", "sizes_for", "text_line_count"]

CARD_WIDTH = 240.0
TEXT_WIDTH = 222.0
LINE_HEIGHT = 16.0
#: Qt's wrapped text is a little less than whole lines high (leading is not added after the last).
LAST_LINE_TRIM = 0.9
#: Header, the gap under it and the footer, around the text.
CHROME_HEIGHT = 20.0 + 6.0 + 11.0
MIN_TEXT_HEIGHT = 18.0
#: The canvas cuts longer statements for display; so does the estimate.
MAX_DISPLAY_CHARS = 420

# Advances (px) of " " to "~" in 13 px DejaVu Sans, in code point order.
_ASCII_ADVANCES = (
    4.12, 5.2, 5.97, 10.89, 8.27, 12.34, 10.12, 3.56, 5.06, 5.06, 6.5, 10.89, 4.12, 4.69,
    4.12, 4.38, 8.27, 8.27, 8.27, 8.27, 8.27, 8.27, 8.27, 8.27, 8.27, 8.27, 4.38, 4.38,
    10.89, 10.89, 10.89, 6.89, 13.0, 8.89, 8.91, 9.06, 10.0, 8.2, 7.47, 10.06, 9.77, 3.83,
    3.83, 8.52, 7.23, 11.2, 9.72, 10.22, 7.83, 10.22, 9.03, 8.25, 7.94, 9.5, 8.89, 12.84,
    8.89, 7.94, 8.89, 5.06, 4.38, 5.06, 10.89, 6.5, 6.5, 7.95, 8.25, 7.14, 8.25, 7.98,
    4.56, 8.25, 8.23, 3.61, 3.61, 7.52, 3.61, 12.66, 8.23, 7.95, 8.25, 8.25, 5.34, 6.77,
    5.09, 8.23, 7.69, 10.62, 7.69, 7.69, 6.81, 8.27, 4.38, 8.27, 10.89,
)  # fmt: skip
_ADVANCE = {chr(32 + i): width for i, width in enumerate(_ASCII_ADVANCES)}
_SPACE = _ADVANCE[" "]
_OTHER = 8.0


def _word_width(word: str) -> float:
    get = _ADVANCE.get
    return sum(get(char, _OTHER) for char in word)


def text_line_count(text: str, width: float = TEXT_WIDTH) -> int:
    """How many lines greedy word wrapping within ``width`` pixels makes of ``text``."""
    lines = 0
    used = -1.0  # no line open yet
    for word in text.split():
        length = _word_width(word)
        if used >= 0 and used + _SPACE + length <= width:
            used += _SPACE + length
            continue
        # A word wider than a line is not broken: like the canvas, it overflows its line.
        lines += 1
        used = length
    return lines


def estimate_card_size(node: Node) -> Size:
    """The (width, height) of ``node``'s card, estimated from its text.

    Examples
    --------
    >>> from argmap.model import Node
    >>> estimate_card_size(Node(id="a", kind="claim", text="Short."))
    (240.0, 55.0)
    >>> estimate_card_size(Node(id="b", kind="claim", text="words " * 30))
    (240.0, 132.1)
    """
    text = " ".join(node.text.split())
    if len(text) > MAX_DISPLAY_CHARS:
        text = text[: MAX_DISPLAY_CHARS - 1].rstrip() + "…"
    lines = text_line_count(text)
    text_height = max(MIN_TEXT_HEIGHT, lines * LINE_HEIGHT - LAST_LINE_TRIM)
    return CARD_WIDTH, round(CHROME_HEIGHT + text_height, 1)


def sizes_for(nodes: Iterable[Node], given: Mapping[str, Size] | None = None) -> dict[str, Size]:
    """A size for every node: ``given`` where it has one, the estimate otherwise."""
    given = given or {}
    return {
        node.id: given[node.id] if node.id in given else estimate_card_size(node) for node in nodes
    }
