"""Measures of a drawing: overlapping cards, crossing edges, extent, edge direction.

Used by the tests (no layout may overlap two cards) and by the benchmark. The spatial checks
bucket boxes and segments into a uniform grid, so they stay near-linear on 5,000-node maps
where comparing all pairs would take minutes in Python.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from argmap.layout.geometry import Size
from argmap.model import Direction, Point

__all__ = [
    "DrawingMetrics",
    "bounding_box",
    "count_crossings",
    "direction_share",
    "measure",
    "overlaps",
]

#: Boxes closer than this are not counted as overlapping (rounding of stored positions).
TOLERANCE = 0.5


def _cell_range(low: float, high: float, cell: float) -> range:
    return range(math.floor(low / cell), math.floor(high / cell) + 1)


def overlaps(positions: Mapping[str, Point], sizes: Mapping[str, Size]) -> list[tuple[str, str]]:
    """Pairs of placed cards whose boxes overlap (each pair once, sorted).

    Examples
    --------
    >>> from argmap.model import Point
    >>> sizes = {"a": (100, 50), "b": (100, 50), "c": (100, 50)}
    >>> overlaps({"a": Point(x=0, y=0), "b": Point(x=90, y=10), "c": Point(x=200, y=0)}, sizes)
    [('a', 'b')]
    """
    boxes = {
        node_id: (p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2)
        for node_id, p in positions.items()
        for w, h in (sizes[node_id],)
    }
    if not boxes:
        return []
    cell = max(max(b[2] - b[0], b[3] - b[1]) for b in boxes.values()) or 1.0
    grid: dict[tuple[int, int], list[str]] = defaultdict(list)
    found: set[tuple[str, str]] = set()
    for node_id, (left, top, right, bottom) in boxes.items():
        for gx in _cell_range(left, right, cell):
            for gy in _cell_range(top, bottom, cell):
                bucket = grid[gx, gy]
                for other in bucket:
                    o_left, o_top, o_right, o_bottom = boxes[other]
                    if (
                        left < o_right - TOLERANCE
                        and o_left < right - TOLERANCE
                        and top < o_bottom - TOLERANCE
                        and o_top < bottom - TOLERANCE
                    ):
                        found.add((min(node_id, other), max(node_id, other)))
                bucket.append(node_id)
    return sorted(found)


def _orientation(ax: float, ay: float, bx: float, by: float, cx: float, cy: float) -> float:
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)


def _cross(s: tuple[float, float, float, float], t: tuple[float, float, float, float]) -> bool:
    """Whether two segments cross at a point inside both (touching ends do not count)."""
    ax, ay, bx, by = s
    cx, cy, dx, dy = t
    d1 = _orientation(cx, cy, dx, dy, ax, ay)
    d2 = _orientation(cx, cy, dx, dy, bx, by)
    d3 = _orientation(ax, ay, bx, by, cx, cy)
    d4 = _orientation(ax, ay, bx, by, dx, dy)
    return ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4))


def count_crossings(positions: Mapping[str, Point], edges: Iterable[tuple[str, str]]) -> int:
    """How many pairs of edges, drawn as straight lines between card centres, cross.

    Edges that share an end never count as crossing; an edge given twice counts once.
    """
    pairs = {(min(a, b), max(a, b)) for a, b in edges if a != b}
    segments = [
        (a, b, (positions[a].x, positions[a].y, positions[b].x, positions[b].y)) for a, b in pairs
    ]
    if not segments:
        return 0
    spans = [max(abs(s[2] - s[0]), abs(s[3] - s[1])) for _, _, s in segments]
    cell = max(sorted(spans)[len(spans) // 2], 1.0)  # the median edge fits a cell or two
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    crossings = 0
    for index, (a, b, seg) in enumerate(segments):
        x0, y0, x1, y1 = seg
        for gx in _cell_range(min(x0, x1), max(x0, x1), cell):
            for gy in _cell_range(min(y0, y1), max(y0, y1), cell):
                bucket = grid[gx, gy]
                for other in bucket:
                    if (other, index) in seen:
                        continue
                    seen.add((other, index))
                    c, d, other_seg = segments[other]
                    if a not in (c, d) and b not in (c, d) and _cross(seg, other_seg):
                        crossings += 1
                bucket.append(index)
    return crossings


def bounding_box(
    positions: Mapping[str, Point], sizes: Mapping[str, Size]
) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of all placed cards; zeros when nothing is placed."""
    if not positions:
        return 0.0, 0.0, 0.0, 0.0
    left = min(p.x - sizes[n][0] / 2 for n, p in positions.items())
    right = max(p.x + sizes[n][0] / 2 for n, p in positions.items())
    top = min(p.y - sizes[n][1] / 2 for n, p in positions.items())
    bottom = max(p.y + sizes[n][1] / 2 for n, p in positions.items())
    return left, top, right, bottom


def direction_share(
    positions: Mapping[str, Point], edges: Iterable[tuple[str, str]], direction: Direction
) -> float:
    """The share of (premise, target) edges whose target lies above (TB) or left of (LR)
    its premise: the way an argument map reads. 1.0 when there are no edges."""
    total = right_way = 0
    for premise, target in edges:
        total += 1
        p, t = positions[premise], positions[target]
        if (t.x < p.x) if direction == Direction.LEFT_RIGHT else (t.y < p.y):
            right_way += 1
    return right_way / total if total else 1.0


@dataclass(frozen=True)
class DrawingMetrics:
    """What the benchmark reports for one drawing."""

    width: float
    height: float
    crossings: int
    overlaps: int
    direction_share: float

    @property
    def aspect(self) -> float:
        """Width over height (0 for an empty drawing)."""
        return self.width / self.height if self.height else 0.0


def measure(
    positions: Mapping[str, Point],
    sizes: Mapping[str, Size],
    edges: Iterable[tuple[str, str]],
    direction: Direction,
) -> DrawingMetrics:
    """All :class:`DrawingMetrics` of a drawing; ``edges`` are (premise, target) pairs."""
    edge_list = list(edges)
    left, top, right, bottom = bounding_box(positions, sizes)
    return DrawingMetrics(
        width=right - left,
        height=bottom - top,
        crossings=count_crossings(positions, edge_list),
        overlaps=len(overlaps(positions, sizes)),
        direction_share=direction_share(positions, edge_list, direction),
    )
