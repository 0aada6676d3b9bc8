"""Inspector section: the words of the sources a node is anchored to, with jump to each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from argmap.editing import add_anchor, remove_anchor
from argmap.model import ArgmapError, ArgumentMap, Node, TextAnchor
from argmap.ui.plain import plain_tooltip
from argmap.ui.runner import CommandRunner

#: Gives the words selected in the source panel as (source id, start, end), or None.
SpanProvider = Callable[[], tuple[str, int, int] | None]


def anchor_label(argument_map: ArgumentMap, anchor: TextAnchor, limit: int = 70) -> str:
    quote = " ".join(anchor.quote.split())
    if len(quote) > limit:
        quote = quote[: limit - 1] + "…"
    source_ids = [source.id for source in argument_map.sources]
    where = f"  ({anchor.source_id})" if len(source_ids) > 1 else ""
    return f"“{quote}”{where}"


class AnchorsSection(QGroupBox):
    """The node's anchors; Show in text jumps to one, Add takes the selected words."""

    #: (str, int): node id and anchor index to show in the source panel
    jump_requested = Signal(str, int)

    def __init__(
        self,
        runner: CommandRunner,
        span_provider: SpanProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Anchors in the source", parent)
        self.runner = runner
        self.span_provider = span_provider
        self.node_id: str | None = None
        self.list = QListWidget()
        self.list.setMaximumHeight(84)
        self.list.setWordWrap(True)
        self.jump_button = QPushButton("Show in text")
        self.add_button = QPushButton("Add selected words")
        self.add_button.setToolTip("Anchor this node also to the words selected in the source")
        self.remove_button = QPushButton("Remove")
        # Two rows, so a narrow inspector is not made wider by three buttons side by side.
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0, 1, 2)
        buttons.addWidget(self.jump_button, 1, 0)
        buttons.addWidget(self.remove_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.list.itemActivated.connect(lambda _item: self.jump())
        self.list.currentRowChanged.connect(self._update_buttons)
        self.jump_button.clicked.connect(self.jump)
        self.add_button.clicked.connect(self.add_selected_words)
        self.remove_button.clicked.connect(self.remove_current)
        self.add_button.setEnabled(span_provider is not None)

    def show_node(self, node: Node, argument_map: ArgumentMap) -> None:
        row = self.list.currentRow() if node.id == self.node_id else 0
        self.node_id = node.id
        self.list.clear()
        for anchor in node.anchors:
            item = QListWidgetItem(anchor_label(argument_map, anchor))
            item.setToolTip(plain_tooltip(anchor.quote))
            self.list.addItem(item)
        if node.anchors:
            self.list.setCurrentRow(min(max(row, 0), len(node.anchors) - 1))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_current = self.list.currentRow() >= 0
        self.jump_button.setEnabled(has_current)
        self.remove_button.setEnabled(has_current)

    def jump(self) -> None:
        row = self.list.currentRow()
        if self.node_id and row >= 0:
            self.jump_requested.emit(self.node_id, row)

    def add_selected_words(self) -> None:
        span = self.span_provider() if self.span_provider else None
        if self.node_id is None:
            return
        if span is None:
            self.runner.failed.emit("Select some words of the source first")
            return
        argument_map = self.runner.session.map
        source_id, start, end = span
        try:
            text = argument_map.source(source_id).text
        except KeyError:
            return
        start, end = _trimmed(text, start, end)
        if start >= end:
            self.runner.failed.emit("Select some words of the source first")
            return
        anchor = TextAnchor.of(source_id, text, start, end)
        self.runner.run(add_anchor(argument_map, self.node_id, anchor))

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if self.node_id is None or row < 0:
            return
        try:
            command = remove_anchor(self.runner.session.map, self.node_id, row)
        except ArgmapError as exc:
            self.runner.failed.emit(str(exc))
            return
        self.runner.run(command)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
