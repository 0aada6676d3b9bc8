"""Critical questions in the inspector: raise one as an objection, dismiss one, undo."""

from __future__ import annotations

from argmap.analysis.schemes import critical_questions
from argmap.editing import set_scheme
from argmap.model import QuestionStatus
from argmap.ui.main_window import MainWindow


def _with_scheme(window: MainWindow) -> None:
    window.session.execute(set_scheme("r2", "statistics"))
    window.selection.set(["r2"])


def test_a_relation_with_a_scheme_lists_its_questions(window: MainWindow) -> None:
    _with_scheme(window)
    section = window.questions
    assert not section.isHidden()
    expected = [v.question.text for v in critical_questions(window.session.map.relation("r2"))]
    shown = [section.tree.topLevelItem(i).text(1) for i in range(section.tree.topLevelItemCount())]
    assert shown == expected and shown
    assert all(
        section.tree.topLevelItem(i).text(0) == "open"
        for i in range(section.tree.topLevelItemCount())
    )


def test_raising_a_question_adds_a_placeholder_objection_in_one_undo_step(
    window: MainWindow,
) -> None:
    _with_scheme(window)
    before = window.session.map.model_dump()
    nodes_before = len(window.session.map.nodes)
    window.questions.raise_undercut.click()
    m = window.session.map
    assert len(m.nodes) == nodes_before + 1
    new = m.nodes[-1]
    assert new.kind == "counterargument" and "placeholder" in new.tags
    attack = next(r for r in m.relations if r.premises == [new.id])
    assert attack.kind == "attack" and attack.target == "r2"
    state = m.relation("r2").questions[0]
    assert state.status is QuestionStatus.ANSWERED and state.answered_by == new.id
    assert window.questions.tree.topLevelItem(0).text(0).startswith("answered by")
    window.session.undo()
    assert window.session.map.model_dump() == before


def test_dismissing_with_a_note_stores_the_state(window: MainWindow) -> None:
    _with_scheme(window)
    window.questions.tree.setCurrentItem(window.questions.tree.topLevelItem(1))
    question_id = window.questions.current_question_id()
    window.questions.note.setText("The sample is the whole year")
    window.questions.dismiss.click()
    state = next(
        q for q in window.session.map.relation("r2").questions if q.question_id == question_id
    )
    assert state.status is QuestionStatus.DISMISSED and state.note == "The sample is the whole year"
    window.questions.reopen.click()
    state = next(
        q for q in window.session.map.relation("r2").questions if q.question_id == question_id
    )
    assert state.status is QuestionStatus.OPEN
