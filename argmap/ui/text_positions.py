"""Anchor offsets (Python characters) to and from positions in a Qt text document.

Qt counts UTF-16 code units (a character outside the BMP takes two) and shows ``\\r\\n`` as one
line break, so the two differ for some texts. Most texts need no table at all.
"""

from __future__ import annotations

from bisect import bisect_right


class TextPositions:
    """Converts between offsets into ``text`` and positions in a document showing it."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._identity = "\r\n" not in text and all(ord(c) < 0x10000 for c in text)
        self._to_qt: list[int] = []
        if not self._identity:
            self._to_qt = _table(text)

    def to_qt(self, offset: int) -> int:
        offset = max(0, min(offset, self._length))
        return offset if self._identity else self._to_qt[offset]

    def to_offset(self, position: int) -> int:
        """The offset of the character at (or the first after) document ``position``."""
        if self._identity:
            return max(0, min(position, self._length))
        # The last offset whose Qt position is <= position; a position inside a surrogate
        # pair counts as the character itself.
        index = bisect_right(self._to_qt, position) - 1
        return max(0, min(index, self._length))


def _table(text: str) -> list[int]:
    table: list[int] = []
    position = 0
    for i, char in enumerate(text):
        table.append(position)
        if char == "\r" and text[i + 1 : i + 2] == "\n":
            continue  # Qt drops the \r of \r\n
        position += 2 if ord(char) >= 0x10000 else 1
    table.append(position)
    return table
