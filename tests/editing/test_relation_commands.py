"""Relation edits: add, kind, scheme, premises; undercuts; every refusal leaves the map alone."""

from __future__ import annotations

import pytest

from argmap.editing import (
    AddRelation,
    EditError,
    EditSession,
    SetRelationFields,
    add_premise,
    add_related_node,
    change_relation_kind,
    delete_relations,
    link,
    remove_premise,
    set_relation_notes,
    set_scheme,
)
from argmap.editing.changes import ChangeKind
from argmap.model import NodeKind, Relation, RelationKind, find_problems
from tests.model.factories import small_map


@pytest.fixture
def session() -> EditSession:
    return EditSession(small_map())


def test_link_adds_a_linked_support_and_undo_removes_it(session: EditSession) -> None:
    before = session.map.model_dump()
    command = link(session.map, ["e3", "ca1"], "e1", RelationKind.SUPPORT)
    changes = session.execute(command)
    added = session.map.relations[-1]
    assert added.premises == ["e3", "ca1"] and added.target == "e1"
    assert changes[0].kind == ChangeKind.RELATION_ADDED and changes[0].ids == (added.id,)
    assert command.label == "Add support"
    session.undo()
    assert session.map.model_dump() == before


def test_an_attack_on_a_relation_is_labelled_an_undercut(session: EditSession) -> None:
    undercut = link(session.map, ["ca1"], "r2", RelationKind.ATTACK)
    session.execute(undercut)
    assert undercut.label == "Add undercut"
    plain = link(session.map, ["ca1"], "e3", RelationKind.ATTACK)
    session.execute(plain)
    assert plain.label == "Add attack"


def test_add_related_node_is_one_step(session: EditSession) -> None:
    command = add_related_node(session.map, "r2", NodeKind.COUNTERARGUMENT, RelationKind.ATTACK)
    session.execute(command)
    assert command.label == "Add undercut"
    assert session.map.is_undercut(session.map.relations[-1])
    session.undo()
    assert session.map.model_dump() == small_map().model_dump()


@pytest.mark.parametrize(
    ("relation", "message"),
    [
        (Relation(id="x", kind="support", premises=["c1"], target="c1"), "cannot support itself"),
        (Relation(id="x", kind="attack", premises=["e1", "c1"], target="c1"), "attack itself"),
        (Relation(id="x", kind="support", premises=["ca1"], target="r1"), "only an attack"),
        (Relation(id="x", kind="support", premises=["ghost"], target="c1"), "'ghost' is not a"),
        (Relation(id="x", kind="support", premises=["e3"], target="ghost"), "does not exist"),
        (Relation(id="x", kind="support", premises=["e3", "e3"], target="c1"), "listed twice"),
        (Relation(id="r1", kind="support", premises=["e3"], target="e1"), "already in use"),
        (Relation(id="s1", kind="support", premises=["e3"], target="e1"), "already in use"),
    ],
)
def test_add_relation_refuses_what_would_break_the_map(
    session: EditSession, relation: Relation, message: str
) -> None:
    before = session.map.model_dump()
    with pytest.raises(EditError, match=message):
        session.execute(AddRelation(relation))
    assert session.map.model_dump() == before


def test_change_kind_and_scheme(session: EditSession) -> None:
    session.execute(change_relation_kind("r2", "attack"))
    assert session.map.relation("r2").kind == RelationKind.ATTACK
    session.execute(set_scheme("r1", "expert_opinion"))
    changed = session.map.relation("r1")
    # A new scheme brings new critical questions: the old answers no longer apply.
    assert changed.scheme == "expert_opinion" and changed.questions == []
    session.execute(set_relation_notes("r1", "weak link"))
    session.undo()
    session.undo()
    session.undo()
    assert session.map.model_dump() == small_map().model_dump()


def test_an_undercut_cannot_become_a_support(session: EditSession) -> None:
    with pytest.raises(EditError, match="only an attack"):
        session.execute(change_relation_kind("u1", "support"))


def test_add_and_remove_premise(session: EditSession) -> None:
    session.execute(add_premise(session.map, "r2", "ca2"))
    assert session.map.relation("r2").premises == ["e3", "ca2"]
    session.execute(remove_premise(session.map, "r1", "e1"))
    assert session.map.relation("r1").premises == ["e2"]
    with pytest.raises(EditError, match="at least one premise"):
        remove_premise(session.map, "r1", "e2")
    with pytest.raises(EditError, match="'c1' is not a premise of relation 'r1'"):
        remove_premise(session.map, "r1", "c1")
    with pytest.raises(EditError, match="cannot support itself"):
        session.execute(add_premise(session.map, "r2", "c1"))
    with pytest.raises(EditError, match="no relation with id 'zz'"):
        add_premise(session.map, "zz", "c1")
    session.undo()
    session.undo()
    assert session.map.model_dump() == small_map().model_dump()


def test_invalid_field_values_are_edit_errors(session: EditSession) -> None:
    with pytest.raises(EditError, match="relation 'r2': premises: List should have at least 1"):
        session.execute(SetRelationFields("r2", "Empty", premises=[]))
    with pytest.raises(EditError, match="cannot edit relation field"):
        SetRelationFields("r2", "x", id="r9")


def test_deleting_a_relation_takes_its_undercuts_along(session: EditSession) -> None:
    before = session.map.model_dump()
    command = delete_relations(session.map, ["r1"])
    session.execute(command)
    assert {r.id for r in session.map.relations} == {"r2", "r3"}
    assert find_problems(session.map) == []
    assert command.label == "Delete relation"
    session.undo()
    assert session.map.model_dump() == before
    with pytest.raises(EditError, match="no relation with id 'zz'"):
        delete_relations(session.map, ["zz"])
