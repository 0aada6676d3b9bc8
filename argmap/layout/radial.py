"""The radial layout: one claim at the centre, the rest in rings by distance from it.

For discussing one point: the chosen statement (by default the first main claim) sits at the
origin; statements one relation away (either way) form the first ring, two away the second,
and so on. Each statement owns a wedge of its ring, shared out among the statements it
reaches next in proportion to their number of leaves, so branches stay together.

No two cards overlap: consecutive rings are further apart than the cards on them are wide
(measured by their diagonals), and on each ring the cards keep a chord of their diagonals
plus a gap between them; when a ring is too crowded its radius grows until they fit. Cards are
moved along their ring to keep those gaps as close to their wedges as possible
(:func:`~argmap.layout.separation.spread`). Statements not connected to the centre are set
below the rings, in the compact layout (trees kept, folded to the screen's shape). The
direction does not apply.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping

from argmap.layout.compact import compact_layout
from argmap.layout.edges import statement_edges
from argmap.layout.errors import LayoutError
from argmap.layout.forest import build_forest
from argmap.layout.geometry import XY, Positions, Size, Spacing, spacing_for, to_points
from argmap.layout.separation import spread
from argmap.layout.sizes import sizes_for
from argmap.layout.views import project
from argmap.model import ArgumentMap, Direction

__all__ = ["radial_layout"]

TAU = 2 * math.pi
#: How much a crowded ring's radius grows per try.
GROWTH = 1.15


def _neighbours(argument_map: ArgumentMap) -> dict[str, list[str]]:
    """Each statement's premises (in relation order), then what it bears on."""
    near: dict[str, list[str]] = {node.id: [] for node in argument_map.nodes}
    edges = [e for e in statement_edges(argument_map) if e.premise in near and e.target in near]
    for edge in edges:
        near[edge.target].append(edge.premise)
    for edge in edges:
        near[edge.premise].append(edge.target)
    return {
        node_id: list(dict.fromkeys(n for n in others if n != node_id))
        for node_id, others in near.items()
    }


def _rings(centre: str, near: dict[str, list[str]]) -> tuple[list[list[str]], dict[str, str]]:
    """Breadth-first rings from ``centre`` and each reached statement's parent in that walk."""
    parent: dict[str, str] = {}
    rings = [[centre]]
    seen = {centre}
    queue = deque([centre])
    ring_of = {centre: 0}
    while queue:
        node = queue.popleft()
        for other in near[node]:
            if other not in seen:
                seen.add(other)
                parent[other] = node
                ring_of[other] = ring_of[node] + 1
                if ring_of[other] == len(rings):
                    rings.append([])
                rings[ring_of[other]].append(other)
                queue.append(other)
    return rings, parent


def _wedge_angles(rings: list[list[str]], parent: dict[str, str]) -> dict[str, float]:
    """The centre angle of each statement's wedge (leaf-weighted shares of the parent's)."""
    children: dict[str, list[str]] = {node: [] for ring in rings for node in ring}
    for ring in rings[1:]:
        for node in ring:
            children[parent[node]].append(node)
    weight: dict[str, int] = {}
    for ring in reversed(rings):
        for node in ring:
            weight[node] = sum(weight[kid] for kid in children[node]) or 1
    start = {rings[0][0]: 0.0}
    span = {rings[0][0]: TAU}
    angle: dict[str, float] = {}
    for ring in rings:
        for node in ring:
            angle[node] = start[node] + span[node] / 2
            cursor = start[node]
            for kid in children[node]:
                start[kid] = cursor
                span[kid] = span[node] * weight[kid] / weight[node]
                cursor += span[kid]
    return angle


def _place_ring(
    ring: list[str], wished: dict[str, float], diagonal: dict[str, float], radius: float, gap: float
) -> tuple[float, list[float]]:
    """Radius (at least ``radius``) and angles of a ring's cards, keeping chords apart."""
    nodes = sorted(ring, key=lambda node: wished[node])
    if len(nodes) == 1:
        return radius, [wished[nodes[0]]]
    chords = [
        (diagonal[a] + diagonal[b]) / 2 + gap
        for a, b in zip(nodes, nodes[1:] + nodes[:1], strict=True)
    ]
    radius = max(radius, sum(chords) / TAU)
    while True:
        angles = [2 * math.asin(min(1.0, chord / (2 * radius))) for chord in chords]
        if sum(angles) <= TAU and max(angles) < math.pi:
            placed = spread([wished[node] for node in nodes], angles[:-1])
            if placed[-1] - placed[0] + angles[-1] <= TAU + 1e-9:
                by_node = dict(zip(nodes, placed, strict=True))
                return radius, [by_node[node] for node in ring]
        radius *= GROWTH


def _rest_below(
    argument_map: ArgumentMap, rest: list[str], sizes: Mapping[str, Size], top: float
) -> dict[str, XY]:
    """The statements not connected to the centre, in a compact layout centred below ``top``."""
    placed = compact_layout(project(argument_map, rest), Direction.TOP_BOTTOM, sizes)
    left = min(p.x - sizes[n][0] / 2 for n, p in placed.items())
    right = max(p.x + sizes[n][0] / 2 for n, p in placed.items())
    upper = min(p.y - sizes[n][1] / 2 for n, p in placed.items())
    dx, dy = -(left + right) / 2, top - upper
    return {n: (p.x + dx, p.y + dy) for n, p in placed.items()}


def radial_layout(
    argument_map: ArgumentMap,
    sizes: Mapping[str, Size] | None = None,
    root: str | None = None,
    spacing: Spacing | None = None,
) -> Positions:
    """Card centres of the radial layout of ``argument_map`` around ``root`` (at the origin).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(nodes=[Node(id=i, kind="claim") for i in "abc"],
    ...                 relations=[Relation(id="r", kind="support", premises=["b"], target="a"),
    ...                            Relation(id="s", kind="attack", premises=["c"], target="a")])
    >>> p = radial_layout(m, sizes={i: (100, 40) for i in "abc"}, root="a")
    >>> (p["a"].x, p["a"].y), round(abs(p["b"].y - p["c"].y)) > 0 or p["b"].x != p["c"].x
    ((0.0, 0.0), True)
    """
    spacing = spacing or spacing_for(Direction.TOP_BOTTOM)
    all_sizes = sizes_for(argument_map.nodes, sizes)
    if not argument_map.nodes:
        return {}
    if root is None:
        forest = build_forest(argument_map)
        root = forest.ids[forest.roots[0]]
    elif root not in all_sizes:
        raise LayoutError(f"cannot centre the radial layout on {root!r}: no such node")
    near = _neighbours(argument_map)
    rings, parent = _rings(root, near)
    wished = _wedge_angles(rings, parent)
    diagonal = {node: math.hypot(*all_sizes[node]) for node in all_sizes}
    centres: dict[str, XY] = {root: (0.0, 0.0)}
    radius = 0.0
    outer = diagonal[root] / 2
    for ring in rings[1:]:
        widest = max(diagonal[node] for node in ring)
        radius, angles = _place_ring(
            ring, wished, diagonal, radius + outer + widest / 2 + spacing.level, spacing.sibling
        )
        outer = widest / 2
        for node, angle in zip(ring, angles, strict=True):
            centres[node] = (radius * math.sin(angle), -radius * math.cos(angle))
    rest = [node.id for node in argument_map.nodes if node.id not in centres]
    if rest:
        top = radius + outer + spacing.level
        centres.update(_rest_below(argument_map, rest, all_sizes, top))
    return to_points(centres)
