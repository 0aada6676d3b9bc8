"""Inline Argdown text: tags, data, emphasis and escapes, both ways.

Reading keeps mentions (``@[Title]``, ``@<Title>``) and links as written, takes ``#tags`` and
a trailing ``{data}`` out, drops bold and italic markers and joins lines with single spaces.
Writing escapes every character that Argdown would read as syntax, so any text survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.io.argdown_data import DataError, find_data_start, parse_data

# Escaped characters are swapped for private-use code points while the text is taken apart,
# so no pattern below can see them; they come back as themselves at the end.
_PRIVATE = 0xF0000
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_TAG = re.compile(r"(?:(?<=\s)|^)#(?:\(([^)\n]*)\)|(\w[\w-]*))")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_ITALIC = re.compile(r"(?<!\w)([*_])(?=\S)(.+?)(?<=\S)\1(?!\w)", re.DOTALL)
_SPECIAL = set("\\[]<>#{}@*_")


@dataclass
class Cleaned:
    text: str
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)


class TextDataError(ValueError):
    """Broken ``{data}``; ``offset`` is a position in the raw text."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset


def _protect(raw: str) -> tuple[str, list[int]]:
    """Escapes as private code points, and the raw offsets of the protected characters."""
    shifts: list[int] = []

    def swap(match: re.Match[str]) -> str:
        shifts.append(match.start())
        char = match.group(1)
        return chr(_PRIVATE + ord(char)) if ord(char) < 0xFFFD else char

    return _ESCAPE.sub(swap, raw), shifts


_PROTECTED = re.compile(f"[{chr(_PRIVATE)}-{chr(_PRIVATE + 0xFFFC)}]")


def _restore(text: str) -> str:
    return _PROTECTED.sub(lambda m: chr(ord(m.group()) - _PRIVATE), text)


def _raw_offset(offset: int, shifts: list[int]) -> int:
    """Where ``offset`` in the protected text is in the raw text (each escape is 2 there)."""
    for shift in shifts:
        if shift < offset:
            offset += 1
        else:
            break
    return offset


def clean(raw: str, *, keep_data: bool = True) -> Cleaned:
    """Take tags and data out of ``raw`` and tidy the rest into one line of plain text."""
    text, shifts = _protect(raw) if "\\" in raw else (raw, [])
    data: dict[str, Any] = {}
    start = find_data_start(text) if keep_data else None
    if start is not None:
        # The data is read from the raw text: its quoted strings keep their own escapes
        # (``\"``, ``\/``), which the swap above would have turned into bare characters.
        raw_start = _raw_offset(start, shifts)
        try:
            data = parse_data(raw[raw_start:])
        except DataError as exc:
            raise TextDataError(raw_start + exc.offset, str(exc)) from None
        text = text[:start]
    tags: list[str] = []
    if "#" in text:  # the checks spare the patterns on most texts (Argdown reads 3x faster)
        tags = [_restore((m.group(1) or m.group(2)).strip()) for m in _TAG.finditer(text)]
        text = _TAG.sub(" ", text)
    if "*" in text or "_" in text:
        text = _BOLD.sub(r"\2", text)
        text = _ITALIC.sub(r"\2", text)
    flat = " ".join(text.split())
    return Cleaned(_restore(flat) if shifts else flat, [t for t in tags if t], data)


def escape(text: str) -> str:
    """``text`` on one line with Argdown's syntax characters escaped."""
    flat = " ".join(text.split())
    out = []
    for index, char in enumerate(flat):
        after = flat[index + 1 : index + 2]
        opens_comment = after == "*" or (after == "/" and (index == 0 or flat[index - 1] == " "))
        if char in _SPECIAL or (char == "/" and opens_comment):
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def tag_text(tag: str) -> str:
    """A tag as Argdown writes it: ``#word`` or ``#(several words)``."""
    tag = " ".join(tag.replace(")", " ").split())
    return f"#{tag}" if re.fullmatch(r"\w[\w-]*", tag) else f"#({tag})"


def slug(text: str, limit: int = 48) -> str:
    """A readable id from a title: lower case words joined by hyphens."""
    words = re.findall(r"\w+", text.lower())
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > limit and result:
            break
        result = candidate[:limit]
    return result
