"""An empty map over a plain-text or Markdown document (File ▸ New from text…)."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.io.text import read_source_text
from argmap.model import ArgumentMap, SourceDocument

#: Suffixes opened as source texts rather than maps.
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
#: A list item: "- x", "* x", "+ x", "1. x", "2) x".
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")


def is_text_file(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES


def title_of(text: str, fallback: str) -> str:
    """The first Markdown heading, else the first line unless it is a list item, else
    ``fallback`` (the file's name).

    >>> title_of("- buy milk\n# Notes\n", "notes")
    'Notes'
    >>> title_of("- buy milk\n- and bread\n", "shopping")
    'shopping'
    >>> title_of("Statement by the Home Secretary\nText.", "x")
    'Statement by the Home Secretary'
    """
    lines = text.splitlines()
    for line in lines:
        if _HEADING.match(line) and _has_words(heading := _HEADING.sub("", line).strip()):
            return _cut(heading.rstrip("#").strip())
    for line in lines:
        stripped = line.strip()
        if _has_words(stripped):  # skip rules like "-" or "***"
            return fallback if _BULLET.match(line) else _cut(stripped)
    return fallback


def _has_words(line: str) -> bool:
    return any(c.isalnum() for c in line)


def _cut(title: str) -> str:
    return title if len(title) <= 120 else title[:119] + "…"


def map_from_text(path: str | Path) -> ArgumentMap:
    """A map with no nodes over the document at ``path``."""
    file = Path(path)
    text = read_source_text(file)
    stem = file.name.split(".")[0] or file.name
    title = title_of(text, stem)
    source = SourceDocument(id="s1", title=title, text=text)
    return ArgumentMap(title=title, sources=[source])
