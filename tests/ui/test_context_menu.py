"""The canvas's right-click menu on a real main window: what it selects, offers and does.

The menus are shown with ``popup`` (never a blocking ``exec``), inspected, then closed at once:
an open popup would take the mouse events of whatever comes next.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from argmap.model import NodeKind, RelationKind
from argmap.ui.main_window import MainWindow

SHIFT = Qt.KeyboardModifier.ShiftModifier
NO = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def shown(window: MainWindow, qtbot: QtBot) -> Iterator[MainWindow]:
    """The window on the small map, shown, its first fit done, no glides."""
    window.canvas.animator.duration_ms = 0
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)  # the first "show the whole map" runs on a zero-time timer
    yield window
    menu = window.context_menu.menu
    if menu is not None and menu.isVisible():
        menu.hide()


def viewport_point(window: MainWindow, scene_point: QPointF) -> QPoint:
    return window.canvas.mapFromScene(scene_point)


def card_centre(window: MainWindow, node_id: str) -> QPointF:
    item = window.canvas.map_scene.node_item(node_id)
    assert item is not None and item.isVisible(), node_id
    return item.sceneBoundingRect().center()


def arrow_middle(window: MainWindow, relation_id: str) -> QPointF:
    item = window.canvas.map_scene.edge_item(relation_id)
    assert item is not None and item.isVisible(), relation_id
    return item.mid()


def right_click(window: MainWindow, scene_point: QPointF) -> QMenu:
    """A right-click as a platform delivers it: the press on the canvas, then a context menu
    request to the widget under the pointer. Returns the menu it opened, closed again."""
    window.context_menu.menu = None
    viewport = window.canvas.viewport()
    point = viewport_point(window, scene_point)
    assert viewport.rect().contains(point), "the target should be in sight"
    QTest.mouseClick(viewport, Qt.MouseButton.RightButton, NO, point)
    request = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point), NO
    )
    QApplication.sendEvent(viewport, request)
    return taken_menu(window)


def taken_menu(window: MainWindow) -> QMenu:
    menu = window.context_menu.menu
    assert menu is not None, "a context menu should have opened"
    assert menu.isVisible(), "the menu should be showing"
    menu.hide()
    return menu


def keyboard_request(widget: QWidget) -> QContextMenuEvent:
    """What a platform sends the focused widget for the Menu key (a point inside it)."""
    point = QPoint(5, 5)
    return QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, widget.mapToGlobal(point))


def canvas_action(window: MainWindow, name: str) -> QAction:
    return window.canvas.actions_.named(name)


def groups(menu: QMenu) -> list[list[str]]:
    """The menu's entries by group (separators split), named by their visible text."""
    result: list[list[str]] = [[]]
    for action in menu.actions():
        if action.isSeparator():
            result.append([])
        else:
            result[-1].append(action.text().replace("&", ""))
    return result


def test_right_click_on_an_unselected_card_selects_it_alone(shown: MainWindow) -> None:
    shown.selection.set(["c1", "e1"])
    menu = right_click(shown, card_centre(shown, "c2"))
    assert shown.selection.ids == ["c2"]
    assert shown.inspector.subject == "c2"  # the inspector follows the shared selection
    assert canvas_action(shown, "add_objection") in menu.actions()


def _access_keys(menu: QMenu) -> list[str]:
    keys = []
    for action in menu.actions():
        text = action.text().replace("&&", "")
        if "&" in text:
            keys.append(text[text.index("&") + 1].lower())
    return keys


@pytest.mark.parametrize("where", ["card", "arrow", "canvas"])
def test_every_entry_has_its_own_access_key(shown: MainWindow, where: str) -> None:
    """Alt+letter (or the letter, with the menu open) reaches exactly one entry."""
    point = {
        "card": lambda: card_centre(shown, "c2"),
        "arrow": lambda: arrow_middle(shown, shown.session.map.relations[0].id),
        "canvas": lambda: shown.canvas.mapToScene(QPoint(3, 3)),
    }[where]()
    menu = shown.context_menu.menu_for(point)
    keys = _access_keys(menu)
    assert len(keys) == len(set(keys)), keys


