"""The native file format: ``.argmap.json`` (``"format": "argmap"``, ``"version": 2``).

UTF-8, indented, keys in model order and positions rounded, so a map diffs well under git.
Loading checks everything and says what is wrong and where; saving is atomic. Version 1 files
(before participants, positions and debate settings) are migrated on load.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

from argmap.io.atomic import write_atomic
from argmap.io.errors import FileFormatError, FileWriteError
from argmap.io.json_text import loads_json, may_hold_surrogates
from argmap.model import (
    AnchorMove,
    ArgumentMap,
    MapValidationError,
    Point,
    reanchor,
    text_sha256,
    validate,
)
from argmap.model.layout import POSITION_DECIMALS

FORMAT = "argmap"
VERSION = 2
SUFFIX = ".argmap.json"
#: Larger files are refused before they are read (a map of 50,000 nodes is about 40 MB).
MAX_FILE_BYTES = 200_000_000

#: Migrations from older versions: MIGRATIONS[n] turns a version-n document into version n+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _from_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds participants, positions, authorship and the debate settings.

    Every one of them has an empty default, so a version-1 map is a version-2 map as it is:
    it gains no participants, no positions, no authors and no motion.
    """
    return {**document, "version": 2}


MIGRATIONS[1] = _from_version_1


@dataclass
class LoadResult:
    """A loaded map and what the loader had to say about it."""

    map: ArgumentMap
    moved_anchors: list[AnchorMove] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def messages(self) -> list[str]:
        return [f"re-anchored {move}" for move in self.moved_anchors] + self.notes


def to_document(argument_map: ArgumentMap) -> dict[str, Any]:
    """The JSON document for a map: the envelope, then the map's fields in model order."""
    body = _for_file(argument_map).model_dump(mode="json")
    return {"format": FORMAT, "version": VERSION, **body}


def _for_file(argument_map: ArgumentMap) -> ArgumentMap:
    """A shallow copy whose positions are rounded and listed in node order (files diff well)."""
    layout = argument_map.layout
    order = {node.id: i for i, node in enumerate(argument_map.nodes)}
    ranked = sorted(layout.positions.items(), key=lambda kv: order.get(kv[0], len(order)))
    positions = {
        key: Point.model_construct(x=round(p.x, POSITION_DECIMALS), y=round(p.y, POSITION_DECIMALS))
        for key, p in ranked
    }
    return argument_map.model_copy(
        update={"layout": layout.model_copy(update={"positions": positions})}
    )


def dumps(argument_map: ArgumentMap) -> str:
    """The map as native JSON text.

    pydantic's serialiser writes the indented text directly, about 3x faster than
    ``json.dumps`` of ``model_dump``; the result is the same JSON.
    """
    body = _for_file(argument_map).model_dump_json(indent=2)
    # The body starts with "{\n  "; the envelope keys go first, at the same indentation.
    return f'{{\n  "format": "{FORMAT}",\n  "version": {VERSION},\n{body[2:]}\n'


def save(argument_map: ArgumentMap, path: str | Path) -> None:
    """Save atomically: a failure leaves any previous file at ``path`` untouched."""
    try:
        data = dumps(argument_map).encode("utf-8")
    except (ValueError, PydanticSerializationError) as exc:
        raise FileWriteError(
            path, f"could not save: the map cannot be written as JSON ({exc})"
        ) from exc
    write_atomic(path, data)


def load(path: str | Path) -> LoadResult:
    """Read, check and (if needed) migrate and re-anchor a map file."""
    return loads(read_limited(path), origin=Path(path))


