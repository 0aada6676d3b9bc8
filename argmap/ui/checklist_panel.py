"""The preparation checklist: the gaps of the map, grouped by kind; a click selects."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTreeWidgetItem, QVBoxLayout, QWidget

from argmap.analysis.checklist import GAP_TITLES, Gap, GapKind
from argmap.analysis.live_checklist import LiveChecklist, RowChange, touched
from argmap.editing import Change, ChangeKind
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas.paint_gate import PaintGate
from argmap.ui.plain import plain_tooltip
from argmap.ui.selection import SelectionModel
from argmap.ui.wrapping_tree import WrappingTree

_IDS = Qt.ItemDataRole.UserRole
_GAP = Qt.ItemDataRole.UserRole + 1  # the row's gap
_KIND = Qt.ItemDataRole.UserRole + 2  # a heading's kind of gap
_RANK = {kind: i for i, kind in enumerate(GAP_TITLES)}
#: Changes of where cards are drawn, which no gap depends on.
_PLACES = frozenset({ChangeKind.POSITIONS_CHANGED, ChangeKind.LAYOUT_CHANGED})


class ChecklistPanel(QWidget):
    """What a debater has not prepared yet, followed edit by edit (once shown).

    The gaps are kept up to date by a :class:`LiveChecklist` from the statements and
    relations each change touched; only the rows of gaps that came, went or changed are
    touched. A hidden panel only notes what was touched, and catches up when shown.
    """

    #: str: the node a click chose, for the canvas to centre on
    node_chosen = Signal(str)

    def __init__(
        self,
        bridge: SessionBridge,
        selection: SelectionModel,
        parent: QWidget | None = None,
        gate: PaintGate | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge, self.selection = bridge, selection
        #: The canvas's: after an opening, the gaps are worked out once the map is on screen.
        self._gate = gate
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
        self._timer.timeout.connect(self._due)
        bridge.changed.connect(self._on_changes)
        self._live: LiveChecklist | None = None
        self._groups: dict[GapKind, QTreeWidgetItem] = {}
        self._nodes: set[str] = set()
        self._relations: set[str] = set()
        self._gone: set[str] = set()
        self._again = True
        self._stale = True
        self.refresh()

    @property
    def gaps(self) -> list[Gap]:
        """The gaps the panel shows, in its order."""
        return self._live.gaps() if self._live is not None else []

    def _on_changes(self, changes: list[Change]) -> None:
        if all(change.kind in _PLACES for change in changes):
            return  # cards moved or folded: no gap comes or goes
        nodes, relations, again = touched(changes, self._gone)
        self._nodes |= nodes
        self._relations |= relations
        self._again = self._again or again
        # Never worked out while nobody can see it: a hidden panel catches up when shown.
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            if self._gate is not None and self._gate.armed:
                self._gate.defer(self._due)  # shown with a new map: the map first
            else:
                self.refresh()

    def _due(self) -> None:
        if self._gate is not None and self._gate.held():
            self._gate.defer(self._due)
        elif self._stale and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Follow the changes since the last refresh; only the rows of gaps that came, went
        or changed are touched."""
        self._timer.stop()
        self._stale = False
        m = self.bridge.session.map
        live = self._live
        nodes, relations, gone = self._nodes, self._relations, self._gone
        self._nodes, self._relations, self._gone = set(), set(), set()
        # Many changes at once (a hidden panel shown again after much editing): start again.
        again = self._again or len(nodes) + len(relations) > max(64, len(m.nodes) // 4)
        self._again = False
        changes: list[RowChange] | None = None
        if live is None:
            live = self._live = LiveChecklist(m)
        elif again:
            live.rebuild(m)
        else:
            changes = live.update(m, nodes, relations, gone)  # None: it had to start again
        if changes is None:
            self._show_all(live)
        else:
            self._apply(live, changes)
        count = live.count()
        self.summary.setText(
            "Nothing left to prepare."
            if not count
            else f"{count} gap{'s' if count != 1 else ''} to prepare: click one to select it."
        )

    def _show_all(self, live: LiveChecklist) -> None:
        """Every group shows its gaps; rows the old and new lists share at either end stay."""
        for kind in GAP_TITLES:
            gaps = live.of_kind(kind)
            group = self._groups.get(kind)
            old = (
                [_child(group, i).data(0, _GAP) for i in range(group.childCount())] if group else []
            )
            if gaps or group is not None:
                _update_rows(self._group(kind), old, gaps)
        self._retitle(set(GAP_TITLES), live)

    def _apply(self, live: LiveChecklist, changes: list[RowChange]) -> None:
        if changes:
            # Lay the rows out once afterwards (a few ms in Qt for thousands of rows). Without
            # it a row edited far down the list is measured with every row above it, each
            # through the wrapping delegate: up to 200 ms on a 5,000-statement map.
            self.tree.scheduleDelayedItemsLayout()
        for change in changes:
            group = self._group(change.kind)
            if change.action == "remove":
                group.takeChild(change.row)
            elif change.action == "insert":
                assert change.gap is not None
                group.insertChild(change.row, _row(change.gap))
            else:
                assert change.gap is not None
                _fill(_child(group, change.row), change.gap)
        self._retitle({change.kind for change in changes}, live)

    def _group(self, kind: GapKind) -> QTreeWidgetItem:
        group = self._groups.get(kind)
        if group is None:
            group = self._groups[kind] = QTreeWidgetItem()
            group.setData(0, _KIND, kind.value)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            position = sum(1 for other in self._groups if _RANK[other] < _RANK[kind])
            self.tree.insertTopLevelItem(position, group)
            group.setExpanded(True)
        return group

    def _retitle(self, kinds: set[GapKind], live: LiveChecklist) -> None:
        """Headings with their counts; a group with no gap left goes."""
        for kind in kinds:
            group = self._groups.get(kind)
            if group is None:
                continue
            count = live.count(kind)
            if not count:
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(group))
                del self._groups[kind]
            else:
                group.setText(0, f"{GAP_TITLES[kind]} ({count})")

    def _select(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        kind = item.data(0, _KIND)
        if kind is not None and self._live is not None:  # a heading: all its gaps
            ids = [i for gap in self._live.of_kind(GapKind(kind)) for i in gap.node_ids]
        else:
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


def _child(group: QTreeWidgetItem, row: int) -> QTreeWidgetItem:
    child = group.child(row)
    assert child is not None, f"no row {row}"
    return child


def _row(gap: Gap) -> QTreeWidgetItem:
    item = QTreeWidgetItem()
    _fill(item, gap)
    return item


def _fill(item: QTreeWidgetItem, gap: Gap) -> None:
    item.setText(0, gap.message)
    item.setToolTip(0, plain_tooltip(gap.message))
    item.setData(0, _IDS, [*gap.node_ids, *gap.relation_ids])
    item.setData(0, _GAP, gap)
