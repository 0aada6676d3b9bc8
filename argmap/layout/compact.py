"""The compact layout: wide maps folded to the screen's proportions.

A tidy tree of 1,000 statements is one long row of leaves (40:1 and worse). Here every
statement's subtree is a block, built bottom-up: the statement's card on top, and under it
the blocks of its premises in *lanes* (columns top-down, rows left-right), each lane a stack
of blocks. With one lane per premise this is the ordinary tree; with fewer, premises are
stacked. For every statement the number of lanes is chosen so that its block comes nearest
the target aspect ratio (a 16:9 screen); blocks of nested subtrees that each keep near that
ratio add up to a drawing that does too. Leaves under one claim thus end up stacked in
columns, and so do whole small subtrees where the map is broad.

Lanes are filled in reading order (supports before attacks), balanced by height. Blocks never
overlap by construction; main claims are lanes of one virtual root, so a map of many small
trees becomes a grid.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from argmap.layout.forest import LayoutForest, build_forest
from argmap.layout.geometry import XY, Positions, Size, Spacing, breadth_depth, spacing_for
from argmap.layout.geometry import to_points as _to_points
from argmap.layout.sizes import sizes_for
from argmap.model import ArgumentMap, Direction

__all__ = ["SCREEN_ASPECT", "compact_layout"]

#: Width over height of the drawing aimed at.
SCREEN_ASPECT = 16 / 9
#: Extra room between stacked lanes, for the arrows of the blocks lower in a lane.
CHANNEL = 70.0


@dataclass
class _Blocks:
    """Block extents per node, and where each child's block sits in its parent's."""

    breadth: list[float]
    depth: list[float]
    offset: list[XY]  # child block's corner relative to the parent block's corner
    card: list[float]  # breadth of the card's centre within its own block


def _lane_cuts(heights: list[float], lanes: int, gap: float) -> list[int]:
    """Where to start each lane, so that lane heights are about equal (order kept)."""
    total = sum(heights) + gap * (len(heights) - lanes)
    cuts = [0]
    filled = 0.0
    for i, height in enumerate(heights):
        left_over = len(heights) - i
        lanes_to_open = lanes - len(cuts)
        if (
            i > cuts[-1]
            and lanes_to_open > 0
            and (filled + height / 2 > total / lanes or left_over == lanes_to_open)
        ):
            cuts.append(i)
            filled = 0.0
        filled += height + gap
    return cuts


def _candidate_lanes(count: int) -> list[int]:
    """Lane counts worth trying: all up to 8, then by factors of about 1.4, and ``count``."""
    found = set(range(1, min(count, 8) + 1))
    lanes = 8.0
    while lanes < count:
        found.add(int(lanes))
        lanes *= 1.4
    found.add(count)
    return sorted(found)


def _arrange(
    kids: list[int], blocks: _Blocks, lanes: int, spacing: Spacing
) -> tuple[float, float, list[XY]]:
    """Children blocks in ``lanes`` lanes: the area's breadth, depth and each block's corner."""
    heights = [blocks.depth[kid] for kid in kids]
    cuts = [*_lane_cuts(heights, lanes, spacing.sibling), len(kids)]
    # Stacked lanes keep a channel between them: the arrows of the lower blocks run up it
    # (bending round the blocks above them) instead of across their cards.
    between = spacing.subtree + (CHANNEL if lanes < len(kids) else 0.0)
    corners: list[XY] = []
    across = deepest = 0.0
    for lane in range(len(cuts) - 1):
        members = kids[cuts[lane] : cuts[lane + 1]]
        if lane:
            across += between
        down = 0.0
        for i, kid in enumerate(members):
            down += spacing.sibling if i else 0.0
            corners.append((across, down))
            down += blocks.depth[kid]
        across += max(blocks.breadth[kid] for kid in members)
        deepest = max(deepest, down)
    return across, deepest, corners


def _build(
    node: int,
    kids: list[int],
    card: tuple[float, float],
    blocks: _Blocks,
    spacing: Spacing,
    aspect: float,
) -> None:
    """Choose the lanes of ``node``'s premises and record its block."""
    card_breadth, card_depth = card
    if not kids:
        blocks.breadth[node], blocks.depth[node] = card_breadth, card_depth
        blocks.card[node] = card_breadth / 2
        return
    gap = spacing.level if card_depth else 0.0
    best: tuple[float, float, float, list[XY]] | None = None
    for lanes in _candidate_lanes(len(kids)):
        across, down, corners = _arrange(kids, blocks, lanes, spacing)
        breadth, depth = max(card_breadth, across), card_depth + gap + down
        score = abs(math.log(breadth / depth / aspect))
        if best is None or score < best[0] - 1e-9:
            best = (score, across, down, corners)
    assert best is not None
    _, across, down, corners = best
    breadth = max(card_breadth, across)
    shift = (breadth - across) / 2
    for kid, (b, d) in zip(kids, corners, strict=True):
        blocks.offset[kid] = (shift + b, card_depth + gap + d)
    blocks.breadth[node], blocks.depth[node] = breadth, card_depth + gap + down
    blocks.card[node] = breadth / 2


