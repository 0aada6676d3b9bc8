"""New ids: never one the map uses, the lowest free one from where the last search began."""

from __future__ import annotations

import random

import pytest

from argmap.editing import AddNode, CompositeCommand, EditSession, add_related_node, fresh_ids
from argmap.editing.node_commands import RemoveNode
from argmap.model import (
    ArgumentMap,
    Node,
    NodeKind,
    Relation,
    RelationKind,
    SourceDocument,
    text_sha256,
)


def _used(argument_map: ArgumentMap) -> set[str]:
    ids = {n.id for n in argument_map.nodes} | {r.id for r in argument_map.relations}
    return ids | {s.id for s in argument_map.sources} | argument_map.reserved_ids


def test_a_new_map_counts_from_one_and_skips_what_is_used() -> None:
    argument_map = ArgumentMap(nodes=[Node(id="e1", kind=NodeKind.EVIDENCE, text="a")])
    argument_map.reserve_ids(["e3"])
    assert fresh_ids(argument_map, "e", 3) == ["e2", "e4", "e5"]
    assert fresh_ids(argument_map, "c") == ["c1"]


def test_an_undone_card_gives_its_id_to_the_next_one() -> None:
    session = EditSession(ArgumentMap(nodes=[Node(id="c1", kind=NodeKind.CLAIM, text="x")]))
    command = add_related_node(session.map, "c1", NodeKind.EVIDENCE, RelationKind.SUPPORT)
    session.execute(command)
    assert session.map.has_node("e1") and session.map.has_relation("r1")
    session.undo()
    again = add_related_node(session.map, "c1", NodeKind.EVIDENCE, RelationKind.SUPPORT)
    session.execute(again)
    assert session.map.has_node("e1") and session.map.has_relation("r1")


def test_random_edits_never_get_an_id_in_use() -> None:
    rng = random.Random(3)
    session = EditSession(ArgumentMap(nodes=[Node(id="c1", kind=NodeKind.CLAIM, text="x")]))
    for _ in range(300):
        roll = rng.random()
        nodes = [n.id for n in session.map.nodes]
        if roll < 0.5:
            target = rng.choice(nodes)
            kind = rng.choice([NodeKind.EVIDENCE, NodeKind.COUNTERARGUMENT])
            relation = RelationKind.SUPPORT if kind == NodeKind.EVIDENCE else RelationKind.ATTACK
            command = add_related_node(session.map, target, kind, relation)
            assert isinstance(command, CompositeCommand)
            new = {c.node.id for c in command.commands if isinstance(c, AddNode)}
            assert not new & _used(session.map)
            session.execute(command)
        elif roll < 0.65 and len(nodes) > 1:
            session.execute(RemoveNode(rng.choice(nodes[1:])))
        elif roll < 0.85 and session.history.can_undo():
            session.undo()
        elif session.history.can_redo():
            session.redo()
        for prefix in ("e", "ca", "r"):
            assert fresh_ids(session.map, prefix)[0] not in _used(session.map)
        ids = [n.id for n in session.map.nodes] + [r.id for r in session.map.relations]
        assert len(ids) == len(set(ids))


def test_the_first_id_past_thousands_in_use_does_not_search_the_lists_for_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """r1..r3000 in use: finding r3001 must not look up every used number in the lists (a
    relation's id missed among the statements and scanned them all: quadratic, 25 s at
    20,000 statements), then or on the next search."""
    from argmap.model.lookup import IdIndex

    nodes = [Node(id=f"n{i}", kind=NodeKind.CLAIM, text="x") for i in range(3001)]
    relations = [
        Relation(id=f"r{i}", kind=RelationKind.SUPPORT, premises=[f"n{i}"], target="n0")
        for i in range(1, 3001)
    ]
    argument_map = ArgumentMap(nodes=nodes, relations=relations)
    calls = 0
    find = IdIndex.find

    def counted(self: IdIndex[Node], items: list[Node], item_id: str) -> Node | None:
        nonlocal calls
        calls += 1
        return find(self, items, item_id)

    monkeypatch.setattr(IdIndex, "find", counted)
    assert fresh_ids(argument_map, "r") == ["r3001"]
    assert fresh_ids(argument_map, "r", 2) == ["r3001", "r3002"]
    assert calls <= 10  # not one per used number


def test_a_long_run_of_used_ids_is_skipped_to_the_first_free_one() -> None:
    """Past the first few candidates the search looks in a set of every used id: it must
    skip exactly what asking the map would (statements, relations, sources, reserved)."""
    nodes = [Node(id="c1", kind=NodeKind.CLAIM, text="x")]
    nodes += [Node(id=f"e{i}", kind=NodeKind.EVIDENCE, text="y") for i in range(1, 200)]
    relations = [
        Relation(id=f"e{i}", kind=RelationKind.SUPPORT, premises=[f"e{i - 199}"], target="c1")
        for i in range(200, 300)
    ]
    sources = [SourceDocument(id="e301", title="t", text="text", sha256=text_sha256("text"))]
    argument_map = ArgumentMap(nodes=nodes, relations=relations, sources=sources)
    argument_map.reserve_ids(["e303"])
    assert fresh_ids(argument_map, "e", 3) == ["e300", "e302", "e304"]
    assert not set(fresh_ids(argument_map, "e", 40)) & _used(argument_map)
