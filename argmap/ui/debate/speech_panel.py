"""The Speech order panel: the steps a presentation walks through, reordered by dragging.

The list starts as the order the map gives (the motion, the reasons with their evidence, the
objections with their answers). Dragging a row keeps the new order in the map (one undo
step); "Reset" goes back to the map's own order. Clicking a row goes to its card.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from argmap.debate.roles import step_roles
from argmap.debate.sides import NoMotionError
from argmap.debate.speech import speech_order
from argmap.editing import Change
from argmap.editing.debate_commands import set_speech_order
from argmap.model import ArgumentMap
from argmap.ui.bridge import SessionBridge
from argmap.ui.runner import CommandRunner

ID_ROLE = Qt.ItemDataRole.UserRole


class SpeechOrderPanel(QWidget):
    """A list of the speech's steps; ``node_chosen`` when a row is clicked."""

    #: str: the node id of the row clicked
    node_chosen = Signal(str)

    def __init__(
        self, bridge: SessionBridge, runner: CommandRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge, self.runner = bridge, runner
        self.hint = QLabel("Set a claim as the motion (Map menu) to plan the speech.")
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setWordWrap(True)
        # Wrapped rows are measured again when the width changes (a scroll bar appearing, the
        # dock resized): measured once, a long step overlapped the next.
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.model().rowsMoved.connect(self._moved)
        self.list.itemClicked.connect(lambda item: self.node_chosen.emit(item.data(ID_ROLE)))
        self.reset = QPushButton("Reset to the map's order")
        self.reset.clicked.connect(self._reset)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addWidget(self.reset)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        bridge.changed.connect(self._on_changes)
        self.refresh()

    @property
    def argument_map(self) -> ArgumentMap:
        return self.bridge.session.map

    def steps(self) -> list[str]:
        return [str(self.list.item(row).data(ID_ROLE)) for row in range(self.list.count())]

    def _on_changes(self, _changes: list[Change]) -> None:
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: object) -> None:
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        self._timer.stop()
        argument_map = self.argument_map
        try:
            steps = speech_order(argument_map)
            roles = step_roles(argument_map, steps)
        except NoMotionError:
            steps, roles = [], {}
        self.hint.setVisible(not steps)
        self.reset.setEnabled(bool(argument_map.debate.speech_order))
        blocker = QObject.blockSignals(self.list.model(), True)
        self.list.clear()
        for number, step in enumerate(steps, start=1):
            text = " ".join(argument_map.node(step).text.split()) or step
            item = QListWidgetItem(f"{number}. {roles.get(step, '')}: {text}")
            item.setData(ID_ROLE, step)
            self.list.addItem(item)
        QObject.blockSignals(self.list.model(), blocker)
        # The view heard nothing of the rows going and coming (signals blocked while filling):
        # lay them out anew, or it keeps the old rows' heights and long steps overlap.
        self.list.reset()

    def _moved(self, *_args: QModelIndex | int) -> None:
        self.runner.run(set_speech_order(self.argument_map, self.steps()))

    def _reset(self) -> None:
        self.runner.run(set_speech_order(self.argument_map, []))