def test_right_click_on_a_selected_card_keeps_the_selection(shown: MainWindow) -> None:
    shown.selection.set(["c1", "c2"])
    right_click(shown, card_centre(shown, "c2"))
    assert shown.selection.ids == ["c1", "c2"]  # the menu acts on both


def test_card_menu_is_the_windows_own_actions_in_groups(shown: MainWindow) -> None:
    menu = right_click(shown, card_centre(shown, "c2"))
    layout, evaluation = shown.layout_controller, shown.evaluation
    entries = menu.actions()
    for action in (
        canvas_action(shown, "add_reason"),
        canvas_action(shown, "edit_text"),
        canvas_action(shown, "delete"),
        layout.lay_out_selection,
        layout.pin,
        layout.collapse,
        layout.focus,
        evaluation.concede_action,
        evaluation.reject_action,
        evaluation.release_action,
    ):
        assert action in entries, action.text()
    assert groups(menu) == [
        ["Add Supporting Reason", "Add Supporting Evidence", "Add Objection", "Add Sibling"],
        ["Edit Text", "Link To…"],
        ["Lay Out Selection", "Pin in Place", "Collapse", "Focus on Claim"],
        [
            "Concede Selected (assume it holds)",
            "Reject Selected (assume it fails)",
            "Release Selected from What-If",
        ],
        ["Delete"],
    ]


def test_an_action_that_cannot_apply_is_shown_disabled(shown: MainWindow) -> None:
    menu = right_click(shown, card_centre(shown, "e1"))  # nothing bears on e1: nothing to fold
    collapse = shown.layout_controller.collapse
    assert collapse in menu.actions() and not collapse.isEnabled()
    menu = right_click(shown, card_centre(shown, "c2"))  # c2 has premises
    assert collapse in menu.actions() and collapse.isEnabled()


def test_add_objection_from_the_card_menu_attacks_the_card_and_undoes(
    shown: MainWindow, qtbot: QtBot
) -> None:
    argument_map = shown.session.map
    before_nodes = len(argument_map.nodes)
    before_index = shown.session.history.index
    before_relations = [r.id for r in argument_map.relations]
    menu = right_click(shown, card_centre(shown, "c1"))
    add_objection = next(a for a in menu.actions() if a.objectName() == "canvas_add_objection")
    add_objection.trigger()
    assert len(argument_map.nodes) == before_nodes + 1
    new_id = shown.selection.current
    assert new_id is not None and argument_map.node(new_id).kind == NodeKind.COUNTERARGUMENT
    (relation,) = [r for r in argument_map.relations if new_id in r.premises]
    assert relation.kind == RelationKind.ATTACK and relation.target == "c1"
    editor = shown.canvas.editor.widget()
    assert editor is not None, "the new objection should be open for typing"
    QTest.keyClicks(editor, "Voters care more about the economy")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert argument_map.node(new_id).text == "Voters care more about the economy"
    while shown.session.history.index > before_index:
        shown.app_actions.undo.trigger()
    assert len(argument_map.nodes) == before_nodes
    assert not argument_map.has_node(new_id)
    assert [r.id for r in argument_map.relations] == before_relations


def test_relation_menu_offers_what_applies_to_an_arrow(shown: MainWindow) -> None:
    card_menu = right_click(shown, card_centre(shown, "c2"))
    card_groups = groups(card_menu)
    menu = right_click(shown, arrow_middle(shown, "r1"))
    assert shown.selection.ids == ["r1"]
    assert shown.inspector.subject == "r1"
    assert groups(menu) == [["Add Objection"], ["Delete"]]  # an objection to an arrow: undercut
    assert groups(menu) != card_groups
    assert canvas_action(shown, "add_reason") not in menu.actions()
    assert shown.layout_controller.pin not in menu.actions()


def test_delete_from_the_relation_menu_removes_only_the_arrow(shown: MainWindow) -> None:
    menu = right_click(shown, arrow_middle(shown, "r1"))
    delete = next(a for a in menu.actions() if a.objectName() == "canvas_delete")
    delete.trigger()
    argument_map = shown.session.map
    assert not argument_map.has_relation("r1")
    assert argument_map.has_node("c1") and argument_map.has_node("c2")


