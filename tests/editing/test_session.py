"""The edit session runs every edit, publishes typed changes, and keeps unlimited undo."""

from __future__ import annotations

import pytest

from argmap.editing import (
    Change,
    ChangeKind,
    CompositeCommand,
    EditError,
    EditSession,
    UndoHistory,
    edit_text,
    set_title,
)
from argmap.editing.node_commands import AddNode
from argmap.model import ArgumentMap
from tests.model.factories import node, small_map


def test_subscribers_get_the_changes_of_execute_undo_and_redo() -> None:
    session = EditSession(small_map())
    received: list[list[Change]] = []
    unsubscribe = session.subscribe(received.append)
    session.execute(edit_text("c1", "x"))
    session.undo()
    session.redo()
    expected = [Change(ChangeKind.NODE_CHANGED, ("c1",), ("text",))]
    assert received == [expected, expected, expected]
    unsubscribe()
    session.undo()
    assert len(received) == 3
    unsubscribe()  # twice is harmless


def test_a_failing_command_changes_nothing_and_publishes_nothing() -> None:
    session = EditSession(small_map())
    received: list[list[Change]] = []
    session.subscribe(received.append)
    before = session.map.model_dump()
    # The second part fails after the first applied: the composite rolls the first back.
    command = CompositeCommand("Both", [AddNode(node("c9")), AddNode(node("c9"))])
    with pytest.raises(EditError, match="'c9' is already in use"):
        session.execute(command)
    assert session.map.model_dump() == before
    assert received == [] and len(session.history) == 0 and not session.is_dirty


def test_undo_and_redo_with_nothing_to_do_return_no_changes() -> None:
    session = EditSession()
    assert session.undo() == [] and session.redo() == []
    assert session.map == ArgumentMap()


def test_history_is_unlimited() -> None:
    session = EditSession(small_map())
    for i in range(2000):
        session.execute(set_title(f"title {i}"))
    assert len(session.history) == 2000
    while session.history.can_undo():
        session.undo()
    assert session.map.title == "Small"
    while session.history.can_redo():
        session.redo()
    assert session.map.title == "title 1999"


def test_clean_marker_tracks_unsaved_changes() -> None:
    session = EditSession(small_map(), path="a.argmap.json")
    assert not session.is_dirty
    session.execute(set_title("one"))
    assert session.is_dirty
    session.undo()
    assert not session.is_dirty  # back at the saved state
    session.redo()
    session.mark_clean("b.argmap.json")
    assert (
        not session.is_dirty and session.path is not None and session.path.name == "b.argmap.json"
    )
    session.undo()
    assert session.is_dirty
    session.execute(set_title("two"))  # the saved state can no longer be reached
    assert session.is_dirty
    session.undo()
    assert session.is_dirty


def test_mark_clean_and_replace_are_published() -> None:
    session = EditSession(small_map())
    received: list[list[Change]] = []
    session.subscribe(received.append)
    session.mark_clean()
    session.execute(set_title("x"))
    session.replace(ArgumentMap(title="Other"), path="other.argmap.json")
    assert received[0] == [Change(ChangeKind.MAP_CHANGED, (), ("clean",))]
    assert received[-1] == [Change(ChangeKind.MAP_REPLACED)]
    assert session.map.title == "Other" and not session.is_dirty
    assert not session.history.can_undo()


def test_labels_name_the_next_undo_and_redo() -> None:
    session = EditSession(small_map())
    history: UndoHistory = session.history
    assert history.undo_label() is None and history.redo_label() is None
    session.execute(set_title("x"))
    assert history.undo_label() == "Set title"
    session.undo()
    assert history.redo_label() == "Set title" and history.index == 0
    with pytest.raises(IndexError):
        history.step_back()
