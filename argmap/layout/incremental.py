"""Layout that respects the user's hand: new nodes beside their partner, partial tidying,
pinned nodes that stay, and a guard that no card ends up on another.

Nothing here moves a node it was not asked to move.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from argmap.layout.edges import statement_edges
from argmap.layout.forest import build_forest
from argmap.layout.freespace import BoxIndex, free_spot
from argmap.layout.geometry import XY, Positions, Size, spacing_for, to_points
from argmap.layout.metrics import overlaps
from argmap.layout.sizes import sizes_for
from argmap.layout.tree import tree_layout
from argmap.layout.views import project
from argmap.model import ArgumentMap, Direction, Point

__all__ = ["layout_selection", "place_new_node", "settle", "subtree_nodes"]

#: Lays out a (projected) map: (map, direction, sizes) -> positions.
SubLayout = Callable[[ArgumentMap, Direction, Mapping[str, Size]], Positions]
#: Space kept around a card placed into an existing drawing.
MARGIN = 24.0


def _partner(argument_map: ArgumentMap, node_id: str) -> tuple[str, int, bool] | None:
    """The first placed statement related to ``node_id``: (id, side, is it the target).

    Side is +1 for an attack (new premises go right of the others), -1 for a support.
    """
    placed = argument_map.layout.positions
    for edge in statement_edges(argument_map):
        side = 1 if edge.attack else -1
        if edge.premise == node_id and edge.target in placed:
            return edge.target, side, True
        if edge.target == node_id and edge.premise in placed:
            return edge.premise, side, False
    return None


def place_new_node(
    argument_map: ArgumentMap,
    node_id: str,
    sizes: Mapping[str, Size] | None = None,
    direction: Direction | None = None,
) -> Point:
    """Where to put the (unplaced) node ``node_id`` so that it moves no other card.

    Under its relation partner (right of it in a left-right map) when it bears on a placed
    statement: on the left of the partner's premises for a support, on the right for an
    attack; above the partner when the partner bears on it; otherwise right of the drawing.
    """
    direction = Direction(direction or argument_map.layout.direction)
    all_sizes = sizes_for(argument_map.nodes, sizes)
    positions = {n: p for n, p in argument_map.layout.positions.items() if n != node_id}
    size = all_sizes[node_id]
    if not positions:
        return Point(x=0.0, y=0.0)
    index = BoxIndex.of(positions, all_sizes)
    partner = _partner(argument_map, node_id)
    level = spacing_for(direction).level
    lr = direction == Direction.LEFT_RIGHT
    if partner is None:
        right = max(box[2] for box in index.boxes.values())
        top = min(box[1] for box in index.boxes.values())
        centre: XY = (right + level + size[0] / 2, top + size[1] / 2)
        return _point(free_spot(index, centre, size, MARGIN, Direction.LEFT_RIGHT, prefer=1))
    other, side, below = partner
    p, (pw, ph) = positions[other], all_sizes[other]
    step = 1 if below else -1
    if lr:
        centre = (p.x + step * (pw / 2 + level + size[0] / 2), p.y)
    else:
        centre = (p.x, p.y + step * (ph / 2 + level + size[1] / 2))
    return _point(free_spot(index, centre, size, MARGIN, direction, prefer=side if below else 0))


def _point(centre: XY) -> Point:
    return Point.rounded(centre[0], centre[1])


def subtree_nodes(argument_map: ArgumentMap, tops: Collection[str]) -> list[str]:
    """``tops`` and everything under them in the layout tree, in map order."""
    forest = build_forest(argument_map)
    index = {node_id: i for i, node_id in enumerate(forest.ids)}
    found: set[int] = set()
    for top in tops:
        if top in index and index[top] not in found:
            found.update(forest.subtree(index[top]))
    return [forest.ids[i] for i in sorted(found)]


def layout_selection(
    argument_map: ArgumentMap,
    selection: Collection[str],
    direction: Direction | None = None,
    sizes: Mapping[str, Size] | None = None,
    pinned: Collection[str] | None = None,
    whole_subtrees: bool = True,
    layout: SubLayout | None = None,
) -> Positions:
    """New positions for the selected subtrees only (tidy tree), moving no other card.

    The selection grows by everything under it in the layout tree (unless
    ``whole_subtrees`` is False); pinned nodes stay. ``layout`` lays out the selected part
    (the tidy tree by default). The tidied block keeps the place of its
    first placed node, and slides sideways to the nearest spot clear of the other cards.
    Returns positions of the moved nodes only.
    """
    direction = Direction(direction or argument_map.layout.direction)
    all_sizes = sizes_for(argument_map.nodes, sizes)
    fixed = set(argument_map.layout.pinned if pinned is None else pinned)
    chosen = subtree_nodes(argument_map, selection) if whole_subtrees else list(selection)
    moving = [n for n in chosen if n not in fixed and n in all_sizes]
    if not moving:
        return {}
    laid = (layout or tree_layout)(project(argument_map, moving), direction, all_sizes)
    old = argument_map.layout.positions
    anchor = next((n for n in moving if n in old), None)
    if anchor is not None:
        dx, dy = old[anchor].x - laid[anchor].x, old[anchor].y - laid[anchor].y
    else:
        dx = dy = 0.0
    others = {n: p for n, p in old.items() if n not in set(moving)}
    index = BoxIndex.of(others, all_sizes)
    return _clear_block(laid, (dx, dy), index, all_sizes, direction)


def _clear_block(
    laid: Positions, shift: XY, index: BoxIndex, sizes: Mapping[str, Size], direction: Direction
) -> Positions:
    """``laid`` moved by ``shift``, then slid along the breadth axis until it hits nothing."""
    axis = 1 if direction == Direction.LEFT_RIGHT else 0

    def moved(offset: float) -> dict[str, XY]:
        extra = (offset, 0.0) if axis == 0 else (0.0, offset)
        return {n: (p.x + shift[0] + extra[0], p.y + shift[1] + extra[1]) for n, p in laid.items()}

    def blocked_by(offset: float) -> list[tuple[float, float, float, float]]:
        return [
            box
            for node_id, centre in moved(offset).items()
            for box in index.blocking(centre, sizes[node_id], MARGIN)
        ]

    best: float | None = None
    for sign in (1, -1):
        offset = 0.0
        for _ in range(len(index.boxes) + 1):
            blockers = blocked_by(offset)
            if not blockers:
                break
            # Jump just past the blockers on this side; each jump clears at least one box.
            cards = moved(offset)
            if sign > 0:
                reach = max(box[axis + 2] for box in blockers)
                low = min(c[axis] - sizes[n][axis] / 2 for n, c in cards.items())
                offset += reach + MARGIN - low
            else:
                reach = min(box[axis] for box in blockers)
                high = max(c[axis] + sizes[n][axis] / 2 for n, c in cards.items())
                offset -= high - (reach - MARGIN)
        if best is None or abs(offset) < abs(best):
            best = offset
    assert best is not None
    return to_points(moved(best))


def settle(
    positions: Positions,
    sizes: Mapping[str, Size],
    fixed: Collection[str] = (),
    direction: Direction = Direction.TOP_BOTTOM,
) -> Positions:
    """``positions`` with every card that overlaps another moved to the nearest free spot.

    Cards in ``fixed`` (pinned ones) never move; of two overlapping movable cards, the later
    in ``positions`` order moves. Cards that overlap nothing stay exactly where they are.
    """
    clashing = {node for pair in overlaps(positions, sizes) for node in pair}
    if not clashing:
        return positions
    result = dict(positions)
    index = BoxIndex.of(positions, sizes)
    keep = set(fixed)
    # In order; a card is moved only if it still clashes (an earlier move may have cleared it).
    for node_id in [n for n in positions if n in clashing and n not in keep]:
        p, size = result[node_id], sizes[node_id]
        if not index.blocking((p.x, p.y), size, 0.0, ignore=node_id):
            continue
        index.remove(node_id)
        spot = free_spot(index, (p.x, p.y), size, MARGIN, direction)
        result[node_id] = _point(spot)
        index.put(node_id, spot, size)
    return result
