"""Argdown: read its core (statements, arguments, premise-conclusion structures, relations,
tags, headings) into a map, and write a map as Argdown that reads back the same.

See :mod:`argmap.io.argdown_parse` (syntax), :mod:`argmap.io.argdown_convert` (meaning) and
:mod:`argmap.io.argdown_write` (export).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from argmap.io.argdown_convert import to_map
from argmap.io.argdown_lex import ArgdownSyntaxError
from argmap.io.argdown_parse import parse_argdown
from argmap.io.argdown_write import dumps_argdown
from argmap.io.atomic import write_atomic
from argmap.io.errors import FileFormatError
from argmap.io.import_result import ImportResult, counted
from argmap.io.reading import decode_text, read_bytes
from argmap.io.validation_text import first_error
from argmap.model import ArgumentMap, MapValidationError

__all__ = ["MAX_ARGDOWN_BYTES", "dumps_argdown", "loads_argdown", "read_argdown", "write_argdown"]

#: Larger Argdown files are refused unread: the parser reads about 2.5 MB a second, and an
#: argument map written by hand is far smaller (the 34-card release map is 20 kB).
MAX_ARGDOWN_BYTES = 20_000_000
#: Past this size a syntax error's message does not re-read the lines above it.
_RECOVER_BYTES = 2_000_000


def read_argdown(path: str | Path) -> ImportResult:
    """Import an Argdown file."""
    return loads_argdown(read_bytes(path, MAX_ARGDOWN_BYTES, "Argdown"), origin=path)


def loads_argdown(data: bytes | str, origin: str | Path | None = None) -> ImportResult:
    """Import Argdown text; a syntax error names its line and column."""
    if len(data) > MAX_ARGDOWN_BYTES:
        raise FileFormatError(
            origin,
            f"{len(data) / 1e6:.0f} MB of Argdown is more than the "
            f"{MAX_ARGDOWN_BYTES / 1e6:.0f} MB argmap reads (hand-written maps are far smaller)",
        )
    text = decode_text(data, origin)
    try:
        document = parse_argdown(text)
    except ArgdownSyntaxError as exc:
        raise FileFormatError(origin, f"{exc}{_recovered(text, exc.line)}") from None
    try:
        return to_map(document)
    except MapValidationError as exc:  # Argdown that argmap's model cannot hold
        raise FileFormatError(origin, f"the relations cannot form a map: {exc}") from None
    except ValidationError as exc:  # argmap's own data, edited by hand into something invalid
        raise FileFormatError(origin, f"argmap data: {first_error(exc)}") from None


def _recovered(text: str, line: int) -> str:
    """What the lines before an error hold, so the message says what would survive a fix."""
    if len(text) > _RECOVER_BYTES:
        return ""
    lines = text.splitlines()
    for _ in range(8):  # an unfinished structure just above may fail too: step back past it
        before = "\n".join(lines[: line - 1])
        if not before.strip():
            break
        try:
            document = parse_argdown(before)
        except ArgdownSyntaxError as exc:
            line = min(exc.line, line - 1)
            continue
        return (
            f" ({counted(len(document.statements), 'statement')}, "
            f"{counted(len(document.arguments), 'argument')} and "
            f"{counted(len(document.relations), 'relation')} above line {line} read fine)"
        )
    return " (nothing could be read)"


def write_argdown(argument_map: ArgumentMap, path: str | Path) -> None:
    """Write the map as Argdown, atomically."""
    write_atomic(path, dumps_argdown(argument_map).encode("utf-8"))
