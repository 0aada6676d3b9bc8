"""The presenter's window: the current step's text and notes, the next step, and a timer.

A normal window beside the full-screen presentation, so it can be moved to a second screen
(the laptop's) while the room sees the map.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from argmap.model import ArgumentMap
from argmap.ui.debate.presentation import Presentation


def _label(point_size: int, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # user text is never HTML here
    font = QFont()
    font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    return label


class PresenterWindow(QWidget):
    """Follows a :class:`Presentation`: step n of m, the text, the notes, what comes next."""

    def __init__(
        self,
        presentation: Presentation,
        argument_map: ArgumentMap,
        roles: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Presenter")
        self.presentation, self.roles = presentation, roles
        self.nodes = argument_map.node_index()
        self.step = _label(11, bold=True)
        self.current = _label(14)
        self.notes = _label(11)
        self.next = _label(10)
        self.clock = _label(16, bold=True)
        layout = QVBoxLayout(self)
        for widget in (self.clock, self.step, self.current, self.notes, self.next):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.elapsed = QElapsedTimer()
        self.elapsed.start()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        self._tick()
        presentation.step_changed.connect(self.show_step)
        presentation.finished.connect(self.close)
        self.resize(480, 420)

    def show_step(self, index: int) -> None:
        steps = self.presentation.steps
        node = self.nodes[steps[index]]
        role = self.roles.get(node.id, "Step")
        self.step.setText(f"Step {index + 1} of {len(steps)} · {role}")
        self.current.setText(" ".join(node.text.split()) or "(no text)")
        self.notes.setText(f"Notes: {node.notes.strip()}" if node.notes.strip() else "No notes.")
        if index + 1 < len(steps):
            following = self.nodes[steps[index + 1]]
            self.next.setText(f"Next: {' '.join(following.text.split())}")
        else:
            self.next.setText("Next: the end of the case.")

    def _tick(self) -> None:
        seconds = self.elapsed.elapsed() // 1000
        self.clock.setText(f"{seconds // 60:02d}:{seconds % 60:02d}")
