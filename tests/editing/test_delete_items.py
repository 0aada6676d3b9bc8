"""Deleting a selection of cards and arrows at once (Delete on the canvas): the relations go
first, then the cards with their cascade as it would be built on the map without those
relations, all as one undo step, built without copying the map."""

from __future__ import annotations

import random

import pytest

from argmap.editing import (
    Command,
    CompositeCommand,
    EditSession,
    delete_items,
    delete_nodes,
    delete_relations,
)
from argmap.model import ArgumentMap
from tests.model.factories import random_map, small_map


def _by_copy(m: ArgumentMap, nodes: list[str], relations: list[str]) -> Command:
    """The command as it was built before: the node cascade on a copy without the arrows."""
    first = delete_relations(m, relations)
    scratch = m.model_copy(deep=True)
    first.apply(scratch)
    return CompositeCommand("Delete", [first, delete_nodes(scratch, nodes)])


def _shape(command: Command) -> object:
    if isinstance(command, CompositeCommand):
        return (command.label, [_shape(part) for part in command.commands])
    return (type(command).__name__, {k: v for k, v in vars(command).items() if k != "_saved"})


@pytest.mark.parametrize("seed", range(8))
def test_a_mixed_delete_is_the_one_built_on_a_copy(seed: int) -> None:
    rng = random.Random(seed)
    m = random_map(60, seed=seed, undercut_rate=0.3)
    for _ in range(10):
        nodes = [n.id for n in rng.sample(m.nodes, rng.randint(1, 4))]
        relations = [r.id for r in rng.sample(m.relations, rng.randint(1, 4))]
        expected = _by_copy(m, nodes, relations)
        built = delete_items(m, nodes, relations, "Delete")
        assert _shape(built) == _shape(expected)
    session = EditSession(m)
    before = m.model_copy(deep=True)
    after = before.model_copy(deep=True)
    expected.apply(after)
    session.execute(built)
    assert session.map == after
    session.undo()
    assert session.map == before


def test_only_cards_or_only_arrows_are_the_plain_deletes() -> None:
    m = small_map()
    assert _shape(delete_items(m, ["e1"], [])) == _shape(delete_nodes(m, ["e1"]))
    assert _shape(delete_items(m, [], ["r1"])) == _shape(delete_relations(m, ["r1"]))
    assert delete_items(m, ["e1"], ["r2"]).label == "Delete 2 items"


def test_a_mixed_delete_leaves_the_map_alone_until_applied() -> None:
    m = small_map()
    before = m.model_copy(deep=True)
    delete_items(m, ["ca2"], ["r1"])
    assert m == before
