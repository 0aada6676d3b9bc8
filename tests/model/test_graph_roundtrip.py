"""to_networkx and from_networkx are inverses on statements and relations (linked, undercuts)."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.graph import from_networkx, statement_graph, to_networkx
from tests.generators import generate_map
from tests.model.factories import random_map, small_map


@settings(max_examples=25, deadline=None)
@given(n_nodes=st.integers(min_value=1, max_value=60), seed=st.integers(0, 10_000))
def test_map_to_graph_to_map_keeps_every_statement_and_relation(n_nodes: int, seed: int) -> None:
    m = random_map(n_nodes, seed, undercut_rate=0.25)
    back = from_networkx(to_networkx(m))
    assert back.title == m.title
    assert [n.model_dump() for n in back.nodes] == [n.model_dump() for n in m.nodes]
    assert [r.model_dump() for r in back.relations] == [r.model_dump() for r in m.relations]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_round_trip_on_the_shared_generator(seed: int) -> None:
    m = generate_map(400, seed, cross_link_share=0.1)
    back = from_networkx(to_networkx(m))
    assert back.model_dump() == m.model_dump()


def test_the_graph_is_bipartite_with_ordered_premises() -> None:
    m = small_map()
    graph = to_networkx(m)
    roles = nx.get_node_attributes(graph, "role")
    assert {k for k, v in roles.items() if v == "relation"} == {"r1", "r2", "r3", "u1"}
    for source, target in graph.edges:
        assert (roles[source] == "relation") != (roles[target] == "relation") or (
            source == "u1" and target == "r1"  # an undercut: relation -> relation
        )
    assert graph.edges["e2", "r1"]["order"] == 1
    assert graph.edges["u1", "r1"]["role"] == "conclusion"


def test_premise_order_survives_without_the_model_objects() -> None:
    graph = to_networkx(small_map())
    for _, data in graph.nodes(data=True):
        data.pop("node", None)
        data.pop("relation", None)
    back = from_networkx(graph)
    assert back.relation("r1").premises == ["e1", "e2"]
    assert back.relation("u1").target == "r1"
    assert back.node("ca1").kind == "counterargument"


def test_a_relation_without_one_target_is_refused() -> None:
    graph = to_networkx(small_map())
    graph.add_edge("r2", "e1", role="conclusion")
    with pytest.raises(ValueError, match="relation node 'r2' has 2 targets"):
        from_networkx(graph)


def test_statement_graph_points_undercuts_at_the_attacked_conclusion() -> None:
    edges = {
        (s, t, k): d for s, t, k, d in statement_graph(small_map()).edges(keys=True, data=True)
    }
    assert edges[("ca2", "c1", "u1")]["undercut"] == "r1"
    assert edges[("e1", "c1", "r1")]["linked"] is True
    assert edges[("e3", "c1", "r2")]["linked"] is False
