"""Argdown: read its core (statements, arguments, premise-conclusion structures, relations,
tags, headings) into a map, and write a map as Argdown that reads back the same.

See :mod:`argmap.io.argdown_parse` (syntax), :mod:`argmap.io.argdown_convert` (meaning) and
:mod:`argmap.io.argdown_write` (export).
"""

from __future__ import annotations

from pathlib import Path

from argmap.io.argdown_convert import to_map
from argmap.io.argdown_lex import ArgdownSyntaxError
from argmap.io.argdown_parse import parse_argdown
from argmap.io.argdown_write import dumps_argdown
from argmap.io.atomic import write_atomic
from argmap.io.errors import FileFormatError
from argmap.io.import_result import ImportResult, counted
from argmap.io.reading import decode_text, read_bytes
from argmap.model import ArgumentMap, MapValidationError

__all__ = ["dumps_argdown", "loads_argdown", "read_argdown", "write_argdown"]


def read_argdown(path: str | Path) -> ImportResult:
    """Import an Argdown file."""
    return loads_argdown(read_bytes(path), origin=path)


def loads_argdown(data: bytes | str, origin: str | Path | None = None) -> ImportResult:
    """Import Argdown text; a syntax error names its line and column."""
    text = decode_text(data, origin)
    try:
        document = parse_argdown(text)
    except ArgdownSyntaxError as exc:
        raise FileFormatError(origin, f"{exc}{_recovered(text, exc.line)}") from None
    try:
        return to_map(document)
    except MapValidationError as exc:  # Argdown that argmap's model cannot hold
        raise FileFormatError(origin, f"the relations cannot form a map: {exc}") from None


def _recovered(text: str, line: int) -> str:
    """What the lines before an error hold, so the message says what would survive a fix."""
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
