"""Cards made from selected words: they answer the selected card, cite their source, and the
map's keys work straight after, with the keyboard still in the text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.editing import SetMapFields
from argmap.model import Citation, NodeKind, RelationKind
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import select_words


def _shown_with_focus_in_text(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.source_panel.text_view.setFocus()
    qtbot.waitUntil(lambda: window.source_panel.text_view.hasFocus())


def test_evidence_from_selection_supports_the_selected_claim_in_one_step(
    window: MainWindow,
) -> None:
    before = window.session.map.model_copy(deep=True)
    window.selection.set(["c1"])
    select_words(window, "Critics say more patrols")
    window.app_actions.evidence_from_text.trigger()
    evidence = window.session.map.nodes[-1]
    assert evidence.kind == NodeKind.EVIDENCE
    relation = window.session.map.relations[-1]
    assert (relation.kind, relation.premises, relation.target) == (
        RelationKind.SUPPORT,
        [evidence.id],
        "c1",
    )
    window.session.undo()
    assert window.session.map == before  # the card and its arrow: one undo step


def test_objection_from_selection_attacks_the_selected_card(window: MainWindow) -> None:
    window.selection.set(["c2"])
    select_words(window, "push the crossings")
    window.app_actions.objection_from_text.trigger()
    objection = window.session.map.nodes[-1]
    relation = window.session.map.relations[-1]
    assert (relation.kind, relation.premises, relation.target) == (
        RelationKind.ATTACK,
        [objection.id],
        "c2",
    )


def test_evidence_under_selected_evidence_stands_alone(window: MainWindow) -> None:
    window.selection.set(["e1"])
    relations = len(window.session.map.relations)
    select_words(window, "Critics say")
    window.app_actions.evidence_from_text.trigger()
    assert len(window.session.map.relations) == relations


def test_anchored_evidence_takes_its_sources_citation(window: MainWindow) -> None:
    window.session.execute(
        SetMapFields(
            "Cite",
            sources=[
                window.session.map.sources[0].model_copy(
                    update={"publisher": "Home Office", "date": "2021-07-20", "url": "https://x"}
                )
            ],
        )
    )
    window.selection.set([])
    select_words(window, "Critics say")
    window.app_actions.evidence_from_text.trigger()
    evidence = window.session.map.nodes[-1]
    assert evidence.citation == Citation(
        title="Press release", publisher="Home Office", date="2021-07-20", url="https://x"
    )
    window.checklist.refresh()
    flagged = [gap for gap in window.checklist.gaps if evidence.id in gap.node_ids]
    assert not [gap for gap in flagged if "citation" in gap.kind]


def test_map_keys_work_after_making_a_card_from_words(window: MainWindow, qtbot: QtBot) -> None:
    _shown_with_focus_in_text(window, qtbot)
    select_words(window, "Critics say more patrols")
    window.app_actions.claim_from_text.trigger()
    made = window.selection.current
    text_view = window.source_panel.text_view
    assert text_view.hasFocus()
    QTest.keyClick(text_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    reason = window.session.map.relations[-1]
    assert reason.kind == RelationKind.SUPPORT and reason.target == made
    editor = window.canvas.editor.widget()
    assert editor is not None and editor.hasFocus()  # typing goes into the new card
    QTest.keyClicks(editor, "Patrols only move the problem")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.session.map.node(reason.premises[0]).text == "Patrols only move the problem"


def test_ctrl_l_from_the_text_starts_a_link_on_the_canvas(window: MainWindow, qtbot: QtBot) -> None:
    _shown_with_focus_in_text(window, qtbot)
    window.selection.set(["ca1"])
    text_view = window.source_panel.text_view
    QTest.keyClick(text_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.hasFocus()  # the arrow keys now choose the target
