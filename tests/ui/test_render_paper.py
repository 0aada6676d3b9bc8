"""A PDF of the map is a page of paper with the title on top, not a page the map's size."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter

from argmap.cli import main
from argmap.io import native
from argmap.model import ArgmapError, ArgumentMap, Node, NodeKind, Point
from argmap.resources import DEFAULT_MAP
from argmap.ui.render import render_map
from argmap.ui.render_pdf import fitted, pdf_on_paper
from tests.ui.test_debate_exports import pdf_pages

A4 = (595.0, 842.0)


def _close(page: tuple[float, float], size: tuple[float, float]) -> bool:
    return abs(page[0] - size[0]) < 1.5 and abs(page[1] - size[1]) < 1.5


def _row(count: int) -> ArgumentMap:
    nodes = [Node(id=f"n{i}", kind=NodeKind.CLAIM, text=f"Claim {i}") for i in range(count)]
    m = ArgumentMap(title="A wide map", nodes=nodes)
    m.layout.positions = {f"n{i}": Point(x=i * 300.0, y=0.0) for i in range(count)}
    return m


def test_a_tall_map_prints_on_portrait_a4(tmp_path: Path, qapp: object) -> None:
    m = native.load(DEFAULT_MAP).map
    out = render_map(m, tmp_path / "map.pdf")
    assert [_close(p, A4) for p in pdf_pages(out.read_bytes())] == [True]


def test_a_wide_map_prints_on_landscape_paper(tmp_path: Path, qapp: object) -> None:
    out = render_map(_row(8), tmp_path / "wide.pdf", paper="letter")
    [page] = pdf_pages(out.read_bytes())
    assert _close(page, (792.0, 612.0))


def test_paper_map_keeps_the_maps_own_size(tmp_path: Path, qapp: object) -> None:
    out = render_map(_row(3), tmp_path / "own.pdf", width=500, paper="map")
    [page] = pdf_pages(out.read_bytes())
    assert abs(page[0] - 500) < 1.5 and page[1] < 500


def test_the_map_is_drawn_under_the_title_within_the_margins(qapp: object) -> None:
    targets: list[QRectF] = []

    def draw(painter: QPainter, target: QRectF) -> None:
        targets.append(target)

    source = QRectF(0, 0, 1000, 400)
    pdf_on_paper(source, QSize(1000, 400), "Title", "a4", draw)
    [target] = targets
    assert target.top() > 20  # the title's line is above it
    assert target.width() / target.height() == pytest.approx(2.5)
    page_width = 842 - 2 * 36  # landscape A4 inside half-inch margins
    assert target.width() == pytest.approx(page_width, abs=1)


def test_fitted_keeps_proportions_and_centres() -> None:
    box = fitted(QRectF(0, 0, 100, 100), QRectF(0, 0, 300, 100))
    assert (box.left(), box.width(), box.height()) == (100, 100, 100)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_the_title_is_printed_on_the_page(tmp_path: Path, qapp: object) -> None:
    out = render_map(_row(3), tmp_path / "titled.pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert text.lstrip().startswith("A wide map")


def test_unknown_paper_is_refused(tmp_path: Path, qapp: object) -> None:
    with pytest.raises(ArgmapError, match="unknown paper 'b5'"):
        render_map(_row(2), tmp_path / "x.pdf", paper="b5")


def test_cli_paper_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "m.argmap.json"
    native.save(_row(4), source)
    out = tmp_path / "m.pdf"
    assert main(["render", str(source), "-o", str(out), "--paper", "a3"]) == 0
    [page] = pdf_pages(out.read_bytes())
    assert _close(page, (1191.0, 842.0))
    assert main(["export", str(source), "-o", str(out), "--force", "--paper", "map"]) == 0
    [page] = pdf_pages(out.read_bytes())
    assert not _close(page, (1191.0, 842.0))
