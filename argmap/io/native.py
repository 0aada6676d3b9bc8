"""The native file format: ``.argmap.json`` (``"format": "argmap"``, ``"version": 1``).

UTF-8, indented, keys in model order and positions rounded, so a map diffs well under git.
Loading checks everything and says what is wrong and where; saving is atomic.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from argmap.io.atomic import write_atomic
from argmap.io.errors import FileFormatError
from argmap.model import AnchorMove, ArgumentMap, MapValidationError, reanchor, validate

FORMAT = "argmap"
VERSION = 1
SUFFIX = ".argmap.json"
#: Larger files are refused before they are read (a map of 50,000 nodes is about 40 MB).
MAX_FILE_BYTES = 200 * 1024 * 1024

#: Migrations from older versions: MIGRATIONS[n] turns a version-n document into version n+1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


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
    body = argument_map.model_dump(mode="json")
    order = {node.id: i for i, node in enumerate(argument_map.nodes)}
    positions = body["layout"]["positions"]
    body["layout"]["positions"] = {
        key: {"x": round(p["x"], 1), "y": round(p["y"], 1)}
        for key, p in sorted(positions.items(), key=lambda kv: order.get(kv[0], len(order)))
    }
    return {"format": FORMAT, "version": VERSION, **body}


def dumps(argument_map: ArgumentMap) -> str:
    """The map as native JSON text."""
    return json.dumps(to_document(argument_map), ensure_ascii=False, indent=2) + "\n"


def save(argument_map: ArgumentMap, path: str | Path) -> None:
    """Save atomically: a failure leaves any previous file at ``path`` untouched."""
    write_atomic(path, dumps(argument_map).encode("utf-8"))


def load(path: str | Path) -> LoadResult:
    """Read, check and (if needed) migrate and re-anchor a map file."""
    file = Path(path)
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        raise FileFormatError(file, "no such file") from None
    except OSError as exc:
        raise FileFormatError(file, f"cannot read: {exc.strerror or exc}") from None
    if file.is_dir():
        raise FileFormatError(file, "is a folder, not a map file")
    if size > MAX_FILE_BYTES:
        raise FileFormatError(
            file,
            f"file is {size / 1e6:.0f} MB, larger than the {MAX_FILE_BYTES / 1e6:.0f} MB "
            "argmap reads; is it really a map?",
        )
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise FileFormatError(file, f"cannot read: {exc.strerror or exc}") from None
    return loads(data, origin=file)


def loads(data: bytes | str, origin: str | Path | None = None) -> LoadResult:
    """Parse native JSON; ``origin`` names the file in messages."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FileFormatError(
                origin, f"not UTF-8 text (byte {exc.start} is 0x{data[exc.start]:02x})"
            ) from None
    else:
        text = data
    if not text.strip():
        raise FileFormatError(origin, "the file is empty")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            origin, f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    return from_document(document, origin)


def from_document(document: object, origin: str | Path | None = None) -> LoadResult:
    """Check the envelope, migrate, validate the structure and the references."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise FileFormatError(origin, 'not an argmap file (expected "format": "argmap")')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FileFormatError(origin, f'"version" must be a whole number, not {version!r}')
    notes: list[str] = []
    if version > VERSION:
        raise FileFormatError(
            origin,
            f"made by a newer argmap (file format version {version}; this argmap reads "
            f"up to {VERSION}): update argmap to open it",
        )
    while version < VERSION:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            raise FileFormatError(origin, f"file format version {version} is not supported")
        document = migrate(document)
        notes.append(f"upgraded from file format version {version}")
        version += 1
    body = {k: v for k, v in document.items() if k not in ("format", "version")}
    try:
        argument_map = ArgumentMap.model_validate(body)
    except ValidationError as exc:
        raise FileFormatError(origin, _describe(exc)) from None
    moves = reanchor(argument_map)
    try:
        validate(argument_map)
    except MapValidationError as exc:
        raise FileFormatError(origin, str(exc)) from None
    return LoadResult(argument_map, moves, notes)


def _describe(exc: ValidationError) -> str:
    errors = exc.errors()
    first = errors[0]
    path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    return f"{path}: {first['msg']}{more}"
