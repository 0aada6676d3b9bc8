"""Building and moving around the map from the keyboard alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from argmap.model import ArgumentMap, Node, NodeKind, RelationKind
from tests.ui.test_canvas import Canvas, canvas_map, make_canvas, relation_triples

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[Canvas]:
    result = make_canvas(qtbot, canvas_map())
    yield result
    result.view.bridge.detach()


def type_and_enter(canvas: Canvas, text: str) -> None:
    editor = canvas.view.editor.widget()
    assert editor is not None, "the new card should be open for typing"
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)


def test_building_a_map_from_the_keyboard(qtbot: QtBot) -> None:
    canvas = make_canvas(qtbot, ArgumentMap())
    view = canvas.view
    QTest.keyClick(view, Qt.Key.Key_Return)  # nothing selected: a new claim
    type_and_enter(canvas, "Small boat crossings must stop")
    (claim,) = canvas.session.map.nodes
    assert claim.kind == NodeKind.CLAIM and canvas.selection.ids == [claim.id]
    QTest.keyClick(view, Qt.Key.Key_Return, CTRL)  # a reason
    type_and_enter(canvas, "Crossings are dangerous")
    reason = canvas.selection.current
    QTest.keyClick(view, Qt.Key.Key_Return)  # a sibling reason
    type_and_enter(canvas, "Crossings fund criminal gangs")
    sibling = canvas.selection.current
    QTest.keyClick(view, Qt.Key.Key_Return, CTRL | ALT)  # evidence for the sibling
    type_and_enter(canvas, "NCA report, 2023")
    evidence = canvas.selection.current
    canvas.selection.set([claim.id])
    QTest.keyClick(view, Qt.Key.Key_Return, CTRL | SHIFT)  # an objection to the claim
    type_and_enter(canvas, "Deterrence does not work")
    objection = canvas.selection.current
    QTest.keyClick(view, Qt.Key.Key_Return, CTRL | SHIFT)  # a rebuttal of the objection
    type_and_enter(canvas, "Returns deals cut arrivals")
    rebuttal = canvas.selection.current

    m = canvas.session.map
    kinds = {n.text: n.kind.value for n in m.nodes}
    assert kinds == {
        "Small boat crossings must stop": "claim",
        "Crossings are dangerous": "claim",
        "Crossings fund criminal gangs": "claim",
        "NCA report, 2023": "evidence",
        "Deterrence does not work": "counterargument",
        "Returns deals cut arrivals": "counterargument",
    }
    assert relation_triples(canvas.session) == {
        ("support", (reason,), claim.id),
        ("support", (sibling,), claim.id),
        ("support", (evidence,), sibling),
        ("attack", (objection,), claim.id),
        ("attack", (rebuttal,), objection),
    }
    assert canvas.node(str(rebuttal)).content.kind_label == "Rebuttal"
    # children go below their parent, siblings beside, and no two cards overlap
    positions = m.layout.positions
    assert positions[str(reason)].y > positions[claim.id].y
    assert positions[str(sibling)].y == positions[str(reason)].y
    assert positions[str(sibling)].x > positions[str(reason)].x
    rects = [item.scene_card_rect() for item in view.map_scene.node_items()]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_esc_on_a_new_card_takes_it_back(canvas: Canvas) -> None:
    canvas.selection.set(["c1"])
    QTest.keyClick(canvas.view, Qt.Key.Key_Insert)
    assert len(canvas.session.map.nodes) == 6 and canvas.view.editor.active
    editor = canvas.view.editor.widget()
    assert editor is not None
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert len(canvas.session.map.nodes) == 5 and len(canvas.session.map.relations) == 3
    assert canvas.selection.ids == ["c1"]
    assert not canvas.session.history.can_undo()


def test_an_objection_on_a_selected_arrow_is_an_undercut(canvas: Canvas) -> None:
    canvas.selection.set(["r2"])
    QTest.keyClick(canvas.view, Qt.Key.Key_Return, CTRL | SHIFT)
    type_and_enter(canvas, "France counts attempts, not people")
    new = canvas.selection.current
    assert ("attack", (new,), "r2") in relation_triples(canvas.session)
    # a support cannot target an arrow: nothing is added, the reason is reported
    messages: list[str] = []
    canvas.view.message.connect(messages.append)
    canvas.selection.set(["r2"])
    QTest.keyClick(canvas.view, Qt.Key.Key_Return, CTRL)
    assert len(canvas.session.map.nodes) == 6 and messages


def test_arrow_keys_move_the_selection_across_the_map(canvas: Canvas) -> None:
    view = canvas.view
    canvas.selection.set(["c1"])
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert canvas.selection.ids == ["c2"]
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert canvas.selection.current in {"e1", "ca1"}
    canvas.selection.set(["e1"])
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert canvas.selection.ids == ["ca1"]
    QTest.keyClick(view, Qt.Key.Key_Up)
    assert canvas.selection.ids == ["c2"]
    canvas.selection.set(["c1"])
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert canvas.selection.ids == ["x1"]
    QTest.keyClick(view, Qt.Key.Key_Right)  # nothing further right: stays
    assert canvas.selection.ids == ["x1"]
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert canvas.selection.ids == []


def test_typing_on_a_selected_card_starts_editing_with_that_character(canvas: Canvas) -> None:
    canvas.selection.set(["x1"])
    QTest.keyClicks(canvas.view, "N")
    assert canvas.view.editor.node_id == "x1"
    type_and_enter(canvas, "ew text")
    assert canvas.session.map.node("x1").text == "New text"


def test_typing_with_nothing_selected_starts_a_new_claim(canvas: Canvas) -> None:
    before = {node.id for node in canvas.session.map.nodes}
    QTest.keyClick(canvas.view, Qt.Key.Key_Escape)
    assert canvas.selection.ids == []
    QTest.keyClicks(canvas.view, "P")  # every key typed counts: none is lost
    type_and_enter(canvas, "atrols alone were tried before")
    (new,) = [node for node in canvas.session.map.nodes if node.id not in before]
    assert new.kind == NodeKind.CLAIM and new.text == "Patrols alone were tried before"
    assert canvas.selection.ids == [new.id]
    canvas.session.undo()
    canvas.session.undo()  # the text, then the card: nothing else was touched
    assert {node.id for node in canvas.session.map.nodes} == before


def test_typing_then_esc_on_empty_canvas_leaves_no_card(canvas: Canvas) -> None:
    before = canvas.session.map.model_dump()
    canvas.selection.clear()
    QTest.keyClicks(canvas.view, "x")
    assert canvas.view.editor.active
    QTest.keyClick(canvas.view.editor.widget(), Qt.Key.Key_Escape)
    assert canvas.session.map.model_dump() == before and canvas.selection.ids == []


def test_keys_act_on_the_editor_while_it_is_open(canvas: Canvas) -> None:
    canvas.selection.set(["x1"])
    QTest.keyClick(canvas.view, Qt.Key.Key_F2)
    editor = canvas.view.editor.widget()
    assert editor is not None
    QTest.keyClick(editor, Qt.Key.Key_Left)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert canvas.session.map.node("x1").text == "A claim on its on"
    assert canvas.selection.ids == ["x1"] and len(canvas.session.map.nodes) == 5


def test_linking_from_the_keyboard(canvas: Canvas) -> None:
    canvas.selection.set(["x1"])
    QTest.keyClick(canvas.view, Qt.Key.Key_L, CTRL)  # no card above: the nearest, c1
    QTest.keyClick(canvas.view, Qt.Key.Key_Return, SHIFT)
    assert ("attack", ("x1",), "c1") in relation_triples(canvas.session)
    canvas.selection.set(["e1"])
    QTest.keyClick(canvas.view, Qt.Key.Key_L, CTRL)
    QTest.keyClick(canvas.view, Qt.Key.Key_Escape)  # cancelled
    QTest.keyClick(canvas.view, Qt.Key.Key_L, CTRL)  # the card above e1: c2
    QTest.keyClick(canvas.view, Qt.Key.Key_Up)  # then c1
    QTest.keyClick(canvas.view, Qt.Key.Key_Return)
    assert ("support", ("e1",), "c1") in relation_triples(canvas.session)
    assert len(canvas.session.history) == 2


def test_delete_and_backspace_delete_the_selection(canvas: Canvas) -> None:
    canvas.selection.set(["x1"])
    QTest.keyClick(canvas.view, Qt.Key.Key_Backspace)
    assert not canvas.session.map.has_node("x1")
    canvas.selection.set(["r3"])
    QTest.keyClick(canvas.view, Qt.Key.Key_Delete)
    assert not canvas.session.map.has_relation("r3") and canvas.session.map.has_node("ca1")


def test_every_action_is_named_and_has_a_unique_key(canvas: Canvas) -> None:
    actions = canvas.view.edit_actions()
    names = {a.objectName() for a in actions}
    for name in (
        "canvas_add_reason",
        "canvas_add_evidence",
        "canvas_add_objection",
        "canvas_add_sibling",
        "canvas_edit_text",
        "canvas_delete",
        "canvas_link",
        "canvas_zoom_fit",
        "canvas_zoom_in",
        "canvas_zoom_out",
        "canvas_zoom_actual",
    ):
        assert name in names
    keys = [s.toString() for a in actions for s in a.shortcuts()]
    assert all(a.shortcuts() and a.text() for a in actions)
    assert len(keys) == len(set(keys))
    reserved = {"Ctrl+N", "Ctrl+O", "Ctrl+S", "Ctrl+Shift+S", "Ctrl+W", "Ctrl+Q", "Ctrl+Z"}
    assert not reserved & set(keys)
    tips = {a.objectName(): a.toolTip() for a in actions}
    assert QKeySequence("Ctrl+Return").toString() in tips["canvas_add_reason"]


def test_a_node_without_relations_gets_a_sibling_of_its_kind(qtbot: QtBot) -> None:
    canvas = make_canvas(
        qtbot, ArgumentMap(nodes=[Node(id="e1", kind=NodeKind.EVIDENCE, text="A fact")])
    )
    canvas.selection.set(["e1"])
    QTest.keyClick(canvas.view, Qt.Key.Key_Return)
    type_and_enter(canvas, "Another fact")
    assert [n.kind for n in canvas.session.map.nodes] == [NodeKind.EVIDENCE] * 2
    assert canvas.session.map.relations == []
    # the first card had no stored position: the new one is placed beside the one shown
    first = canvas.view.map_scene.view_position("e1")
    second = canvas.session.map.layout.positions[str(canvas.selection.current)]
    assert second.y == first.y and second.x > first.x
    assert "e1" not in canvas.session.map.layout.positions
    assert RelationKind.SUPPORT  # keeps the import list honest for readers
