"""An empty map over a plain-text or Markdown document (File ▸ New from text…)."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.io.errors import FileFormatError
from argmap.model import ArgumentMap, SourceDocument

#: Suffixes opened as source texts rather than maps.
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
#: A source text larger than this is surely not a document to map by hand.
MAX_TEXT_BYTES = 20 * 1024 * 1024

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def is_text_file(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES


def read_source_text(path: str | Path) -> str:
    """The text of a document, UTF-8 (a BOM is dropped), line ends made ``\\n``."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(file, "no such file") from None
    except IsADirectoryError:
        raise FileFormatError(file, "is a folder, not a text file") from None
    except OSError as exc:
        raise FileFormatError(file, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_TEXT_BYTES:
        raise FileFormatError(file, f"file is {len(data) / 1e6:.0f} MB; is it really a text?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(
            file, f"not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x})"
        ) from None
    if not text.strip():
        raise FileFormatError(file, "the file is empty")
    # Anchors are character offsets: one kind of line end keeps them the same everywhere.
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
