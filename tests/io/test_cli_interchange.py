"""``argmap import`` and ``argmap export``, run in-process as a user would type them."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.io import native
from argmap.io.aif import dumps_aif
from argmap.io.argdown import dumps_argdown
from argmap.io.formats import infer_format
from argmap.model import ArgmapError
from tests.model.factories import small_map

AIF = {
    "nodes": [
        {"nodeID": "1", "text": "Crossings will fall", "type": "I"},
        {"nodeID": "2", "text": "Patrols doubled", "type": "I"},
        {"nodeID": "3", "text": "Default Inference", "type": "RA"},
    ],
    "edges": [{"edgeID": 1, "fromID": "2", "toID": "3"}, {"edgeID": 2, "fromID": "3", "toID": "1"}],
    "locutions": [],
}


@pytest.fixture
def saved_map(tmp_path: Path) -> Path:
    path = tmp_path / "small.argmap.json"
    native.save(small_map(), path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_aif_infers_the_format_from_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "nodeset.json"
    source.write_text(json.dumps(AIF), encoding="utf-8")
    out = tmp_path / "nodeset.argmap.json"
    code, stdout, _ = run(capsys, "import", str(source), "-o", str(out))
    assert code == 0
    assert "as AIF JSON (OVA, AIFdb): 2 statements, 1 support, 0 attacks (0 undercuts)" in stdout
    m = native.load(out).map
    assert [r.premises for r in m.relations] == [["2"]]
    assert "laid out with the tree layout" in stdout  # the file had no positions
    assert set(m.layout.positions) == {"1", "2"} and m.layout.algorithm == "tree"


def test_import_argdown_and_graphml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argdown = tmp_path / "map.ad"
    argdown.write_text(dumps_argdown(small_map()), encoding="utf-8")
    code, stdout, _ = run(capsys, "import", str(argdown), "-o", str(tmp_path / "a.argmap.json"))
    assert code == 0 and "as Argdown: 6 statements" in stdout
    graphml = tmp_path / "map.xml"
    code, _, _ = run(
        capsys, "export", str(tmp_path / "a.argmap.json"), "--to", "graphml", "-o", str(graphml)
    )
    assert code == 0
    code, stdout, _ = run(
        capsys, "import", str(graphml), "--from", "graphml", "-o", str(tmp_path / "g.argmap.json")
    )
    assert code == 0 and "as GraphML (yEd, Gephi): 6 statements" in stdout


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("broken.json", '{"nodes": [', "not valid JSON at line 1, column 12"),
        ("other.json", '{"a": 1}', "this JSON is not AIF"),
        ("broken.argdown", "[A]: a\n\n[B: b\n", "line 3, column 1: statement title opened with ["),
        (
            "edge.json",
            json.dumps({**AIF, "edges": [*AIF["edges"], {"fromID": "2", "toID": "9"}]}),
            "there is no node '9'",
        ),
        (
            "noconc.json",
            json.dumps({**AIF, "edges": AIF["edges"][:1]}),
            "RA node '3' has no conclusion",
        ),
        ("notes.txt", "hello", "line 1: text before the thesis ('1. …'); a .txt file is read as"),
    ],
)
def test_malformed_input_gives_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, expected: str
) -> None:
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "import", str(source), "-o", str(tmp_path / "out.argmap.json"))
    assert code == 1
    assert expected in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.argmap.json").exists()


def test_skip_broken_imports_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "edge.json"
    source.write_text(json.dumps({**AIF, "edges": [*AIF["edges"], {"fromID": "2", "toID": "9"}]}))
    code, stdout, _ = run(
        capsys, "import", str(source), "--skip-broken", "-o", str(tmp_path / "e.argmap.json")
    )
    assert code == 0
    assert "skipped broken part: edge 2 ($.edges[2]) goes from '2' to '9'" in stdout


def test_import_refuses_a_non_map_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "n.json"
    source.write_text(json.dumps(AIF))
    code, _, err = run(capsys, "import", str(source), "-o", str(source))
    assert code == 1 and "name it ....argmap.json" in err


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("out.json", '{\n  "AIF": {'),
        ("out.argdown", '===\ntitle: "Small"'),
        ("out.graphml", "<graphml"),
        ("out.md", "# Small\n"),
    ],
)
def test_export_infers_the_format_from_the_extension(
    saved_map: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, starts: str
) -> None:
    out = tmp_path / name
    code, stdout, _ = run(capsys, "export", str(saved_map), "-o", str(out))
    assert code == 0 and stdout.startswith(f"wrote {out}")
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_export_plain_aif(
    saved_map: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plain.json"
    assert (
        run(capsys, "export", str(saved_map), "--to", "aif", "--plain-aif", "-o", str(out))[0] == 0
    )
    assert set(json.loads(out.read_text())) == {"nodes", "edges", "locutions", "argmap"}


def test_image_formats_are_inferred_from_the_name() -> None:
    assert [infer_format(f"map.{ext}", for_import=False).name for ext in ("png", "svg", "pdf")] == [
        "png",
        "svg",
        "pdf",
    ]
    with pytest.raises(ArgmapError, match="argmap's own format"):
        infer_format("map.argmap.json", for_import=False)


def test_image_name_must_match_its_format(
    saved_map: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "export", str(saved_map), "--to", "png", "-o", str(tmp_path / "x.svg")
    )
    assert code == 1 and "a PNG image must be named ….png" in err


@pytest.mark.skipif(importlib.util.find_spec("PySide6") is None, reason="drawing needs PySide6")
def test_export_svg_is_drawn_by_the_ui_layer(
    saved_map: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.svg"
    code, _, _ = run(capsys, "export", str(saved_map), "-o", str(out))
    assert code == 0
    assert "<svg" in out.read_text(encoding="utf-8")[:500]


def test_round_trip_through_the_command_line(saved_map: Path, tmp_path: Path) -> None:
    """One real process: export to AIF, import it back, get the same map."""
    aif = tmp_path / "map.json"
    back = tmp_path / "back.argmap.json"
    for argv in (["export", str(saved_map), "-o", str(aif)], ["import", str(aif), "-o", str(back)]):
        done = subprocess.run(
            [sys.executable, "-m", "argmap", *argv], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
    assert native.load(back).map == small_map()
    assert aif.read_text(encoding="utf-8") == dumps_aif(small_map())


def test_format_registry_for_the_editor(tmp_path: Path) -> None:
    from argmap.io.formats import export_file, export_formats, file_filter, import_file

    assert (
        file_filter(export_formats()[:2])
        == "AIF JSON (OVA, AIFdb) (*.json *.aif);;Argdown (*.argdown *.ad)"
    )
    out = tmp_path / "map.argdown"
    assert export_file(small_map(), out).name == "argdown"
    assert import_file(out).map.node("e1").text == "Patrols doubled"
    with pytest.raises(ArgmapError, match=r"drawn by argmap\.ui\.render\.render_map"):
        export_file(small_map(), tmp_path / "map.png")
    with pytest.raises(ArgmapError, match="cannot import from 'markdown'"):
        import_file(out, "markdown")
