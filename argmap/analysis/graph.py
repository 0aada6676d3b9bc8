"""The one converter between argument maps and networkx graphs.

:func:`to_networkx` builds an AIF-shaped bipartite digraph, so linked arguments and undercuts
survive exactly: a graph node per statement (``role="statement"``) and per relation
(``role="relation"``); edges run premise -> relation (``role="premise"``) and relation ->
target (``role="conclusion"``), where the target is a statement or, for an undercut, another
relation. :func:`from_networkx` is its inverse, for importers.

:func:`statement_graph` is the projection most algorithms want: statements only, one edge
premise -> target per premise and relation (an undercut points at the attacked relation's
conclusion, marked ``undercut``).
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from argmap.model import ArgumentMap, Node, Relation

__all__ = ["from_networkx", "statement_graph", "to_networkx"]

STATEMENT = "statement"
RELATION = "relation"


def to_networkx(argument_map: ArgumentMap) -> nx.DiGraph:
    """The map as a bipartite digraph of statements and relations.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(nodes=[Node(id="a", kind="claim"), Node(id="b", kind="evidence")],
    ...                 relations=[Relation(id="r", kind="support", premises=["b"], target="a")])
    >>> g = to_networkx(m)
    >>> sorted(g.edges)
    [('b', 'r'), ('r', 'a')]
    >>> g.nodes["r"]["kind"]
    'support'
    """
    graph = nx.DiGraph(title=argument_map.title)
    for node in argument_map.nodes:
        graph.add_node(node.id, role=STATEMENT, kind=node.kind.value, text=node.text, node=node)
    for relation in argument_map.relations:
        graph.add_node(
            relation.id,
            role=RELATION,
            kind=relation.kind.value,
            scheme=relation.scheme,
            relation=relation,
        )
    for relation in argument_map.relations:
        for order, premise in enumerate(relation.premises):
            graph.add_edge(premise, relation.id, role="premise", order=order)
        graph.add_edge(relation.id, relation.target, role="conclusion")
    return graph


def from_networkx(graph: nx.DiGraph, title: str = "") -> ArgumentMap:
    """Build a map from a graph shaped like :func:`to_networkx`'s output.

    Statement nodes may carry a ``node`` attribute (a :class:`Node`) or ``kind`` and ``text``;
    relation nodes a ``relation`` attribute or ``kind`` (and ``scheme``). Premise order follows
    the edges' ``order`` attribute.
    """
    nodes: list[Node] = []
    relations: list[Relation] = []
    for graph_id, data in graph.nodes(data=True):
        if data.get("role", STATEMENT) == STATEMENT:
            node = data.get("node")
            if isinstance(node, Node):
                nodes.append(node.model_copy(deep=True))
            else:
                nodes.append(
                    Node(
                        id=str(graph_id),
                        kind=data.get("kind", "claim"),
                        text=str(data.get("text", "")),
                    )
                )
    for graph_id, data in graph.nodes(data=True):
        if data.get("role") != RELATION:
            continue
        # An undercut's edge into this relation is the undercut's conclusion, not a premise.
        premise_edges = sorted(
            (
                edge
                for edge in graph.in_edges(graph_id, data=True)
                if edge[2].get("role") != "conclusion"
                and graph.nodes[edge[0]].get("role", STATEMENT) == STATEMENT
            ),
            key=lambda e: e[2].get("order", 0),
        )
        premises = [str(source) for source, _, _ in premise_edges]
        targets = [str(t) for t in graph.successors(graph_id)]
        if len(targets) != 1:
            raise ValueError(f"relation node {graph_id!r} has {len(targets)} targets; needs 1")
        relation = data.get("relation")
        fields: dict[str, Any] = {"premises": premises, "target": targets[0]}
        if isinstance(relation, Relation):
            relations.append(relation.model_copy(update=fields, deep=True))
        else:
            relations.append(
                Relation(
                    id=str(graph_id),
                    kind=data.get("kind", "support"),
                    scheme=data.get("scheme"),
                    **fields,
                )
            )
    return ArgumentMap(title=graph.graph.get("title", title), nodes=nodes, relations=relations)


def statement_graph(argument_map: ArgumentMap) -> nx.MultiDiGraph:
    """Statements only: an edge premise -> target for each premise of each relation.

    Edge keys are relation ids; attributes ``kind`` ("support"/"attack"), ``relation``,
    ``linked`` (more than one premise) and ``undercut`` (the attacked relation's id, or None).

    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(nodes=[Node(id="a", kind="claim"), Node(id="b", kind="evidence"),
    ...                        Node(id="c", kind="counterargument")],
    ...                 relations=[Relation(id="r", kind="support", premises=["b"], target="a"),
    ...                            Relation(id="u", kind="attack", premises=["c"], target="r")])
    >>> [(s, t, k) for s, t, k in statement_graph(m).edges(keys=True)]
    [('b', 'a', 'r'), ('c', 'a', 'u')]
    """
    graph = nx.MultiDiGraph()
    for node in argument_map.nodes:
        graph.add_node(node.id, kind=node.kind.value)
    relations = argument_map.relation_index()
    for relation in argument_map.relations:
        target = relation.target
        undercut: str | None = None
        seen: set[str] = set()
        while target in relations and target not in seen:
            seen.add(target)
            undercut = undercut or target
            target = relations[target].target
        if target in relations:
            continue
        for premise in relation.premises:
            graph.add_edge(
                premise,
                target,
                key=relation.id,
                kind=relation.kind.value,
                relation=relation.id,
                linked=len(relation.premises) > 1,
                undercut=undercut,
            )
    return graph
