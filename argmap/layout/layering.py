"""Layers of the layered (Sugiyama) layout: cycles broken, ranks assigned, long edges split.

Edges run from a statement down to what bears on it (target -> premise), so main claims rank
first. A depth-first search from the main claims, in map order, reverses the edges that close
a cycle (the only edges that will point the wrong way). Ranks are longest paths from the top
(each statement one layer below the lowest statement it bears on), computed on a networkx
DiGraph in topological order. An edge spanning several layers becomes a chain of dummy nodes,
one per layer crossed, so that ordering and placement see only edges between neighbouring
layers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from argmap.layout.edges import statement_edges
from argmap.model import ArgumentMap

__all__ = ["LayeredGraph", "layer_graph"]


@dataclass
class LayeredGraph:
    """Nodes ``0 .. count - 1`` are the map's statements in map order; the rest are dummies."""

    count: int
    rank: list[int] = field(default_factory=list)
    #: Neighbours one layer up / down (real nodes and dummies alike).
    up: list[list[int]] = field(default_factory=list)
    down: list[list[int]] = field(default_factory=list)
    #: For each node, the real node it stands for: itself, or a dummy's lower end.
    end: list[int] = field(default_factory=list)
    #: Edges (upper, lower) between real nodes, after reversal, before splitting.
    edges: list[tuple[int, int]] = field(default_factory=list)
    reversed_edges: int = 0

    @property
    def size(self) -> int:
        return len(self.rank)

    def layers(self) -> list[list[int]]:
        """Node indices by rank (in index order; the ordering step sorts them)."""
        result: list[list[int]] = [[] for _ in range(max(self.rank, default=-1) + 1)]
        for node, rank in enumerate(self.rank):
            result[rank].append(node)
        return result


def _down_edges(argument_map: ArgumentMap, ids: list[str]) -> list[tuple[int, int]]:
    """Unique (target, premise) index pairs, in relation order."""
    index = {node_id: i for i, node_id in enumerate(ids)}
    pairs: dict[tuple[int, int], None] = {}
    for edge in statement_edges(argument_map):
        target, premise = index.get(edge.target), index.get(edge.premise)
        if target is not None and premise is not None and target != premise:
            pairs[target, premise] = None
    return list(pairs)


def _acyclic(count: int, edges: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], int]:
    """The edges with every DFS back edge reversed (DFS from the tops first, in index order)."""
    below: list[list[int]] = [[] for _ in range(count)]
    has_above = [False] * count
    for upper, lower in edges:
        below[upper].append(lower)
        has_above[lower] = True
    state = [0] * count  # 0 unseen, 1 on the DFS path, 2 done
    back: set[tuple[int, int]] = set()
    starts = [i for i in range(count) if not has_above[i]] + list(range(count))
    for start in starts:
        if state[start]:
            continue
        state[start] = 1
        stack = [(start, iter(below[start]))]
        while stack:
            node, successors = stack[-1]
            nxt = next(successors, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state[nxt] == 1:
                back.add((node, nxt))
            elif state[nxt] == 0:
                state[nxt] = 1
                stack.append((nxt, iter(below[nxt])))
    result = [(b, a) if (a, b) in back else (a, b) for a, b in edges]
    return list(dict.fromkeys(result)), len(back)


def _ranks(count: int, edges: list[tuple[int, int]]) -> list[int]:
    graph = nx.DiGraph()
    graph.add_nodes_from(range(count))
    graph.add_edges_from(edges)
    rank = [0] * count
    for node in nx.topological_sort(graph):
        for lower in graph.successors(node):
            rank[lower] = max(rank[lower], rank[node] + 1)
    return rank


def layer_graph(argument_map: ArgumentMap) -> LayeredGraph:
    """The map's statements in layers, with dummy nodes on edges longer than one layer."""
    ids = [node.id for node in argument_map.nodes]
    count = len(ids)
    edges, reversed_count = _acyclic(count, _down_edges(argument_map, ids))
    rank = _ranks(count, edges)
    graph = LayeredGraph(
        count=count,
        rank=rank,
        up=[[] for _ in range(count)],
        down=[[] for _ in range(count)],
        end=list(range(count)),
        edges=edges,
        reversed_edges=reversed_count,
    )
    for upper, lower in edges:
        previous = upper
        for layer in range(rank[upper] + 1, rank[lower]):
            dummy = graph.size
            graph.rank.append(layer)
            graph.up.append([previous])
            graph.down.append([])
            graph.end.append(lower)
            graph.down[previous].append(dummy)
            previous = dummy
        graph.down[previous].append(lower)
        graph.up[lower].append(previous)
    return graph
