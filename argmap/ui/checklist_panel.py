"""The preparation checklist: the gaps of the map, grouped by kind; a click selects."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTreeWidgetItem, QVBoxLayout, QWidget

from argmap.analysis.checklist import GAP_TITLES, Gap, GapKind, find_gaps
from argmap.editing import Change, ChangeKind
from argmap.ui.bridge import SessionBridge
from argmap.ui.plain import plain_tooltip
from argmap.ui.selection import SelectionModel
from argmap.ui.wrapping_tree import WrappingTree

_IDS = Qt.ItemDataRole.UserRole
#: Changes of where cards are drawn, which no gap depends on.
_PLACES = frozenset({ChangeKind.POSITIONS_CHANGED, ChangeKind.LAYOUT_CHANGED})


class ChecklistPanel(QWidget):
    """What a debater has not prepared yet, refreshed after every change (once shown)."""

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
        self._groups: dict[GapKind, QTreeWidgetItem] = {}
        self._stale = True
        self._shown_once = False
        self.refresh()

    def _on_changes(self, changes: list[Change]) -> None:
        if all(change.kind in _PLACES for change in changes):
            return  # cards moved or folded: no gap comes or goes
        # Never worked out while nobody can see it: a hidden panel catches up when shown.
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Find the gaps again; only the rows of gaps that came or went are touched."""
        self._timer.stop()
        self._stale = False
        gaps = find_gaps(self.bridge.session.map)
        if gaps == self.gaps and self._shown_once:
            return
        self._shown_once = True
        old = self.gaps
        self.gaps = gaps
        position = 0
        for kind, title in GAP_TITLES.items():
            of_kind = [gap for gap in gaps if gap.kind is kind]
            group = self._groups.get(kind)
            if not of_kind:
                if group is not None:
                    self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(group))
                    del self._groups[kind]
                continue
            if group is None:
                group = self._groups[kind] = QTreeWidgetItem()
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                self.tree.insertTopLevelItem(position, group)
                group.setExpanded(True)
            _update_rows(group, [gap for gap in old if gap.kind is kind], of_kind)
            group.setText(0, f"{title} ({len(of_kind)})")
            group.setData(0, _IDS, [i for gap in of_kind for i in gap.node_ids])
            position += 1
        count = len(gaps)
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


def _update_rows(group: QTreeWidgetItem, old: list[Gap], new: list[Gap]) -> None:
    """Make the group's rows show ``new`` instead of ``old``: the rows the two lists share at
    the start and at the end stay; only those between are taken out and put in."""
    start = 0
    while start < len(old) and start < len(new) and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    for _ in range(end_old - start):
        group.takeChild(start)
    group.insertChildren(start, [_row(gap) for gap in new[start:end_new]])


def _row(gap: Gap) -> QTreeWidgetItem:
    item = QTreeWidgetItem([gap.message])
    item.setToolTip(0, plain_tooltip(gap.message))
    item.setData(0, _IDS, [*gap.node_ids, *gap.relation_ids])
    return item
