"""Flow sheet and slides, drawn: pages counted, pictures checked, the menu and the command."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from argmap.cli import main
from argmap.debate.flow import flow_sheet
from argmap.debate.speech import speech_order
from argmap.io import native
from argmap.resources import DEFAULT_MAP
from argmap.ui.debate.export import render_flow, render_slides
from argmap.ui.debate.flow_drawing import FlowDrawing
from tests.debate.maps import debate_map


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """The MediaBox (width, height) of every page of a PDF, in points."""
    boxes = re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    return [(float(w), float(h)) for w, h in boxes]


def pdf_text(data: bytes) -> bytes:
    """Every content stream inflated (Qt writes them Flate-compressed)."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S)
    out = b""
    for raw in streams:
        try:
            out += zlib.decompress(raw)
        except zlib.error:
            continue
    return out


def test_slides_are_one_landscape_a4_page_per_step(tmp_path: Path, qapp: object) -> None:
    m = native.load(DEFAULT_MAP).map
    out = render_slides(m, tmp_path / "deck.pdf")
    pages = pdf_pages(out.read_bytes())
    assert len(pages) == len(speech_order(m)) == 25
    assert all(abs(w - 841.9) < 1 and abs(h - 595.3) < 1 for w, h in pages)


def test_the_flow_sheet_prints_on_landscape_pages_with_every_row(
    tmp_path: Path, qapp: object
) -> None:
    m = native.load(DEFAULT_MAP).map
    out = render_flow(m, tmp_path / "flow.pdf")
    pages = pdf_pages(out.read_bytes())
    assert len(pages) >= 2 and all(w > h for w, h in pages)
    drawing = FlowDrawing(m, flow_sheet(m), 794)
    bands = drawing.pages(547)
    assert len(bands) == len(pages)
    # Every row is on some page, whole.
    for top in drawing.row_top:
        assert any(a <= top < b for a, b in bands)


def test_the_flow_png_draws_the_columns_in_their_bench_colours(
    tmp_path: Path, qapp: object
) -> None:
    m = debate_map("r1: a + m; r2: o - a; r3: x - o")
    out = render_flow(m, tmp_path / "flow.png")
    image = QImage(str(out))
    assert image.width() == 1600
    drawing = FlowDrawing(m, flow_sheet(m), 1600)
    header_y = 16
    # Proposition headers are blue-tinted, the opposition's red-tinted.
    first = image.pixelColor(int(drawing.cells["m"].rect.center().x()), header_y)
    second = image.pixelColor(int(drawing.cells["o"].rect.center().x()), header_y)
    assert first.blue() > first.red() and second.red() > second.blue()
    # The answer sits level with the objection it answers, one column on.
    assert drawing.cells["x"].rect.top() == drawing.cells["o"].rect.top()
    assert drawing.cells["x"].rect.left() > drawing.cells["o"].rect.right()


@pytest.mark.parametrize(
    ("fmt", "name"), [("flow", "f.svg"), ("flow", "f.pdf"), ("slides", "s.pdf")]
)
def test_the_command_draws_each_debate_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str
) -> None:
    out = tmp_path / name
    assert main(["export", str(DEFAULT_MAP), "--to", fmt, "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF") if name.endswith(".pdf") else b"<svg" in data
    assert main(["export", str(DEFAULT_MAP), "--to", "slides", "-o", str(tmp_path / "s.png")]) == 1
    assert "must be named ….pdf" in capsys.readouterr().err
