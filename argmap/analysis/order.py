"""Dependency order with cycles grouped: the strongly connected components, first things first.

Used wherever values are computed from other values (strengths, the map's complex attacks):
items outside cycles come out one at a time in a single cheap pass (Kahn's algorithm), and only
what lies on or after a cycle goes through networkx's component search.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import networkx as nx

__all__ = ["components_in_order"]


def components_in_order(
    items: Sequence[str], dependencies: Callable[[str], Iterable[str]]
) -> list[tuple[list[str], bool]]:
    """``items`` grouped into strongly connected components, each after those it depends on.

    ``dependencies(item)`` lists the items it depends on (others are ignored). Returns
    ``(members, cyclic)`` pairs; a component is cyclic when it has several members or an item
    depends on itself. Members keep the order of ``items``.

    Examples
    --------
    >>> deps = {"a": [], "b": ["a", "c"], "c": ["b"], "d": ["c"]}
    >>> components_in_order("abcd", deps.__getitem__)
    [(['a'], False), (['b', 'c'], True), (['d'], False)]
    """
    known = set(items)
    needs = {item: [d for d in dependencies(item) if d in known] for item in items}
    waiting = {item: len(found) for item, found in needs.items()}
    dependents: dict[str, list[str]] = {item: [] for item in items}
    for item, found in needs.items():
        for need in found:
            dependents[need].append(item)
    order = [item for item in items if waiting[item] == 0]
    for item in order:  # the list grows while it is read: Kahn's algorithm
        for dependent in dependents[item]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                order.append(dependent)
    result = [([item], False) for item in order]
    blocked = [item for item in items if waiting[item] > 0]
    if blocked:
        result += _cyclic_part(blocked, needs)
    return result


def _cyclic_part(blocked: list[str], needs: dict[str, list[str]]) -> list[tuple[list[str], bool]]:
    members = set(blocked)
    graph = nx.DiGraph()
    graph.add_nodes_from(blocked)
    graph.add_edges_from((d, item) for item in blocked for d in needs[item] if d in members)
    condensed = nx.condensation(graph)
    position = {item: i for i, item in enumerate(blocked)}
    result = []
    for component in nx.lexicographical_topological_sort(
        condensed, key=lambda c: min(position[i] for i in condensed.nodes[c]["members"])
    ):
        found = sorted(condensed.nodes[component]["members"], key=position.__getitem__)
        cyclic = len(found) > 1 or graph.has_edge(found[0], found[0])
        result.append((found, cyclic))
    return result
