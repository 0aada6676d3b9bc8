"""The map as a PDF on paper: a standard page (A4 unless asked), the map's title on top, the
map scaled to fit the rest, turned to landscape when the map is wider than tall.

``paper="map"`` keeps the old page: the map's own size in points, no title.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from argmap.model import ArgmapError

#: The paper sizes ``--paper`` takes.
PAPERS: dict[str, QPageSize.PageSizeId] = {
    "a4": QPageSize.PageSizeId.A4,
    "a3": QPageSize.PageSizeId.A3,
    "letter": QPageSize.PageSizeId.Letter,
    "legal": QPageSize.PageSizeId.Legal,
}
#: The map's own size, as before paper sizes (no title).
MAP_SIZE = "map"
DEFAULT_PAPER = "a4"
_MARGIN_PT = 36.0  # half an inch
_TITLE_PT = 16
_TITLE_GAP_PT = 12.0
_POINTS_PER_INCH = 72

Draw = Callable[[QPainter, QRectF], None]


def paper_names() -> list[str]:
    return [*PAPERS, MAP_SIZE]


def check_paper(paper: str) -> str:
    name = paper.lower()
    if name not in PAPERS and name != MAP_SIZE:
        raise ArgmapError(f"unknown paper {paper!r}; use {', '.join(paper_names())}")
    return name


def fitted(source: QRectF, area: QRectF) -> QRectF:
    """The largest rectangle of ``source``'s proportions centred at the top of ``area``."""
    scale = min(area.width() / source.width(), area.height() / source.height())
    width, height = source.width() * scale, source.height() * scale
    return QRectF(area.left() + (area.width() - width) / 2, area.top(), width, height)


def pdf_on_paper(source: QRectF, size: QSize, title: str, paper: str, draw: Draw) -> bytes:
    """A one-page PDF; ``draw(painter, target)`` paints the map into ``target``."""
    paper = check_paper(paper)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title or "Argument map")
    writer.setCreator("argmap")
    writer.setResolution(_POINTS_PER_INCH)  # one device unit per point
    if paper == MAP_SIZE:
        page = QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point, "map")
        writer.setPageSize(page)
        writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    else:
        wide = source.width() > source.height()
        orientation = (
            QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait
        )
        margins = QMarginsF(_MARGIN_PT, _MARGIN_PT, _MARGIN_PT, _MARGIN_PT)
        layout = QPageLayout(QPageSize(PAPERS[paper]), orientation, margins, QPageLayout.Unit.Point)
        writer.setPageLayout(layout)
    painter = QPainter(writer)
    device = painter.device()
    page_rect = QRectF(0, 0, device.width(), device.height())
    if paper == MAP_SIZE:
        draw(painter, page_rect)
    else:
        font = QFont("DejaVu Sans", _TITLE_PT, QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(QColor("#202020"))
        line = painter.fontMetrics().height()
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        heading = QRectF(page_rect.left(), page_rect.top(), page_rect.width(), line * 2.5)
        bound = painter.boundingRect(heading, flags, title or "Argument map")
        painter.drawText(heading, flags, title or "Argument map")
        top = bound.bottom() + _TITLE_GAP_PT
        area = QRectF(page_rect.left(), top, page_rect.width(), page_rect.bottom() - top)
        draw(painter, fitted(source, area))
    painter.end()
    buffer.close()
    return bytes(data.data())
