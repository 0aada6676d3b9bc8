"""The checklist's islands and circles, found in linear time, are the ones a graph library
finds: checked against networkx on random maps with islands and support cycles added."""

from __future__ import annotations

import networkx as nx
import pytest

from argmap.analysis.checklist import GapKind, find_gaps
from argmap.analysis.sides import main_claims
from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind
from tests.generators import generate_map


def _islands(m: ArgumentMap) -> list[set[str]]:
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in m.nodes)
    relations = m.relation_index()
    for relation in m.relations:
        ends = list(relation.premises)
        target = relation.target
        while target in relations and target not in ends:
            ends += relations[target].premises
            target = relations[target].target
        ends.append(target)
        graph.add_edges_from((ends[0], o) for o in ends[1:] if o in graph)
    roots = set(main_claims(m))
    return sorted(
        (c for c in nx.connected_components(graph) if not c & roots), key=lambda c: sorted(c)
    )


def _circles(m: ArgumentMap) -> list[set[str]]:
    graph = nx.DiGraph()
    for r in m.relations:
        if r.kind == RelationKind.SUPPORT:
            graph.add_edges_from((p, r.target) for p in r.premises)
    found = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    return sorted(found, key=lambda c: sorted(c))


@pytest.mark.parametrize("seed", range(12))
def test_islands_and_circles_match_networkx(seed: int) -> None:
    m = generate_map(60 + seed * 7, seed)
    claims = [n.id for n in m.nodes if n.kind == NodeKind.CLAIM]
    # A lone pair far from any main claim, and (every other seed) a circle of support.
    m.nodes += [Node(id="x1", kind=NodeKind.EVIDENCE), Node(id="x2", kind=NodeKind.EVIDENCE)]
    m.relations.append(Relation(id="rx", kind=RelationKind.SUPPORT, premises=["x1"], target="x2"))
    if seed % 2 and len(claims) > 3:
        a, b = claims[1], claims[3]
        m.relations.append(Relation(id="rc1", kind=RelationKind.SUPPORT, premises=[a], target=b))
        m.relations.append(Relation(id="rc2", kind=RelationKind.SUPPORT, premises=[b], target=a))
    gaps = find_gaps(m)
    islands = [set(g.node_ids) for g in gaps if g.kind is GapKind.DISCONNECTED]
    circles = [set(g.node_ids) for g in gaps if g.kind is GapKind.CIRCULAR_SUPPORT]
    assert sorted(islands, key=lambda c: sorted(c)) == _islands(m)
    assert sorted(circles, key=lambda c: sorted(c)) == _circles(m)
    assert {"x1", "x2"} in islands
    if seed % 2 and len(claims) > 3:
        assert circles
