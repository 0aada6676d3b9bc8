"""The outline follows edits in place: rows that stay are the same rows (so their selection,
expansion and scroll stay), and the tree always reads as if built afresh from the map."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from argmap.editing import add_related_node, delete_nodes, edit_text, link
from argmap.model import NodeKind, RelationKind
from argmap.ui.main_window import MainWindow
from argmap.ui.outline import OutlinePanel

Row = tuple[str, str, str, bool, bool, tuple[object, ...]]


def _dump(item: QTreeWidgetItem) -> Row:
    children = tuple(_dump(item.child(i)) for i in range(item.childCount()))  # type: ignore[arg-type]
    return (
        str(item.data(0, Qt.ItemDataRole.UserRole)),
        item.text(0),
        item.toolTip(0),
        item.isHidden(),
        item.isExpanded() or not children,
        children,
    )


def _shown(panel: OutlinePanel) -> Row:
    return _dump(panel.tree.invisibleRootItem())


def _afresh(window: MainWindow, qtbot: QtBot) -> Row:
    panel = OutlinePanel(window.bridge, window.selection)
    qtbot.addWidget(panel)
    panel.filter.setText(window.outline.filter.text())
    return _shown(panel)


def _row(window: MainWindow, item_id: str) -> QTreeWidgetItem:
    return next(i for i in window.outline.items() if i.data(0, Qt.ItemDataRole.UserRole) == item_id)


def test_edits_undo_and_redo_read_as_a_fresh_outline(window: MainWindow, qtbot: QtBot) -> None:
    session = window.session
    steps = [
        lambda: session.execute(
            add_related_node(session.map, "e1", NodeKind.EVIDENCE, RelationKind.SUPPORT, "Data")
        ),
        lambda: session.execute(
            add_related_node(session.map, "c1", NodeKind.COUNTERARGUMENT, RelationKind.ATTACK, "No")
        ),
        lambda: session.execute(link(session.map, ["ca1"], "c1", RelationKind.ATTACK)),
        lambda: session.execute(edit_text("c2", "Gangs drive it")),
        lambda: session.execute(delete_nodes(session.map, ["c2"])),
        session.undo,
        session.undo,
        session.redo,
    ]
    for step in steps:
        step()
        assert _shown(window.outline) == _afresh(window, qtbot)


def test_rows_that_stay_are_kept_and_keep_their_selection(window: MainWindow, qtbot: QtBot) -> None:
    kept = _row(window, "e1")
    window.selection.set(["e1"])
    session = window.session
    session.execute(
        add_related_node(session.map, "c2", NodeKind.EVIDENCE, RelationKind.SUPPORT, "More")
    )
    assert _row(window, "e1") is kept
    assert kept.isSelected()
    assert _shown(window.outline) == _afresh(window, qtbot)


def test_a_filter_applies_to_rows_added_later(window: MainWindow, qtbot: QtBot) -> None:
    window.outline.filter.setText("patrols")
    session = window.session
    session.execute(
        add_related_node(session.map, "c2", NodeKind.EVIDENCE, RelationKind.SUPPORT, "Figures")
    )
    assert window.outline.visible_ids() == ["c1", "c2", "ca1"]
    assert _shown(window.outline) == _afresh(window, qtbot)
    window.outline.filter.clear()
    assert _shown(window.outline) == _afresh(window, qtbot)