def read_limited(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of a file, refused (unread) when larger than ``limit`` (MAX_FILE_BYTES)."""
    file = Path(path)
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        if file.is_dir():
            raise FileFormatError(file, "is a folder, not a map file")
        with file.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size <= limit:
                # Read one byte past the limit: a pipe or a growing file has no honest size.
                data = handle.read(limit + 1)
                size = max(size, len(data))
    except FileNotFoundError:
        raise FileFormatError(file, "no such file") from None
    except OSError as exc:
        raise FileFormatError(file, f"cannot read: {exc.strerror or exc}") from None
    if size > limit:
        raise FileFormatError(
            file,
            f"file is {_megabytes(size)}, larger than the {_megabytes(limit)} argmap reads; "
            "is it really a map?",
        )
    return data


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.0f} MB" if size >= 10**6 else f"{size:,} bytes"


def loads(data: bytes | str, origin: str | Path | None = None) -> LoadResult:
    """Parse native JSON; ``origin`` names the file in messages."""
    # A surrogate escape takes the slow path, which refuses lone surrogates by name.
    argument_map = None if may_hold_surrogates(data) else _parse_current(data)
    if argument_map is not None:
        return _checked(argument_map, [], origin)
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FileFormatError(
                origin, f"not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x})"
            ) from None
    else:
        text = data
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some Windows editors write
    if not text or text.isspace():
        raise FileFormatError(origin, "the file is empty")
    return from_document(loads_json(text, origin), origin)


class _CurrentDocument(ArgumentMap):
    """A current-version file parsed in one pass (the envelope checked after)."""

    format: Any = None
    version: Any = None


def _parse_current(data: bytes | str) -> ArgumentMap | None:
    """The map, if ``data`` is a well-formed current-version file; else ``None``.

    The fast path for the common case: pydantic parses and validates straight from the bytes.
    Anything unusual (bad JSON, an old version, a schema violation) returns ``None`` and takes
    the slow path, which finds the exact message.
    """
    try:
        document = _CurrentDocument.model_validate_json(data)
    except ValidationError:
        return None
    version = document.version
    if document.format != FORMAT or type(version) is not int or version != VERSION:
        return None
    fields = {name: getattr(document, name) for name in ArgumentMap.model_fields}
    return ArgumentMap.model_construct(document.model_fields_set & fields.keys(), **fields)


def from_document(document: object, origin: str | Path | None = None) -> LoadResult:
    """Check the envelope, migrate, validate the structure and the references."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise FileFormatError(origin, 'not an argmap file (expected "format": "argmap")')
    document, notes = _migrated(document, origin)
    body = {k: v for k, v in document.items() if k not in ("format", "version")}
    try:
        argument_map = ArgumentMap.model_validate(body)
    except ValidationError as exc:
        raise FileFormatError(origin, _describe(exc, body)) from None
    return _checked(argument_map, notes, origin)


def _migrated(
    document: dict[str, Any], origin: str | Path | None
) -> tuple[dict[str, Any], list[str]]:
    """The document brought up to :data:`VERSION` through :data:`MIGRATIONS`, with notes."""
    if "version" not in document:
        raise FileFormatError(origin, f'no "version": expected "version": {VERSION}')
    version = document["version"]
    if type(version) is not int:
        raise FileFormatError(origin, f'"version" must be a whole number, not {version!r}')
    if version > VERSION:
        raise FileFormatError(
            origin,
            f"made by a newer argmap (file format version {version}; this argmap reads "
            f"up to {VERSION}): update argmap to open it",
        )
    notes: list[str] = []
    while version < VERSION:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            raise FileFormatError(origin, f"file format version {version} is not supported")
        try:
            document = migrate(document)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise FileFormatError(
                origin, f"cannot upgrade from file format version {version}: {exc!r}"
            ) from None
        if not isinstance(document, dict):
            raise FileFormatError(origin, f"upgrade from version {version} gave no document")
        notes.append(f"upgraded from file format version {version} to {version + 1}")
        version += 1
    return document, notes


def _checked(argument_map: ArgumentMap, notes: list[str], origin: str | Path | None) -> LoadResult:
    """Re-anchor moved quotes, then check every reference; the load's result."""
    notes = notes + _refresh_changed_sources(argument_map)
    moves = reanchor(argument_map)
    try:
        validate(argument_map)
    except MapValidationError as exc:
        raise FileFormatError(origin, str(exc)) from None
    return LoadResult(argument_map, moves, notes)


def _refresh_changed_sources(argument_map: ArgumentMap) -> list[str]:
    """Accept a source text edited since the map was saved: new checksum, and a note.

    Its anchors are then re-anchored (or reported) against the new text, which is the point
    of keeping quotes: refusing the file would leave the user no way to repair it.
    """
    notes = []
    for source in argument_map.sources:
        checksum = text_sha256(source.text)
        if source.sha256 != checksum:
            source.sha256 = checksum
            notes.append(
                f"the text of source {source.id!r} changed since the map was saved "
                "(its SHA-256 differs); anchors were checked against the new text"
            )
    return notes


def _describe(exc: ValidationError, body: dict[str, Any]) -> str:
    """The first schema violation as ``$.path: message (id)``, plus how many more."""
    errors = exc.errors()
    first = errors[0]
    loc = first["loc"]
    path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{path}: {first['msg']}{_owner(body, loc)}{more}"


def _owner(body: dict[str, Any], loc: tuple[int | str, ...]) -> str:
    """`` (in node 'c3')`` when the error lies inside an identified item."""
    if len(loc) < 2 or loc[0] not in ("sources", "nodes", "relations"):
        return ""
    section, index = loc[0], loc[1]
    items = body.get(str(section))
    if not isinstance(items, list) or not isinstance(index, int) or index >= len(items):
        return ""
    item = items[index]
    item_id = item.get("id") if isinstance(item, dict) else None
    if not isinstance(item_id, str) or loc[2:] == ("id",):
        return ""
    return f" (in {str(section)[:-1]} {item_id!r})"
