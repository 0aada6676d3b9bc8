"""Deleting a node deletes what depends on it, as one step that one undo restores in order."""

from __future__ import annotations

import pytest

from argmap.editing import EditError, EditSession, MoveNodes, delete_nodes
from argmap.editing.changes import ChangeKind
from argmap.model import Point, QuestionStatus, find_problems
from tests.model.factories import random_map, small_map


def test_deleting_a_claim_deletes_its_relations_and_their_undercuts() -> None:
    session = EditSession(small_map())
    before = session.map.model_dump()
    command = delete_nodes(session.map, ["c1"])
    changes = session.execute(command)
    m = session.map
    assert [n.id for n in m.nodes] == ["e1", "e2", "e3", "ca1", "ca2"]
    assert m.relations == []  # r1, r2, r3 targeted c1; u1 undercut r1
    assert m.layout.pinned == ["e1"]
    assert "c1" not in m.layout.positions
    assert find_problems(m) == []
    assert command.label == "Delete claim"
    removed = {i for c in changes if c.kind == ChangeKind.RELATION_REMOVED for i in c.ids}
    assert removed == {"r1", "r2", "r3", "u1"}
    assert len(session.history) == 1
    session.undo()
    assert session.map.model_dump() == before


def test_deleting_one_linked_premise_keeps_the_argument_with_the_others() -> None:
    session = EditSession(small_map())
    session.execute(delete_nodes(session.map, ["e1"]))
    r1 = session.map.relation("r1")
    assert r1.premises == ["e2"]
    assert session.map.has_relation("u1")  # its target r1 survives
    assert find_problems(session.map) == []


def test_deleting_every_premise_deletes_the_relation_and_its_undercut() -> None:
    session = EditSession(small_map())
    session.execute(delete_nodes(session.map, ["e1", "e2"]))
    assert {r.id for r in session.map.relations} == {"r2", "r3"}
    assert session.undo()
    assert session.map.model_dump() == small_map().model_dump()


def test_deleting_a_node_that_answers_a_question_reopens_the_question() -> None:
    session = EditSession(small_map())
    session.execute(delete_nodes(session.map, ["e3"]))
    [question] = session.map.relation("r1").questions
    assert question.answered_by is None and question.status == QuestionStatus.OPEN
    assert not session.map.has_relation("r2")
    session.undo()
    assert session.map.relation("r1").questions[0].answered_by == "e3"


def test_undo_restores_pinned_and_collapsed_in_their_order() -> None:
    session = EditSession(small_map())
    before = session.map.layout.model_dump()
    session.execute(delete_nodes(session.map, ["c1", "ca2"]))
    assert session.map.layout.pinned == ["e1"] and session.map.layout.collapsed == []
    session.undo()
    assert session.map.layout.model_dump() == before
    assert session.map.layout.pinned == ["c1", "e1"]


def test_delete_refuses_unknown_ids_and_nothing() -> None:
    m = small_map()
    with pytest.raises(EditError, match="no node with id 'ghost'"):
        delete_nodes(m, ["e1", "ghost"])
    with pytest.raises(EditError, match="no nodes to delete"):
        delete_nodes(m, [])


def test_a_big_cascade_undoes_exactly_after_other_edits() -> None:
    session = EditSession(random_map(300, seed=7, undercut_rate=0.3))
    before = session.map.model_dump()
    session.execute(MoveNodes({"n5": Point(x=1, y=2)}))
    session.execute(delete_nodes(session.map, ["n0", "n3", "n10", "n5"]))
    assert find_problems(session.map) == []
    assert len(session.map.nodes) == 296
    session.undo()
    session.undo()
    assert session.map.model_dump() == before
