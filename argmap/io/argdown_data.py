"""The ``{key: value}`` data Argdown attaches to statements, arguments, inferences and headings.

Argdown writes it in YAML's flow style (``{source: "C1a"}``, ``{uses: [1, 2, 3]}``,
``{isInMap: false}``); JSON is a subset of that. This is a small reader for flow mappings,
sequences and scalars, enough for data blocks without pulling in a YAML library.
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.io.json_text import has_lone_surrogate, surrogate_message

#: Deeper data is refused (Python's stack would run out near a thousand levels).
MAX_DEPTH = 64
_NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")


class DataError(ValueError):
    """Data that is not a flow mapping; ``offset`` is where in the text it went wrong."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset


def parse_data(text: str) -> dict[str, Any]:
    """Parse ``{...}`` (the whole of ``text``) into a dict."""
    parser = _Parser(text)
    parser.skip_space()
    if not parser.peek("{"):
        raise DataError(parser.pos, "data must start with {")
    value = parser.mapping()
    parser.skip_space()
    if parser.pos != len(text):
        raise DataError(parser.pos, "unexpected text after the closing }")
    return value


def find_data_start(text: str) -> int | None:
    """Where a ``{...}`` block that closes at the very end of ``text`` starts, if any."""
    end = len(text.rstrip())
    if end == 0 or text[end - 1] != "}":
        return None
    depth = 0
    quote: str | None = None
    start: int | None = None
    index = 0
    while index < end:
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1  # the escaped character cannot close the quote
            elif char == quote:
                quote = None
        elif char in "\"'" and depth:
            quote = char
        elif char == "{":
            if depth == 0:
                start = index
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0 and index != end - 1:
                start = None
        index += 1
    return start if depth == 0 else None


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.depth = 0

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise DataError(self.pos, f"data nested more than {MAX_DEPTH} levels deep")

    def peek(self, chars: str) -> bool:
        return self.pos < len(self.text) and self.text[self.pos] in chars

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def expect(self, char: str) -> None:
        self.skip_space()
        if not self.peek(char):
            found = repr(self.text[self.pos]) if self.pos < len(self.text) else "the end"
            raise DataError(self.pos, f"expected {char!r}, found {found}")
        self.pos += 1

    def mapping(self) -> dict[str, Any]:
        self.enter()
        self.expect("{")
        result: dict[str, Any] = {}
        self.skip_space()
        while not self.peek("}"):
            key = self.scalar_or_quoted(key=True)
            self.expect(":")
            result[str(key)] = self.value()
            self.skip_space()
            if self.peek(","):
                self.pos += 1
                self.skip_space()
            elif not self.peek("}"):
                raise DataError(self.pos, "expected ',' or '}' after a value")
        self.pos += 1
        self.depth -= 1
        return result

    def sequence(self) -> list[Any]:
        self.enter()
        self.expect("[")
        result: list[Any] = []
        self.skip_space()
        while not self.peek("]"):
            result.append(self.value())
            self.skip_space()
            if self.peek(","):
                self.pos += 1
                self.skip_space()
            elif not self.peek("]"):
                raise DataError(self.pos, "expected ',' or ']' in a list")
        self.pos += 1
        self.depth -= 1
        return result

    def value(self) -> Any:
        self.skip_space()
        if self.peek("{"):
            return self.mapping()
        if self.peek("["):
            return self.sequence()
        return self.scalar_or_quoted(key=False)

    def scalar_or_quoted(self, *, key: bool) -> Any:
        self.skip_space()
        if self.pos >= len(self.text):
            raise DataError(self.pos, "the data ends too early")
        if self.peek('"'):
            try:
                value, self.pos = json.JSONDecoder().raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                raise DataError(self.pos, f"broken quoted text: {exc.msg}") from None
            if has_lone_surrogate(value):
                raise DataError(self.pos, surrogate_message(value))
            return value
        if self.peek("'"):
            return self._single_quoted()
        start = self.pos
        stops = ":" if key else ",]}\n"
        while self.pos < len(self.text) and self.text[self.pos] not in stops + "{}":
            self.pos += 1
        word = self.text[start : self.pos].strip()
        if not word and key:
            raise DataError(start, "expected a key")
        return word if key else _plain(word)

    def _single_quoted(self) -> str:
        self.pos += 1
        parts: list[str] = []
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == "'":
                if self.text.startswith("''", self.pos):
                    parts.append("'")
                    self.pos += 2
                    continue
                self.pos += 1
                return "".join(parts)
            parts.append(char)
            self.pos += 1
        raise DataError(self.pos, "a quote opened with ' is never closed")


def _plain(word: str) -> Any:
    lowered = word.lower()
    if lowered in ("true", "yes"):
        return True
    if lowered in ("false", "no"):
        return False
    if lowered in ("null", "~", ""):
        return None
    if _NUMBER.match(word):
        number = float(word)
        return (
            int(number)
            if number.is_integer() and "." not in word and "e" not in lowered
            else number
        )
    return word
