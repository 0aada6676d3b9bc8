"""argmap -> Argdown -> argmap gives back the same structure: statements (ids, kinds, texts,
tags, evidence types, ratings), relations (kinds, premises, targets, schemes, notes)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from argmap.io import native
from argmap.io.argdown import dumps_argdown, loads_argdown
from argmap.model import ArgumentMap
from argmap.resources import DEFAULT_MAP
from tests.io.interchange_maps import argument_maps, structure
from tests.model.factories import random_map, small_map


def round_trip(m: ArgumentMap) -> ArgumentMap:
    return loads_argdown(dumps_argdown(m)).map


def test_small_map() -> None:
    m = small_map()
    assert structure(round_trip(m)) == structure(m)


def test_written_argdown_reads_as_argdown() -> None:
    text = dumps_argdown(small_map())
    assert text.startswith('===\ntitle: "Small"\nargmap: {"description": "A test map", ')
    assert "[The agreement will stop the crossings]: The agreement will stop the crossings" in text
    assert '<Argument 1>: {id: "r1", scheme: "statistics", argmap: {"questions": ' in text
    assert "(1) [Patrols doubled]\n(2) [Twice as many prevented]\n--\nstatistics\n--\n" in text
    assert "  +> [The agreement will stop the crossings]" in text  # r2, a plain relation
    assert '"modified": "2021-07-20T12:00:00Z"}}\n  _> <Argument 1>\n' in text  # u1, plain


def test_random_maps() -> None:
    for seed in range(3):
        m = random_map(40, seed)
        assert structure(round_trip(m)) == structure(m)


@settings(max_examples=60, deadline=None)
@given(argument_maps())
def test_generated_maps(m: ArgumentMap) -> None:
    assert structure(round_trip(m)) == structure(m)


def test_bundled_map() -> None:
    if not DEFAULT_MAP.exists():
        pytest.skip("the bundled map is not there yet")
    m = native.load(DEFAULT_MAP).map
    assert structure(round_trip(m)) == structure(m)
