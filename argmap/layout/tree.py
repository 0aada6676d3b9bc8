"""The tidy tree: the default layout, a layered tree of the map's claims.

Breadth positions come from Walker's algorithm in the linear-time form of Buchheim, Jünger and
Leipert ("Improving Walker's algorithm to run in linear time", 2002): each subtree is drawn,
then pushed against its left neighbours along their contours (threads make the contours
cheap to follow), so subtrees interlock as closely as the gaps allow, smaller subtrees between
two big ones are spread evenly, and a parent is centred over its children. Cards keep their
real sizes: the separation of two neighbours is half of each card plus the gap between them.

Depth is by level: all cards at one depth share a row (centred on it), as tall as its tallest
card. The forest's trees are the children of one virtual root of no size, so whole trees
interlock too. Every node is handled a constant number of times, with no recursion (a long
chain of premises would exceed Python's recursion limit).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from argmap.layout.forest import SUPPORT, LayoutForest, build_forest
from argmap.layout.geometry import XY, Positions, Size, Spacing, spacing_for
from argmap.layout.geometry import to_points as _to_points
from argmap.layout.sizes import sizes_for
from argmap.model import ArgumentMap, Direction

__all__ = ["forest_breadths", "forest_centres", "tidy_breadths", "tree_drawing", "tree_layout"]

#: A gap function: free space between the cards of two neighbours on one level.
Gap = Callable[[int, int], float]


class _Walker:
    """The state of Buchheim's first walk, in flat lists indexed by node.

    ``lefts[v]`` and ``rights[v]`` are the next node down the left and right contour: the
    first or last child, or, for a leaf, its thread (a leaf's thread serves both contours),
    so following a contour is one list look-up.
    """

    def __init__(self, children: list[list[int]], parent: list[int], breadth: list[float]):
        count = len(children)
        self.children = children
        self.parent = parent
        self.breadth = breadth
        self.number = [0] * count
        for kids in children:
            for position, child in enumerate(kids):
                self.number[child] = position
        self.prelim = [0.0] * count
        self.mod = [0.0] * count
        self.shift = [0.0] * count
        self.change = [0.0] * count
        self.lefts = [kids[0] if kids else -1 for kids in children]
        self.rights = [kids[-1] if kids else -1 for kids in children]
        self.ancestor = list(range(count))

    def move_subtree(self, left: int, right: int, amount: float) -> None:
        subtrees = self.number[right] - self.number[left]
        self.change[right] -= amount / subtrees
        self.shift[right] += amount
        self.change[left] += amount / subtrees
        self.prelim[right] += amount
        self.mod[right] += amount

    def apportion(self, node: int, default: int, gap: Gap) -> int:
        """Push ``node``'s subtree right of its left siblings' subtrees; the new default."""
        prelim, mod, breadth, parent = self.prelim, self.mod, self.breadth, self.parent
        lefts, rights, ancestor = self.lefts, self.rights, self.ancestor
        siblings = self.children[parent[node]]
        in_right = out_right = node
        in_left = siblings[self.number[node] - 1]
        out_left = siblings[0]
        s_in_right = s_out_right = mod[node]
        s_in_left, s_out_left = mod[in_left], mod[out_left]
        while rights[in_left] >= 0 and lefts[in_right] >= 0:
            in_left, in_right = rights[in_left], lefts[in_right]
            out_left, out_right = lefts[out_left], rights[out_right]
            ancestor[out_right] = node
            wanted = (breadth[in_left] + breadth[in_right]) / 2 + gap(in_left, in_right)
            amount = (prelim[in_left] + s_in_left) - (prelim[in_right] + s_in_right) + wanted
            if amount > 0:
                anc = ancestor[in_left]
                self.move_subtree(anc if parent[anc] == parent[node] else default, node, amount)
                s_in_right += amount
                s_out_right += amount
            s_in_left += mod[in_left]
            s_in_right += mod[in_right]
            s_out_left += mod[out_left]
            s_out_right += mod[out_right]
        if rights[in_left] >= 0 and rights[out_right] < 0:
            # out_right is a leaf: its thread continues both of its contours.
            lefts[out_right] = rights[out_right] = rights[in_left]
            mod[out_right] += s_in_left - s_out_right
        if lefts[in_right] >= 0 and lefts[out_left] < 0:
            lefts[out_left] = rights[out_left] = lefts[in_right]
            mod[out_left] += s_in_right - s_out_left
            default = node
        return default


def _post_order(children: list[list[int]], top: int) -> list[int]:
    order: list[int] = []
    stack = [top]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children[node])
    order.reverse()  # children before parents, and left siblings before right ones
    return order


def tidy_breadths(
    children: list[list[int]], parent: list[int], top: int, breadth: list[float], gap: Gap
) -> list[float]:
    """Breadth centres of the tree under ``top`` (relative; ``top`` at 0)."""
    walker = _Walker(children, parent, breadth)
    prelim, mod, number = walker.prelim, walker.mod, walker.number
    shift, change = walker.shift, walker.change
    lefts, rights = walker.lefts, walker.rights
    apportion = walker.apportion
    default = [0] * len(children)
    for node in _post_order(children, top):
        kids = children[node]
        middle = 0.0
        if kids:
            if len(kids) > 1:  # execute the shifts apportion left on the children
                moved = accumulated = 0.0
                for child in reversed(kids):
                    prelim[child] += moved
                    mod[child] += moved
                    accumulated += change[child]
                    moved += shift[child] + accumulated
            middle = (prelim[kids[0]] + prelim[kids[-1]]) / 2
        position = number[node]
        if position > 0:
            above = parent[node]
            left = children[above][position - 1]
            placed = prelim[left] + (breadth[left] + breadth[node]) / 2 + gap(left, node)
            prelim[node] = placed
            if kids:
                mod[node] = placed - middle
            # Two neighbouring leaves have no contours to compare or thread: skip the call.
            if lefts[node] >= 0 or rights[left] >= 0:
                default[above] = apportion(node, default[above], gap)
        else:
            prelim[node] = middle
            if node != top:
                default[parent[node]] = node
    return _absolute(children, top, prelim, mod)


def _absolute(
    children: list[list[int]], top: int, prelim: list[float], mod: list[float]
) -> list[float]:
    """The second walk: each node's position plus the modifiers of all its ancestors."""
    centres = [0.0] * len(children)
    stack: list[tuple[int, float]] = [(top, 0.0)]
    pop, push = stack.pop, stack.append
    while stack:
        node, shift = pop()
        centres[node] = prelim[node] + shift
        below = shift + mod[node]
        for child in children[node]:
            push((child, below))
    return centres


def forest_gap(forest: LayoutForest, spacing: Spacing) -> Gap:
    """The gap function of a forest whose virtual root has index ``len(forest.ids)``."""
    parent, group, relation = forest.parent, forest.group, forest.relation

    def gap(left: int, right: int) -> float:
        above = parent[left]
        if above < 0 or above != parent[right]:
            return spacing.subtree
        if (group[left] == SUPPORT) != (group[right] == SUPPORT):
            return spacing.sides
        if relation[left] == relation[right]:
            return spacing.linked
        return spacing.sibling

    return gap


def level_depths(depth: list[int], depth_sizes: list[float], level_gap: float) -> list[float]:
    """Depth centres: each level a row as deep as its deepest card, cards centred on it.

    Centring (rather than top-aligning) keeps all centres of a level on one line, so straight
    tree edges between centres can never cross (the order of a level is kept below it).
    """
    levels = max(depth, default=-1) + 1
    extent = [0.0] * levels
    for level, size in zip(depth, depth_sizes, strict=True):
        if size > extent[level]:
            extent[level] = size
    start = [0.0] * levels
    for level in range(1, levels):
        start[level] = start[level - 1] + extent[level - 1] + level_gap
    return [start[level] + extent[level] / 2 for level in depth]


def forest_breadths(forest: LayoutForest, breadth: list[float], spacing: Spacing) -> list[float]:
    """Breadth centres of the tidy tree of ``forest`` (cards' breadths given), from 0."""
    count = len(forest.ids)
    children = [*forest.children, forest.roots]
    parent = [p if p >= 0 else count for p in forest.parent] + [-1]
    gap = forest_gap(forest, spacing)
    across = tidy_breadths(children, parent, count, [*breadth, 0.0], gap)[:count]
    if count:
        low = min(c - b / 2 for c, b in zip(across, breadth, strict=True))
        across = [c - low for c in across]
    return across


def forest_centres(
    forest: LayoutForest, sizes: Mapping[str, Size], direction: Direction, spacing: Spacing
) -> list[XY]:
    """Card centres of the tidy tree of ``forest``, with the top-left card corner at (0, 0)."""
    cards = [sizes[node_id] for node_id in forest.ids]
    widths = [size[0] for size in cards]
    heights = [size[1] for size in cards]
    if direction == Direction.LEFT_RIGHT:
        widths, heights = heights, widths
    across = forest_breadths(forest, widths, spacing)
    down = level_depths(forest.depth, heights, spacing.level)
    if direction == Direction.LEFT_RIGHT:
        return list(zip(down, across, strict=True))
    return list(zip(across, down, strict=True))


def tree_layout(
    argument_map: ArgumentMap,
    direction: Direction = Direction.TOP_BOTTOM,
    sizes: Mapping[str, Size] | None = None,
    root: str | None = None,
    spacing: Spacing | None = None,
) -> Positions:
    """Card centres of the tidy tree layout of ``argument_map``.

    Parameters
    ----------
    argument_map
        The map; only its nodes and relations are read.
    direction
        ``TB`` puts main claims on top, ``LR`` on the left.
    sizes
        Card (width, height) by node id; missing ones are estimated from the text.
    root
        A node drawn as the first tree, even if it bears on something.
    spacing
        Gaps between cards; the direction's default when omitted.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(nodes=[Node(id="c", kind="claim"), Node(id="e", kind="evidence")],
    ...                 relations=[Relation(id="r", kind="support", premises=["e"], target="c")])
    >>> p = tree_layout(m, sizes={"c": (200, 50), "e": (200, 50)})
    >>> (p["c"].x, p["c"].y), (p["e"].x, p["e"].y)
    ((100.0, 25.0), (100.0, 145.0))
    """
    return tree_drawing(argument_map, direction, sizes, root, spacing)[0]


def tree_drawing(
    argument_map: ArgumentMap,
    direction: Direction = Direction.TOP_BOTTOM,
    sizes: Mapping[str, Size] | None = None,
    root: str | None = None,
    spacing: Spacing | None = None,
) -> tuple[Positions, int]:
    """:func:`tree_layout`'s card centres and how many trees it drew (one tree is one
    connected part of the map: there is nothing to pack)."""
    direction = Direction(direction)
    all_sizes = sizes_for(argument_map.nodes, sizes)
    forest = build_forest(argument_map, root)
    centres = forest_centres(forest, all_sizes, direction, spacing or spacing_for(direction))
    return _to_points(dict(zip(forest.ids, centres, strict=True))), len(forest.roots)
