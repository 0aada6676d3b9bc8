"""View > Flow Sheet: the debate's flow as a window that follows the map's edits."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from argmap.debate.flow import flow_sheet
from argmap.debate.sides import NoMotionError
from argmap.editing import Change
from argmap.ui.bridge import SessionBridge
from argmap.ui.debate.flow_drawing import FlowDrawing


class _Sheet(QWidget):
    """Paints a :class:`FlowDrawing`; its height follows the drawing's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drawing: FlowDrawing | None = None

    def sizeHint(self) -> QSize:
        if self.drawing is None:
            return QSize(400, 200)
        return QSize(round(self.drawing.width), round(self.drawing.height))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.drawing is None:
            return
        painter = QPainter(self)
        self.drawing.paint(painter)
        painter.end()


class FlowWindow(QWidget):
    """The flow sheet of the session's map, laid out to the window's width."""

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Flow sheet")
        self.bridge = bridge
        self.hint = QLabel("The map has no motion: choose a claim and Map > Set as Motion.")
        self.hint.setWordWrap(True)
        self.sheet = _Sheet()
        self.area = QScrollArea()
        self.area.setWidget(self.sheet)
        self.area.setWidgetResizable(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.area)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        bridge.changed.connect(self._on_changes)
        self.resize(1200, 800)

    def _on_changes(self, _changes: list[Change]) -> None:
        if self.isVisible():
            self._timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        argument_map = self.bridge.session.map
        try:
            sheet = flow_sheet(argument_map)
        except NoMotionError:
            self.hint.show()
            self.sheet.drawing = None
            self.sheet.resize(self.sheet.sizeHint())
            return
        self.hint.hide()
        width = max(600, self.area.viewport().width())
        self.sheet.drawing = FlowDrawing(argument_map, sheet, width)
        self.sheet.resize(self.sheet.sizeHint())
        self.sheet.update()
