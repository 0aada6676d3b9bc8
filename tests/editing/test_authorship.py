"""Authorship: the session's user is stamped on what they make, and on others' cards they edit."""

from __future__ import annotations

from argmap.editing import EditSession, add_related_node, edit_text, link
from argmap.io import native
from argmap.model import NodeKind, RelationKind
from argmap.seminar.people import participant_for
from tests.model.factories import small_map

ANA = participant_for("Ana")
BEN = participant_for("Ben")


def test_new_statement_and_relation_carry_the_user_as_author() -> None:
    session = EditSession(small_map())
    session.user = ANA
    session.execute(add_related_node(session.map, "c1", NodeKind.EVIDENCE, RelationKind.SUPPORT))
    new_node = session.map.nodes[-1]
    new_relation = session.map.relations[-1]
    assert (new_node.author, new_relation.author) == (ANA.id, ANA.id)
    assert [p.name for p in session.map.participants] == ["Ana"]
    native.loads(native.dumps(session.map))  # still a valid file


def test_one_undo_removes_the_card_and_the_participant_it_brought() -> None:
    session = EditSession(small_map())
    before = native.dumps(session.map)
    session.user = ANA
    session.execute(add_related_node(session.map, "c1", NodeKind.CLAIM, RelationKind.SUPPORT))
    session.undo()
    assert native.dumps(session.map) == before
    session.redo()
    assert session.map.nodes[-1].author == ANA.id
    assert session.map.participants == [ANA]


def test_editing_someone_elses_card_keeps_author_and_records_the_editor() -> None:
    session = EditSession(small_map())
    session.user = ANA
    session.execute(add_related_node(session.map, "c1", NodeKind.CLAIM, RelationKind.SUPPORT))
    made = session.map.nodes[-1].id
    session.user = BEN
    session.execute(edit_text(made, "Ben's wording"))
    session.execute(edit_text(made, "Ben again"))
    node = session.map.node(made)
    assert (node.author, node.editors) == (ANA.id, [BEN.id])
    assert {p.id for p in session.map.participants} == {ANA.id, BEN.id}
    session.user = ANA
    session.execute(edit_text(made, "Ana's own edit"))
    assert session.map.node(made).editors == [BEN.id]  # the author is no editor of her own


def test_editing_an_unauthored_card_or_linking_stamps_only_what_is_new() -> None:
    session = EditSession(small_map())
    session.user = ANA
    session.execute(edit_text("c1", "Reworded"))
    assert session.map.node("c1").author is None and session.map.node("c1").editors == []
    session.execute(link(session.map, ["e3"], "ca1", RelationKind.ATTACK))
    assert session.map.relations[-1].author == ANA.id


def test_no_user_no_stamp() -> None:
    session = EditSession(small_map())
    session.execute(add_related_node(session.map, "c1", NodeKind.CLAIM, RelationKind.SUPPORT))
    assert session.map.nodes[-1].author is None and session.map.participants == []
