"""The layered (Sugiyama) layout, for maps with many shared statements.

Three phases: :mod:`~argmap.layout.layering` breaks cycles and assigns layers (every edge
then points the same way: from what bears on a statement up to it),
:mod:`~argmap.layout.ordering` reduces crossings by barycentre sweeps, and this module
assigns coordinates.

Coordinates: each statement wishes to stand where the tidy tree of the map would put it
across (its reference), and each dummy node on the straight line between its edge's ends;
each layer is then placed as near those wishes as its crossing-reduced order and the gaps
allow, exactly, in least squares (:func:`~argmap.layout.separation.spread`). One sweep down
and up then moves every card half-way towards the mean of its neighbours, which shortens
cross links. Only one, and only half-way: measured on generated 1,000-statement maps,
repeated full sweeps (the textbook refinement) squeeze dense layers into one block and made
the median parent-premise offset grow from about one card to twenty. Layers are rows as deep
as their deepest card, cards centred on them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from itertools import pairwise

from argmap.layout.forest import build_forest
from argmap.layout.geometry import Positions, Size, Spacing, breadth_depth, spacing_for, to_points
from argmap.layout.layering import LayeredGraph, layer_graph
from argmap.layout.ordering import order_layers
from argmap.layout.separation import spread
from argmap.layout.sizes import sizes_for
from argmap.layout.tree import forest_breadths, level_depths
from argmap.model import ArgumentMap, Direction

__all__ = ["layered_layout"]

#: Dummies (bends of long edges) hold their line harder than cards hold their reference.
DUMMY_WEIGHT = 4.0
#: Dummies are thin: long edges may pass close together.
DUMMY_BREADTH = 0.0


def _gaps(
    layer: list[int], breadth: list[float], graph: LayeredGraph, spacing: Spacing
) -> list[float]:
    gaps = []
    for left, right in pairwise(layer):
        free = spacing.sibling if left < graph.count and right < graph.count else spacing.linked
        gaps.append((breadth[left] + breadth[right]) / 2 + free)
    return gaps


def _wishes(graph: LayeredGraph, reference: list[float]) -> list[float]:
    """Real nodes at their reference; each dummy on the line between its edge's ends."""
    wished = reference + [0.0] * (graph.size - graph.count)
    for dummy in range(graph.count, graph.size):
        upper = dummy
        while upper >= graph.count:
            upper = graph.up[upper][0]
        lower = graph.end[dummy]
        share = (graph.rank[dummy] - graph.rank[upper]) / (graph.rank[lower] - graph.rank[upper])
        wished[dummy] = reference[upper] + (reference[lower] - reference[upper]) * share
    return wished


def _place(
    layers: list[list[int]],
    graph: LayeredGraph,
    breadth: list[float],
    spacing: Spacing,
    wished: list[float],
) -> list[float]:
    """Breadth centres: each layer nearest its wishes, then one half-step sweep down and up
    towards the neighbours' mean."""
    across = list(wished)
    gaps = [_gaps(layer, breadth, graph, spacing) for layer in layers]
    weights = [[1.0 if node < graph.count else DUMMY_WEIGHT for node in layer] for layer in layers]
    for i, layer in enumerate(layers):
        _settle_layer(layer, [wished[n] for n in layer], gaps[i], weights[i], across)
    down = range(1, len(layers))
    for indices, neighbours in ((down, graph.up), (reversed(range(len(layers) - 1)), graph.down)):
        for i in indices:
            layer = layers[i]
            aims = [
                (across[n] + sum(across[o] for o in neighbours[n]) / len(neighbours[n])) / 2
                if neighbours[n]
                else across[n]
                for n in layer
            ]
            _settle_layer(layer, aims, gaps[i], weights[i], across)
    return across


def _settle_layer(
    layer: list[int],
    aims: list[float],
    gaps: list[float],
    weights: list[float],
    across: list[float],
) -> None:
    """Place ``layer`` nearest ``aims`` (in order, gaps kept), writing into ``across``."""
    for node, x in zip(layer, spread(aims, gaps, weights), strict=True):
        across[node] = x


def _reading_order(forest_walk: list[int]) -> list[int]:
    """Each statement's place in a depth-first walk of the layout forest."""
    order = [0] * len(forest_walk)
    for place, node in enumerate(forest_walk):
        order[node] = place
    return order


#: Left to right, the lines of linked premises and long edges share the gap between two
#: columns: it is wider than the tree's, or they crowd into one stripe.
LAYERED_LR_LEVEL = 170.0


def _layered_spacing(direction: Direction) -> Spacing:
    spacing = spacing_for(direction)
    if direction == Direction.LEFT_RIGHT:
        return replace(spacing, level=max(spacing.level, LAYERED_LR_LEVEL))
    return spacing


def _linked_groups(argument_map: ArgumentMap, ids: list[str]) -> dict[int, int]:
    """Each co-premise's linked argument (its first, in map order), by node index."""
    index = {node_id: i for i, node_id in enumerate(ids)}
    group_of: dict[int, int] = {}
    for number, relation in enumerate(argument_map.relations):
        if len(relation.premises) > 1:
            for premise in relation.premises:
                if premise in index:
                    group_of.setdefault(index[premise], number)
    return group_of


def layered_layout(
    argument_map: ArgumentMap,
    direction: Direction = Direction.TOP_BOTTOM,
    sizes: Mapping[str, Size] | None = None,
    spacing: Spacing | None = None,
) -> Positions:
    """Card centres of the layered layout of ``argument_map`` (see the module docstring).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id=i, kind="claim") for i in "abc"],
    ...     relations=[Relation(id="r1", kind="support", premises=["b"], target="a"),
    ...                Relation(id="r2", kind="support", premises=["c"], target="a"),
    ...                Relation(id="r3", kind="attack", premises=["c"], target="b")])
    >>> p = layered_layout(m, sizes={i: (100, 40) for i in "abc"})
    >>> p["a"].y < p["b"].y < p["c"].y
    True
    """
    direction = Direction(direction)
    spacing = spacing or _layered_spacing(direction)
    all_sizes = sizes_for(argument_map.nodes, sizes)
    ids = [node.id for node in argument_map.nodes]
    graph = layer_graph(argument_map)
    extents = [breadth_depth(all_sizes[node_id], direction) for node_id in ids]
    forest = build_forest(argument_map)
    reference = forest_breadths(forest, [b for b, _ in extents], spacing)
    walk = [node for root in forest.roots for node in forest.subtree(root)]
    layers = order_layers(graph, _reading_order(walk), _linked_groups(argument_map, ids))
    breadth = [b for b, _ in extents] + [DUMMY_BREADTH] * (graph.size - graph.count)
    across = _place(layers, graph, breadth, spacing, _wishes(graph, reference))[: graph.count]
    down = level_depths(graph.rank[: graph.count], [d for _, d in extents], spacing.level)
    if ids:
        low = min(c - b / 2 for c, b in zip(across, breadth, strict=False))
        across = [c - low for c in across]
    pairs = (
        zip(down, across, strict=True)
        if direction == Direction.LEFT_RIGHT
        else zip(across, down, strict=True)
    )
    return to_points(dict(zip(ids, pairs, strict=True)))
