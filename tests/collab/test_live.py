"""A shared session: commands become transactions, others' edits become change events."""

from __future__ import annotations

from argmap.editing import ChangeKind, MoveNodes, delete_nodes, edit_text, link, set_title
from argmap.editing.building import add_related_node
from argmap.model import NodeKind, Point, RelationKind
from tests.collab.pair import deliver, fresh, room, shown
from tests.model.factories import small_map


def test_an_edit_in_one_session_arrives_as_a_change_event_in_the_other() -> None:
    a, b = room(small_map(), 2)
    b.seen.clear()
    a.session.execute(edit_text("c1", "Crossings will stop"))
    deliver([a, b])
    assert b.session.map.node("c1").text == "Crossings will stop"
    kinds = [change.kind for batch in b.seen for change in batch]
    assert kinds == [ChangeKind.NODE_CHANGED]
    assert b.seen[0][0].ids == ("c1",)
    assert "text" in b.seen[0][0].fields


def test_added_cards_relations_and_moves_arrive_and_ids_never_collide() -> None:
    a, b = room(small_map(), 2)
    a.session.execute(
        add_related_node(a.session.map, "c1", NodeKind.EVIDENCE, RelationKind.SUPPORT, "A's")
    )
    b.session.execute(
        add_related_node(b.session.map, "c1", NodeKind.EVIDENCE, RelationKind.SUPPORT, "B's")
    )
    deliver([a, b])
    texts = {n.text for n in shown(a).nodes}
    assert {"A's", "B's"} <= texts
    assert shown(a) == shown(b) == fresh(a)
    a.session.execute(MoveNodes({"c1": Point(x=500, y=20)}))
    deliver([a, b])
    assert shown(b).layout.positions["c1"] == Point(x=500, y=20)


def test_undo_takes_back_only_my_own_edit() -> None:
    a, b = room(small_map(), 2)
    a.session.execute(edit_text("c1", "mine"))
    deliver([a, b])
    b.session.execute(edit_text("e1", "theirs"))
    deliver([a, b])
    assert a.session.history.undo_label() == "Edit text"
    a.session.undo()
    deliver([a, b])
    for peer in (a, b):
        assert shown(peer).node("c1").text == "The agreement will stop the crossings"
        assert shown(peer).node("e1").text == "theirs"
    a.session.redo()
    deliver([a, b])
    assert shown(b).node("c1").text == "mine"
    assert not b.session.history.can_redo()
    b.session.undo()
    deliver([a, b])
    assert shown(a).node("e1").text == "Patrols doubled"
    assert shown(a).node("c1").text == "mine"


def test_a_relation_made_to_a_card_deleted_at_the_same_time_is_repaired_everywhere() -> None:
    a, b = room(small_map(), 2)
    a.session.execute(delete_nodes(a.session.map, ["e3"]))
    b.session.execute(link(b.session.map, ["e3"], "ca1", RelationKind.SUPPORT))
    new_relation = b.session.map.relations[-1].id
    deliver([a, b])
    for peer in (a, b):
        assert not shown(peer).has_node("e3")
        assert not shown(peer).has_relation(new_relation)
        assert shown(peer) == fresh(peer)
    assert any(new_relation in report for report in b.shared.reports)
    # Undoing the deletion brings the card and the new relation back for both.
    a.session.undo()
    deliver([a, b])
    for peer in (a, b):
        assert shown(peer).has_relation(new_relation)


def test_map_fields_and_deleting_cards_reach_the_other_session() -> None:
    a, b = room(small_map(), 2)
    a.session.execute(set_title("Shared"))
    a.session.execute(delete_nodes(a.session.map, ["e1"]))
    deliver([a, b])
    assert shown(b).title == "Shared"
    assert not shown(b).has_node("e1")
    assert shown(a) == shown(b) == fresh(b)
