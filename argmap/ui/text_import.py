"""An empty map over a plain-text or Markdown document (File ▸ New from text…)."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.io.text import read_source_text
from argmap.model import ArgumentMap, SourceDocument

#: Suffixes opened as source texts rather than maps.
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def is_text_file(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES


def title_of(text: str, fallback: str) -> str:
    """The first non-empty line (without a Markdown heading mark), or ``fallback``."""
    for line in text.splitlines():
        stripped = _HEADING.sub("", line).strip()
        if any(c.isalnum() for c in stripped):  # skip rules and bullets like "-" or "***"
            return stripped if len(stripped) <= 120 else stripped[:119] + "…"
    return fallback


def map_from_text(path: str | Path) -> ArgumentMap:
    """A map with no nodes over the document at ``path``."""
    file = Path(path)
    text = read_source_text(file)
    stem = file.name.split(".")[0] or file.name
    title = title_of(text, stem)
    source = SourceDocument(id="s1", title=title, text=text)
    return ArgumentMap(title=title, sources=[source])
