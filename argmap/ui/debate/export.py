"""Debate exports that are drawn: the flow sheet (PDF, PNG, SVG) and slides (PDF).

The flow sheet prints on landscape A4 pages as debaters flow on paper (rows that do not fit
go on the next page, under the column titles again); PNG and SVG hold the whole sheet. The
slides are one landscape A4 page per step of the speech order, titled with the step's role,
its text large enough to read from the back of a room, and its quotes with their sources.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from argmap.debate.flow import flow_sheet
from argmap.debate.roles import step_roles
from argmap.debate.sides import motion_of
from argmap.debate.speech import speech_order
from argmap.io.atomic import write_atomic
from argmap.model import ArgumentMap
from argmap.ui.debate.colours import OPPOSITION, PROPOSITION
from argmap.ui.debate.flow_drawing import FlowDrawing
from argmap.ui.render import RenderError, ensure_application, output_format
from argmap.ui.theme import INK, MUTED_INK

__all__ = ["DRAWINGS", "render_flow", "render_slides"]

#: Width of the flow sheet in PNG and SVG images, in pixels.
IMAGE_WIDTH = 1600
_POINTS_PER_INCH = 72


def render_flow(argument_map: ArgumentMap, out_path: str | Path, motion: str | None = None) -> Path:
    """Draw the map's flow sheet to ``out_path`` (.pdf, .png or .svg)."""
    path = Path(out_path)
    fmt = output_format(path)
    ensure_application()
    chosen = motion_of(argument_map, motion)
    sheet = flow_sheet(argument_map, chosen)
    if fmt == "pdf":
        data = _flow_pdf(argument_map, sheet, argument_map.title)
    else:
        drawing = FlowDrawing(argument_map, sheet, IMAGE_WIDTH)
        data = _flow_png(drawing) if fmt == "png" else _flow_svg(drawing, argument_map.title)
    write_atomic(path, data)
    return path


def _pdf_writer(buffer: QBuffer, title: str) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setTitle(title or "Argument map")
    writer.setCreator("argmap")
    writer.setResolution(_POINTS_PER_INCH)  # one device unit per point
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(24, 24, 24, 24),
            QPageLayout.Unit.Point,
        )
    )
    return writer


def _flow_pdf(argument_map: ArgumentMap, sheet: object, title: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _pdf_writer(buffer, title)
    painter = QPainter(writer)
    width, height = painter.device().width(), painter.device().height()
    drawing = FlowDrawing(argument_map, flow_sheet(argument_map), width)
    for number, (top, bottom) in enumerate(drawing.pages(height)):
        if number:
            writer.newPage()
        drawing.paint(painter, top, bottom)
    painter.end()
    buffer.close()
    return bytes(data.data())


def _flow_png(drawing: FlowDrawing) -> bytes:
    image = QImage(QSize(round(drawing.width), round(drawing.height)), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    drawing.paint(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RenderError("Qt could not encode the PNG image")
    buffer.close()
    return bytes(data.data())


def _flow_svg(drawing: FlowDrawing, title: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    size = QSize(round(drawing.width), round(drawing.height))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(f"Flow sheet: {title}" if title else "Flow sheet")
    painter = QPainter(generator)
    drawing.paint(painter)
    painter.end()
    buffer.close()
    return bytes(data.data())


def render_slides(argument_map: ArgumentMap, out_path: str | Path) -> Path:
    """One landscape A4 PDF page per step of the speech order."""
    path = Path(out_path)
    if output_format(path) != "pdf":
        raise RenderError(f"{path}: slides are a PDF; name the file ….pdf")
    ensure_application()
    motion = motion_of(argument_map)
    steps = speech_order(argument_map, motion)
    roles = step_roles(argument_map, steps)
    cells = flow_sheet(argument_map, motion).cells
    nodes = argument_map.node_index()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _pdf_writer(buffer, argument_map.title)
    painter = QPainter(writer)
    page = QRectF(0, 0, painter.device().width(), painter.device().height())
    for number, step in enumerate(steps, start=1):
        if number > 1:
            writer.newPage()
        column = cells[step].column if step in cells else 0
        title = f"{number} / {len(steps)} · {roles[step]}"
        _slide(painter, page, title, nodes[step], column)
    painter.end()
    buffer.close()
    write_atomic(path, bytes(data.data()))
    return path


def _slide(painter: QPainter, page: QRectF, title: str, node: object, column: int) -> None:
    from argmap.model import Node

    assert isinstance(node, Node)
    bench = PROPOSITION if column % 2 == 0 else OPPOSITION
    painter.fillRect(QRectF(page.left(), page.top(), page.width(), 8), bench)
    painter.setPen(bench)
    painter.setFont(QFont("DejaVu Sans", 20, QFont.Weight.Bold))
    painter.drawText(QRectF(page.left(), page.top() + 20, page.width(), 40), title)
    painter.setPen(INK)
    painter.setFont(QFont("DejaVu Sans", 28))
    body = QRectF(page.left(), page.top() + 80, page.width(), page.height() * 0.55)
    wrap = int(Qt.TextFlag.TextWordWrap)
    painter.drawText(body, wrap, " ".join(node.text.split()) or node.id)
    quotes = [f"“{' '.join(a.quote.split())}”" for a in node.anchors]
    if node.citation is not None and not node.citation.is_empty():
        quotes.append(f"Source: {node.citation.title or node.citation.url or ''}".strip())
    if quotes:
        painter.setPen(MUTED_INK)
        painter.setFont(QFont("DejaVu Sans", 16, -1, True))
        foot = QRectF(page.left(), body.bottom() + 10, page.width(), page.bottom() - body.bottom())
        painter.drawText(foot, wrap, "\n".join(quotes))


#: The debate drawings by export format name (``--to flow``, ``--to slides``).
DRAWINGS: dict[str, Callable[[ArgumentMap, Path], Path]] = {
    "flow": render_flow,
    "slides": render_slides,
}
