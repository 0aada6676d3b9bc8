"""An Argdown export reads back exactly: sources, anchors, citations, notes, authorship,
critical questions, participants, debate settings, layout, relation ids and order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from argmap.io import native
from argmap.io.argdown import dumps_argdown, loads_argdown
from argmap.io.errors import FileFormatError
from argmap.model import ArgumentMap, Citation
from argmap.resources import DEFAULT_MAP
from tests.io.interchange_maps import argument_maps
from tests.model.factories import random_map, small_map


def same(m: ArgumentMap) -> bool:
    back = loads_argdown(dumps_argdown(m)).map
    return back.model_dump() == m.model_dump()


def test_the_small_map_comes_back_whole() -> None:
    assert same(small_map())


def test_random_maps_come_back_whole() -> None:
    for seed in range(3):
        assert same(random_map(40, seed))


@settings(max_examples=60, deadline=None)
@given(argument_maps())
def test_generated_maps_come_back_whole(m: ArgumentMap) -> None:
    assert same(m)


def test_the_bundled_map_comes_back_whole() -> None:
    if not DEFAULT_MAP.exists():
        pytest.skip("the bundled map is not there yet")
    m = native.load(DEFAULT_MAP).map
    assert m.sources and any(n.anchors for n in m.nodes) and m.layout.positions
    assert same(m)


def test_texts_that_look_like_argdown_syntax_survive() -> None:
    m = small_map()
    awkward = 'a // comment /* not */ <!-- no --> "quoted" \\ back {x} [y] #tag\n\ttwo  lines'
    m.nodes[0] = m.nodes[0].model_copy(
        update={
            "text": awkward,
            "notes": awkward,
            "tags": ["two words", "a)b"],
            "citation": Citation(title=awkward, url="https://x.org/a//b"),
        }
    )
    m.description = awkward
    m.sources[0].title = awkward
    assert same(m)


def test_the_header_promise_is_kept_in_the_text() -> None:
    text = dumps_argdown(small_map())
    assert "read this file back exactly" in text
    assert '"anchors": [{"source_id": "s1"' in text and '"text": "The Home Secretary' in text


def test_hand_broken_argmap_data_is_named() -> None:
    text = dumps_argdown(small_map()).replace(
        '"anchors": [{"source_id": "s1", "start": 43',
        '"anchors": [{"source_id": "s1", "start": "x"',
        1,
    )
    with pytest.raises(FileFormatError, match=r"argmap data: anchors\[0\]\.start"):
        loads_argdown(text, origin="m.argdown")


def test_broken_front_matter_json_is_named_with_its_line() -> None:
    text = dumps_argdown(small_map()).replace(
        'argmap: {"description"', 'argmap: {"description" 5', 1
    )
    with pytest.raises(FileFormatError, match=r"line 3, column 9: argmap: not valid JSON"):
        loads_argdown(text, origin="m.argdown")


def test_argdown_without_argmap_data_still_reads() -> None:
    result = loads_argdown("[A]: a claim.\n  + [B]: a reason.\n")
    assert [n.text for n in result.map.nodes] == ["a claim.", "a reason."]
    assert not result.map.sources and not result.map.layout.positions
