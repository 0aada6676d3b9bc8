"""Crossing reduction for the layered layout: the order of the cards within each layer.

The start is the tidy tree's reading order (a depth-first walk of the layout forest: supports
before attacks), which already draws a tree without crossings. Then layer-by-layer sweeps,
down and up, sort each layer by the barycentre of its neighbours in the layer just fixed;
after each sweep the crossings are counted (inversions, with a Fenwick tree: O(E log V)) and
the best order seen is kept. After the start and after every sweep, neighbours within a layer
are swapped wherever that removes crossings (the transposition heuristic of Gansner et al.,
which is what actually improves a good start). Sweeps stop when two in a row bring no
improvement.

Co-premises of a linked argument stay together: after every sort and transposition, the
members of a group that share a layer are gathered where its first member stands (a reader
pairs premises by their neighbours; a linked argument pulled apart reads as separate ones).
"""

from __future__ import annotations

from argmap.layout.layering import LayeredGraph

__all__ = ["count_layer_crossings", "order_layers"]

MAX_SWEEPS = 12
PATIENCE = 2


def count_layer_crossings(upper: list[int], lower: list[int], down: list[list[int]]) -> int:
    """Crossings between the edges joining two neighbouring layers in the given orders."""
    position = {node: i for i, node in enumerate(lower)}
    targets: list[int] = []
    for node in upper:
        targets.extend(sorted(position[below] for below in down[node]))
    # Inversions of ``targets``: each pair out of order is one crossing.
    size = len(lower)
    tree = [0] * (size + 1)
    crossings = 0
    for seen, value in enumerate(targets):
        index = value + 1
        not_greater = 0
        while index > 0:
            not_greater += tree[index]
            index -= index & -index
        crossings += seen - not_greater
        index = value + 1
        while index <= size:
            tree[index] += 1
            index += index & -index
    return crossings


def total_crossings(layers: list[list[int]], down: list[list[int]]) -> int:
    return sum(
        count_layer_crossings(layers[i], layers[i + 1], down) for i in range(len(layers) - 1)
    )


def _sort_by_barycentre(
    layer: list[int], fixed: list[int], neighbours: list[list[int]]
) -> list[int]:
    position = {node: i for i, node in enumerate(fixed)}
    current = {node: i for i, node in enumerate(layer)}
    scale = len(fixed) / max(len(layer), 1)

    def barycentre(node: int) -> float:
        near = neighbours[node]
        if not near:
            return current[node] * scale  # no neighbour: keep its relative place
        return sum(position[other] for other in near) / len(near)

    return sorted(layer, key=lambda node: (barycentre(node), current[node]))


def _pair_crossings(left: list[int], right: list[int], position: list[int]) -> int:
    """Crossings between the edges of two neighbours, ``left`` before ``right``, to one layer."""
    return sum(1 for a in left for b in right if position[a] > position[b])


def transpose(layers: list[list[int]], graph: LayeredGraph, passes: int = 4) -> None:
    """Swap neighbours in a layer wherever that removes crossings (in place)."""
    position = [0] * graph.size
    for layer in layers:
        for i, node in enumerate(layer):
            position[node] = i
    up, down = graph.up, graph.down
    for _ in range(passes):
        swapped = False
        for layer in layers:
            for i in range(len(layer) - 1):
                u, v = layer[i], layer[i + 1]
                kept = _pair_crossings(up[u], up[v], position) + _pair_crossings(
                    down[u], down[v], position
                )
                if not kept:
                    continue
                turned = _pair_crossings(up[v], up[u], position) + _pair_crossings(
                    down[v], down[u], position
                )
                if turned < kept:
                    layer[i], layer[i + 1] = v, u
                    position[u], position[v] = i + 1, i
                    swapped = True
        if not swapped:
            return


def gather(layer: list[int], group_of: dict[int, int]) -> list[int]:
    """``layer`` with the members of each group side by side, where the first one stood."""
    if not group_of:
        return layer
    members: dict[int, list[int]] = {}
    for node in layer:
        group = group_of.get(node)
        if group is not None:
            members.setdefault(group, []).append(node)
    if all(len(found) < 2 for found in members.values()):
        return layer
    result: list[int] = []
    done: set[int] = set()
    for node in layer:
        group = group_of.get(node)
        if group is None:
            result.append(node)
        elif group not in done:
            done.add(group)
            result.extend(members[group])
    return result


def order_layers(
    graph: LayeredGraph, reading_order: list[int], group_of: dict[int, int] | None = None
) -> list[list[int]]:
    """Layers in their crossing-reduced order; ``reading_order[i]`` ranks real node i;
    ``group_of`` names the linked argument each co-premise belongs to (kept together)."""
    groups = group_of or {}
    layers = [
        gather(sorted(layer, key=lambda node: (reading_order[graph.end[node]], node)), groups)
        for layer in graph.layers()
    ]
    transpose(layers, graph)
    layers = [gather(layer, groups) for layer in layers]
    best = [list(layer) for layer in layers]
    best_count = total_crossings(layers, graph.down)
    idle = 0
    for sweep in range(MAX_SWEEPS):
        if best_count == 0 or idle >= PATIENCE:
            break
        if sweep % 2 == 0:
            for i in range(1, len(layers)):
                layers[i] = _sort_by_barycentre(layers[i], layers[i - 1], graph.up)
        else:
            for i in range(len(layers) - 2, -1, -1):
                layers[i] = _sort_by_barycentre(layers[i], layers[i + 1], graph.down)
        transpose(layers, graph)
        layers = [gather(layer, groups) for layer in layers]
        count = total_crossings(layers, graph.down)
        if count < best_count:
            best, best_count, idle = [list(layer) for layer in layers], count, 0
        else:
            idle += 1
    return best
