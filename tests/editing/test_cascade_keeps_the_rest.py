"""Deleting takes exactly what depends on the deleted along, and nothing else.

From a mutmut run on argmap/editing: a delete that dropped every OTHER statement's positions
(the stances participants took), or that kept them all, survived the core suite; so did the
cascade through a chain of undercuts.
"""

from __future__ import annotations

from argmap.editing import AddNode, EditSession, delete_nodes, delete_relations, link
from argmap.model import Debate, DebateSide, Participant, Position, RelationKind, Stance
from tests.model.factories import node, small_map


def _with_people_and_debate() -> EditSession:
    m = small_map()
    m.participants = [Participant(id="p1", name="Ann"), Participant(id="p2", name="Bo")]
    m.positions = [
        Position(participant="p1", statement="ca1", stance=Stance.AGREE),
        Position(participant="p2", statement="ca1", stance=Stance.DISAGREE),
        Position(participant="p1", statement="c1", stance=Stance.AGREE),
        Position(participant="p2", statement="e3", stance=Stance.UNSURE),
    ]
    m.debate = Debate(
        motion="c1",
        side_overrides={"ca1": DebateSide.AGAINST, "e3": DebateSide.FOR},
        speech_order=["c1", "ca1", "e3"],
    )
    return EditSession(m)


def test_deleting_a_statement_forgets_only_its_own_positions_and_debate_roles() -> None:
    session = _with_people_and_debate()
    before = session.map.model_dump()
    session.execute(delete_nodes(session.map, ["ca1"]))
    m = session.map
    assert [(p.participant, p.statement) for p in m.positions] == [("p1", "c1"), ("p2", "e3")]
    assert m.debate.motion == "c1"
    assert m.debate.side_overrides == {"e3": DebateSide.FOR}
    assert m.debate.speech_order == ["c1", "e3"]
    assert [p.id for p in m.participants] == ["p1", "p2"]
    session.undo()
    assert session.map.model_dump() == before


def test_deleting_a_statement_nobody_took_a_stance_on_keeps_every_position() -> None:
    session = _with_people_and_debate()
    positions = list(session.map.positions)
    session.execute(delete_nodes(session.map, ["e2"]))
    assert session.map.positions == positions


def test_deleting_a_relation_takes_the_whole_chain_of_undercuts_along() -> None:
    session = EditSession(small_map())
    m = session.map
    # u1 undercuts r1; u2 undercuts u1; u3 undercuts u2: a chain three deep.
    session.execute(link(m, ["e3"], "u1", RelationKind.ATTACK))
    u2 = session.map.relations[-1].id
    session.execute(AddNode(node("x9", "counterargument", "Undercut of the undercut")))
    session.execute(link(session.map, ["x9"], u2, RelationKind.ATTACK))
    u3 = session.map.relations[-1].id
    before = session.map.model_dump()
    session.execute(delete_relations(session.map, ["r1"]))
    left = {r.id for r in session.map.relations}
    assert left == {"r2", "r3"}
    assert not {"r1", "u1", u2, u3} & left
    session.undo()
    assert session.map.model_dump() == before
