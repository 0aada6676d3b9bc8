"""Argdown text -> items: the lines that start something, with their continuation lines.

Front matter (``=== ... ===``) and comments (``//``, ``/* */``, ``<!-- -->``) are blanked out
first, keeping every other character where it was, so positions in errors stay true. Then each
line either starts an item (a heading, a relation ``+ - _ <+ +> <- -> <_ _> ><``, a numbered
premise-conclusion line ``(n)``, an inference line ``--``) or continues the one before; after a
blank line, plain text starts a new paragraph.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from argmap.io.errors import FileFormatError
from argmap.io.json_text import loads_json


class ArgdownSyntaxError(Exception):
    """Text that is not Argdown, at a 1-based ``line`` and ``column``."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(f"line {line}, column {column}: {message}")
        self.line = line
        self.column = column
        self.message = message


RELATION_MARKERS = ("<+", "+>", "<-", "->", "<_", "_>", "><", "+", "-", "_")
_RELATION = re.compile(r"(<\+|\+>|<-|->|<_|_>|><|\+|-|_)\s+(?=\S)")
_HEADING = re.compile(r"(#{1,6})\s+(?=\S)")
_PCS = re.compile(r"\((\d+)\)\s*")
_SEPARATOR = re.compile(r"-{2,}\s*$")
_INLINE_RULE = re.compile(r"--+\s*(\S.*?)\s*--+\s*$")


@dataclass
class Segment:
    """The part of one physical line that belongs to an item."""

    line: int
    column: int
    text: str


@dataclass
class Item:
    kind: str  # "paragraph", "relation", "pcs", "inference" or "heading"
    line: int
    column: int
    indent: int
    marker: str
    segments: list[Segment] = field(default_factory=list)
    blank_before: bool = False
    closed: bool = False

    @property
    def text(self) -> str:
        return "\n".join(segment.text for segment in self.segments)

    def locate(self, offset: int) -> tuple[int, int]:
        """The line and column of ``offset`` in :attr:`text`."""
        for segment in self.segments:
            if offset <= len(segment.text):
                return segment.line, segment.column + offset
            offset -= len(segment.text) + 1
        last = self.segments[-1] if self.segments else Segment(self.line, self.column, "")
        return last.line, last.column + len(last.text)


@dataclass
class Lexed:
    items: list[Item]
    front_matter: bool
    title: str | None
    #: argmap's own front-matter entry (``argmap: {...}``, JSON): what Argdown cannot carry.
    extension: dict[str, Any] | None = None


