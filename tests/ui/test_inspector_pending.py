"""A field being typed in the inspector is never lost when the selection moves away.

Whatever moves the selection (a click on the canvas, on the outline, on the checklist, a key
on the canvas, or a change while the field keeps the focus), the text reaches the node it was
typed for, as one undo step, and the inspector then shows the newly selected node as it is.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from argmap.io import native
from argmap.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NO = Qt.KeyboardModifier.NoModifier
TYPED = " (typed in the inspector)"


def _shown(window: MainWindow, qtbot: QtBot) -> MainWindow:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    QApplication.processEvents()
    return window


def _click_item(tree: QTreeWidget, item: QTreeWidgetItem) -> None:
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    point = QPoint(rect.left() + 20, rect.center().y())
    QTest.mouseClick(tree.viewport(), LEFT, NO, point)


def _by_canvas_click(window: MainWindow, _qtbot: QtBot) -> None:
    view = window.canvas
    item = view.map_scene.node_item("c1")
    assert item is not None
    view.centerOn(item)
    QTest.mouseClick(view.viewport(), LEFT, NO, view.mapFromScene(item.scene_card_rect().center()))


def _by_outline_click(window: MainWindow, _qtbot: QtBot) -> None:
    window.docks["outline"].raise_()
    QApplication.processEvents()
    tree = window.outline.tree
    item = next(i for i in window.outline.items() if i.data(0, Qt.ItemDataRole.UserRole) == "c1")
    _click_item(tree, item)


def _by_checklist_click(window: MainWindow, _qtbot: QtBot) -> None:
    window.docks["checklist"].raise_()
    window.checklist.refresh()
    QApplication.processEvents()
    tree = window.checklist.tree
    items = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    item = next(i for i in items if i.data(0, Qt.ItemDataRole.UserRole)[:1] == ["c1"])
    _click_item(tree, item)


def _by_key_on_canvas(window: MainWindow, qtbot: QtBot) -> None:
    view = window.canvas
    view.setFocus()  # e.g. Tab out of the inspector, then arrow keys on the map
    qtbot.waitUntil(view.hasFocus)
    QTest.keyClick(view, Qt.Key.Key_Up)  # from e1 up to c2, the claim it supports


def _while_the_field_keeps_the_focus(window: MainWindow, _qtbot: QtBot) -> None:
    window.selection.set(["c1"])  # e.g. a menu command or another panel that takes no focus


MOVES: dict[str, Callable[[MainWindow, QtBot], None]] = {
    "canvas click": _by_canvas_click,
    "outline click": _by_outline_click,
    "checklist click": _by_checklist_click,
    "key on the canvas": _by_key_on_canvas,
    "focus stays in the field": _while_the_field_keeps_the_focus,
}


@pytest.mark.parametrize("move", list(MOVES))
def test_a_pending_text_edit_reaches_its_node_as_one_step(
    window: MainWindow, qtbot: QtBot, move: str
) -> None:
    window = _shown(window, qtbot)
    window.selection.set(["e1"])
    field = window.inspector.node_section.text
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.moveCursor(field.textCursor().MoveOperation.End)
    QTest.keyClicks(field, TYPED)
    before = native.dumps(window.session.map)
    history = len(window.session.history)
    original = window.session.map.node("e1").text

    MOVES[move](window, qtbot)
    QApplication.processEvents()

    now = "c2" if move == "key on the canvas" else "c1"
    assert window.selection.current == now
    nodes = window.session.map.node_index()
    assert nodes["e1"].text == original + TYPED
    assert all(TYPED not in node.text for node in nodes.values() if node.id != "e1")
    assert len(window.session.history) == history + 1
    assert window.app_actions.undo.text() == "&Undo Edit text"
    assert window.inspector.node_section.text.toPlainText() == nodes[now].text
    # Nothing more reaches c1 when the field is left later.
    field.clearFocus()
    QApplication.processEvents()
    assert window.session.map.node(now).text == nodes[now].text
    window.app_actions.undo.trigger()
    assert native.dumps(window.session.map) == before


@pytest.mark.parametrize("move", ["canvas click", "focus stays in the field"])
def test_a_pending_one_line_field_reaches_its_node_too(
    window: MainWindow, qtbot: QtBot, move: str
) -> None:
    window = _shown(window, qtbot)
    window.selection.set(["e1"])
    tags = window.inspector.details_section.tags
    tags.setFocus()
    qtbot.waitUntil(tags.hasFocus)
    tags.end(False)
    QTest.keyClicks(tags, ", typed")
    history = len(window.session.history)
    MOVES[move](window, qtbot)
    QApplication.processEvents()
    assert window.session.map.node("e1").tags == ["statistics", "typed"]
    assert window.session.map.node("c1").tags == ["public-opinion"]
    assert len(window.session.history) == history + 1
    assert tags.text() == "public-opinion"
    tags.clearFocus()
    QApplication.processEvents()
    assert window.session.map.node("c1").tags == ["public-opinion"]