def compact_centres(
    forest: LayoutForest, sizes: Mapping[str, Size], direction: Direction, spacing: Spacing
) -> list[XY]:
    """Card centres of the compact layout, with the drawing's corner at (0, 0)."""
    count = len(forest.ids)
    extents = [breadth_depth(sizes[node_id], direction) for node_id in forest.ids]
    extents.append((0.0, 0.0))  # the virtual root: no card
    children = [*forest.children, forest.roots]
    size = count + 1
    blocks = _Blocks([0.0] * size, [0.0] * size, [(0.0, 0.0)] * size, [0.0] * size)
    # Aim at the screen: breadth over depth is width over height top-down, its inverse
    # left-right.
    aspect = SCREEN_ASPECT if direction == Direction.TOP_BOTTOM else 1 / SCREEN_ASPECT
    order = [count]
    for node in order:  # breadth-first, so reversed it lists children before parents
        order.extend(children[node])
    for node in reversed(order):
        _build(node, children[node], extents[node], blocks, spacing, aspect)
    corner: list[XY] = [(0.0, 0.0)] * size
    for node in order:
        b, d = corner[node]
        for kid in children[node]:
            ob, od = blocks.offset[kid]
            corner[kid] = (b + ob, d + od)
    centres: list[XY] = []
    for node in range(count):
        b, d = corner[node]
        centre = (b + blocks.card[node], d + extents[node][1] / 2)
        centres.append(centre if direction == Direction.TOP_BOTTOM else (centre[1], centre[0]))
    return centres


def compact_layout(
    argument_map: ArgumentMap,
    direction: Direction = Direction.TOP_BOTTOM,
    sizes: Mapping[str, Size] | None = None,
    root: str | None = None,
    spacing: Spacing | None = None,
) -> Positions:
    """Card centres of the compact layout of ``argument_map`` (see the module docstring).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> leaves = [Node(id=f"e{i}", kind="evidence") for i in range(12)]
    >>> m = ArgumentMap(nodes=[Node(id="c", kind="claim"), *leaves],
    ...                 relations=[Relation(id=f"r{i}", kind="support", premises=[f"e{i}"],
    ...                                     target="c") for i in range(12)])
    >>> p = compact_layout(m, sizes={n.id: (200, 60) for n in m.nodes})
    >>> len({q.x for q in p.values()}) < 12  # the 12 leaves share a few columns
    True
    """
    direction = Direction(direction)
    all_sizes = sizes_for(argument_map.nodes, sizes)
    forest = build_forest(argument_map, root)
    centres = compact_centres(forest, all_sizes, direction, spacing or spacing_for(direction))
    return _to_points(dict(zip(forest.ids, centres, strict=True)))
