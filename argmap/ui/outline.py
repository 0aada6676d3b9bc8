"""The outline panel: the map as a tree, filtered by text, kind or tag, in step with the map.

Filter words must all match; ``#word`` or ``tag:word`` matches tags, ``kind:word`` the kind,
and any other word the text, the kind or a tag.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from argmap.editing import Change, ChangeKind
from argmap.model import Node, NodeKind, RelationKind
from argmap.ui.bridge import SessionBridge
from argmap.ui.outline_model import OutlineEntry, outline
from argmap.ui.plain import plain_tooltip
from argmap.ui.roles import rebuttal_ids, role_label
from argmap.ui.selection import SelectionModel
from argmap.ui.theme import KIND_COLOURS, KIND_LABELS, REBUTTAL_COLOUR, RELATION_COLOURS

_ID_ROLE = Qt.ItemDataRole.UserRole
_SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
_PREFIX_ROLE = Qt.ItemDataRole.UserRole + 2
_VIA = {RelationKind.SUPPORT: "+", RelationKind.ATTACK: "−"}
_STRUCTURE = frozenset(
    {ChangeKind.MAP_REPLACED, ChangeKind.NODE_ADDED, ChangeKind.NODE_REMOVED}
    | {ChangeKind.RELATION_ADDED, ChangeKind.RELATION_REMOVED, ChangeKind.RELATION_CHANGED}
)


def matches(search: dict[str, str], query: str) -> bool:
    """Whether a row (its ``text``, ``kind`` words and ``tags``) matches every filter word."""
    for word in query.lower().split():
        if word.startswith(("#", "tag:")):
            ok = word.removeprefix("#").removeprefix("tag:") in search["tags"]
        elif word.startswith("kind:"):
            ok = word.removeprefix("kind:") in search["kind"]
        else:
            ok = any(word in search[key] for key in ("text", "kind", "tags"))
        if not ok:
            return False
    return True


def _search_data(entry: OutlineEntry) -> dict[str, str]:
    if entry.node is not None:
        node = entry.node
        kind = f"{node.kind.value} {KIND_LABELS[node.kind]}".lower()
        return {"text": node.text.lower(), "kind": kind, "tags": " ".join(node.tags).lower()}
    relation = entry.relation
    kind = f"{relation.kind.value} relation" if relation else ""
    return {"text": (relation.scheme or "") if relation else "", "kind": kind, "tags": ""}


def _prefix(entry: OutlineEntry) -> str:
    """How the row relates to the row above: + supports, − attacks, ⊥ undercuts."""
    if entry.via is None:
        return ""
    return "⊥ " if entry.undercut else f"{_VIA[entry.via]} "


def _node_label(node: Node) -> str:
    return " ".join(node.text.split()) or f"({node.id})"


def _label(entry: OutlineEntry) -> str:
    if entry.node is not None:
        return _prefix(entry) + _node_label(entry.node)
    kind = entry.relation.kind.value if entry.relation else ""
    return f"{_prefix(entry)}linked argument ({kind})"


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(10, 10)
    pixmap.fill(colour)
    return QIcon(pixmap)


class OutlinePanel(QWidget):
    """A filter field above the tree; selecting rows selects on the map and back."""

    def __init__(
        self, bridge: SessionBridge, selection: SelectionModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = bridge.session
        self.selection = selection
        self._syncing = False
        self._icons = {kind: _swatch(colour) for kind, colour in KIND_COLOURS.items()}
        self._relation_icons = {k: _swatch(c) for k, c in RELATION_COLOURS.items()}
        self._rebuttal_icon = _swatch(REBUTTAL_COLOUR)
        self._rebuttals: set[str] = set()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter: words, kind:evidence, #tag")
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        self.filter.textChanged.connect(self.apply_filter)
        self.tree.itemSelectionChanged.connect(self._tree_selection_changed)
        bridge.changed.connect(self._on_changes)
        selection.changed.connect(self._show_selection)
        self.rebuild()

    # Building ------------------------------------------------------------------------------

    def rebuild(self) -> None:
        self._syncing = True
        self.tree.clear()
        self._rebuttals = rebuttal_ids(self.session.map)
        for entry in outline(self.session.map):
            self.tree.addTopLevelItem(self._item(entry))
        self.tree.expandAll()
        self._syncing = False
        self.apply_filter()
        self._show_selection(self.selection.ids)

    def _item(self, entry: OutlineEntry) -> QTreeWidgetItem:
        item = QTreeWidgetItem([_label(entry)])
        item.setData(0, _ID_ROLE, entry.item_id)
        item.setData(0, _SEARCH_ROLE, _search_data(entry))
        item.setData(0, _PREFIX_ROLE, _prefix(entry))
        if entry.node is not None:
            item.setIcon(0, self._icon(entry.node))
            item.setToolTip(0, self._tooltip(entry.node))
        elif entry.relation is not None:
            item.setIcon(0, self._relation_icons[entry.relation.kind])
        for child in entry.children:
            item.addChild(self._item(child))
        return item

    def _icon(self, node: Node) -> QIcon:
        rebuttal = node.id in self._rebuttals and node.kind == NodeKind.COUNTERARGUMENT
        return self._rebuttal_icon if rebuttal else self._icons[node.kind]

    def _tooltip(self, node: Node) -> str:
        tags = f"\n#{' #'.join(node.tags)}" if node.tags else ""
        role = role_label(node.kind, node.id in self._rebuttals)
        return plain_tooltip(f"{role}: {node.text}{tags}")

    def _on_changes(self, changes: list[Change]) -> None:
        if any(change.kind in _STRUCTURE for change in changes):
            self.rebuild()
            return
        changed = {i for c in changes if c.kind == ChangeKind.NODE_CHANGED for i in c.ids}
        if changed:
            self._relabel(changed)

    def _relabel(self, node_ids: set[str]) -> None:
        index = self.session.map.node_index()
        self._rebuttals = rebuttal_ids(self.session.map)  # a kind change may make one
        for item in self.items():
            node = index.get(str(item.data(0, _ID_ROLE)))
            if node is None or node.id not in node_ids:
                continue
            item.setText(0, str(item.data(0, _PREFIX_ROLE)) + _node_label(node))
            item.setData(0, _SEARCH_ROLE, _search_data(OutlineEntry(node.id, node=node)))
            item.setIcon(0, self._icon(node))
            item.setToolTip(0, self._tooltip(node))
        self.apply_filter()

    def items(self) -> list[QTreeWidgetItem]:
        """Every row, depth first."""
        found: list[QTreeWidgetItem] = []
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            found.append(iterator.value())
            iterator += 1
        return found

    # Filtering -----------------------------------------------------------------------------

    def apply_filter(self) -> None:
        """Show the rows that match, and the rows above them for context."""
        query = self.filter.text()
        root = self.tree.invisibleRootItem()
        for i in range(root.childCount()):
            item = root.child(i)
            if item is not None:
                self._filter_item(item, query)

    def _filter_item(self, item: QTreeWidgetItem, query: str) -> bool:
        child_visible = False
        for i in range(item.childCount()):
            child = item.child(i)
            if child is not None:
                child_visible |= self._filter_item(child, query)
        search = item.data(0, _SEARCH_ROLE)
        visible = child_visible or (isinstance(search, dict) and matches(search, query))
        item.setHidden(not visible)
        return visible

    def visible_ids(self) -> list[str]:
        """Ids of the rows now shown, in order (a node may appear more than once)."""
        return [str(item.data(0, _ID_ROLE)) for item in self.items() if not _hidden(item)]

    # Selection -----------------------------------------------------------------------------

    def _tree_selection_changed(self) -> None:
        if self._syncing:
            return
        ids = [str(item.data(0, _ID_ROLE)) for item in self.tree.selectedItems()]
        self._syncing = True
        self.selection.set(ids)
        self._syncing = False

    def _show_selection(self, ids: list[str]) -> None:
        if self._syncing:
            return
        wanted = set(ids)
        self._syncing = True
        self.tree.clearSelection()
        first: QTreeWidgetItem | None = None
        for item in self.items():
            if str(item.data(0, _ID_ROLE)) in wanted:
                item.setSelected(True)
                first = first or item
        if first is not None:
            self.tree.scrollToItem(first)
        self._syncing = False


def _hidden(item: QTreeWidgetItem) -> bool:
    current: QTreeWidgetItem | None = item
    while current is not None:
        if current.isHidden():
            return True
        current = current.parent()
    return False
