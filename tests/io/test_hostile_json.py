"""Hostile JSON in every reader: one clear message naming the file, never a traceback.

Deep nesting (which exhausts Python's stack) and lone surrogates (valid JSON escapes that are
not text) used to escape as RecursionError and UnicodeEncodeError; broken or mistyped JSON
embedded in GraphML and AIF escaped as TypeError or pydantic's many-line reports.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.io import native
from argmap.io.aif import read_aif, write_aif
from argmap.io.errors import FileFormatError
from argmap.io.graphml import read_graphml, write_graphml
from argmap.model import text_sha256
from tests.model.factories import small_map

DEEP = "[" * 1500 + "]" * 1500


def _native_text() -> str:
    return native.dumps(small_map())


def _deep_native(tmp_path: Path) -> Path:
    path = tmp_path / "deep.argmap.json"
    text = _native_text().rstrip()
    path.write_text(text[:-1] + f', "extra": {DEEP}}}\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["validate", "stats", "evaluate", "check", "render"])
def test_deeply_nested_map_is_refused_by_every_command(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _deep_native(tmp_path)
    args = [command, str(path)] + (["-o", str(tmp_path / "x.png")] if command == "render" else [])
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "deep.argmap.json: JSON nested too deeply" in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_deeply_nested_aif_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"nodes": [], "edges": [], "x": ' + DEEP + "}", encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"deep\.json: JSON nested too deeply"):
        read_aif(path)


def _graphml_replacing(tmp_path: Path, attribute: str, new: str, node: str = "") -> Path:
    """A GraphML file argmap wrote, with one data element (of ``node``, or the graph's) replaced."""
    out = tmp_path / "map.graphml"
    write_graphml(small_map(), out)
    text = out.read_text(encoding="utf-8")
    key = re.search(f'<key id="(d\\d+)"[^>]* attr.name="{attribute}"', text)
    assert key is not None
    after = text.index(f'<node id="{node}">') if node else 0
    opening = f'<data key="{key.group(1)}">'
    start = text.index(opening, after) + len(opening)
    end = text.index("</data>", start)
    out.write_text(text[:start] + new + text[end:], encoding="utf-8")
    return out


def test_deep_json_inside_a_graphml_attribute_is_refused(tmp_path: Path) -> None:
    path = _graphml_replacing(tmp_path, "argmap", DEEP, node="c1")
    with pytest.raises(FileFormatError) as caught:
        read_graphml(path)
    message = str(caught.value)
    assert "the argmap attribute of node 'c1'" in message and "nested too deeply" in message


def test_broken_json_inside_a_graphml_attribute_is_named(tmp_path: Path) -> None:
    path = _graphml_replacing(tmp_path, "argmap", "{broken", node="c1")
    with pytest.raises(FileFormatError, match="the argmap attribute of node 'c1': not valid JSON"):
        read_graphml(path)


def test_graphml_sources_of_the_wrong_type_are_named(tmp_path: Path) -> None:
    path = _graphml_replacing(tmp_path, "argmap_sources", "5")
    with pytest.raises(FileFormatError, match="argmap_sources attribute: expected a JSON list"):
        read_graphml(path)


def test_graphml_schema_errors_are_one_line(tmp_path: Path) -> None:
    path = _graphml_replacing(tmp_path, "argmap", '{"kind": 5}', node="c1")
    with pytest.raises(FileFormatError) as caught:
        read_graphml(path)
    message = str(caught.value)
    assert "\n" not in message and "kind" in message and "errors.pydantic.dev" not in message


def _with_surrogate(tmp_path: Path, section: str, field: str) -> Path:
    document = json.loads(_native_text())
    document[section][0][field] += "\ud800"
    path = tmp_path / "surrogate.argmap.json"
    path.write_text(json.dumps(document), encoding="utf-8")  # ensure_ascii: "\ud800" escaped
    return path


@pytest.mark.parametrize(("section", "field"), [("nodes", "text"), ("sources", "text")])
@pytest.mark.parametrize("command", ["validate", "evaluate", "check", "stats"])
def test_lone_surrogate_is_refused_with_its_place(
    tmp_path: Path, section: str, field: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _with_surrogate(tmp_path, section, field)
    assert main([command, str(path)]) == 1
    err = capsys.readouterr().err
    assert f"$.{section}[0].{field}: holds a lone surrogate (\\ud800)" in err
    assert "Traceback" not in err


def test_lone_surrogate_refused_before_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _with_surrogate(tmp_path, "nodes", "text")
    out = tmp_path / "out.argdown"
    assert main(["export", str(path), "-o", str(out)]) == 1
    assert "lone surrogate" in capsys.readouterr().err and not out.exists()


def test_paired_surrogate_escapes_are_ordinary_text(tmp_path: Path) -> None:
    document = json.loads(_native_text())
    document["nodes"][0]["text"] += " \U0001f600"
    path = tmp_path / "emoji.argmap.json"
    path.write_text(json.dumps(document), encoding="utf-8")  # written as \ud83d\ude00
    assert native.load(path).map.nodes[0].text.endswith("\U0001f600")


def test_lone_surrogate_in_an_aif_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.json"
    document = {"nodes": [{"nodeID": "\ud800", "text": "x", "type": "I"}], "edges": []}
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"\$\.nodes\[0\]\.nodeID: holds a lone surrogate"):
        read_aif(path)


def test_checksum_of_a_text_with_a_lone_surrogate_does_not_crash() -> None:
    assert len(text_sha256("a\ud800b")) == 64


def test_aif_with_mistyped_argmap_data_is_read_without_it(tmp_path: Path) -> None:
    path = tmp_path / "typed.json"
    write_aif(small_map(), path, plain=True)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["argmap"]["sources"] = 1
    path.write_text(json.dumps(document), encoding="utf-8")
    result = read_aif(path)
    assert len(result.map.nodes) == len(small_map().nodes)
    assert any("ignored argmap's own data" in line for line in result.summary)


def test_aif_with_nan_positions_places_the_card_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "nan.json"
    path.write_text(
        '{"AIF": {"nodes": [{"nodeID": "1", "text": "x", "type": "I"},'
        ' {"nodeID": "2", "text": "y", "type": "I"}], "edges": []},'
        ' "OVA": {"nodes": [{"nodeID": "1", "x": NaN, "y": Infinity},'
        ' {"nodeID": "2", "x": 10, "y": 20}]}}',
        encoding="utf-8",
    )
    positions = read_aif(path).map.layout.positions
    assert "1" not in positions and "2" in positions
