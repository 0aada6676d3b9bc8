"""Every bad file gets one clear message saying what and where, and never a traceback.

Each case is checked twice: through ``native.load`` (the exact message) and through
``argmap validate`` (exit 1, the message on stderr prefixed by the file, no traceback).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from argmap.cli import main
from argmap.io import native
from argmap.io.errors import FileFormatError
from tests.model.factories import SOURCE_TEXT, small_map

Doc = dict[str, Any]


def _doc() -> Doc:
    return json.loads(native.dumps(small_map()))


def _edit(change: Callable[[Doc], object]) -> bytes:
    document = _doc()
    change(document)
    return json.dumps(document, indent=2).encode("utf-8")


def _set(path: str, value: object) -> Callable[[Doc], object]:
    def change(document: Doc) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = document
        for part in parents:
            target = target[part]
        target[last] = value

    return change


GOOD = native.dumps(small_map()).encode("utf-8")

CASES: dict[str, tuple[bytes, str]] = {
    "not JSON": (
        b'{"format": "argmap",\n  "version": 1,,\n}',
        "not valid JSON at line 2, column 16: Expecting property name enclosed in double quotes",
    ),
    "a JSON list": (b"[1, 2]", 'not an argmap file (expected "format": "argmap")'),
    "another program's JSON": (
        b'{"nodes": []}',
        'not an argmap file (expected "format": "argmap")',
    ),
    "a future version": (
        _edit(_set("version", 7)),
        "made by a newer argmap (file format version 7; this argmap reads up to 2): "
        "update argmap to open it",
    ),
    "a version that is no number": (
        _edit(_set("version", "1")),
        "\"version\" must be a whole number, not '1'",
    ),
    "no version": (_edit(lambda d: d.pop("version")), 'no "version": expected "version": 2'),
    "an unknown node kind": (
        _edit(_set("nodes.1.kind", "opinion")),
        "$.nodes[1].kind: Input should be 'claim', 'evidence' or 'counterargument' (in node 'e1')",
    ),
    "an unknown field": (
        _edit(_set("relations.2.colour", "red")),
        "$.relations[2].colour: Extra inputs are not permitted (in relation 'r3')",
    ),
    "a relation without premises": (
        _edit(_set("relations.0.premises", [])),
        "$.relations[0].premises: List should have at least 1 item after validation, not 0 "
        "(in relation 'r1')",
    ),
    "a position that is no number": (
        _edit(_set("layout.positions.c1.x", "left")),
        "$.layout.positions.c1.x: Input should be a valid number, "
        "unable to parse string as a number",
    ),
    "a position that is not finite": (
        GOOD.replace(b'"x": 0.0', b'"x": NaN', 1),
        "$.layout.positions.c1.x: Input should be a finite number",
    ),
    "several schema problems": (
        _edit(lambda d: (_set("title", 5)(d), _set("nodes.0.kind", "x")(d))),
        "$.title: Input should be a valid string (and 1 more)",
    ),
    "a dangling target": (
        _edit(_set("relations.1.target", "ghost")),
        "$.relations[1].target: relation 'r2': target 'ghost' is neither a node nor a relation",
    ),
    "a dangling premise": (
        _edit(_set("relations.0.premises", ["e1", "gone"])),
        "$.relations[0].premises[1]: relation 'r1': premise 'gone' is not a node",
    ),
    "a self-support": (
        _edit(_set("relations.1.premises", ["c1"])),
        "$.relations[1].target: relation 'r2': node 'c1' cannot support itself",
    ),
    "a duplicate id": (
        _edit(_set("nodes.2.id", "e1")),
        "$.nodes[2].id: duplicate id 'e1' (first at $.nodes[1].id) (and 2 more)",
    ),
    "an anchor outside the text": (
        _edit(
            _set("nodes.3.anchors", [{"source_id": "s1", "start": 5, "end": 9999, "quote": "#"}])
        ),
        "$.nodes[3].anchors[0]: node 'e3': anchor span [5, 9999) lies outside source 's1' "
        f"({len(SOURCE_TEXT)} characters)",
    ),
    "an anchor into a missing source": (
        _edit(_set("nodes.0.anchors.0.source_id", "s9")),
        "$.nodes[0].anchors[0]: node 'c1': anchor source 's9' does not exist",
    ),
    "an empty file": (b"", "the file is empty"),
    "a file of blanks": (b"  \n\t\n", "the file is empty"),
    "a Latin-1 file": (
        GOOD.replace(b'"Small"', b'"Trait\xe9"'),
        f"not UTF-8 text (byte {GOOD.index(b'Small') + 5} is 0xe9)",
    ),
    "a UTF-16 file": (
        "\ufeff".encode("utf-16-le") + GOOD.decode().encode("utf-16-le"),
        "not UTF-8 text (byte 0 is 0xff)",
    ),
}


@pytest.fixture(params=list(CASES), ids=list(CASES))
def bad_file(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    content, message = CASES[request.param]
    path = tmp_path / "bad.argmap.json"
    path.write_bytes(content)
    return path, message


def test_load_names_the_file_and_the_problem(bad_file: tuple[Path, str]) -> None:
    path, message = bad_file
    with pytest.raises(FileFormatError) as info:
        native.load(path)
    assert str(info.value) == f"{path}: {message}"
    assert info.value.path == str(path) and info.value.detail == message


def test_validate_prints_one_line_and_exits_1(
    bad_file: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, message = bad_file
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert err == f"{path}: {message}\n"
    assert out == "" and "Traceback" not in err


def _validate_error(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    return err


def test_a_file_larger_than_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.argmap.json"
    path.write_bytes(GOOD)
    monkeypatch.setattr(native, "MAX_FILE_BYTES", 1000)
    err = _validate_error(path, capsys)
    assert err == (
        f"{path}: file is {len(GOOD):,} bytes, larger than the 1,000 bytes argmap reads; "
        "is it really a map?\n"
    )


def test_a_sparse_2_gb_file_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.argmap.json"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    assert "file is 2147 MB, larger than the 200 MB" in _validate_error(path, capsys)


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _validate_error(tmp_path / "none.argmap.json", capsys).endswith(": no such file\n")
    assert _validate_error(tmp_path, capsys) == f"{tmp_path}: is a folder, not a map file\n"


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.argmap.json"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD)
    assert native.load(path).map == small_map()
