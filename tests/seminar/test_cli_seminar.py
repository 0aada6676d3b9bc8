"""``argmap diff`` and ``argmap merge`` on the coach's and the student's maps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.io import native
from argmap.resources import DEFAULT_MAP
from tests.seminar.student_map import student_map


@pytest.fixture
def student_file(tmp_path: Path) -> Path:
    path = tmp_path / "sam.argmap.json"
    native.save(student_map(), path)
    return path


def test_diff_json_has_exactly_the_documented_shape(
    student_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", str(DEFAULT_MAP), str(student_file), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["nodes", "relations"]
    for section in out.values():
        assert list(section) == ["same", "changed", "removed", "added"]
        assert all(len(pair) == 2 for pair in section["same"] + section["changed"])
        assert all(isinstance(item, str) for item in section["removed"] + section["added"])
    assert ["e-250-arrests", "s-arrests"] in out["nodes"]["changed"]
    assert "s-misery" in out["nodes"]["added"]


def test_diff_of_a_file_with_itself_prints_only_same(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["diff", str(DEFAULT_MAP), str(DEFAULT_MAP)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "statements: 34 same, 0 changed, 0 removed, 0 added; "
        "relations: 31 same, 0 changed, 0 removed, 0 added"
    ]


def test_merge_writes_a_valid_map_and_reports_conflicts(
    student_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "merged.argmap.json"
    assert main(["merge", str(DEFAULT_MAP), str(student_file), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "4 added" in printed and "conflict: c-reduce-crossings: text differs in sam" in printed
    merged = native.load(out).map
    assert len(merged.nodes) == 38
    assert main(["diff", str(DEFAULT_MAP), str(out), "--json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    assert diff["nodes"]["removed"] == [] and diff["relations"]["removed"] == []


def test_merge_of_a_map_with_itself_gives_it_back(tmp_path: Path) -> None:
    out = tmp_path / "same.argmap.json"
    assert main(["merge", str(DEFAULT_MAP), str(DEFAULT_MAP), "-o", str(out)]) == 0
    assert native.load(out).map == native.load(DEFAULT_MAP).map


def test_merge_never_replaces_a_file_unless_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kept.argmap.json"
    out.write_text("the user's own file", encoding="utf-8")
    assert main(["merge", str(DEFAULT_MAP), str(DEFAULT_MAP), "-o", str(out)]) == 1
    assert "already exists; use --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "the user's own file"
    assert main(["merge", str(DEFAULT_MAP), str(DEFAULT_MAP), "-o", str(out), "--force"]) == 0
    assert native.load(out).map == native.load(DEFAULT_MAP).map


def test_bad_input_is_one_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(tmp_path / "missing.argmap.json"), str(DEFAULT_MAP)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("argmap diff:") and "Traceback" not in err
    assert main(["merge", str(DEFAULT_MAP), "-o", str(tmp_path / "x.argmap.json")]) == 2
