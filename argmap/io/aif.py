"""AIF JSON, the Argument Interchange Format of OVA and AIFdb: read and write.

Reading takes a plain AIFdb nodeset (``nodes``, ``edges``, ``locutions``) or OVA's wrapped form
(``{"AIF": {...}, "text": ..., "OVA": {"nodes": [{nodeID, x, y}], ...}}``), with ids as
strings or integers and timestamps, schemes or ``formEdgeID`` present or not. Writing produces
OVA's wrapped form (or, with ``plain=True``, an AIFdb nodeset); reading what was written gives
back the same map. See :mod:`argmap.io.aif_read` and :mod:`argmap.io.aif_write`.
"""

from __future__ import annotations

from pathlib import Path

from argmap.io.aif_read import from_aif_document
from argmap.io.aif_write import dumps_aif, to_aif_document
from argmap.io.atomic import write_atomic
from argmap.io.import_result import ImportResult
from argmap.io.reading import parse_json, read_bytes
from argmap.model import ArgumentMap

__all__ = [
    "dumps_aif",
    "from_aif_document",
    "loads_aif",
    "looks_like_aif",
    "read_aif",
    "to_aif_document",
    "write_aif",
]


def read_aif(path: str | Path, *, skip_broken: bool = False) -> ImportResult:
    """Import an AIF JSON file (see :func:`from_aif_document` for ``skip_broken``)."""
    return loads_aif(read_bytes(path), origin=path, skip_broken=skip_broken)


def loads_aif(
    data: bytes | str, origin: str | Path | None = None, *, skip_broken: bool = False
) -> ImportResult:
    """Import AIF JSON text; ``origin`` names the file in messages."""
    return from_aif_document(parse_json(data, origin), origin, skip_broken=skip_broken)


def write_aif(argument_map: ArgumentMap, path: str | Path, *, plain: bool = False) -> None:
    """Write the map as AIF JSON, atomically."""
    write_atomic(path, dumps_aif(argument_map, plain=plain).encode("utf-8"))


def looks_like_aif(document: object) -> bool:
    """Whether a parsed JSON document is AIF (plain or OVA-wrapped), for format inference."""
    if not isinstance(document, dict):
        return False
    if isinstance(document.get("AIF"), dict):
        return True
    return isinstance(document.get("nodes"), list) and isinstance(document.get("edges"), list)
