"""The stretches of long lines that a repaint of a small part strokes (``line_clip``): as
separate lines for ``QPainter.drawLines`` they give the pixels the path gave."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QTransform

from argmap.ui.canvas import line_clip

#: Long slants and a flat line crossing a 300 × 200 part at (100, 100), one ending in it.
STROKES: tuple[line_clip.Stroke, ...] = (
    (-5000.0, -370.0, 9000.0, 1030.0),
    (-3000.0, 180.0, 8000.0, 190.0),
    (250.0, 4000.0, 220.0, 150.0),
    (-400.0, 900.0, 4000.0, 950.0),  # passes below the part
)
AREA = (100.0, 100.0, 400.0, 300.0)


def _segments(path: QPainterPath) -> list[tuple[float, float, float, float]]:
    points = [path.elementAt(i) for i in range(path.elementCount())]
    return [(a.x, a.y, b.x, b.y) for a, b in zip(points[::2], points[1::2], strict=True)]


@pytest.mark.parametrize("period", [0.0, 12.0])
def test_the_lines_are_the_stretches_of_the_path(period: float) -> None:
    lines = line_clip.lines_in(STROKES, AREA, period)
    path = line_clip.pieces_in(STROKES, AREA, period)
    assert lines is not None and len(lines) == 3  # the fourth misses the part
    assert [(ln.x1(), ln.y1(), ln.x2(), ln.y2()) for ln in lines] == _segments(path)
    assert (lines[2].x2(), lines[2].y2()) == (220.0, 150.0)  # an end in the part stays exact


def test_a_curve_is_left_to_the_path() -> None:
    curve = (0.0, 0.0, 200.0, 400.0, 300.0, -100.0, 500.0, 200.0)
    assert line_clip.lines_in((STROKES[0], curve), AREA) is None


@pytest.mark.parametrize("style", [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine])
@pytest.mark.parametrize("scale", [1.0, 0.55])
def test_drawn_as_lines_they_give_the_paths_pixels(style: Qt.PenStyle, scale: float) -> None:
    pen = QPen(QColor("#2e8b57"), 2.0, style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    period = sum(pen.dashPattern()) * 2.0 if style != Qt.PenStyle.SolidLine else 0.0
    lines = line_clip.lines_in(STROKES, AREA, period)
    assert lines

    def picture(draw: str) -> QImage:
        image = QImage(400, 300, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        painter.setPen(pen)
        if draw == "lines":
            painter.drawLines(lines)
        else:
            painter.drawPath(line_clip.pieces_in(STROKES, AREA, period))
        painter.end()
        return image

    drawn = picture("lines")
    white = QColor("white").rgb()
    inked = sum(drawn.pixel(x, y) != white for x in range(400) for y in range(0, 300, 2))
    assert inked > 150 * scale  # three stretches across the part
    assert drawn == picture("path")


#: A long dashed detour, as the router bends an arrow round cards.
DETOUR = (1321.12, 435.95, 1278.0, 390.0, 402.0, 390.0, 375.28, 361.53)


def _dashed_pen() -> QPen:
    pen = QPen(QColor("#c0392b"), 2.0, Qt.PenStyle.DashLine)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def _curve_picture(area: tuple[float, float, float, float] | None, offset: float) -> QImage:
    """The detour drawn at 0.55 on a 1176 px wide device, shifted right by ``offset`` device
    pixels: its stretch for ``area``, or (None) the whole curve as Qt draws it."""
    image = QImage(1176, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(QTransform(0.55, 0.0, 0.0, 0.55, offset, -150.0))
    painter.setPen(_dashed_pen())
    path = QPainterPath()
    if area is None:
        path.moveTo(DETOUR[0], DETOUR[1])
        path.cubicTo(*DETOUR[2:])
    else:
        line_clip.dashed_curve_piece(path, DETOUR, area, 12.0, 0.55)
    painter.drawPath(path)
    painter.end()
    return image


@pytest.mark.parametrize("area", [(370.0, 330.0, 500.0, 420.0), (600.0, 350.0, 700.0, 420.0)])
def test_a_dashed_curve_cut_near_a_part_dashes_there_as_qt_draws_it_whole(
    area: tuple[float, float, float, float],
) -> None:
    whole = _curve_picture(None, 100.0)  # all of it on the device: Qt's dashes are right
    near = _curve_picture(area, 100.0)
    # Moved 450 px right the detour's far end is off the device, where Qt drifts a whole
    # curve's dashes; the stretch cut near the part has nothing off it.
    moved = _curve_picture(area, 550.0)
    left, right = int(0.55 * area[0] + 100) + 2, int(0.55 * area[2] + 100) - 2
    top, bottom = int(0.55 * area[1] - 150) + 2, int(0.55 * area[3] - 150) - 2
    inside = [(x, y) for x in range(left, right) for y in range(top, bottom)]
    assert any(whole.pixel(x, y) != QColor("white").rgb() for x, y in inside)
    assert all(near.pixel(x, y) == whole.pixel(x, y) for x, y in inside)
    assert all(moved.pixel(x + 450, y) == whole.pixel(x, y) for x, y in inside)


def test_a_dashed_curve_is_flattened_as_finely_as_the_scale_needs() -> None:
    coarse, fine = line_clip.flattened(DETOUR, 0.25), line_clip.flattened(DETOUR, 4.0)
    assert coarse[0] == pytest.approx(DETOUR[:2]) and coarse[-1] == pytest.approx(DETOUR[6:])
    assert len(fine) > len(coarse) >= 3
