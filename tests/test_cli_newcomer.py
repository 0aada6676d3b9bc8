"""What a newcomer hit on the command line: format names, one overwrite rule, honest wording."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.io import native
from argmap.io.aif import read_aif
from tests.model.factories import small_map


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.argmap.json"
    native.save(small_map(), path)
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_importing_an_export_only_format_says_so_and_lists_what_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = tmp_path / "export.md"
    brief.write_text("# A brief\n", encoding="utf-8")
    code, _, err = _run(capsys, "import", str(brief), "-o", str(tmp_path / "x.argmap.json"))
    assert code == 1
    assert "cannot read it back; it imports aif, argdown, graphml, kialo" in err
    assert "--from markdown" not in err


def test_unknown_import_extension_lists_only_import_extensions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "map.xyz"
    odd.write_text("x", encoding="utf-8")
    code, _, err = _run(capsys, "import", str(odd), "-o", str(tmp_path / "x.argmap.json"))
    assert code == 1
    known = err.split("(known: ")[1].split(")")[0]
    assert ".md" not in known and ".png" not in known and ".argdown" in known
    assert "name it with --from (aif, argdown, graphml, kialo)" in err


def test_export_to_dot_aif_is_aif(
    map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.aif"
    code, stdout, _ = _run(capsys, "export", str(map_file), "-o", str(out))
    assert code == 0 and "AIF JSON" in stdout
    assert len(read_aif(out).map.nodes) == len(small_map().nodes)


def test_export_to_argmap_json_does_not_talk_of_save(
    map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "export", str(map_file), "-o", str(tmp_path / "b.argmap.json"))
    assert code == 1
    assert "save" not in err and "copy it" in err


@pytest.mark.parametrize(
    ("command", "output"),
    [
        (["export", "{map}", "--to", "argdown"], "out.argdown"),
        (["export", "{map}"], "out.md"),
        (["layout", "{map}"], "out.argmap.json"),
        (["import", "{aif}"], "out.argmap.json"),
        (["new", "--source", "{text}"], "out.argmap.json"),
        (["schema"], "out.schema.json"),
    ],
)
def test_every_writing_command_refuses_to_overwrite_without_force(
    map_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    output: str,
) -> None:
    aif = tmp_path / "in.json"
    main(["export", str(map_file), "-o", str(aif)])
    text = tmp_path / "in.txt"
    text.write_text("A text to map.\n", encoding="utf-8")
    capsys.readouterr()
    out = tmp_path / output
    out.write_text("precious", encoding="utf-8")
    args = [a.format(map=map_file, aif=aif, text=text) for a in command] + ["-o", str(out)]
    code, _, err = _run(capsys, *args)
    assert code == 1 and err.endswith(f"{out}: already exists; use --force to replace it\n")
    assert out.read_text(encoding="utf-8") == "precious"
    code, _, err = _run(capsys, *args, "--force")
    assert code == 0, err
    assert out.read_text(encoding="utf-8") != "precious"


def test_render_refuses_to_overwrite_before_starting_to_draw(
    map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.png"
    out.write_bytes(b"precious")
    code, _, err = _run(capsys, "render", str(map_file), "-o", str(out))
    assert code == 1 and "already exists; use --force" in err
    assert out.read_bytes() == b"precious"


def test_radial_layout_reports_no_direction(
    map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "radial.argmap.json"
    code, stdout, _ = _run(capsys, "layout", str(map_file), "-a", "radial", "-o", str(out))
    assert code == 0 and stdout.endswith("nodes laid out (radial)\n")
    code, stdout, _ = _run(
        capsys, "layout", str(map_file), "-a", "tree", "-d", "LR", "-o", str(out), "--force"
    )
    assert stdout.endswith("nodes laid out (tree, LR)\n")


def test_help_tells_how_to_open_the_editor(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "argmap FILE.argmap.json" in out and "argmap --new TEXT_FILE" in out
    assert "--force" in out


def test_stats_and_import_counts_use_singulars(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aif = tmp_path / "one.json"
    aif.write_text(
        '{"nodes": [{"nodeID": "1", "text": "a", "type": "I"},'
        ' {"nodeID": "2", "text": "b", "type": "I"}, {"nodeID": "3", "text": "", "type": "RA"}],'
        ' "edges": [{"fromID": "1", "toID": "3"}, {"fromID": "3", "toID": "2"}]}',
        encoding="utf-8",
    )
    out = tmp_path / "one.argmap.json"
    code, stdout, _ = _run(capsys, "import", str(aif), "-o", str(out))
    assert code == 0 and "2 statements, 1 support, 0 attacks (0 undercuts)" in stdout
    code, stdout, _ = _run(capsys, "stats", str(out))
    assert "2 (2 claims, 0 evidence, 0 counterarguments)" in stdout
    assert "1 (1 support, 0 attacks, 0 undercuts; 0 linked)" in stdout


def test_a_terminal_that_is_not_utf8_gets_escapes_not_a_traceback(map_file: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    document = native.load(map_file).map
    document.title = "UK–France"
    native.save(document, map_file)
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "stats", str(map_file)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    assert "UK\\u2013France" in done.stdout and "Traceback" not in done.stderr
