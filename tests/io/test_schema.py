"""The shipped JSON Schema is generated from the models and describes the files argmap writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from argmap.cli import main
from argmap.io import native
from argmap.io.schema import SCHEMA_FILE, json_schema, schema_text
from argmap.model import ArgumentMap
from tests.model.factories import random_map, small_map

REGENERATE = "argmap schema -o resources/schema/argmap-1.schema.json"


def test_the_shipped_schema_is_in_step_with_the_models() -> None:
    shipped = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert shipped == json_schema(), f"the models changed: regenerate with `{REGENERATE}`"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


def test_the_envelope_is_required_and_constant() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(schema["properties"])[:2] == ["format", "version"]
    assert schema["properties"]["format"]["const"] == "argmap"
    assert schema["properties"]["version"]["const"] == native.VERSION
    assert {"format", "version"} <= set(schema["required"])
    assert schema["additionalProperties"] is False
    assert {"Node", "Relation", "TextAnchor", "SourceDocument", "MapLayout"} <= set(schema["$defs"])


def test_the_schema_command_prints_and_writes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()
    out = tmp_path / "schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == schema_text()
    assert capsys.readouterr().out == f"wrote {out}\n"


# A small checker for the subset of JSON Schema that pydantic emits: enough to prove that
# every file argmap writes conforms, without a new dependency.


def _conforms(value: Any, schema: dict[str, Any], defs: dict[str, Any], path: str) -> list[str]:
    if "$ref" in schema:
        return _conforms(value, defs[schema["$ref"].rsplit("/", 1)[1]], defs, path)
    if "anyOf" in schema:
        options = [_conforms(value, option, defs, path) for option in schema["anyOf"]]
        return [] if any(not o for o in options) else [f"{path}: no option matches"]
    if "const" in schema and value != schema["const"]:
        return [f"{path}: not {schema['const']!r}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{path}: {value!r} not in enum"]
    kind = schema.get("type")
    types = {
        "object": dict, "array": list, "string": str, "integer": int, "number": (int, float),
        "null": type(None), "boolean": bool,
    }  # fmt: skip
    if kind is not None and not isinstance(value, types[kind]):
        return [f"{path}: not {kind}"]
    if kind == "object":
        return _object_conforms(value, schema, defs, path)
    if kind == "array":
        item = schema.get("items", {})
        return [e for i, v in enumerate(value) for e in _conforms(v, item, defs, f"{path}[{i}]")]
    return []


def _object_conforms(
    value: dict[str, Any], schema: dict[str, Any], defs: dict[str, Any], path: str
) -> list[str]:
    problems = [f"{path}.{k}: required" for k in schema.get("required", []) if k not in value]
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        if key in properties:
            problems += _conforms(item, properties[key], defs, f"{path}.{key}")
        elif extra is False:
            problems.append(f"{path}.{key}: not allowed")
        elif isinstance(extra, dict):
            problems += _conforms(item, extra, defs, f"{path}.{key}")
    return problems


@pytest.mark.parametrize(
    "argument_map",
    [ArgumentMap(), small_map(), random_map(60, seed=4)],
    ids=["empty", "small", "random"],
)
def test_every_file_argmap_writes_conforms(argument_map: ArgumentMap) -> None:
    schema = json_schema()
    document = json.loads(native.dumps(argument_map))
    assert _conforms(document, schema, schema["$defs"], "$") == []


def test_the_checker_sees_violations() -> None:
    schema = json_schema()
    document = json.loads(native.dumps(small_map()))
    document["version"] = 3
    document["nodes"][0]["kind"] = "opinion"
    del document["relations"][0]["premises"]
    assert _conforms(document, schema, schema["$defs"], "$") == [
        "$.version: not 2",
        "$.nodes[0].kind: 'opinion' not in enum",
        "$.relations[0].premises: required",
    ]
