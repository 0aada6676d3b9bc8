"""Drawing relations: Ctrl+Shift+drag (window managers keep Alt+drag), and a link released on
empty canvas makes a new linked card there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from argmap.model import NodeKind, RelationKind
from argmap.ui.canvas.keyboard import GESTURES
from tests.ui.test_canvas import LEFT, NO, Canvas, canvas_map, make_canvas, relation_triples

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[Canvas]:
    result = make_canvas(qtbot, canvas_map())
    yield result
    result.view.bridge.detach()


def test_ctrl_shift_drag_from_a_card_draws_a_relation(canvas: Canvas) -> None:
    canvas.view.link_default_kind = RelationKind.ATTACK
    before = {n: canvas.session.map.layout.positions[n] for n in ("x1", "c1")}
    QTest.mousePress(canvas.viewport, LEFT, CTRL_SHIFT, canvas.at("x1"))
    QTest.mouseMove(canvas.viewport, canvas.at("c1"))
    QTest.mouseRelease(canvas.viewport, LEFT, NO, canvas.at("c1"))
    assert ("attack", ("x1",), "c1") in relation_triples(canvas.session)
    assert {n: canvas.session.map.layout.positions[n] for n in ("x1", "c1")} == before  # no move
    assert any("Ctrl+Shift+drag" in gesture for gesture, _ in GESTURES)


def test_a_link_released_on_empty_canvas_makes_a_new_linked_card_there(canvas: Canvas) -> None:
    canvas.view.link_default_kind = RelationKind.SUPPORT
    nodes = len(canvas.session.map.nodes)
    empty = canvas.at("x1", dy=260)
    assert canvas.view.itemAt(empty) is None
    canvas.drag(canvas.handle("x1"), empty)
    assert len(canvas.session.map.nodes) == nodes + 1
    new = canvas.session.map.nodes[-1]
    assert new.kind == NodeKind.CLAIM
    assert ("support", ("x1",), new.id) in relation_triples(canvas.session)
    where = canvas.view.mapFromScene(
        canvas.session.map.layout.positions[new.id].x,
        canvas.session.map.layout.positions[new.id].y,
    )
    assert (where - empty).manhattanLength() <= 4  # where it was dropped
    editor = canvas.view.editor.widget()
    assert editor is not None  # open for typing its words
    QTest.keyClicks(editor, "Patrols alone cannot stop the boats")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert canvas.session.map.node(new.id).text == "Patrols alone cannot stop the boats"
    canvas.session.undo()  # the text
    canvas.session.undo()  # the card and its arrow, one step
    assert len(canvas.session.map.nodes) == nodes


def test_a_short_wiggle_on_the_handle_makes_nothing(canvas: Canvas) -> None:
    canvas.view.link_default_kind = RelationKind.SUPPORT
    before = canvas.session.map.model_copy(deep=True)
    start = canvas.handle("x1")
    canvas.drag(start, start + QPoint(12, 12))
    assert canvas.session.map == before
