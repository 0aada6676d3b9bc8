"""Cut, copy and paste of cards with the relations among them."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.model import RelationKind
from argmap.ui.clipboard import MIME_TYPE
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow, select_words


def _shown(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.canvas.setFocus()


def _ctrl(widget: object, key: Qt.Key) -> None:
    QTest.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)  # type: ignore[call-overload]


def test_copy_and_paste_cards_with_the_relations_among_them(
    window: MainWindow, qtbot: QtBot
) -> None:
    _shown(window, qtbot)
    before = window.session.map.model_copy(deep=True)
    window.selection.set(["c2", "e1", "ca1"])
    _ctrl(window.canvas, Qt.Key.Key_C)
    data = QApplication.clipboard().mimeData()
    assert data.hasFormat(MIME_TYPE)
    assert data.text().splitlines() == [
        "Claim: Criminal gangs drive illegal immigration",
        "Evidence: France prevented twice as many crossings",
        "Objection: Patrols displace the crossings",
    ]
    fragment = json.loads(bytes(data.data(MIME_TYPE).data()))
    assert {r["id"] for r in fragment["relations"]} == {"r2", "r3"}  # not r1: c1 stays behind
    _ctrl(window.canvas, Qt.Key.Key_V)
    argument_map = window.session.map
    pasted = window.selection.ids
    assert len(pasted) == 3 and not set(pasted) & {"c2", "e1", "ca1"}
    texts = {argument_map.node(i).text for i in pasted}
    assert texts == {before.node(i).text for i in ("c2", "e1", "ca1")}
    words = {i: argument_map.node(i).text.split()[0] for i in pasted}
    new_relations = {
        (r.kind, tuple(words[p] for p in r.premises), words[r.target])
        for r in argument_map.relations
        if r.target in pasted
    }
    assert new_relations == {
        (RelationKind.SUPPORT, ("France",), "Criminal"),
        (RelationKind.ATTACK, ("Patrols",), "Criminal"),
    }
    assert all(argument_map.node(i).anchors for i in pasted)  # same map: the anchors hold
    shown = window.canvas.mapToScene(window.canvas.viewport().rect()).boundingRect()
    for node_id in pasted:
        item = window.canvas.map_scene.node_item(node_id)
        assert item is not None and shown.intersects(item.sceneBoundingRect())
    window.session.undo()
    assert window.session.map == before  # one undo step


def test_cut_removes_and_paste_into_another_map_brings_them_back(
    window: MainWindow, make_window: MakeWindow, qtbot: QtBot
) -> None:
    _shown(window, qtbot)
    window.selection.set(["e1", "ca1"])
    window.clipboard.cut_action.trigger()
    assert not window.session.map.has_node("e1") and not window.session.map.has_node("ca1")
    other = make_window()  # the bundled release: other sources, other ids
    other.clipboard.paste()
    pasted = [other.session.map.node(i) for i in other.selection.ids]
    assert [n.text for n in pasted] == [
        "France prevented twice as many crossings",
        "Patrols displace the crossings",
    ]
    assert all(not n.anchors for n in pasted)  # their source is not in that map


def test_plain_text_pastes_as_one_claim_a_line(window: MainWindow) -> None:
    QApplication.clipboard().setText("- Boats are cheaper than ferries\n\n- Smugglers adapt fast\n")
    pasted = window.clipboard.paste()
    assert [window.session.map.node(i).text for i in pasted] == [
        "Boats are cheaper than ferries",
        "Smugglers adapt fast",
    ]


def test_ctrl_c_in_the_text_copies_the_words_not_the_cards(
    window: MainWindow, qtbot: QtBot
) -> None:
    _shown(window, qtbot)
    window.selection.set(["c1"])
    QApplication.clipboard().setText("")
    view = window.source_panel.text_view
    view.setFocus()
    select_words(window, "Critics say")
    _ctrl(view, Qt.Key.Key_C)
    assert QApplication.clipboard().text() == "Critics say"
    assert not QApplication.clipboard().mimeData().hasFormat(MIME_TYPE)
