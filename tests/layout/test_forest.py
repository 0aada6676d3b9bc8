"""The layout tree: roots, the order of premises, cross links and cycles."""

from __future__ import annotations

from hypothesis import given, settings

from argmap.analysis.graph import statement_graph
from argmap.layout import build_forest
from argmap.layout.edges import statement_edges
from argmap.layout.forest import ATTACK, SUPPORT, UNDERCUT
from argmap.model import ArgumentMap
from tests.layout.strategies import maps, node, relation


def ids(forest_ids: list[str], indices: list[int]) -> list[str]:
    return [forest_ids[i] for i in indices]


def test_main_claims_are_roots_and_premises_are_grouped_supports_undercuts_attacks() -> None:
    m = ArgumentMap(
        nodes=[node(i) for i in ("c", "d", "a", "s", "t", "u")],
        relations=[
            relation("ra", ["a"], "c", attack=True),
            relation("rs", ["s", "t"], "c"),
            relation("ru", ["u"], "rs", attack=True),
        ],
    )
    forest = build_forest(m)
    assert ids(forest.ids, forest.roots) == ["c", "d"]
    c = forest.ids.index("c")
    assert ids(forest.ids, forest.children[c]) == ["s", "t", "u", "a"]
    groups = [forest.group[k] for k in forest.children[c]]
    assert groups == [SUPPORT, SUPPORT, UNDERCUT, ATTACK]


def test_a_shared_premise_hangs_under_its_first_relation_and_the_other_is_a_cross_link() -> None:
    m = ArgumentMap(
        nodes=[node(i) for i in ("top", "left", "right", "shared")],
        relations=[
            relation("r1", ["left"], "top"),
            relation("r2", ["right"], "top"),
            relation("r3", ["shared"], "right"),
            relation("r4", ["shared"], "left", attack=True),
        ],
    )
    forest = build_forest(m)
    index = forest.ids.index
    assert forest.parent[index("shared")] == index("right")
    assert forest.cross_links() == [(index("shared"), index("left"))]


def test_cycles_break_at_their_first_node_in_map_order() -> None:
    m = ArgumentMap(
        nodes=[node(i) for i in ("x", "a", "b", "c")],
        relations=[
            relation("r1", ["a"], "b"),
            relation("r2", ["b"], "c"),
            relation("r3", ["c"], "a"),
            relation("r4", ["x"], "b"),
        ],
    )
    forest = build_forest(m)
    assert ids(forest.ids, forest.roots) == ["a"]
    assert forest.depth[forest.ids.index("x")] == 3  # a <- c <- b <- x
    assert build_forest(m).parent == forest.parent


def test_a_chosen_root_comes_first_even_when_it_bears_on_something() -> None:
    m = ArgumentMap(
        nodes=[node(i) for i in ("c", "e", "f")],
        relations=[relation("r1", ["e"], "c"), relation("r2", ["f"], "e")],
    )
    forest = build_forest(m, root="e")
    assert ids(forest.ids, forest.roots) == ["e", "c"]
    assert (forest.ids.index("e"), forest.ids.index("c")) in forest.cross_links()


@settings(max_examples=40, deadline=None)
@given(argument_map=maps())
def test_every_node_is_in_exactly_one_tree(argument_map: ArgumentMap) -> None:
    forest = build_forest(argument_map)
    seen = [n for r in forest.roots for n in forest.subtree(r)]
    assert sorted(seen) == list(range(len(argument_map.nodes)))


@settings(max_examples=40, deadline=None)
@given(argument_map=maps())
def test_statement_edges_match_the_analysis_projection(argument_map: ArgumentMap) -> None:
    graph = statement_graph(argument_map)
    expected = sorted((s, t, k) for s, t, k in graph.edges(keys=True))
    mine = sorted((e.premise, e.target, e.relation) for e in statement_edges(argument_map))
    assert mine == expected
    for edge in statement_edges(argument_map):
        data = graph.edges[edge.premise, edge.target, edge.relation]
        assert (data["kind"] == "attack", data["linked"], data["undercut"]) == (
            edge.attack,
            edge.linked,
            edge.undercut,
        )
