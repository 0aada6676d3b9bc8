"""File ▸ Print… (Ctrl+P): the map on paper through Qt's print preview.

Qt's QPrintPreviewDialog shows the pages and lets the user choose the printer, paper and
orientation; the map is drawn by the same scene the canvas and the image exports use, with
its title above it and the key to kinds and arrows below, scaled to fit one page (orientation
chosen to suit the map's shape when the dialog opens).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFont, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from argmap.editing import EditSession
from argmap.model import ArgumentMap
from argmap.ui.actions import make_action
from argmap.ui.canvas import lod
from argmap.ui.canvas.legend import LegendItem
from argmap.ui.canvas.scene import MapScene

_TITLE_POINTS = 14
_GAP = 24.0
#: Page margins, millimetres.
MARGIN_MM = 12.0


def print_action(parent: QWidget) -> QAction:
    return make_action(parent, "&Print…", ("Ctrl+P",), "Print the map, with a preview", "print")


def new_printer(argument_map: ArgumentMap) -> QPrinter:
    """A printer set up for this map: A4, landscape when the map is wider than tall."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(argument_map.title or "Argument map")
    printer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    scene = MapScene(EditSession(argument_map.model_copy(deep=True)))
    rect = scene.map_rect()
    wide = rect.width() > rect.height()
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait
    )
    return printer


def paint_map(printer: QPrinter, argument_map: ArgumentMap) -> None:
    """Draw the map's title, the map and its key on one page of ``printer``."""
    scene = MapScene(EditSession(argument_map.model_copy(deep=True)))
    scene.label_queue.flush()
    scene.setBackgroundBrush(QColor("white"))
    source = scene.map_rect()
    if source.isEmpty():
        source = QRectF(0, 0, 200, 100)
    legend = LegendItem()
    legend.setPos(source.left(), source.bottom() + _GAP)
    scene.addItem(legend)
    source = source.united(legend.sceneBoundingRect()).adjusted(-_GAP, -_GAP, _GAP, _GAP)
    painter = QPainter(printer)
    try:
        page = QRectF(painter.viewport())
        font = QFont(painter.font())
        font.setPointSize(_TITLE_POINTS)
        font.setBold(True)
        painter.setFont(font)
        title = argument_map.title or "Argument map"
        heading = painter.fontMetrics().boundingRect(title).height() * 1.6
        painter.drawText(
            QRectF(page.left(), page.top(), page.width(), heading),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title,
        )
        area = QRectF(page.left(), page.top() + heading, page.width(), page.height() - heading)
        scale = min(area.width() / source.width(), area.height() / source.height())
        target = QRectF(area.left(), area.top(), source.width() * scale, source.height() * scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        with lod.full_detail():
            scene.render(painter, target, source)
    finally:
        painter.end()


class MapPrinting:
    """Opens the preview for the window's current map (the dialog is Qt's own)."""

    def __init__(self, parent: QWidget, current_map: Callable[[], ArgumentMap]) -> None:
        self.parent = parent
        self.current_map = current_map
        self.action = print_action(parent)
        self.action.triggered.connect(lambda _checked=False: self.preview())
        self.dialog: QPrintPreviewDialog | None = None
        #: Kept while its dialog lives: Qt's dialog does not own the printer.
        self.printer: QPrinter | None = None

    def preview(self, show: bool = True) -> QPrintPreviewDialog:
        """The print preview of the map; shown modally unless ``show`` is False (tests)."""
        argument_map = self.current_map()
        printer = self.printer = new_printer(argument_map)
        dialog = QPrintPreviewDialog(printer, self.parent)
        dialog.setWindowTitle(f"Print {argument_map.title or 'argument map'}")
        dialog.paintRequested.connect(lambda device: paint_map(device, argument_map))
        self.dialog = dialog
        if show:
            dialog.exec()
        return dialog
