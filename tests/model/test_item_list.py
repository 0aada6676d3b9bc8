"""The map's lists of nodes and relations answer look-ups by id as a scan would, after any
change made to them (through any list method, by renaming in place, by copying), while a
miss costs no scan: these tests compare every answer with a scan of the list as it is."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind
from argmap.model.item_list import ItemList


def _node(node_id: str) -> Node:
    return Node(id=node_id, kind=NodeKind.CLAIM, text=node_id)


def _assert_in_step(argument_map: ArgumentMap, probes: list[str]) -> None:
    nodes = argument_map.nodes
    assert type(nodes) is ItemList
    for probe in probes:
        position = next((i for i, n in enumerate(nodes) if n.id == probe), None)
        assert argument_map.node_position(probe) == position
        assert argument_map.has_node(probe) is (position is not None)
        if position is not None:
            assert argument_map.node(probe) is nodes[position]


#: One mutation: its name and a function of (list, a fresh id maker, two numbers).
_Mutation = Callable[[list[Node], Callable[[], Node], int, int], None]


def _at(nodes: list[Node], a: int) -> int:
    return a % len(nodes) if nodes else 0


_MUTATIONS: dict[str, _Mutation] = {
    "append": lambda ns, new, a, b: ns.append(new()),
    "insert": lambda ns, new, a, b: ns.insert(a - 3, new()),
    "extend": lambda ns, new, a, b: ns.extend(new() for _ in range(b % 4)),
    "iadd": lambda ns, new, a, b: ns.__iadd__([new() for _ in range(b % 3)]),
    "pop end": lambda ns, new, a, b: ns and ns.pop() and None,
    "pop": lambda ns, new, a, b: ns and ns.pop(_at(ns, a)) and None,
    "pop negative": lambda ns, new, a, b: ns and ns.pop(-1 - _at(ns, a)) and None,
    "del": lambda ns, new, a, b: ns and ns.__delitem__(_at(ns, a)),
    "del slice": lambda ns, new, a, b: ns.__delitem__(slice(_at(ns, a), _at(ns, a) + b % 4)),
    "del step": lambda ns, new, a, b: ns.__delitem__(slice(None, None, 2 + b % 2)),
    "remove": lambda ns, new, a, b: ns and ns.remove(ns[_at(ns, a)]),
    "set": lambda ns, new, a, b: ns and ns.__setitem__(_at(ns, a), new()),
    "set same id": lambda ns, new, a, b: (
        ns and ns.__setitem__(_at(ns, a), _node(ns[_at(ns, a)].id))
    ),
    "set slice": lambda ns, new, a, b: ns.__setitem__(
        slice(_at(ns, a), _at(ns, a) + b % 3), [new() for _ in range(a % 4)]
    ),
    "set step": lambda ns, new, a, b: ns.__setitem__(
        slice(None, None, -2), [new() for _ in ns[::-2]]
    ),
    "rename": lambda ns, new, a, b: ns and setattr(ns[_at(ns, a)], "id", new().id),
    "swap ids": lambda ns, new, a, b: _swap_ids(ns, a, b),
    "sort": lambda ns, new, a, b: ns.sort(key=lambda n: n.text[::-1], reverse=a % 2 == 0),
    "reverse": lambda ns, new, a, b: ns.reverse(),
    "clear": lambda ns, new, a, b: ns.clear() if a % 10 == 0 else None,
    "imul": lambda ns, new, a, b: ns.__imul__(1 + (a % 5 == 0)),
    "duplicate id": lambda ns, new, a, b: ns and ns.append(_node(ns[_at(ns, a)].id)),
    "assign": lambda ns, new, a, b: None,  # the map's field set to a plain list (below)
}


def _swap_ids(nodes: list[Node], a: int, b: int) -> None:
    first, second = (nodes[_at(nodes, a)], nodes[_at(nodes, b)]) if nodes else (None, None)
    if first is not None and second is not None and first is not second:
        first.id, second.id = second.id, first.id  # two ids shared for a moment


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(_MUTATIONS)), st.integers(0, 60), st.integers(0, 60)),
        max_size=60,
    ),
    st.integers(0, 25),
)
def test_look_ups_answer_as_a_scan_after_any_list_mutation(
    steps: list[tuple[str, int, int]], start: int
) -> None:
    argument_map = ArgumentMap(nodes=[_node(f"n{i}") for i in range(start)])
    made = [start]

    def new() -> Node:
        made[0] += 1
        return _node(f"n{made[0]}")

    for name, a, b in steps:
        if name == "assign":
            argument_map.nodes = list(reversed(argument_map.nodes))
        else:
            _MUTATIONS[name](argument_map.nodes, new, a, b)
        probes = [f"n{i}" for i in range(0, made[0] + 2, 1 + a % 3)]
        _assert_in_step(argument_map, probes)


class _Trap:
    """An item that fails the test if a look-up reads it."""

    @property
    def id(self) -> str:
        raise AssertionError("the look-up read the list")


def test_a_miss_does_not_read_the_list() -> None:
    argument_map = ArgumentMap(nodes=[_node(f"n{i}") for i in range(100)])
    nodes = argument_map.nodes
    list.append(nodes, _Trap())  # type: ignore[arg-type]  # behind the index's back
    assert not argument_map.has_node("missing")
    assert not argument_map.has_relation("missing")
    assert argument_map.has_node("n5") and argument_map.node_position("n99") == 99
    list.pop(nodes)


def test_copies_and_pickles_index_their_own_items() -> None:
    original = ArgumentMap(nodes=[_node("a"), _node("b")])
    for made in (
        original.model_copy(deep=True),
        copy.deepcopy(original),
        pickle.loads(pickle.dumps(original)),
        ArgumentMap.model_validate_json(original.model_dump_json()),
        ArgumentMap.model_validate(original.model_dump()),
    ):
        assert made == original
        assert type(made.nodes) is ItemList
        assert made.node("a") is made.nodes[0] and made.node("a") is not original.nodes[0]
        made.nodes.append(_node("c"))
        assert made.has_node("c") and not original.has_node("c")
    shallow = copy.copy(original.nodes)
    assert type(shallow) is ItemList and shallow == original.nodes
    shallow.pop()
    assert original.has_node("b")


def test_the_lists_are_plain_lists_to_files_and_comparisons() -> None:
    argument_map = ArgumentMap(
        nodes=[_node("a"), _node("b")],
        relations=[Relation(id="r", kind=RelationKind.SUPPORT, premises=["a"], target="b")],
    )
    plain = ArgumentMap.model_construct(
        nodes=list(argument_map.nodes), relations=list(argument_map.relations)
    )
    assert argument_map.nodes == list(argument_map.nodes)
    assert argument_map.model_dump() == plain.model_dump()
    assert argument_map.model_dump_json() == plain.model_dump_json()
    assert type(argument_map.model_dump()["nodes"]) is list
    assert argument_map == plain


def test_a_list_set_on_the_map_or_given_to_construct_is_indexed() -> None:
    argument_map = ArgumentMap()
    argument_map.nodes = [_node("a")]
    assert type(argument_map.nodes) is ItemList and argument_map.has_node("a")
    built = ArgumentMap.model_construct(nodes=[_node("b")])
    assert type(built.nodes) is ItemList and built.has_node("b")
    kept = ItemList([_node("c")])
    argument_map.nodes = kept
    assert argument_map.nodes is kept  # already one: not copied


def test_a_copy_with_other_lists_still_answers_as_a_scan() -> None:
    # model_copy(update=...) sets the field without validation: a plain list, looked up
    # through the map's checked index.
    original = ArgumentMap(nodes=[_node("a")])
    updated = original.model_copy(update={"nodes": [_node("b")]})
    assert type(updated.nodes) is list
    assert updated.has_node("b") and not updated.has_node("a")
    updated.nodes.append(_node("c"))
    assert updated.node("c").id == "c" and updated.node_position("c") == 1


def test_renames_long_ago_are_caught_up_by_indexing_again() -> None:
    argument_map = ArgumentMap(nodes=[_node("a"), _node("b")])
    argument_map.nodes[0].id = "z"
    spare = _node("spare")
    for i in range(5000):  # more sets in place than the log keeps
        spare.id = f"spare{i}"
    assert argument_map.has_node("z") and not argument_map.has_node("a")
    assert argument_map.node_position("z") == 0
