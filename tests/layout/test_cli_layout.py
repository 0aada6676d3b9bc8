"""``argmap layout``: new positions written headless, and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.io import native
from argmap.layout import overlaps, sizes_for
from argmap.model import Direction
from tests.generators import generate_map


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "in.argmap.json"
    m = generate_map(40, seed=3)
    m.layout.pinned = []
    native.save(m, path)
    return path


@pytest.mark.parametrize("algorithm", ["tree", "layered", "compact", "radial"])
def test_layout_writes_a_map_that_loads_with_new_positions_and_the_algorithm(
    map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], algorithm: str
) -> None:
    out = tmp_path / "out.argmap.json"
    code = main(
        ["layout", str(map_file), "--algorithm", algorithm, "--direction", "LR", "-o", str(out)]
    )
    assert code == 0
    assert "40 nodes" in capsys.readouterr().out
    loaded = native.load(out).map
    assert loaded.layout.algorithm == algorithm
    assert loaded.layout.direction == Direction.LEFT_RIGHT
    assert set(loaded.layout.positions) == {n.id for n in loaded.nodes}
    assert overlaps(loaded.layout.positions, sizes_for(loaded.nodes)) == []
    assert [n.text for n in loaded.nodes] == [n.text for n in native.load(map_file).map.nodes]


def test_the_default_is_the_tree_in_the_maps_direction(map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.argmap.json"
    assert main(["layout", str(map_file), "-o", str(out)]) == 0
    loaded = native.load(out).map
    assert (loaded.layout.algorithm, loaded.layout.direction) == ("tree", Direction.TOP_BOTTOM)


def test_radial_centres_the_given_root(map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.argmap.json"
    assert main(["layout", str(map_file), "-a", "radial", "--root", "n7", "-o", str(out)]) == 0
    centre = native.load(out).map.layout.positions["n7"]
    assert (centre.x, centre.y) == (0.0, 0.0)


def test_an_unknown_algorithm_is_a_usage_error(
    map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["layout", str(map_file), "--algorithm", "spiral", "-o", str(tmp_path / "o.json")])
    assert exit_info.value.code == 2
    assert "spiral" in capsys.readouterr().err


def test_a_missing_file_is_one_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["layout", str(tmp_path / "absent.json"), "-o", str(tmp_path / "o.json")])
    assert code == 1
    err = capsys.readouterr().err
    assert "absent.json" in err and "no such file" in err and "Traceback" not in err
    assert not (tmp_path / "o.json").exists()


def test_an_unknown_root_is_one_clear_message(
    map_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["layout", str(map_file), "--root", "ghost", "-o", str(tmp_path / "o.json")])
    assert code == 1
    assert "'ghost'" in capsys.readouterr().err
