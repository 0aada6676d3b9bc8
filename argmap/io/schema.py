"""The JSON Schema of the native file format, generated from the models.

The shipped copy, ``resources/schema/argmap-1.schema.json``, is this function's output; a test
regenerates and compares, and ``argmap schema -o resources/schema/argmap-1.schema.json``
rewrites it after a model change.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.io.native import FORMAT, VERSION
from argmap.model import ArgumentMap
from argmap.resources import SCHEMA_DIR

__all__ = ["SCHEMA_FILE", "json_schema", "schema_text"]

#: Where the schema of the current format version ships.
SCHEMA_FILE = SCHEMA_DIR / f"argmap-{VERSION}.schema.json"
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The schema of a version-:data:`~argmap.io.native.VERSION` ``.argmap.json`` file.

    The map's own schema (pydantic's, for validation) with the envelope's ``format`` and
    ``version`` added as required constants, first, as files write them.
    """
    body = ArgumentMap.model_json_schema(mode="validation")
    envelope: dict[str, Any] = {
        "format": {
            "const": FORMAT,
            "description": 'Always "argmap": marks the file as an argument map',
            "type": "string",
        },
        "version": {
            "const": VERSION,
            "description": "File format version; older files are migrated on load",
            "type": "integer",
        },
    }
    return {
        "$schema": _DIALECT,
        "title": f"argmap file, format version {VERSION}",
        "description": body.pop("description", ""),
        "type": "object",
        "properties": {**envelope, **body.pop("properties")},
        "required": ["format", "version", *body.pop("required", [])],
        "additionalProperties": body.pop("additionalProperties", False),
        "$defs": body.pop("$defs", {}),
    }


def schema_text() -> str:
    """The schema as the shipped file holds it: indented JSON, key order kept, final newline."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
