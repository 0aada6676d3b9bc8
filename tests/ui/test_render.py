"""Rendering without a screen: PNG, SVG and PDF drawn by the canvas's scene, and the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import deque
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from argmap.cli import main
from argmap.io import native
from argmap.model import ArgmapError, ArgumentMap, Node, NodeKind, Relation, RelationKind
from argmap.resources import DEFAULT_MAP
from argmap.ui import theme
from argmap.ui.render import render_map, submap
from tests.ui.test_canvas import canvas_map


def header_count(image: QImage) -> int:
    """How many card headers (solid blocks of a kind colour) the image shows."""
    colours = [*theme.KIND_COLOURS.values(), theme.REBUTTAL_COLOUR]
    return sum(_blobs(image, colour) for colour in colours)


def _blobs(image: QImage, colour: QColor, cell: int = 4) -> int:
    # Blocks at least 100 px wide and 12 px tall: headers, never legend chips or arrows.
    mask = image.createMaskFromColor(colour.rgb(), Qt.MaskMode.MaskInColor)
    grey = mask.convertToFormat(QImage.Format.Format_Grayscale8)
    small = grey.scaled(
        max(1, grey.width() // cell),
        max(1, grey.height() // cell),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    width, height, stride = small.width(), small.height(), small.bytesPerLine()
    data = bytes(small.constBits())
    on = {(x, y) for y in range(height) for x in range(width) if data[y * stride + x] >= 190}
    blobs = 0
    while on:
        queue = deque([on.pop()])
        xs: set[int] = set()
        ys: set[int] = set()
        while queue:
            x, y = queue.popleft()
            xs.add(x)
            ys.add(y)
            for neighbour in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if neighbour in on:
                    on.remove(neighbour)
                    queue.append(neighbour)
        blobs += max(xs) - min(xs) >= 25 and max(ys) - min(ys) >= 2
    return blobs


def is_blank(image: QImage) -> bool:
    first = image.pixel(0, 0)
    step = max(1, image.width() // 50)
    return all(
        image.pixel(x, y) == first
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    )


def test_png_shows_one_card_per_node_at_the_asked_width(tmp_path: Path) -> None:
    argument_map = canvas_map()
    out = render_map(argument_map, tmp_path / "map.png", width=1200)
    image = QImage(str(out))
    assert image.width() == 1200 and not is_blank(image)
    assert header_count(image) == len(argument_map.nodes)
    assert image.pixelColor(2, 2) == QColor("white")


def test_a_selection_renders_only_those_nodes(tmp_path: Path) -> None:
    argument_map = canvas_map()
    out = render_map(argument_map, tmp_path / "part.png", selection=["c1", "c2"], legend=False)
    assert header_count(QImage(str(out))) == 2
    part = submap(argument_map, ["c1", "c2", "e1"])
    assert [r.id for r in part.relations] == ["r1", "r2"]


def test_submap_keeps_undercuts_and_the_kept_premises_of_linked_arguments() -> None:
    argument_map = canvas_map()
    argument_map.relations.append(
        Relation(id="r4", kind=RelationKind.SUPPORT, premises=["e1", "ca1"], target="x1")
    )
    argument_map.relations.append(
        Relation(id="u1", kind=RelationKind.ATTACK, premises=["ca1"], target="r1")
    )
    part = submap(argument_map, ["c1", "c2", "e1", "x1", "ca1"])
    assert {r.id for r in part.relations} == {"r1", "r2", "r3", "r4", "u1"}
    part = submap(argument_map, ["e1", "x1", "c1"])
    assert [(r.id, r.premises) for r in part.relations] == [("r4", ["e1"])]
    assert set(part.layout.positions) == {"e1", "x1", "c1"}


def test_svg_and_pdf_come_from_qt_writers(tmp_path: Path) -> None:
    argument_map = canvas_map()
    svg = render_map(argument_map, tmp_path / "map.svg", width=900).read_text("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert 'width="900' in svg and "Criminal gangs drive illegal" in svg
    assert "Canvas test" in svg  # the map's title
    pdf = render_map(argument_map, tmp_path / "map.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/Title" in pdf


def test_unknown_extension_and_bad_width_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError, match=r"\.gif.*use \.png, \.svg or \.pdf"):
        render_map(canvas_map(), tmp_path / "map.gif")
    with pytest.raises(ArgmapError, match="width"):
        render_map(canvas_map(), tmp_path / "map.png", width=3)
    assert not list(tmp_path.iterdir())


def test_an_unplaced_map_is_drawn_with_view_only_positions(tmp_path: Path) -> None:
    argument_map = ArgumentMap(
        nodes=[Node(id=f"n{i}", kind=NodeKind.CLAIM, text=f"Claim {i}") for i in range(6)]
    )
    image = QImage(str(render_map(argument_map, tmp_path / "grid.png")))
    assert header_count(image) == 6
    assert argument_map.layout.positions == {}


def test_cli_render_writes_the_image(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "map.argmap.json"
    native.save(canvas_map(), source)
    out = tmp_path / "out.png"
    assert main(["render", str(source), "-o", str(out), "--width", "800"]) == 0
    assert QImage(str(out)).width() == 800
    assert "wrote" in capsys.readouterr().out


def test_cli_render_reports_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "map.argmap.json"
    native.save(canvas_map(), source)
    assert main(["render", str(source), "-o", str(tmp_path / "out.bmp")]) == 1
    assert "use .png, .svg or .pdf" in capsys.readouterr().err
    broken = tmp_path / "broken.argmap.json"
    broken.write_text("{not json", "utf-8")
    assert main(["render", str(broken), "-o", str(tmp_path / "out.png")]) == 1
    assert "broken.argmap.json" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:  # -o is required: argparse's usage error
        main(["render", str(source)])
    assert usage.value.code == 2
    assert "-o" in capsys.readouterr().err


def test_render_of_the_bundled_map(tmp_path: Path) -> None:
    if not DEFAULT_MAP.exists():
        pytest.skip("the bundled map is not written yet")
    out = tmp_path / "bundled.png"
    assert main(["render", str(DEFAULT_MAP), "-o", str(out)]) == 0
    image = QImage(str(out))
    assert not is_blank(image)
    assert header_count(image) == len(native.load(DEFAULT_MAP).map.nodes)


def test_render_runs_headless_in_a_fresh_process(tmp_path: Path) -> None:
    source = tmp_path / "map.argmap.json"
    native.save(canvas_map(), source)
    out = tmp_path / "out.svg"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(source), "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "<svg" in out.read_text("utf-8")


def test_an_explicit_format_overrides_the_extension(tmp_path: Path) -> None:
    out = render_map(canvas_map(), tmp_path / "map.out", fmt="svg")
    assert "<svg" in out.read_text("utf-8")
    with pytest.raises(ArgmapError, match="bmp"):
        render_map(canvas_map(), tmp_path / "map.png", fmt="bmp")
