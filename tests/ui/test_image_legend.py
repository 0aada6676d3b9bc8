"""Every exported picture carries its legend: the key to card colours and arrow styles.

The legend is found in the picture itself, not asked of the code that draws it: in a PNG, one
small chip of each card colour side by side on one row below every card; in an SVG, the key's
words. Each way a user makes a picture is tried: `argmap render`, `argmap export --to png/svg`
and File > Export in the editor.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from argmap.cli import main
from argmap.io import native
from argmap.ui import theme
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import ScriptedPrompter
from tests.ui.test_canvas import canvas_map

#: The card colours a legend shows a chip of (claim, evidence, objection, rebuttal).
CHIP_COLOURS = [*theme.KIND_COLOURS.values(), theme.REBUTTAL_COLOUR]
#: The words of the key, as a reader sees them.
KEY_WORDS = ["Cards:", "Arrows:", "Claim", "Evidence", "Objection", "Support", "Attack"]


def _runs(image: QImage, colour: QColor) -> list[tuple[int, int, int]]:
    """(row, first column, length) of each horizontal run of exactly ``colour``."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixel = (0xFF000000 | colour.rgb() & 0xFFFFFF).to_bytes(4, "little")
    pattern = re.compile(b"(?:" + re.escape(pixel) + b")+")
    stride, data = rgb.bytesPerLine(), bytes(rgb.constBits())
    found = []
    for y in range(rgb.height()):
        row = data[y * stride : y * stride + 4 * rgb.width()]
        for match in pattern.finditer(row):
            if match.start() % 4 == 0:
                found.append((y, match.start() // 4, (match.end() - match.start()) // 4))
    return found


def has_legend(path: Path) -> bool:
    """A row of small chips, one of each card colour, lying below every card header."""
    image = QImage(str(path))
    assert not image.isNull(), path
    chip_rows: list[set[int]] = []
    lowest_header = -1
    for colour in CHIP_COLOURS:
        runs = _runs(image, colour)
        headers = [y for y, _, length in runs if length >= 100]
        lowest_header = max([lowest_header, *headers])
        chips = {y for y, _, length in runs if 16 <= length <= 26}
        chip_rows.append(chips)
    shared = set.intersection(*chip_rows)  # rows crossing all four chips at once
    return len(shared) >= 6 and min(shared) > lowest_header


def has_legend_words(path: Path) -> bool:
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", path.read_text("utf-8"))
    return all(word in texts for word in KEY_WORDS)


@pytest.fixture
def map_path(tmp_path: Path) -> Path:
    path = tmp_path / "canvas.argmap.json"
    native.save(canvas_map(), path)
    return path


def test_the_detector_tells_a_legend_from_none(map_path: Path, tmp_path: Path) -> None:
    with_key, without = tmp_path / "with.png", tmp_path / "without.png"
    assert main(["render", str(map_path), "-o", str(with_key)]) == 0
    assert main(["render", str(map_path), "-o", str(without), "--no-legend"]) == 0
    assert has_legend(with_key)
    assert not has_legend(without)


@pytest.mark.parametrize("command", ["render", "export"])
def test_pictures_made_on_the_command_line_carry_the_legend(
    map_path: Path, tmp_path: Path, command: str
) -> None:
    png, svg = tmp_path / "map.png", tmp_path / "map.svg"
    assert main([command, str(map_path), "-o", str(png)]) == 0
    assert main([command, str(map_path), "-o", str(svg)]) == 0
    assert has_legend(png)
    assert has_legend_words(svg)


@pytest.mark.parametrize("name", ["png", "svg"])
def test_pictures_exported_from_the_editor_carry_the_legend(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path, name: str
) -> None:
    out = tmp_path / f"exported.{name}"
    prompter.export_answer = (out, "")
    window.app_actions.exports[name].trigger()
    assert prompter.errors == []
    assert has_legend(out) if name == "png" else has_legend_words(out)
