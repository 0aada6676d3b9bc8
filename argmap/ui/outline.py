"""The outline panel: the map as a tree, filtered by text, kind or tag, in step with the map.

Filter words must all match; ``#word`` or ``tag:word`` matches tags, ``kind:word`` the kind,
and any other word the text, the kind or a tag.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

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
from argmap.model import Node, NodeKind, Relation, RelationKind
from argmap.ui.bridge import SessionBridge
from argmap.ui.outline_index import STRUCTURE, Delta, OutlineIndex
from argmap.ui.outline_model import Builder, OutlineEntry, Source, build
from argmap.ui.plain import plain_tooltip
from argmap.ui.roles import role_label
from argmap.ui.selection import SelectionModel
from argmap.ui.theme import KIND_COLOURS, KIND_LABELS, REBUTTAL_COLOUR, RELATION_COLOURS

_ID_ROLE = Qt.ItemDataRole.UserRole
_PREFIX_ROLE = Qt.ItemDataRole.UserRole + 2
_VIA = {RelationKind.SUPPORT: "+", RelationKind.ATTACK: "−"}


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


def _search_data(node: Node | None, relation: Relation | None) -> dict[str, str]:
    if node is not None:
        kind = f"{node.kind.value} {KIND_LABELS[node.kind]}".lower()
        return {"text": node.text.lower(), "kind": kind, "tags": " ".join(node.tags).lower()}
    kind = f"{relation.kind.value} relation" if relation else ""
    return {"text": (relation.scheme or "") if relation else "", "kind": kind, "tags": ""}


def _prefix(entry: OutlineEntry) -> str:
    """How the row relates to the row above: + supports, − attacks, ⊥ undercuts."""
    if entry.via is None:
        return ""
    return "⊥ " if entry.undercut else f"{_VIA[entry.via]} "


def _node_label(node: Node) -> str:
    return " ".join(node.text.split()) or f"(an empty {KIND_LABELS[node.kind].lower()})"


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


@dataclass(eq=False, slots=True)
class _Row:
    """A row of the tree, what it stands for, and the rows under it."""

    key: _Key
    item: QTreeWidgetItem
    children: list[_Row]
    parent: _Row | None
    #: The id its place adds to the path its rows were built with (see OutlineEntry.step).
    step: str | None = None
    #: A node row that lists its node's reasons; False for a linked argument.
    opened: bool = False
    #: A node row (False: a linked argument's row, or the tree's invisible top).
    node_row: bool = False
    alive: bool = True

    def path(self) -> frozenset[str]:
        """The ids of the rows above it and its own place: what its rows were built with."""
        found: set[str] = set()
        row: _Row | None = self
        while row is not None:
            if row.step is not None:
                found.add(row.step)
            row = row.parent
        return frozenset(found)

    def depth(self) -> int:
        depth, row = 0, self.parent
        while row is not None:
            depth, row = depth + 1, row.parent
        return depth


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
        self._index: OutlineIndex  # made by rebuild()
        #: Above the roots (its item stands in for the tree's top item: see _splice).
        self._top = _Row(("", None, False, None, None, None), QTreeWidgetItem(), [], None)
        #: Every row by the id it shows (a node may have several), and by its relation.
        self._by_id: dict[str, list[_Row]] = {}
        self._by_relation: dict[str, list[_Row]] = {}
        #: The rows one update made, and the rows whose rows it changed.
        self._made: list[_Row] = []
        self._spliced: list[_Row] = []
        #: Whether some rows may be hidden by a filter (so clearing it must show them again).
        self._filtered = False
        self.rebuild()

    # Building ------------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Show the map's outline afresh: rows that stay are kept (with their selection and
        scroll), rows that went are taken out and new ones put in, in place."""
        self._index = index = OutlineIndex(self.session.map)
        entries, index.complete = build(index, index.root_nodes(), self.session.map.nodes)
        self._update(lambda: self._reconcile(self._top, entries), everywhere=True)

    def _update(self, work: Callable[[], list[QTreeWidgetItem]], everywhere: bool) -> None:
        """Change rows by ``work`` (which returns the items to open), then filter them (all
        of them, or the new ones and those above what changed) and show the selection."""
        self._syncing = True
        self._made, self._spliced = [], []
        fresh = work()
        for item in fresh:
            item.setExpanded(True)
        self._syncing = False
        if everywhere and (self.filter.text() or self._filtered):
            self.apply_filter()
        elif self.filter.text():
            query = self.filter.text()
            for row in self._made:
                if row.alive:
                    self._filter_item(row.item, query)
            for above in (*(made.parent for made in self._made), *self._spliced):
                self._refilter(above, query)
        self._show_selection(self.selection.ids)

    def _reconcile(self, row: _Row, entries: list[OutlineEntry]) -> list[QTreeWidgetItem]:
        """Make the rows under ``row`` those of ``entries``, keeping (and recursing into) the
        rows that match at the start and at the end; only the rows between are replaced."""
        fresh: list[QTreeWidgetItem] = []
        stack = [(row, entries)]
        while stack:
            parent, wanted = stack.pop()
            kept = self._splice(parent, wanted, wanted, fresh)
            for child, entry in kept:
                if child.children or entry.children:
                    stack.append((child, entry.children))
        return fresh

    def _splice(
        self,
        parent: _Row,
        heads: Sequence[OutlineEntry],
        sources: Sequence[object],
        fresh: list[QTreeWidgetItem],
        build_entry: Callable[[OutlineEntry, object], OutlineEntry] | None = None,
    ) -> list[tuple[_Row, OutlineEntry]]:
        """Make ``parent``'s rows those of ``heads``: the old rows that match at the start and
        at the end stay; those between are taken out and new ones (built by ``build_entry``
        from the head and its source, or the head itself) put in. The rows kept, with their
        heads."""
        old = parent.children
        keys = [(_key(head), head.step) for head in heads]
        start = 0
        limit = min(len(old), len(keys))
        while start < limit and (old[start].key, old[start].step) == keys[start]:
            start += 1
        end_old, end_new = len(old), len(keys)
        while (
            end_old > start
            and end_new > start
            and (old[end_old - 1].key, old[end_old - 1].step) == keys[end_new - 1]
        ):
            end_old -= 1
            end_new -= 1
        had_children = bool(old)
        # The tree's own top item is asked for each time: a wrapper of it kept past the tree's
        # end would be freed after it, and crash the program.
        owner = self.tree.invisibleRootItem() if parent is self._top else parent.item
        if end_old > start:
            for gone in old[start:end_old]:
                self._forget(gone)
            for _ in range(end_old - start):
                owner.takeChild(start)
        made: list[_Row] = []
        if end_new > start:
            for head, source in zip(heads[start:end_new], sources[start:end_new], strict=True):
                entry = head if build_entry is None else build_entry(head, source)
                made.append(self._row(entry, parent, fresh))
            owner.insertChildren(start, [r.item for r in made])
        if end_old > start or made:
            parent.children = [*old[:start], *made, *old[end_old:]]
            self._made += made
            self._spliced.append(parent)
        if parent.children and not had_children and parent is not self._top:
            fresh.append(parent.item)  # a leaf that now has rows below: opened, as new ones
        kept = [(old[i], heads[i]) for i in range(start)]
        shift = end_new - end_old
        kept += [(old[i], heads[i + shift]) for i in range(end_old, len(old))]
        return kept

    def _row(self, entry: OutlineEntry, parent: _Row, fresh: list[QTreeWidgetItem]) -> _Row:
        """A new row for ``entry`` and all of its rows, registered by id."""
        top = self._new_row(entry, parent)
        stack = [(top, entry)]
        while stack:
            row, current = stack.pop()
            if not current.children:
                continue
            row.children = [self._new_row(child, row) for child in current.children]
            row.item.addChildren([child.item for child in row.children])
            fresh.append(row.item)
            stack += zip(row.children, current.children, strict=True)
        return top

    def _new_row(self, entry: OutlineEntry, parent: _Row) -> _Row:
        item = QTreeWidgetItem([_label(entry)])
        item.setData(0, _ID_ROLE, entry.item_id)
        item.setData(0, _PREFIX_ROLE, _prefix(entry))
        if entry.node is not None:
            item.setIcon(0, self._icon(entry.node))
            item.setToolTip(0, self._tooltip(entry.node))
        elif entry.relation is not None:
            item.setIcon(0, self._relation_icons[entry.relation.kind])
        key = _key(entry)
        row = _Row(key, item, [], parent, entry.step, entry.opened, entry.node is not None)
        self._by_id.setdefault(entry.item_id, []).append(row)
        if entry.relation is not None:
            self._by_relation.setdefault(entry.relation.id, []).append(row)
        return row

    def _forget(self, row: _Row) -> None:
        """Unregister a row and every row below it (their items go with the top one)."""
        stack = [row]
        while stack:
            current = stack.pop()
            current.alive = False
            listed = self._by_id.get(current.key[0])
            if listed is not None:
                listed.remove(current)
                if not listed:
                    del self._by_id[current.key[0]]
            relation_id = current.key[3]
            if isinstance(relation_id, str):
                listed = self._by_relation.get(relation_id)
                if listed is not None:
                    listed.remove(current)
                    if not listed:
                        del self._by_relation[relation_id]
            stack += current.children

    def _icon(self, node: Node) -> QIcon:
        rebuttal = node.id in self._index.rebuttals and node.kind == NodeKind.COUNTERARGUMENT
        return self._rebuttal_icon if rebuttal else self._icons[node.kind]

    def _tooltip(self, node: Node) -> str:
        tags = f"\n#{' #'.join(node.tags)}" if node.tags else ""
        role = role_label(node.kind, node.id in self._index.rebuttals)
        return plain_tooltip(f"{role}: {node.text}{tags}")

    def _on_changes(self, changes: list[Change]) -> None:
        if self.session.map is not self._index.map or any(
            change.kind == ChangeKind.MAP_REPLACED for change in changes
        ):
            self.tree.clear()  # another map: nothing to keep
            self._top.children = []
            self._by_id, self._by_relation = {}, {}
            self.rebuild()
            return
        if not any(c.kind in STRUCTURE or c.kind == ChangeKind.NODE_CHANGED for c in changes):
            return
        delta = self._index.apply(changes)
        if delta.afresh:
            self.rebuild()
        elif delta.roots or delta.targets:
            self._update(lambda: self._follow(delta), everywhere=False)
        if delta.relabel:
            self._relabel(delta.relabel)

    def _follow(self, delta: Delta) -> list[QTreeWidgetItem]:
        """Redo the rows right below what changed; the rows that stay keep theirs."""
        fresh: list[QTreeWidgetItem] = []
        builder = Builder(self._index)
        if delta.roots:
            roots = self._index.root_nodes()
            heads = [OutlineEntry(n.id, node=n) for n in roots]

            def root_entry(head: OutlineEntry, source: object) -> OutlineEntry:
                return builder.child_entry(head, cast(Node, source), frozenset())

            self._splice(self._top, heads, roots, fresh, root_entry)
        rows = [
            row
            for target in delta.targets
            for row in (
                *(r for r in self._by_id.get(target, ()) if r.opened),
                *self._by_relation.get(target, ()),
            )
        ]
        for row in sorted(dict.fromkeys(rows), key=_Row.depth):  # those above first
            if row.alive:
                self._refresh(row, builder, fresh)
        return fresh

    def _refresh(self, row: _Row, builder: Builder, fresh: list[QTreeWidgetItem]) -> None:
        relation_id = row.key[3]
        relation = self._index.relations.get(relation_id) if isinstance(relation_id, str) else None
        node_id = row.key[0] if row.node_row else None
        pairs = builder.child_heads(node_id, row.opened, relation)
        path = row.path()

        def child_entry(head: OutlineEntry, source: object) -> OutlineEntry:
            return builder.child_entry(head, cast(Source, source), path)

        heads = [head for head, _ in pairs]
        self._splice(row, heads, [source for _, source in pairs], fresh, child_entry)

    def _relabel(self, node_ids: set[str]) -> None:
        index = self._index
        for node_id in node_ids:
            node = index.node(node_id)
            if node is None:
                continue
            for row in self._by_id.get(node_id, ()):
                item = row.item
                item.setText(0, str(item.data(0, _PREFIX_ROLE)) + _node_label(node))
                item.setIcon(0, self._icon(node))
                item.setToolTip(0, self._tooltip(node))
                if self.filter.text():
                    self._refilter(row, self.filter.text())

    def _rows_by_id(self) -> dict[str, list[_Row]]:
        """Every row by the id it shows (a node may have several)."""
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
        visible = child_visible or matches(self._search(item), query)
        item.setHidden(not visible)
        return visible

    def _refilter(self, row: _Row | None, query: str) -> None:
        """Show or hide ``row`` again after its text or its rows changed, and the rows above
        it as far as that changes them."""
        while row is not None and row is not self._top and row.alive:
            item = row.item
            visible = matches(self._search(item), query) or any(
                not child.item.isHidden() for child in row.children
            )
            if item.isHidden() != visible:
                return  # as it was: nothing above changes either
            item.setHidden(not visible)
            row = row.parent

    def _search(self, item: QTreeWidgetItem) -> dict[str, str]:
        """What a filter reads of a row: its node's (or linked argument's) words as they are
        now; worked out when filtering, not stored in each of thousands of rows."""
        item_id = str(item.data(0, _ID_ROLE))
        node = self._index.node(item_id)
        return _search_data(node, None if node else self._index.relations.get(item_id))

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
            first = wanted[0] if len(wanted) == 1 else min(wanted, key=_position)
            self.tree.scrollToItem(first)
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
