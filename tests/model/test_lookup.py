"""Look-ups by id answer as a scan of the lists would, whatever was done to them in between."""

from __future__ import annotations

import random

from argmap.model import ArgumentMap, Node, NodeKind


def _node(node_id: str) -> Node:
    return Node(id=node_id, kind=NodeKind.CLAIM, text=node_id)


def _scan(argument_map: ArgumentMap, node_id: str) -> Node | None:
    return next((n for n in argument_map.nodes if n.id == node_id), None)


def test_look_ups_follow_every_kind_of_edit_to_the_list() -> None:
    rng = random.Random(13)
    argument_map = ArgumentMap(nodes=[_node(f"n{i}") for i in range(20)])
    made = 20
    for _ in range(2000):
        nodes = argument_map.nodes
        action = rng.randrange(9)
        if action == 0:
            nodes.append(_node(f"n{made}"))
            made += 1
        elif action == 7:  # inserted before others (what undoing a delete does)
            nodes.insert(rng.randrange(len(nodes) + 1), _node(f"n{made}"))
            made += 1
        elif action == 8 and nodes:  # taken out from before others
            del nodes[rng.randrange(len(nodes))]
        elif action == 6:  # several at once, after a look-up indexed the list
            argument_map.has_node("n0")
            nodes.extend(_node(f"n{made + k}") for k in range(rng.randrange(1, 4)))
            made += 3
        elif action == 1 and nodes:
            nodes.pop(rng.randrange(len(nodes)))
        elif action == 2 and nodes:
            position = rng.randrange(len(nodes))
            nodes[position] = _node(nodes[position].id)  # same id, another object
        elif action == 3 and nodes:
            rng.choice(nodes).id = f"n{made}"  # renamed in place
            made += 1
        elif action == 4:
            rng.shuffle(nodes)
        else:
            argument_map.nodes = list(reversed(nodes))
        for probe in (f"n{rng.randrange(made + 2)}" for _ in range(5)):
            expected = _scan(argument_map, probe)
            assert argument_map.has_node(probe) is (expected is not None)
            if expected is not None:
                assert argument_map.node(probe) is expected


def test_a_copy_answers_with_its_own_nodes() -> None:
    original = ArgumentMap(nodes=[_node("a"), _node("b")])
    assert original.node("a").id == "a"
    copy = original.model_copy(deep=True)
    assert copy.node("a") is copy.nodes[0]
    assert copy.node("a") is not original.node("a")
    assert copy == original
