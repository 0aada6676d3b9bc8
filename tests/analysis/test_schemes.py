"""The scheme catalogue, critical questions with their states, and placeholders (schemes.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.analysis.errors import UnknownSchemeError
from argmap.analysis.schemes import (
    PLACEHOLDER_TAG,
    QuestionTarget,
    catalogue,
    critical_questions,
    load_catalogue,
    placeholder_for_question,
    scheme,
    with_question_state,
)
from argmap.model import ArgmapError, CriticalQuestionState, QuestionStatus, validate
from argmap.resources import resource
from tests.analysis.maps import statement_map

SCHEME_IDS = {
    "expert_opinion",
    "position_to_know",
    "consequences",
    "cause_to_effect",
    "sign",
    "analogy",
    "example",
    "popular_opinion",
    "practical_reasoning",
    "statistics",
}


def test_the_catalogue_holds_every_shared_scheme_with_three_to_six_questions() -> None:
    schemes = catalogue().schemes
    assert {s.id for s in schemes} == SCHEME_IDS
    question_ids = [q.id for s in schemes for q in s.questions]
    assert len(question_ids) == len(set(question_ids))
    for item in schemes:
        assert 3 <= len(item.questions) <= 6, item.id
        assert item.name and item.description and item.premises and item.conclusion
        assert {q.attacks for q in item.questions} <= set(QuestionTarget)


def test_a_catalogue_with_a_repeated_id_is_refused(tmp_path: Path) -> None:
    data = json.loads(resource("schemes", "schemes.json").read_text(encoding="utf-8"))
    data["schemes"].append(data["schemes"][0])
    bad = tmp_path / "schemes.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ArgmapError, match="used twice"):
        load_catalogue(bad)


def test_questions_merge_the_relations_saved_states_with_the_catalogue() -> None:
    m = statement_map("c e y", "r: e -> c")
    relation = m.relations[0]
    relation.scheme = "sign"
    relation.questions = [
        CriticalQuestionState(
            question_id="sign.observed", status=QuestionStatus.ANSWERED, answered_by="y"
        ),
        CriticalQuestionState(
            question_id="sign.reliable", status=QuestionStatus.DISMISSED, note="a known pattern"
        ),
        CriticalQuestionState(question_id="old.question"),
    ]
    views = critical_questions(relation)
    assert [v.question.id for v in views] == [q.id for q in scheme("sign").questions] + [
        "old.question"
    ]
    by_id = {v.question.id: v for v in views}
    assert by_id["sign.observed"].answered_by == "y"
    assert by_id["sign.reliable"].note == "a known pattern"
    assert by_id["sign.other_explanation"].status is QuestionStatus.OPEN
    assert not by_id["old.question"].known
    assert critical_questions(statement_map("c e", "r: e -> c").relations[0]) == []


@pytest.mark.parametrize(
    ("question", "undercut", "target"),
    [
        ("expert_opinion.in_field", True, "r"),
        ("expert_opinion.expertise", False, "e"),
        ("expert_opinion.consensus", False, "c"),
    ],
)
def test_an_open_question_becomes_a_placeholder_attack_where_it_bites(
    question: str, undercut: bool, target: str
) -> None:
    m = statement_map("c e", "r: e -> c")
    m.relations[0].scheme = "expert_opinion"
    node, attack = placeholder_for_question(m, "r", question, as_undercut=undercut)
    assert node.kind == "counterargument" and PLACEHOLDER_TAG in node.tags
    assert node.text == scheme("expert_opinion").question(question).text
    assert attack.kind == "attack" and attack.premises == [node.id]
    assert attack.target == target
    m.nodes.append(node)
    m.relations.append(attack)
    m.relations[0].questions = with_question_state(
        m.relations[0],
        CriticalQuestionState(
            question_id=question, status=QuestionStatus.ANSWERED, answered_by=node.id
        ),
    )
    validate(m)
    assert len(m.nodes) == 3  # the map was only changed by hand above


def test_placeholders_need_a_scheme_and_a_question_of_it() -> None:
    m = statement_map("c e", "r: e -> c")
    with pytest.raises(UnknownSchemeError, match="no scheme"):
        placeholder_for_question(m, "r", "sign.observed", as_undercut=True)
    m.relations[0].scheme = "analogy"
    with pytest.raises(UnknownSchemeError, match=r"sign\.observed"):
        placeholder_for_question(m, "r", "sign.observed", as_undercut=True)
    with pytest.raises(UnknownSchemeError):
        scheme("from_the_stars")
