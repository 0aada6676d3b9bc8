"""Behaviour the core promised but no test pinned down, found by a mutmut run on argmap/editing
(tools/mutation.sh): each test here turns red on a mutant that survived the whole core suite.

The undo names are what Edit > Undo shows, so they are written out by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.editing import (
    Command,
    EditError,
    EditSession,
    add_related_node,
    delete_relations,
    edit_text,
    remove_anchor,
    set_notes,
    set_title,
)
from argmap.editing.building import node_from_selection
from argmap.model import ArgumentMap, NodeKind, RelationKind
from tests.model.factories import SOURCE_TEXT, small_map


def test_undo_names_the_last_command_after_several() -> None:
    session = EditSession(small_map())
    session.execute(set_title("one"))
    session.execute(edit_text("c1", "two"))
    session.execute(set_notes("c1", "three"))
    assert session.history.undo_label() == "Edit notes"
    session.undo()
    assert session.history.undo_label() == "Edit text"
    assert session.history.redo_label() == "Edit notes"


CLAIM, OBJECTION = NodeKind.CLAIM, NodeKind.COUNTERARGUMENT
LABELS: list[tuple[Callable[[ArgumentMap], Command], str]] = [
    (lambda m: edit_text("c1", "x"), "Edit text"),
    (lambda m: set_notes("c1", "x"), "Edit notes"),
    (lambda m: remove_anchor(m, "c1", 0), "Remove anchor"),
    (lambda m: add_related_node(m, "c1", CLAIM, RelationKind.SUPPORT), "Add supporting reason"),
    (lambda m: add_related_node(m, "c1", OBJECTION, RelationKind.ATTACK), "Add objection"),
    (lambda m: delete_relations(m, [m.relations[0].id]), "Delete relation"),
]


@pytest.mark.parametrize(("build", "label"), LABELS)
def test_edit_undo_names_as_the_menu_shows_them(
    build: Callable[[ArgumentMap], Command], label: str
) -> None:
    session = EditSession(small_map())
    session.execute(build(session.map))
    assert session.history.undo_label() == label


def test_a_new_related_card_starts_empty_and_a_missing_target_is_named() -> None:
    m = small_map()
    session = EditSession(m)
    session.execute(add_related_node(m, "c1", NodeKind.CLAIM, RelationKind.SUPPORT))
    new = session.map.nodes[-1]
    assert new.text == ""
    with pytest.raises(EditError, match="no node or relation with id 'nope'"):
        add_related_node(session.map, "nope", NodeKind.CLAIM, RelationKind.SUPPORT)


def test_removing_an_anchor_past_the_last_is_refused_as_an_edit_error() -> None:
    m = small_map()
    count = len(m.node("c1").anchors)
    with pytest.raises(EditError):
        remove_anchor(m, "c1", count)


def test_deleting_nothing_says_so() -> None:
    with pytest.raises(EditError, match=r"^nothing to delete$"):
        delete_relations(small_map(), [])


@pytest.mark.parametrize(
    ("start", "end"),
    [(0, 12), (12, 0), (-5, 12)],  # from the very start; dragged backwards; before the start
)
def test_a_card_from_words_at_the_start_of_the_text(start: int, end: int) -> None:
    node = node_from_selection(small_map(), "s1", start, end, NodeKind.CLAIM).node
    assert node.text == SOURCE_TEXT[:12].strip() == "The Home Sec"
    assert (node.anchors[0].start, node.anchors[0].end) == (0, 12)


def test_spaces_around_selected_words_are_left_out_of_the_card_and_its_anchor() -> None:
    quote = "French patrols doubled"
    at = SOURCE_TEXT.index(quote)
    node = node_from_selection(small_map(), "s1", at - 1, at + len(quote) + 1, NodeKind.EVIDENCE)
    assert node.node.text == quote
    assert (node.node.anchors[0].start, node.node.anchors[0].end) == (at, at + len(quote))
    # Selected up to the very end of the text, trailing newline included.
    last = SOURCE_TEXT.rstrip("\n").rsplit("\n", 1)[1]
    end_node = node_from_selection(
        small_map(), "s1", len(SOURCE_TEXT) - len(last) - 1, len(SOURCE_TEXT) + 3, NodeKind.CLAIM
    ).node
    assert end_node.text == last
    assert end_node.anchors[0].end == len(SOURCE_TEXT) - 1


def test_replacing_the_map_keeps_the_path_it_was_given(tmp_path: Path) -> None:
    session = EditSession(small_map())
    session.replace(ArgumentMap(title="Other"), path=tmp_path / "other.argmap.json")
    assert session.path == tmp_path / "other.argmap.json"
    session.replace(ArgumentMap(title="Untitled"))
    assert session.path is None
