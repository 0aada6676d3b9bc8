"""Optional: Graphviz ``dot`` as a layout, when the ``dot`` program is installed.

networkx's own Graphviz bridges need pygraphviz or pydot, which argmap does not depend on, so
this writes the DOT text itself and reads ``dot -Tplain`` (node centres and sizes in inches,
y growing upwards). Cards are fixed-size boxes of their real size; edges run target ->
premise, so claims rank above what bears on them, and are drawn as straight lines
(``splines=false``): argmap draws its own arrows and needs only the positions.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping

from argmap.layout.edges import statement_edges
from argmap.layout.errors import LayoutError
from argmap.layout.geometry import Positions, Size, Spacing, spacing_for, to_points
from argmap.layout.sizes import sizes_for
from argmap.model import ArgumentMap, Direction

__all__ = ["dot_available", "dot_drawing", "dot_layout", "dot_source"]

POINTS_PER_INCH = 72.0
#: Seconds ``dot`` may take before the layout gives up.
DOT_TIMEOUT = 600.0


def dot_available() -> bool:
    """Whether the Graphviz ``dot`` program is on PATH."""
    return shutil.which("dot") is not None


def _inches(pixels: float) -> str:
    return f"{pixels / POINTS_PER_INCH:.4f}"


def dot_source(
    argument_map: ArgumentMap, sizes: Mapping[str, Size], direction: Direction, spacing: Spacing
) -> str:
    """The map as DOT text; node ``n<i>`` is the map's i-th node."""
    name = {node.id: f"n{i}" for i, node in enumerate(argument_map.nodes)}
    lines = [
        "digraph argmap {",
        f"  graph [rankdir={'LR' if direction == Direction.LEFT_RIGHT else 'TB'}, "
        f"nodesep={_inches(spacing.sibling)}, ranksep={_inches(spacing.level)}, splines=false];",
        '  node [shape=box, fixedsize=true, label=""];',
    ]
    for node in argument_map.nodes:
        width, height = sizes[node.id]
        lines.append(f"  {name[node.id]} [width={_inches(width)}, height={_inches(height)}];")
    pairs: dict[tuple[str, str], None] = {}
    for edge in statement_edges(argument_map):
        if edge.premise in name and edge.target in name and edge.premise != edge.target:
            pairs[edge.target, edge.premise] = None
    lines += [f"  {name[t]} -> {name[p]};" for t, p in pairs]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _run_dot(source: str) -> str:
    executable = shutil.which("dot")
    if executable is None:
        raise LayoutError("the dot layout needs Graphviz, and its 'dot' program is not on PATH")
    try:
        done = subprocess.run(
            [executable, "-Tplain"],
            input=source,
            capture_output=True,
            text=True,
            timeout=DOT_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise LayoutError(f"Graphviz dot took longer than {DOT_TIMEOUT:.0f} s") from None
    if done.returncode != 0:
        raise LayoutError(f"Graphviz dot failed: {done.stderr.strip() or done.returncode}")
    return done.stdout


def dot_layout(
    argument_map: ArgumentMap,
    direction: Direction = Direction.TOP_BOTTOM,
    sizes: Mapping[str, Size] | None = None,
    spacing: Spacing | None = None,
) -> Positions:
    """Card centres as Graphviz ``dot`` places them; :class:`LayoutError` without Graphviz."""
    direction = Direction(direction)
    all_sizes = sizes_for(argument_map.nodes, sizes)
    source = dot_source(argument_map, all_sizes, direction, spacing or spacing_for(direction))
    ids = [node.id for node in argument_map.nodes]
    centres: dict[str, tuple[float, float]] = {}
    for line in _run_dot(source).splitlines():
        fields = line.split()
        if len(fields) >= 4 and fields[0] == "node":
            node_id = ids[int(fields[1][1:])]
            x, y = float(fields[2]) * POINTS_PER_INCH, -float(fields[3]) * POINTS_PER_INCH
            centres[node_id] = (x, y)
    missing = [node_id for node_id in ids if node_id not in centres]
    if missing:
        raise LayoutError(f"Graphviz dot placed no position for node {missing[0]!r}")
    return to_points(centres)


def _bezier_pieces(points: list[tuple[float, float]], steps: int = 8) -> list[tuple[float, float]]:
    """A Graphviz B-spline (1 + 3k control points: cubic pieces end to end) as a polyline."""
    line = [points[0]]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i : i + 4]
        for step in range(1, steps + 1):
            t = step / steps
            u = 1 - t
            line.append(
                (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
            )
    return line


def dot_drawing(
    argument_map: ArgumentMap,
    direction: Direction = Direction.TOP_BOTTOM,
    sizes: Mapping[str, Size] | None = None,
) -> tuple[Positions, list[tuple[str, str, list[tuple[float, float]]]]]:
    """What Graphviz ``dot`` draws by itself: card centres, and each edge (premise, target)
    as its own spline routed round the cards, as a polyline in scene pixels. The peer the
    arrows-through-cards measure compares argmap's router with."""
    direction = Direction(direction)
    all_sizes = sizes_for(argument_map.nodes, sizes)
    source = dot_source(argument_map, all_sizes, direction, spacing_for(direction))
    source = source.replace("splines=false", "splines=spline")
    ids = [node.id for node in argument_map.nodes]
    centres: dict[str, tuple[float, float]] = {}
    edges: list[tuple[str, str, list[tuple[float, float]]]] = []
    for line in _run_dot(source).splitlines():
        fields = line.split()
        if len(fields) >= 4 and fields[0] == "node":
            x, y = float(fields[2]) * POINTS_PER_INCH, -float(fields[3]) * POINTS_PER_INCH
            centres[ids[int(fields[1][1:])]] = (x, y)
        elif len(fields) >= 4 and fields[0] == "edge":
            count = int(fields[3])
            raw = fields[4 : 4 + 2 * count]
            points = [
                (float(raw[i]) * POINTS_PER_INCH, -float(raw[i + 1]) * POINTS_PER_INCH)
                for i in range(0, len(raw), 2)
            ]
            target, premise = ids[int(fields[1][1:])], ids[int(fields[2][1:])]
            edges.append((premise, target, _bezier_pieces(points)))
    return to_points(centres), edges