def lex(text: str) -> Lexed:
    """Split Argdown text into items; raises :class:`ArgdownSyntaxError` with a position."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title, had_front_matter, extension = _blank_front_matter(lines)
    cleaned = blank_comments("\n".join(lines)).split("\n")
    return Lexed(_items(cleaned), had_front_matter, title, extension)


def _blank_front_matter(lines: list[str]) -> tuple[str | None, bool, dict[str, Any] | None]:
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "===":
        return None, False, None
    end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "==="), None)
    if end is None:
        raise ArgdownSyntaxError(
            first + 1, 1, "front matter opened with === is never closed (expected a line ===)"
        )
    title = _front_matter_title(lines[first + 1 : end])
    extension = _front_matter_extension(lines, first + 1, end)
    for i in range(first, end + 1):
        lines[i] = ""
    return title, True, extension


def _front_matter_extension(lines: list[str], start: int, end: int) -> dict[str, Any] | None:
    """The ``argmap: {...}`` entry argmap writes (one line of JSON), or ``None``."""
    for i in range(start, end):
        match = re.match(r"argmap:\s*(\{.*)$", lines[i])
        if match is None:
            continue
        try:
            value = loads_json(match.group(1), None)
        except FileFormatError as exc:
            raise ArgdownSyntaxError(i + 1, match.start(1) + 1, f"argmap: {exc.detail}") from None
        if not isinstance(value, dict):
            raise ArgdownSyntaxError(i + 1, 1, "argmap: expected a JSON object")
        return value
    return None


def _front_matter_title(block: list[str]) -> str | None:
    for i, line in enumerate(block):
        match = re.match(r"title:\s*(.*)$", line)
        if not match:
            continue
        parts = [match.group(1)]
        parts += [more.strip() for more in block[i + 1 :] if more[:1].isspace() and more.strip()][
            : _continuation_count(block[i + 1 :])
        ]
        value = " ".join(p.strip() for p in parts if p.strip())
        if value.startswith('"'):
            try:
                title = str(json.loads(value))
                return title.encode("utf-8", "replace").decode("utf-8")  # no lone surrogates
            except json.JSONDecodeError:
                return value.strip('"')
        return value.strip("'") or None
    return None


def _continuation_count(rest: list[str]) -> int:
    count = 0
    for line in rest:
        if not line[:1].isspace() or not line.strip():
            break
        count += 1
    return count


#: What can start a comment, and escapes (skipped whole, so ``\/*`` opens nothing).
_COMMENT_OR_ESCAPE = re.compile(r"\\.|/\*|<!--|(?<!\S)//", re.DOTALL)
_NOT_NEWLINE = re.compile(r"[^\n]")


def blank_comments(text: str) -> str:
    """``text`` with comments replaced by spaces (newlines kept); escapes are respected."""
    if "/" not in text and "<!--" not in text:
        return text
    parts: list[str] = []
    done = 0
    index = 0
    length = len(text)
    while True:
        match = _COMMENT_OR_ESCAPE.search(text, index)
        if match is None:
            break
        token = match.group()
        if token[0] == "\\":
            index = match.end()
            continue
        start = match.start()
        if token == "//":
            end = text.find("\n", start)
            end = length if end == -1 else end
        else:
            closer = "*/" if token == "/*" else "-->"
            found = text.find(closer, start + 2)
            if found == -1:
                line, column = _position(text, start)
                raise ArgdownSyntaxError(
                    line,
                    column,
                    f"comment opened with {token} is never closed (expected {closer})",
                )
            end = found + len(closer)
        parts.append(text[done:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        done = index = end
    parts.append(text[done:])
    return "".join(parts)


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _items(lines: list[str]) -> list[Item]:
    items: list[Item] = []
    blank = True
    for number, raw in enumerate(lines, start=1):
        line = raw.expandtabs(4).rstrip()
        if not line.strip():
            blank = True
            continue
        indent = len(line) - len(line.lstrip())
        started = _start(line, number, indent, blank)
        previous = items[-1] if items else None
        if started is None:
            if previous is not None and not blank and not previous.closed:
                previous.segments.append(Segment(number, indent + 1, line[indent:]))
            else:
                items.append(_paragraph(line, number, indent, blank))
        elif started.kind == "inference" and _closes(previous, started, blank):
            assert previous is not None
            previous.closed = True
        else:
            items.append(started)
        blank = False
    return items


def _closes(previous: Item | None, started: Item, blank: bool) -> bool:
    """A bare ``--`` right after an open inference line (and its rule text) closes it."""
    return (
        previous is not None
        and previous.kind == "inference"
        and not previous.closed
        and not started.segments
        and not blank
    )


def _paragraph(line: str, number: int, indent: int, blank: bool) -> Item:
    item = Item("paragraph", number, indent + 1, indent, "", blank_before=blank)
    item.segments.append(Segment(number, indent + 1, line[indent:]))
    return item


def _start(line: str, number: int, indent: int, blank: bool) -> Item | None:
    body = line[indent:]
    column = indent + 1
    if _SEPARATOR.match(body):
        return Item("inference", number, column, indent, "--", blank_before=blank)
    if match := _INLINE_RULE.match(body):
        item = Item("inference", number, column, indent, "--", blank_before=blank, closed=True)
        item.segments.append(Segment(number, column + match.start(1), match.group(1)))
        return item
    for kind, pattern in (("heading", _HEADING), ("pcs", _PCS), ("relation", _RELATION)):
        if match := pattern.match(body):
            item = Item(kind, number, column, indent, match.group(1), blank_before=blank)
            item.segments.append(Segment(number, column + match.end(), body[match.end() :]))
            return item
    return None
