"""The native format: a stable, diffable file that loads back to exactly the saved map."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.io import native
from argmap.io.errors import FileFormatError
from argmap.model import ArgumentMap, Node, Point, TextAnchor, text_sha256
from tests.model.factories import random_map, small_map


def test_save_then_load_gives_the_same_map(tmp_path: Path) -> None:
    m = small_map()
    path = tmp_path / "small.argmap.json"
    native.save(m, path)
    result = native.load(path)
    assert result.map == m
    assert result.moved_anchors == [] and result.notes == [] and result.messages() == []


@settings(max_examples=20, deadline=None)
@given(n_nodes=st.integers(0, 80), seed=st.integers(0, 10_000))
def test_generated_maps_round_trip_and_dump_identically(n_nodes: int, seed: int) -> None:
    m = random_map(n_nodes, seed) if n_nodes else ArgumentMap()
    text = native.dumps(m)
    loaded = native.loads(text.encode("utf-8")).map
    assert loaded == m
    assert native.dumps(loaded) == text  # stable: a load-save cycle changes no byte


def test_envelope_comes_first_then_fields_in_model_order() -> None:
    document = json.loads(native.dumps(small_map()))
    assert list(document) == [
        "format", "version", "title", "description", "sources", "nodes", "relations",
        "participants", "positions", "debate", "layout",
    ]  # fmt: skip
    assert document["format"] == "argmap" and document["version"] == 2
    assert list(document["nodes"][0]) == list(Node.model_fields)


def test_text_is_indented_utf8_with_a_final_newline() -> None:
    m = small_map()
    m.title = "Traité du Touquet — «small boats» 🚤"
    text = native.dumps(m)
    assert text.startswith('{\n  "format": "argmap",\n  "version": 2,\n  "title": "Traité')
    assert "🚤" in text and "\\u" not in text  # UTF-8 as is, not escaped
    assert text.endswith("}\n")


def test_positions_are_rounded_and_listed_in_node_order() -> None:
    m = small_map()
    m.layout.positions = {
        "e2": Point(x=1.26, y=-3.04),
        "c1": Point(x=10.0 / 3, y=2.0 / 3),
    }
    positions = json.loads(native.dumps(m))["layout"]["positions"]
    assert list(positions) == ["c1", "e2"]
    assert positions == {"c1": {"x": 3.3, "y": 0.7}, "e2": {"x": 1.3, "y": -3.0}}
    assert m.layout.positions["c1"].x == 10.0 / 3  # the map itself is not changed


def test_to_document_is_the_parsed_text() -> None:
    m = random_map(40, seed=3)
    assert native.to_document(m) == json.loads(native.dumps(m))


def test_save_is_deterministic_across_runs(tmp_path: Path) -> None:
    a, b = tmp_path / "a.argmap.json", tmp_path / "b.argmap.json"
    native.save(random_map(50, seed=1), a)
    native.save(random_map(50, seed=1), b)
    assert a.read_bytes() == b.read_bytes()


def _document(**changes: Any) -> dict[str, Any]:
    document = json.loads(native.dumps(small_map()))
    document.update(changes)
    return document


def test_key_order_in_the_file_does_not_matter() -> None:
    document = _document()
    shuffled = {k: document[k] for k in reversed(list(document))}
    assert native.loads(json.dumps(shuffled)).map == small_map()


def test_a_moved_quote_is_re_anchored_and_reported() -> None:
    m = small_map()
    text = m.sources[0].text
    true_start = text.index("Critics")
    m.nodes[4].anchors = [TextAnchor(source_id="s1", start=3, end=10, quote="Critics")]
    result = native.loads(json.dumps(native.to_document(m)))
    assert result.map.nodes[4].anchors[0].start == true_start
    assert result.messages() == [
        f"re-anchored node 'ca1': quote 'Critics' moved from 3 to {true_start}"
    ]


def test_an_edited_source_text_is_accepted_with_a_note_and_anchors_follow() -> None:
    document = _document()
    source = document["sources"][0]
    source["text"] = "A new first line.\n" + source["text"]  # sha256 now stale
    result = native.loads(json.dumps(document))
    assert any("text of source 's1' changed" in note for note in result.notes)
    anchors = sum(len(n.anchors) for n in small_map().nodes)
    assert len(result.moved_anchors) == anchors == 4  # each shifted by the new line
    assert result.map.sources[0].sha256 == text_sha256(result.map.sources[0].text)


def test_future_version_says_to_update() -> None:
    with pytest.raises(FileFormatError, match=r"newer argmap \(file format version 3; .* up to 2"):
        native.loads(json.dumps(_document(version=3)), origin="m.argmap.json")


def test_migrations_run_in_order_and_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def from_0(document: dict[str, Any]) -> dict[str, Any]:
        # Version 0 called the title "name".
        document = dict(document)
        document["title"] = document.pop("name")
        return {**document, "version": 1}

    monkeypatch.setitem(native.MIGRATIONS, 0, from_0)
    document = _document(version=0)
    document["name"] = document.pop("title")
    result = native.loads(json.dumps(document))
    assert result.map.title == "Small"
    assert result.notes == [
        "upgraded from file format version 0 to 1",
        "upgraded from file format version 1 to 2",
    ]


def test_a_version_without_migration_is_unsupported() -> None:
    with pytest.raises(FileFormatError, match="file format version 0 is not supported"):
        native.loads(json.dumps(_document(version=0)))


def test_a_failing_migration_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(document: dict[str, Any]) -> dict[str, Any]:
        return {"moved": document["missing"]}

    monkeypatch.setitem(native.MIGRATIONS, 0, broken)
    with pytest.raises(FileFormatError, match="cannot upgrade from file format version 0"):
        native.loads(json.dumps(_document(version=0)))


def test_a_big_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    sparse = tmp_path / "huge.argmap.json"
    with sparse.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # 2 GB of holes: no disk, no memory
    with pytest.raises(FileFormatError, match=r"file is 2147 MB, larger than the 200 MB"):
        native.load(sparse)


def test_the_size_limit_is_one_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.argmap.json"
    native.save(small_map(), path)
    monkeypatch.setattr(native, "MAX_FILE_BYTES", 100)
    with pytest.raises(FileFormatError, match=r"larger than the 100 bytes argmap reads"):
        native.load(path)
