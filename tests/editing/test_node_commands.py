"""One small command per node edit; each undoes exactly and refuses what would break the map."""

from __future__ import annotations

import pytest

from argmap.editing import (
    AddNode,
    EditError,
    EditSession,
    SetNodeFields,
    add_anchor,
    change_kind,
    edit_text,
    node_from_selection,
    remove_anchor,
    set_anchors,
    set_citation,
    set_evidence_type,
    set_notes,
    set_rating,
    set_tags,
)
from argmap.editing.changes import ChangeKind
from argmap.model import Citation, NodeKind, Point, TextAnchor, find_problems
from tests.model.factories import SOURCE_TEXT, T0, anchor, node, small_map


@pytest.fixture
def session() -> EditSession:
    return EditSession(small_map())


def roundtrip(session: EditSession, command: object) -> None:
    """Execute, then check undo gives back the map exactly and redo the edited one."""
    before = session.map.model_dump()
    session.execute(command)  # type: ignore[arg-type]
    after = session.map.model_dump()
    assert find_problems(session.map) == []
    session.undo()
    assert session.map.model_dump() == before
    session.redo()
    assert session.map.model_dump() == after


def test_add_node_with_position(session: EditSession) -> None:
    changes = session.execute(AddNode(node("c9"), Point(x=5, y=6)))
    assert session.map.nodes[-1].id == "c9"
    assert session.map.layout.positions["c9"] == Point(x=5, y=6)
    assert [c.kind for c in changes] == [ChangeKind.NODE_ADDED, ChangeKind.POSITIONS_CHANGED]
    session.undo()
    assert not session.map.has_node("c9") and "c9" not in session.map.layout.positions


@pytest.mark.parametrize("taken", ["e1", "r1", "s1"])
def test_add_node_refuses_an_id_in_use(session: EditSession, taken: str) -> None:
    with pytest.raises(EditError, match=f"id '{taken}' is already in use"):
        session.execute(AddNode(node(taken)))
    assert len(session.history) == 0


def test_add_node_refuses_an_anchor_off_its_source(session: EditSession) -> None:
    bad = TextAnchor(source_id="s1", start=0, end=3, quote="Zzz")
    with pytest.raises(EditError, match="anchor of new node 'c9': quote 'Zzz' does not match"):
        session.execute(AddNode(node("c9", anchors=[bad])))


def test_node_from_selection_trims_and_anchors(session: EditSession) -> None:
    start = SOURCE_TEXT.index("Critics") - 1  # a newline before: trimmed away
    command = node_from_selection(session.map, "s1", start, start + 8, NodeKind.COUNTERARGUMENT)
    session.execute(command)
    added = session.map.nodes[-1]
    assert added.anchors == [anchor("Critics")] and added.text == "Critics"
    with pytest.raises(EditError, match="select some words"):
        node_from_selection(session.map, "s1", 5, 5, NodeKind.CLAIM)


def test_edit_text_sets_modified_keeps_created(session: EditSession) -> None:
    roundtrip(session, edit_text("c1", "New words"))
    edited = session.map.node("c1")
    assert edited.text == "New words"
    assert edited.created == T0 and edited.modified > T0


def test_change_kind(session: EditSession) -> None:
    changes = session.execute(change_kind("e3", "claim"))
    assert session.map.node("e3").kind == NodeKind.CLAIM
    assert changes[0].kind == ChangeKind.NODE_CHANGED and changes[0].fields == ("kind",)
    session.undo()
    assert session.map.node("e3").kind == NodeKind.EVIDENCE


def test_set_and_remove_anchor(session: EditSession) -> None:
    roundtrip(session, add_anchor(session.map, "e3", anchor("minister repeated")))
    assert session.map.node("e3").anchors == [anchor("minister repeated")]
    roundtrip(session, remove_anchor(session.map, "e3", 0))
    assert session.map.node("e3").anchors == []
    roundtrip(session, set_anchors("c1", [anchor("agreement")]))
    with pytest.raises(EditError, match="node 'e3' has no anchor 4"):
        remove_anchor(session.map, "e3", 4)


def test_an_anchor_that_does_not_match_is_refused(session: EditSession) -> None:
    before = session.map.model_dump()
    bad = TextAnchor(source_id="s1", start=0, end=99_999, quote="x")
    with pytest.raises(EditError, match="anchor of node 'c1': span"):
        session.execute(set_anchors("c1", [bad]))
    assert session.map.model_dump() == before


def test_citation_tags_notes_rating_evidence_type(session: EditSession) -> None:
    roundtrip(session, set_citation("e2", Citation(title="Release", page="2")))
    assert session.map.node("e2").citation == Citation(title="Release", page="2")
    roundtrip(session, set_citation("e1", Citation()))  # an empty citation is none
    assert session.map.node("e1").citation is None
    roundtrip(session, set_tags("e2", [" figure ", "figure", "", "disputed"]))
    assert session.map.node("e2").tags == ["figure", "disputed"]
    roundtrip(session, set_notes("c1", "check the figures"))
    roundtrip(session, set_rating("c1", 0.25))
    assert session.map.node("c1").rating == 0.25
    roundtrip(session, set_rating("c1", None))
    roundtrip(session, set_evidence_type("e2", "testimony"))
    assert session.map.node("e2").evidence_type == "testimony"


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (lambda: set_rating("c1", 1.5), "node 'c1': rating: Input should be less than or equal"),
        (lambda: change_kind("c1", "opinion"), "node 'c1': kind: Input should be"),
        (lambda: edit_text("ghost", "x"), "no node with id 'ghost'"),
    ],
)
def test_invalid_values_are_edit_errors_and_change_nothing(
    session: EditSession, command: object, message: str
) -> None:
    before = session.map.model_dump()
    with pytest.raises(EditError, match=message):
        session.execute(command())  # type: ignore[operator]
    assert session.map.model_dump() == before
    assert not session.history.can_undo()


def test_ids_and_created_cannot_be_edited() -> None:
    with pytest.raises(EditError, match="cannot edit node field"):
        SetNodeFields("c1", "x", id="c2")
    with pytest.raises(EditError, match="no node with id 'ghost'"):
        add_anchor(small_map(), "ghost", anchor("stop"))