def test_empty_canvas_menu_zooms_and_lays_out(shown: MainWindow) -> None:
    canvas = shown.canvas
    shown.selection.set(["c2"])
    rect = canvas.map_scene.map_rect()
    empty = QPointF(rect.right() + 60, rect.top() - 60)
    canvas.set_zoom(2.0)
    canvas.centerOn(empty)
    menu = right_click(shown, empty)
    assert shown.selection.ids == ["c2"]  # nothing was under the pointer: nothing chosen
    zooms = ["Zoom In", "Zoom Out", "Actual Size", "Zoom to Fit"]
    views = ["Show Whole Map", "Show Evaluation"]
    assert groups(menu) == [zooms, ["Select All"], views, ["Layout"]]
    whole_map = shown.layout_controller.whole_map
    assert whole_map in menu.actions() and not whole_map.isEnabled()  # no focus to leave
    (submenu,) = [a.menu() for a in menu.actions() if a.menu() is not None]
    assert isinstance(submenu, QMenu)
    assert shown.layout_controller.algorithms["tree"] in submenu.actions()
    zoom_fit = next(a for a in menu.actions() if a.objectName() == "canvas_zoom_fit")
    zoom_fit.trigger()
    assert canvas.zoom_level() <= 1.0
    shown_area = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert shown_area.contains(rect)


def test_select_all_from_the_empty_canvas_menu(shown: MainWindow) -> None:
    rect = shown.canvas.map_scene.map_rect()
    menu = right_click(shown, QPointF(rect.left() - 20, rect.top() - 20))
    next(a for a in menu.actions() if a.objectName() == "canvas_select_all").trigger()
    assert set(shown.selection.ids) == {n.id for n in shown.session.map.nodes}


@pytest.mark.parametrize(("key", "modifiers"), [(Qt.Key.Key_F10, SHIFT), (Qt.Key.Key_Menu, NO)])
def test_menu_keys_open_the_card_menu_at_the_selected_card(
    shown: MainWindow,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown.selection.set(["c2"])
    shown.canvas.setFocus()
    asked: list[QPoint] = []
    popup = shown.context_menu.popup_at

    def recording(menu: QMenu, at: QPoint) -> None:
        asked.append(at)
        popup(menu, at)

    monkeypatch.setattr(shown.context_menu, "popup_at", recording)
    QTest.keyClick(shown.canvas, key, modifiers)
    menu = taken_menu(shown)
    at = shown.canvas.viewport().mapToGlobal(viewport_point(shown, card_centre(shown, "c2")))
    assert len(asked) == 1 and (asked[0] - at).manhattanLength() <= 1  # at the card
    assert canvas_action(shown, "add_objection") in menu.actions()
    assert shown.layout_controller.pin in menu.actions()
    assert shown.selection.ids == ["c2"]


def test_keyboard_context_request_follows_the_selection(shown: MainWindow) -> None:
    """The platform's own keyboard request (reason Keyboard, sent to the focused canvas)."""
    canvas = shown.canvas
    shown.selection.set(["r1"])
    QApplication.sendEvent(canvas, keyboard_request(canvas))
    assert groups(taken_menu(shown)) == [["Add Objection"], ["Delete"]]
    shown.selection.clear()
    QApplication.sendEvent(canvas, keyboard_request(canvas))
    assert canvas_action(shown, "zoom_fit") in taken_menu(shown).actions()


def test_menu_for_builds_without_showing(shown: MainWindow) -> None:
    menu = shown.context_menu.menu_for(card_centre(shown, "ca1"))
    assert not menu.isVisible()
    assert shown.selection.ids == ["ca1"]
    assert shown.evaluation.concede_action in menu.actions()
    shown.evaluation.concede_action.trigger()
    assert "ca1" in shown.evaluation.whatif.conceded


def test_text_being_edited_keeps_its_own_menu(shown: MainWindow) -> None:
    shown.selection.set(["c2"])
    assert shown.canvas.start_editing("c2")
    shown.context_menu.menu = None
    QApplication.sendEvent(shown.canvas, keyboard_request(shown.canvas))
    QTest.keyClick(shown.canvas, Qt.Key.Key_F10, SHIFT)
    assert shown.context_menu.menu is None
    assert shown.canvas.editor.active
    shown.canvas.editor.cancel()
