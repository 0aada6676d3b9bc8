"""The headless commands: validate, stats, new (and that none of them needs Qt)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.cli.commands.stats import deepest_chain, map_stats
from argmap.io import native
from argmap.model import ArgumentMap, Relation, RelationKind
from tests.model.factories import SOURCE_TEXT, node, small_map

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.argmap.json"
    native.save(small_map(), path)
    return path


def test_validate_reports_ok_with_counts(
    map_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(map_file)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{map_file}: ok (6 nodes, 4 relations)\n" and err == ""


def test_validate_checks_every_file_and_fails_if_any_is_bad(
    map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.argmap.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["validate", str(bad), str(map_file)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{map_file}: ok (6 nodes, 4 relations)\n"  # checked after the bad one
    assert err == f'{bad}: not an argmap file (expected "format": "argmap")\n'


def test_validate_reports_what_the_loader_repaired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = native.to_document(small_map())
    document["nodes"][4]["anchors"][0]["start"] = 0
    path = tmp_path / "moved.argmap.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{path}: ok (6 nodes, 4 relations)\n"
    assert err.startswith(f"{path}: re-anchored node 'ca1': quote 'Critics' moved from 0 to ")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["stats", "--bogus", "x"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "usage: argmap validate" in err and "unrecognized arguments: --bogus" in err


def test_stats_counts_the_small_map(map_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(map_file), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats == {
        "title": "Small",
        "nodes": {"total": 6, "claim": 1, "evidence": 3, "counterargument": 2},
        "relations": {"total": 4, "support": 2, "attack": 1, "undercut": 1, "linked": 1},
        "anchored_nodes": 4,
        "evidence": 3,
        "evidence_with_citation": 1,
        "sources": 1,
        "depth": 1,
    }


def test_stats_as_text(map_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(map_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{map_file}: Small"
    assert "6 (1 claim, 3 evidence, 2 counterarguments)" in lines[1]
    assert "4 (2 supports, 1 attack, 1 undercut; 1 linked)" in lines[2]
    assert lines[-1].split() == ["depth:", "1", "(longest", "chain", "of", "reasons)"]


def _chain(*links: tuple[str, str]) -> ArgumentMap:
    ids = sorted({i for pair in links for i in pair})
    relations = [
        Relation(id=f"r{i}", kind=RelationKind.SUPPORT, premises=[a], target=b)
        for i, (a, b) in enumerate(links)
    ]
    return ArgumentMap(nodes=[node(i) for i in ids], relations=relations)


def test_depth_is_the_longest_chain_of_reasons() -> None:
    assert deepest_chain(ArgumentMap()) == 0
    assert deepest_chain(_chain()) == 0
    assert deepest_chain(_chain(("b", "a"), ("c", "b"), ("d", "c"), ("x", "a"))) == 3


def test_depth_is_finite_with_cycles() -> None:
    # a <- b <- c <- a is a cycle, counted as one step; d -> c and a -> e hang off it.
    cyclic = _chain(("b", "a"), ("c", "b"), ("a", "c"), ("d", "c"), ("a", "e"))
    assert deepest_chain(cyclic) == 2
    assert map_stats(cyclic)["depth"] == 2


def test_new_makes_an_empty_map_over_a_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "UK France Release.txt"
    text.write_bytes(b"\xef\xbb\xbf# The release\r\n" + SOURCE_TEXT.encode("utf-8"))
    out = tmp_path / "new.argmap.json"
    assert main(["new", "--source", str(text), "-o", str(out)]) == 0
    made = native.load(out).map
    [source] = made.sources
    assert source.id == "uk-france-release"
    assert source.text == "# The release\n" + SOURCE_TEXT  # BOM dropped, line ends \n
    assert made.title == source.title == "The release"
    assert made.nodes == [] and made.relations == []
    assert capsys.readouterr().out == (
        f"wrote {out} (source 'uk-france-release', {len(source.text)} characters)\n"
    )


def test_new_takes_a_title_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "release.txt"
    text.write_text(SOURCE_TEXT, encoding="utf-8")
    out = tmp_path / "m.argmap.json"
    out.write_text("keep me", encoding="utf-8")
    assert main(["new", "--source", str(text), "--title", "T", "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"argmap new: {out}: already exists; use --force to replace it\n"
    )
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["new", "--source", str(text), "--title", "T", "-o", str(out), "--force"]) == 0
    assert native.load(out).map.title == "T"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"caf\xe9 au lait", "not UTF-8 text (byte 3 is 0xe9); save it as UTF-8 and try again"),
        (b" \n ", "the text is empty"),
    ],
)
def test_new_refuses_a_text_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    text = tmp_path / "latin1.txt"
    text.write_bytes(content)
    out = tmp_path / "m.argmap.json"
    assert main(["new", "--source", str(text), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == f"argmap new: {text}: {message}\n"
    assert not out.exists()


def test_new_with_a_missing_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--source", str(tmp_path / "x.txt"), "-o", str(tmp_path / "o.json")]) == 1
    assert capsys.readouterr().err.endswith("x.txt: no such file\n")


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_headless_commands_never_import_qt(map_file: Path, tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text(SOURCE_TEXT, encoding="utf-8")
    code = (
        "import sys\n"
        "from argmap.cli import main\n"
        "f, t, o = sys.argv[1:]\n"
        "assert main(['validate', f]) == 0\n"
        "assert main(['stats', f, '--json']) == 0\n"
        "assert main(['new', '--source', t, '-o', o]) == 0\n"
        "assert main(['schema']) == 0\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
    )
    done = _python(code, str(map_file), str(text), str(tmp_path / "o.argmap.json"))
    assert done.returncode == 0, done.stderr


def test_python_dash_m_argmap_validate(map_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.argmap.json"
    bad.write_bytes(b"\x00\x01")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(map_file), str(bad)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == f"{map_file}: ok (6 nodes, 4 relations)\n"
    assert "not valid JSON at line 1, column 1" in done.stderr
    assert "Traceback" not in done.stderr


def test_output_cut_short_by_a_pipe_is_not_a_traceback() -> None:
    """Like ``argmap evaluate MAP | head -n 1``, but sure to happen: the reader closes the
    pipe before the command (still starting up) has written a byte."""
    import subprocess
    import sys as _sys

    from argmap.resources import DEFAULT_MAP

    child = subprocess.Popen(
        [_sys.executable, "-m", "argmap", "evaluate", str(DEFAULT_MAP)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    child.stdout.close()
    _, stderr = child.communicate(timeout=120)
    assert stderr.decode() == ""  # no traceback, not even "Exception ignored"
    assert child.returncode == 0  # a reader that has read enough is no failure
