"""Moves (one command per gesture), layouts (one command), flags, title and sources."""

from __future__ import annotations

import pytest

from argmap.editing import (
    AddNode,
    ApplyLayout,
    EditError,
    EditSession,
    MoveNodes,
    SetFlag,
    SetMapFields,
    add_source,
    remove_source,
    set_description,
    set_title,
)
from argmap.editing.changes import ChangeKind
from argmap.model import Direction, Point, SourceDocument, find_problems
from tests.model.factories import node, small_map


@pytest.fixture
def session() -> EditSession:
    return EditSession(small_map())


def test_a_drag_of_several_nodes_is_one_command(session: EditSession) -> None:
    before = session.map.model_dump()
    move = MoveNodes({"c1": Point(x=1, y=1), "e1": Point(x=2, y=2)})
    changes = session.execute(move)
    assert move.label == "Move 2 nodes"
    assert changes[0].kind == ChangeKind.POSITIONS_CHANGED and set(changes[0].ids) == {"c1", "e1"}
    assert session.map.layout.positions["e1"] == Point(x=2, y=2)
    session.undo()
    assert session.map.model_dump() == before


def test_moving_a_node_without_a_position_undoes_to_none(session: EditSession) -> None:
    del session.map.layout.positions["ca2"]
    session.execute(MoveNodes({"ca2": Point(x=9, y=9)}))
    session.undo()
    assert "ca2" not in session.map.layout.positions


def test_moving_a_missing_node_is_refused(session: EditSession) -> None:
    with pytest.raises(EditError, match="cannot move 'ghost': no such node"):
        session.execute(MoveNodes({"ghost": Point(x=0, y=0)}))


def test_a_layout_is_one_command_with_its_settings(session: EditSession) -> None:
    before = session.map.model_dump()
    positions = {n.id: Point(x=10.0 * i, y=0) for i, n in enumerate(session.map.nodes)}
    command = ApplyLayout(positions, "radial", Direction.LEFT_RIGHT)
    changes = session.execute(command)
    layout = session.map.layout
    assert layout.positions == positions
    assert (layout.algorithm, layout.direction) == ("radial", Direction.LEFT_RIGHT)
    assert {c.kind for c in changes} == {ChangeKind.POSITIONS_CHANGED, ChangeKind.LAYOUT_CHANGED}
    assert command.label == "Apply radial layout" and len(session.history) == 1
    session.undo()
    assert session.map.model_dump() == before


def test_pin_and_collapse_flags(session: EditSession) -> None:
    session.execute(SetFlag("pinned", ["e2", "c1"], on=True))
    assert session.map.layout.pinned == ["c1", "e1", "e2"]
    session.execute(SetFlag("collapsed", ["ca2"], on=False))
    assert session.map.layout.collapsed == []
    session.undo()
    session.undo()
    assert session.map.model_dump() == small_map().model_dump()
    with pytest.raises(EditError, match="cannot pin 'ghost': no such node"):
        session.execute(SetFlag("pinned", ["ghost"], on=True))
    with pytest.raises(EditError, match="unknown layout flag"):
        SetFlag("hidden", [], on=True)


def test_title_and_description(session: EditSession) -> None:
    session.execute(set_title("New title"))
    session.execute(set_description("New description"))
    assert (session.map.title, session.map.description) == ("New title", "New description")
    session.undo()
    session.undo()
    assert session.map.title == "Small"
    with pytest.raises(EditError, match="cannot edit map field"):
        SetMapFields("x", nodes=[])


def test_add_and_remove_a_source(session: EditSession) -> None:
    extra = SourceDocument(id="s2", title="Reply", text="A reply from France.")
    session.execute(add_source(session.map, extra))
    assert [s.id for s in session.map.sources] == ["s1", "s2"]
    session.execute(remove_source(session.map, "s2"))
    assert [s.id for s in session.map.sources] == ["s1"]
    assert find_problems(session.map) == []


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (SourceDocument(id="s1", text="again"), "two sources share an id"),
        (SourceDocument(id="c1", text="clash"), "source id 'c1' is already used"),
        (SourceDocument(id="s3", text="t", sha256="0" * 64), "sha256 does not match"),
    ],
)
def test_sources_that_would_break_the_map_are_refused(
    session: EditSession, source: SourceDocument, message: str
) -> None:
    with pytest.raises(EditError, match=message):
        session.execute(add_source(session.map, source))


def test_a_source_with_anchors_into_it_cannot_be_removed(session: EditSession) -> None:
    with pytest.raises(EditError, match="node 'c1' would lose its anchor"):
        session.execute(remove_source(session.map, "s1"))
    with pytest.raises(EditError, match="no source with id 'zz'"):
        remove_source(session.map, "zz")


def test_a_node_id_may_not_reuse_a_new_source_id(session: EditSession) -> None:
    session.execute(add_source(session.map, SourceDocument(id="s2", text="x")))
    with pytest.raises(EditError, match="'s2' is already in use"):
        session.execute(AddNode(node("s2")))
