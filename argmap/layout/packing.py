"""Separate parts of a map packed as blocks, like a page, not in one row.

A debate map from AIFdb is often a forest of a hundred small arguments; laid side by side
they make a ribbon of 30:1. Here every part (a weakly connected set of statements; an undercut
joins its premises to the argument it attacks) keeps the shape its layout gave it and becomes
a block; blocks are placed in rows (shelves), largest first and, among equals, in the order
the map lists them, so a reader goes through them as through a page. The row width is chosen
so that the whole drawing comes nearest the aspect asked for (the window's in the editor,
16:9 for exports).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from argmap.layout.geometry import Positions, Size, to_points
from argmap.model import ArgumentMap
from argmap.model.parts import connected_parts as parts_of

__all__ = ["EXPORT_ASPECT", "PART_GAP", "pack_parts", "parts_of"]

#: Width over height aimed at where no window says otherwise (a 16:9 screen or slide).
EXPORT_ASPECT = 16 / 9
#: Free space between two blocks, in scene pixels (wider than between cards of one part).
PART_GAP = 80.0


def _box(members: list[str], positions: Positions, sizes: Mapping[str, Size]) -> tuple[float, ...]:
    left = top = math.inf
    right = bottom = -math.inf
    for node_id in members:
        p, (w, h) = positions[node_id], sizes[node_id]
        left, right = min(left, p.x - w / 2), max(right, p.x + w / 2)
        top, bottom = min(top, p.y - h / 2), max(bottom, p.y + h / 2)
    return left, top, right, bottom


def _shelves(
    extents: list[tuple[float, float]], limit: float, gap: float
) -> tuple[float, float, list[tuple[float, float]]]:
    """Blocks in rows no wider than ``limit`` (a wider block gets a row of its own): the
    drawing's width and height and each block's top-left corner."""
    corners: list[tuple[float, float]] = []
    x = y = row = width = 0.0
    for w, h in extents:
        if x > 0 and x + w > limit:
            y += row + gap
            x = row = 0.0
        corners.append((x, y))
        x += w + gap
        row = max(row, h)
        width = max(width, x - gap)
    return width, y + row, corners


def pack_parts(
    argument_map: ArgumentMap,
    positions: Positions,
    sizes: Mapping[str, Size],
    aspect: float = EXPORT_ASPECT,
    gap: float = PART_GAP,
) -> Positions:
    """``positions`` with each separate part moved, whole, into a block of a page of rows
    nearest ``aspect`` (width over height); a map of one part is returned unchanged.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Node, Point
    >>> m = ArgumentMap(nodes=[Node(id=f"n{i}", kind="claim") for i in range(16)])
    >>> laid = {f"n{i}": Point(x=i * 200.0, y=0.0) for i in range(16)}  # one long row
    >>> packed = pack_parts(m, laid, {f"n{i}": (180.0, 60.0) for i in range(16)})
    >>> len({p.y for p in packed.values()}) > 1  # now in several rows
    True
    """
    parts = [[n for n in part if n in positions] for part in parts_of(argument_map, positions)]
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return positions
    boxes = [_box(part, positions, sizes) for part in parts]
    # Largest first (most statements, then the larger block); among equals, map order.
    order = sorted(
        range(len(parts)),
        key=lambda i: (-len(parts[i]), -(boxes[i][3] - boxes[i][1]), i),
    )
    extents = [(boxes[i][2] - boxes[i][0], boxes[i][3] - boxes[i][1]) for i in order]
    widest = max(w for w, _ in extents)
    total = sum(w for w, _ in extents) + gap * (len(extents) - 1)
    best: tuple[float, list[tuple[float, float]]] | None = None
    limit = widest
    while True:
        width, height, corners = _shelves(extents, limit, gap)
        score = abs(math.log(width / max(height, 1.0) / aspect))
        if best is None or score < best[0] - 1e-9:
            best = (score, corners)
        if limit >= total:
            break
        limit = min(total, limit * 1.08 + 1.0)
    assert best is not None
    left0, top0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    moved: dict[str, tuple[float, float]] = {}
    for (cx, cy), index in zip(best[1], order, strict=True):
        dx, dy = left0 + cx - boxes[index][0], top0 + cy - boxes[index][1]
        for node_id in parts[index]:
            p = positions[node_id]
            moved[node_id] = (p.x + dx, p.y + dy)
    result = dict(positions)
    result.update(to_points(moved))
    return result
