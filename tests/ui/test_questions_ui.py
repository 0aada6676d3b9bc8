"""Critical questions in the inspector: raise one as an objection, dismiss one, undo."""

from __future__ import annotations

from argmap.analysis.schemes import QuestionTarget, catalogue, critical_questions, scheme
from argmap.editing import set_scheme
from argmap.model import QuestionStatus
from argmap.ui.inspector.schemes import scheme_label
from argmap.ui.main_window import MainWindow
from tests.ui.shown import shown_text


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


def test_the_scheme_box_offers_the_catalogue_and_choosing_one_lists_its_questions(
    window: MainWindow,
) -> None:
    window.selection.set(["r2"])
    box = window.inspector.relation_section.scheme
    names = [box.itemText(i) for i in range(box.count())]
    assert names[1:] == [scheme_label(s.id) for s in catalogue().schemes]
    assert "Expert opinion" in names and "Practical reasoning" in names
    assert window.questions.isHidden()
    index = box.index_of("expert_opinion")
    box.setCurrentIndex(index)
    box.activated.emit(index)
    assert window.session.map.relation("r2").scheme == "expert_opinion"
    assert not window.questions.isHidden()
    assert window.questions.about.text().startswith("<b>Argument from expert opinion</b>")
    assert window.questions.tree.topLevelItemCount() == len(scheme("expert_opinion").questions)


def test_an_objection_attacks_what_the_question_is_about(window: MainWindow) -> None:
    _with_scheme(window)
    before = window.session.map.model_dump()
    section = window.questions
    for row in range(section.tree.topLevelItemCount()):
        section.tree.setCurrentItem(section.tree.topLevelItem(row))
        question = scheme("statistics").question(section.current_question_id() or "")
        section.raise_attack.click()
        m = window.session.map
        new = m.nodes[-1]
        attack = next(r for r in m.relations if r.premises == [new.id])
        aimed = "e1" if question.attacks is QuestionTarget.PREMISE else "c2"
        assert (attack.kind, attack.target, new.text) == ("attack", aimed, question.text)
        assert not section.raise_attack.isEnabled()  # answered now: raise it once only
        assert section.reopen.isEnabled()
    for _ in range(section.tree.topLevelItemCount()):
        window.session.undo()
    assert window.session.map.model_dump() == before


def test_marking_a_question_answered_by_a_node_stores_it(window: MainWindow) -> None:
    _with_scheme(window)
    section = window.questions
    choices = [section.answer.itemData(i) for i in range(section.answer.count())]
    assert choices == [None, "c1", "ca1"]  # not the relation's own premise and conclusion
    assert not section.mark_answered.isEnabled()  # until a statement is chosen
    section.tree.setCurrentItem(section.tree.topLevelItem(2))
    question_id = section.current_question_id()
    section.answer.setCurrentIndex(section.answer.findData("ca1"))
    section.mark_answered.click()
    state = next(q for q in window.session.map.relation("r2").questions)
    assert (state.question_id, state.status, state.answered_by) == (
        question_id,
        QuestionStatus.ANSWERED,
        "ca1",
    )
    shown = section.tree.topLevelItem(2)
    assert shown.text(0) == "answered by 'Patrols displace the crossings'"  # words, not ca1
    assert shown_text(shown.toolTip(0)) == "Answered by: Patrols displace the crossings"
    window.session.undo()
    assert window.session.map.relation("r2").questions == []
    assert section.tree.topLevelItem(2).text(0) == "open"
