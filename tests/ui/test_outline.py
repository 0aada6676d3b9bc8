"""The outline: the map as a tree, a quick filter, and selection in step with the map."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from argmap.editing import edit_text, link
from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind
from argmap.ui.main_window import MainWindow
from argmap.ui.outline import matches
from argmap.ui.outline_model import outline


def _rows(item: QTreeWidgetItem, depth: int = 0) -> list[str]:
    rows = ["  " * depth + item.text(0)]
    for i in range(item.childCount()):
        child = item.child(i)
        assert child is not None
        rows += _rows(child, depth + 1)
    return rows


def _tree(window: MainWindow) -> list[str]:
    root = window.outline.tree.invisibleRootItem()
    rows: list[str] = []
    for i in range(root.childCount()):
        child = root.child(i)
        assert child is not None
        rows += _rows(child)
    return rows


def test_main_claims_then_what_supports_and_attacks_them(window: MainWindow) -> None:
    assert _tree(window) == [
        "The British people have had enough of illegal migration",
        "  + Criminal gangs drive illegal immigration",
        "    + France prevented twice as many crossings",
        "    − Patrols displace the crossings",
    ]


def test_linked_arguments_undercuts_and_cycles() -> None:
    nodes = [Node(id=i, kind=NodeKind.CLAIM, text=i.upper()) for i in ("a", "b", "c", "x", "y")]
    relations = [
        Relation(id="r1", kind=RelationKind.SUPPORT, premises=["b", "c"], target="a"),
        Relation(id="r2", kind=RelationKind.ATTACK, premises=["x"], target="r1"),
        Relation(id="r3", kind=RelationKind.SUPPORT, premises=["y"], target="x"),
        Relation(id="r4", kind=RelationKind.SUPPORT, premises=["x"], target="y"),
    ]
    entries = outline(ArgumentMap(nodes=nodes, relations=relations))
    assert [e.item_id for e in entries] == ["a"]
    linked = entries[0].children[0]
    assert linked.item_id == "r1" and linked.node is None
    assert [c.item_id for c in linked.children] == ["b", "c", "x"]
    undercut = linked.children[2]
    assert undercut.undercut and undercut.via == RelationKind.ATTACK
    # x <-> y is a cycle: shown once more below itself, not expanded again.
    assert [c.item_id for c in undercut.children] == ["y"]
    assert [c.item_id for c in undercut.children[0].children] == ["x"]
    assert undercut.children[0].children[0].children == []


def test_every_node_appears_even_in_a_cycle_with_no_root() -> None:
    nodes = [Node(id=i, kind=NodeKind.CLAIM, text=i) for i in ("a", "b")]
    relations = [
        Relation(id="r1", kind=RelationKind.SUPPORT, premises=["a"], target="b"),
        Relation(id="r2", kind=RelationKind.SUPPORT, premises=["b"], target="a"),
    ]
    entries = outline(ArgumentMap(nodes=nodes, relations=relations))
    assert [e.item_id for e in entries] == ["a"]


def test_filter_by_text_kind_and_tag(window: MainWindow) -> None:
    outline_panel = window.outline
    outline_panel.filter.setText("twice")
    assert outline_panel.visible_ids() == ["c1", "c2", "e1"]  # the match and what it supports
    outline_panel.filter.setText("kind:objection")
    assert outline_panel.visible_ids() == ["c1", "c2", "ca1"]
    outline_panel.filter.setText("#public")
    assert outline_panel.visible_ids() == ["c1"]
    outline_panel.filter.setText("statistics")  # a plain word matches tags too
    assert outline_panel.visible_ids() == ["c1", "c2", "e1"]
    outline_panel.filter.setText("nothing-like-this")
    assert outline_panel.visible_ids() == []
    outline_panel.filter.clear()
    assert outline_panel.visible_ids() == ["c1", "c2", "e1", "ca1"]


def test_filter_words_must_all_match() -> None:
    search = {"text": "france prevented crossings", "kind": "evidence", "tags": "statistics"}
    assert matches(search, "France evidence")
    assert not matches(search, "France claim")
    assert matches(search, "tag:stat kind:evid")


def test_selecting_rows_selects_on_the_map(window: MainWindow) -> None:
    tree = window.outline.tree
    item = next(i for i in window.outline.items() if i.data(0, Qt.ItemDataRole.UserRole) == "ca1")
    tree.setCurrentItem(item)
    assert window.selection.ids == ["ca1"]


def test_map_selection_selects_rows(window: MainWindow) -> None:
    window.selection.set(["e1", "c1"])
    selected = {i.data(0, Qt.ItemDataRole.UserRole) for i in window.outline.tree.selectedItems()}
    assert selected == {"e1", "c1"}
    window.selection.clear()
    assert window.outline.tree.selectedItems() == []


def test_edits_and_undo_keep_the_outline_current(window: MainWindow) -> None:
    window.session.execute(edit_text("e1", "Twice as many crossings were stopped"))
    assert "    + Twice as many crossings were stopped" in _tree(window)
    window.session.execute(link(window.session.map, ["ca1"], "c1", RelationKind.ATTACK))
    assert "  − Patrols displace the crossings" in _tree(window)
    window.session.undo()
    window.session.undo()
    assert "    + France prevented twice as many crossings" in _tree(window)
    assert "  − Patrols displace the crossings" not in _tree(window)


def test_selection_survives_a_rebuild(window: MainWindow) -> None:
    window.selection.set(["c2"])
    window.session.execute(link(window.session.map, ["e1"], "c1", RelationKind.SUPPORT))
    selected = {i.data(0, Qt.ItemDataRole.UserRole) for i in window.outline.tree.selectedItems()}
    assert selected == {"c2"}
    assert window.selection.ids == ["c2"]
