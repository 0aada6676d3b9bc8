"""The outline panel: the map as a tree, filtered by text, kind or tag, in step with the map.

Filter words must all match; ``#word`` or ``tag:word`` matches tags, ``kind:word`` the kind,
and any other word the text, the kind or a tag.
"""

from __future__ import annotations

from dataclasses import dataclass

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


#: What a row stands for: its id, how it hangs below its parent, and its relation's kind and
#: scheme. Its text follows its node, kept current by the node's own change events.
_Key = tuple[str, object, bool, object, object, object]


def _key(entry: OutlineEntry) -> _Key:
    relation = entry.relation
    if relation is None:
        return (entry.item_id, entry.via, entry.undercut, None, None, None)
    return (entry.item_id, entry.via, entry.undercut, relation.id, relation.kind, relation.scheme)


@dataclass
class _Row:
    """A row of the tree, what it stands for, and the rows under it."""

    key: _Key
    item: QTreeWidgetItem
    children: list[_Row]


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
        self._rows: list[_Row] = []
        self._by_id: dict[str, list[_Row]] | None = None
        #: Whether some rows may be hidden by a filter (so clearing it must show them again).
        self._filtered = False
        self.rebuild()

    # Building ------------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Show the map's outline: rows that stay are kept (with their selection and scroll),
        rows that went are taken out and new ones put in, in place."""
        self._syncing = True
        self._rebuttals = rebuttal_ids(self.session.map)
        root = self.tree.invisibleRootItem()
        fresh: list[QTreeWidgetItem] = []
        self._rows = self._reconcile(root, self._rows, outline(self.session.map), fresh)
        for item in fresh:
            item.setExpanded(True)
        self._by_id = None
        self._syncing = False
        if self.filter.text() or self._filtered:
            self.apply_filter()
        self._show_selection(self.selection.ids)

    def _reconcile(
        self,
        parent: QTreeWidgetItem,
        old: list[_Row],
        entries: list[OutlineEntry],
        fresh: list[QTreeWidgetItem],
    ) -> list[_Row]:
        """The rows under ``parent`` for ``entries``, reusing the ``old`` ones that match at the
        start and at the end (recursively); only the rows between are replaced."""
        keys = [_key(entry) for entry in entries]
        start = 0
        while start < len(old) and start < len(entries) and old[start].key == keys[start]:
            start += 1
        end_old, end_new = len(old), len(entries)
        while end_old > start and end_new > start and old[end_old - 1].key == keys[end_new - 1]:
            end_old -= 1
            end_new -= 1
        for _ in range(end_old - start):
            parent.takeChild(start)
        if start == end_new:
            kept = old if end_old == start else [*old[:start], *old[end_old:]]
        else:
            made = [
                self._row(entry, key, fresh)
                for entry, key in zip(entries[start:end_new], keys[start:end_new], strict=True)
            ]
            parent.insertChildren(start, [row.item for row in made])
            kept = [*old[:start], *made, *old[end_old:]]
        reconcile = self._reconcile
        for index, entry in enumerate(entries):
            if start <= index < end_new:
                continue
            row = kept[index]
            if not row.children and not entry.children:
                continue
            had_children = bool(row.children)
            row.children = reconcile(row.item, row.children, entry.children, fresh)
            if row.children and not had_children:
                fresh.append(row.item)  # a leaf that now has rows below: opened, as new ones
        return kept

    def _row(self, entry: OutlineEntry, key: _Key, fresh: list[QTreeWidgetItem]) -> _Row:
        item = QTreeWidgetItem([_label(entry)])
        item.setData(0, _ID_ROLE, entry.item_id)
        item.setData(0, _SEARCH_ROLE, _search_data(entry))
        item.setData(0, _PREFIX_ROLE, _prefix(entry))
        if entry.node is not None:
            item.setIcon(0, self._icon(entry.node))
            item.setToolTip(0, self._tooltip(entry.node))
        elif entry.relation is not None:
            item.setIcon(0, self._relation_icons[entry.relation.kind])
        children = [self._row(child, _key(child), fresh) for child in entry.children]
        item.addChildren([child.item for child in children])
        if children:
            fresh.append(item)
        return _Row(key, item, children)

    def _icon(self, node: Node) -> QIcon:
        rebuttal = node.id in self._rebuttals and node.kind == NodeKind.COUNTERARGUMENT
        return self._rebuttal_icon if rebuttal else self._icons[node.kind]

    def _tooltip(self, node: Node) -> str:
        tags = f"\n#{' #'.join(node.tags)}" if node.tags else ""
        role = role_label(node.kind, node.id in self._rebuttals)
        return plain_tooltip(f"{role}: {node.text}{tags}")

    def _on_changes(self, changes: list[Change]) -> None:
        changed = {i for c in changes if c.kind == ChangeKind.NODE_CHANGED for i in c.ids}
        if any(change.kind == ChangeKind.MAP_REPLACED for change in changes):
            self.tree.clear()  # another map: nothing to keep
            self._rows = []
        if any(change.kind in _STRUCTURE for change in changes):
            self.rebuild()
        if changed:
            self._relabel(changed)

    def _relabel(self, node_ids: set[str]) -> None:
        index = self.session.map.node_index()
        self._rebuttals = rebuttal_ids(self.session.map)  # a kind change may make one
        rows = self._rows_by_id()
        for node_id in node_ids:
            node = index.get(node_id)
            if node is None:
                continue
            for row in rows.get(node_id, ()):
                item = row.item
                item.setText(0, str(item.data(0, _PREFIX_ROLE)) + _node_label(node))
                item.setData(0, _SEARCH_ROLE, _search_data(OutlineEntry(node.id, node=node)))
                item.setIcon(0, self._icon(node))
                item.setToolTip(0, self._tooltip(node))
        if self.filter.text() or self._filtered:
            self.apply_filter()

    def _rows_by_id(self) -> dict[str, list[_Row]]:
        """Every row by the id it shows (a node may have several), worked out when needed."""
        if self._by_id is None:
            found: dict[str, list[_Row]] = {}
            stack = list(reversed(self._rows))
            while stack:
                row = stack.pop()
                found.setdefault(row.key[0], []).append(row)
                stack += reversed(row.children)
            self._by_id = found
        return self._by_id

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
        self._filtered = bool(query)
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
        self._syncing = True
        rows = self._rows_by_id()
        wanted = [row.item for i in dict.fromkeys(ids) for row in rows.get(i, ())]
        keep = {id(item) for item in wanted}
        for item in self.tree.selectedItems():
            if id(item) not in keep:
                item.setSelected(False)
        for item in wanted:
            item.setSelected(True)
        if wanted:
            self.tree.scrollToItem(min(wanted, key=_position))
        self._syncing = False


def _position(item: QTreeWidgetItem) -> list[int]:
    """Where a row is in the tree, as child numbers from the top: rows sort top to bottom."""
    path: list[int] = []
    current: QTreeWidgetItem | None = item
    while current is not None:
        parent = current.parent()
        owner = parent if parent is not None else current.treeWidget().invisibleRootItem()
        path.append(owner.indexOfChild(current))
        current = parent
    return path[::-1]


def _hidden(item: QTreeWidgetItem) -> bool:
    current: QTreeWidgetItem | None = item
    while current is not None:
        if current.isHidden():
            return True
        current = current.parent()
    return False
