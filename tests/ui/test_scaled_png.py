"""PNG at 2× and 3×: File ▸ Export, ``argmap render --scale`` and ``argmap export --scale``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from argmap.cli import main
from argmap.io import native
from argmap.io.formats import FORMATS, file_filter
from argmap.model import ArgmapError
from argmap.ui.main_window import MainWindow
from argmap.ui.render import render_map
from tests.ui.conftest import ScriptedPrompter
from tests.ui.test_canvas import canvas_map


def _size(path: Path) -> tuple[int, int]:
    image = QImage(str(path))
    assert not image.isNull()
    return image.width(), image.height()


def test_scale_draws_two_and_three_times_the_pixels(tmp_path: Path) -> None:
    plain = render_map(canvas_map(), tmp_path / "one.png")
    double = render_map(canvas_map(), tmp_path / "two.png", scale=2)
    triple = render_map(canvas_map(), tmp_path / "three.png", scale=3)
    width, height = _size(plain)
    for path, times in ((double, 2), (triple, 3)):
        w, h = _size(path)
        assert abs(w - times * width) <= times and abs(h - times * height) <= times


def test_a_bad_scale_is_one_clear_message(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError, match="scale must be between 1 and 4, not 9"):
        render_map(canvas_map(), tmp_path / "x.png", scale=9)
    with pytest.raises(ArgmapError, match="a width or a scale, not both"):
        render_map(canvas_map(), tmp_path / "x.png", width=400, scale=2)


def test_cli_render_and_export_take_scale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "map.argmap.json"
    native.save(canvas_map(), source)
    assert main(["render", str(source), "-o", str(tmp_path / "a.png")]) == 0
    assert main(["render", str(source), "-o", str(tmp_path / "b.png"), "--scale", "2"]) == 0
    assert main(["export", str(source), "-o", str(tmp_path / "c.png"), "--scale", "3"]) == 0
    base = _size(tmp_path / "a.png")[0]
    assert abs(_size(tmp_path / "b.png")[0] - 2 * base) <= 2
    assert abs(_size(tmp_path / "c.png")[0] - 3 * base) <= 3
    assert main(["render", str(source), "-o", str(tmp_path / "d.png"), "--scale", "0.1"]) == 1
    assert "scale must be between 1 and 4" in capsys.readouterr().err


def test_file_export_offers_png_at_2x_and_3x(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    entries = [a.text() for a in window.menus["export"].actions()]
    png = entries.index(window.app_actions.exports["png"].text())
    assert entries[png + 1 : png + 3] == ["PNG image at &2×…", "PNG image at &3×…"]
    prompter.export_answer = (tmp_path / "plain.png", file_filter([FORMATS["png"]]))
    window.app_actions.exports["png"].trigger()
    prompter.export_answer = (tmp_path / "sharp", file_filter([FORMATS["png"]]))
    window.scaled_png[0].trigger()
    assert prompter.export_requests[-1][1].name.endswith("@2x.png")
    assert abs(_size(tmp_path / "sharp.png")[0] - 2 * _size(tmp_path / "plain.png")[0]) <= 2
