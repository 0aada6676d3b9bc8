"""A map converts to its shared Y document and back without losing anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pycrdt import Doc

from argmap.collab.convert import SharedDocError, doc_to_map, write_map
from argmap.collab.doc_layout import META, NODES, RELATIONS, root
from argmap.io import native
from argmap.model import ArgumentMap, Participant, Point, Position, Stance
from tests.generators import generate_map
from tests.model.factories import small_map

ROOT = Path(__file__).resolve().parents[2]
MAP_FILES = sorted(p for p in ROOT.rglob("*.argmap.json") if ".venv" not in p.parts)


def round_trip(argument_map: ArgumentMap) -> ArgumentMap:
    doc: Doc = Doc()
    write_map(doc, argument_map)
    # Through the wire: a second document built only from the first one's update.
    other: Doc = Doc()
    other.apply_update(doc.get_update())
    read = doc_to_map(other)
    assert read.problems == []
    return read.argument_map


def test_there_are_map_files_to_check() -> None:
    assert len(MAP_FILES) >= 2


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_map_file_in_the_repository_round_trips(path: Path) -> None:
    original = native.load(path).map
    again = round_trip(original)
    assert again == original
    assert native.dumps(again) == native.dumps(original)


def test_people_debate_and_layout_settings_round_trip() -> None:
    m = small_map()
    m.participants = [Participant(id="p1", name="Ada", colour="#aa3377", role="leader")]
    m.positions = [Position(participant="p1", statement="c1", stance=Stance.AGREE, reason="yes")]
    m.debate.motion = "c1"
    m.debate.speech_order = ["c1", "e1"]
    m.layout.positions = {"c1": Point(x=1.5, y=-2.0), "e1": Point(x=3, y=4)}
    m.layout.pinned = ["c1"]
    m.layout.collapsed = ["e1"]
    m.layout.algorithm = "tree"
    assert round_trip(m) == m


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=1, max_value=60), st.integers(min_value=0, max_value=10_000))
def test_random_maps_round_trip_in_file_order(size: int, seed: int) -> None:
    m = generate_map(size, seed)
    again = round_trip(m)
    assert [n.id for n in again.nodes] == [n.id for n in m.nodes]
    assert again == m


def test_cards_are_keyed_by_id_with_plain_field_values() -> None:
    """What another Yjs client sees: nodes["c1"]["text"] is the card's text."""
    doc: Doc = Doc()
    write_map(doc, small_map())
    assert root(doc, NODES)["c1"]["text"] == "The agreement will stop the crossings"
    assert set(root(doc, RELATIONS)) == {r.id for r in small_map().relations}
    assert root(doc, META)["layout_version"] == 1


def test_a_relation_to_a_deleted_node_is_left_out_and_reported() -> None:
    doc: Doc = Doc()
    m = small_map()
    write_map(doc, m)
    del root(doc, NODES)["e3"]  # r2 is e3 -> c1
    read = doc_to_map(doc)
    assert not read.argument_map.has_relation("r2")
    assert any("'r2'" in problem for problem in read.problems)
    assert read.argument_map.has_relation("r1")


def test_an_invalid_card_from_another_client_is_left_out_not_raised() -> None:
    doc: Doc = Doc()
    write_map(doc, small_map())
    root(doc, NODES)["c1"]["kind"] = "banana"
    read = doc_to_map(doc)
    assert not read.argument_map.has_node("c1")
    assert any("nodes 'c1' left out: kind" in problem for problem in read.problems)


def test_a_newer_document_layout_is_refused_with_a_message() -> None:
    doc: Doc = Doc()
    write_map(doc, small_map())
    root(doc, META)["layout_version"] = 99
    with pytest.raises(SharedDocError, match="layout 99"):
        doc_to_map(doc)
