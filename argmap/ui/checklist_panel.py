"""The preparation checklist: the gaps of the map, grouped by kind; a click selects."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QTreeWidgetItem, QVBoxLayout, QWidget

from argmap.analysis.checklist import GAP_TITLES, Gap, find_gaps
from argmap.editing import Change
from argmap.ui.bridge import SessionBridge
from argmap.ui.plain import plain_tooltip
from argmap.ui.selection import SelectionModel
from argmap.ui.wrapping_tree import WrappingTree

_IDS = Qt.ItemDataRole.UserRole


class ChecklistPanel(QWidget):
    """What a debater has not prepared yet, refreshed after every change."""

    #: str: the node a click chose, for the canvas to centre on
    node_chosen = Signal(str)

    def __init__(
        self, bridge: SessionBridge, selection: SelectionModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge, self.selection = bridge, selection
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = WrappingTree()  # a gap's message names its statement in full
        self.tree.itemClicked.connect(self._select)
        self.tree.itemActivated.connect(self._select)  # Enter, for the keyboard
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        bridge.changed.connect(self._on_changes)
        self.gaps: list[Gap] = []
        self.refresh()

    def _on_changes(self, _changes: list[Change]) -> None:
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        self.gaps = find_gaps(self.bridge.session.map)
        self.tree.clear()
        for kind, title in GAP_TITLES.items():
            of_kind = [gap for gap in self.gaps if gap.kind is kind]
            if not of_kind:
                continue
            group = QTreeWidgetItem([f"{title} ({len(of_kind)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            ids: list[str] = []
            for gap in of_kind:
                item = QTreeWidgetItem([gap.message])
                item.setToolTip(0, plain_tooltip(gap.message))
                item.setData(0, _IDS, [*gap.node_ids, *gap.relation_ids])
                group.addChild(item)
                ids += gap.node_ids
            group.setData(0, _IDS, ids)
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        count = len(self.gaps)
        self.summary.setText(
            "Nothing left to prepare."
            if not count
            else f"{count} gap{'s' if count != 1 else ''} to prepare: click one to select it."
        )

    def _select(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        ids = item.data(0, _IDS) or []
        if ids:
            self.selection.set(ids)
            node_ids = [i for i in ids if self.bridge.session.map.has_node(i)]
            if node_ids:
                self.node_chosen.emit(node_ids[0])
