"""JSON from a file, refused with one clear message when it is hostile rather than a map.

Python's ``json`` accepts two things argmap cannot use: nesting deep enough to exhaust the
interpreter's stack (``RecursionError``), and lone surrogates such as ``"\\ud800"``, which are
valid JSON escapes but not text (every later print or export fails to encode them). Both are
refused here, saying what and where.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from argmap.io.errors import FileFormatError

#: A ``\\uD800``-``\\uDFFF`` escape: the only way a surrogate gets into JSON read from UTF-8.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF][0-9a-fA-F]{2}")
_SURROGATE_ESCAPE_TEXT = re.compile(r"\\u[dD][89abcdefABCDEF][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def may_hold_surrogates(data: bytes | str) -> bool:
    """Whether raw JSON has a surrogate escape (a cheap scan before the exact check)."""
    if isinstance(data, bytes):
        return _SURROGATE_ESCAPE.search(data) is not None
    return _SURROGATE_ESCAPE_TEXT.search(data) is not None or has_lone_surrogate(data)


def has_lone_surrogate(text: str) -> bool:
    return _LONE_SURROGATE.search(text) is not None


def surrogate_message(text: str, where: str = "") -> str:
    found = _LONE_SURROGATE.search(text)
    code = f"\\u{ord(found.group()):04x}" if found else "a surrogate"
    place = f"{where}: " if where else ""
    return (
        f"{place}holds a lone surrogate ({code}), which is not a character "
        "(only a pair of surrogates makes one)"
    )


def first_lone_surrogate(document: object) -> tuple[str, str] | None:
    """The JSON path (``$.nodes[0].text``) and text of the first string with a lone surrogate."""
    stack: list[tuple[str, object]] = [("$", document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if has_lone_surrogate(value):
                return path, value
        elif isinstance(value, dict):
            children = []
            for key, item in value.items():
                if has_lone_surrogate(key):
                    return f"{path} (a key)", key
                children.append((f"{path}.{key}", item))
            stack.extend(reversed(children))
        elif isinstance(value, list):
            stack.extend(reversed([(f"{path}[{i}]", item) for i, item in enumerate(value)]))
    return None


def check_text(document: object, origin: str | Path | None, *, what: str = "") -> None:
    """Refuse a parsed document that has a lone surrogate anywhere, naming where."""
    found = first_lone_surrogate(document)
    if found is not None:
        path, text = found
        where = f"{what}: " if what else ""
        raise FileFormatError(origin, where + surrogate_message(text, path))


def loads_json(text: str, origin: str | Path | None, *, what: str = "") -> Any:
    """``json.loads`` with every failure a :class:`FileFormatError`.

    ``what`` names the part of the file the JSON came from (``"the argmap attribute of node
    'c1'"``) when it is embedded in another format.
    """
    where = f"{what}: " if what else ""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            origin, f"{where}not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise FileFormatError(
            origin, f"{where}JSON nested too deeply (hundreds of levels); is it really a map?"
        ) from None
    if may_hold_surrogates(text):
        check_text(document, origin, what=what)
    return document
