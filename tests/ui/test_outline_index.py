"""The outline's index of the map follows every edit as if read afresh: roots in order, the
relations into each target in the map's order, and the rebuttals."""

from __future__ import annotations

import random

import pytest

from argmap.editing import EditSession
from argmap.ui.outline_index import Delta, OutlineIndex
from argmap.ui.outline_model import root_nodes
from argmap.ui.roles import rebuttal_ids
from tests.ui.conftest import small_map
from tests.ui.test_outline_follows_changes import Editor


def _state(index: OutlineIndex) -> tuple[object, ...]:
    targets = {*index.nodes, *index.relations}
    into = {t: [r.id for r in index.into(t)] for t in targets if index.into(t)}
    return index.roots, into, index.rebuttals, set(index.nodes), set(index.relations)


@pytest.mark.parametrize("seed", range(6))
def test_the_index_follows_random_edits(seed: int) -> None:
    session = EditSession(small_map())
    index = OutlineIndex(session.map)
    index.complete = True
    followed = 0
    session.subscribe(lambda changes: deltas.append(index.apply(changes)))
    editor = Editor(session, random.Random(seed))
    for number in range(200):
        deltas: list[Delta] = []
        what = editor.step()
        fresh = OutlineIndex(session.map)
        assert _state(index) == _state(fresh), f"step {number} ({what})"
        assert index.roots == [n.id for n in root_nodes(session.map)]
        assert index.rebuttals == rebuttal_ids(session.map)
        if any(d.afresh for d in deltas):
            index = fresh  # as the outline does: built afresh, all nodes reached or not
        else:
            followed += bool(deltas)
        index.complete = True
    assert followed > 50  # most steps were followed, not rebuilt
