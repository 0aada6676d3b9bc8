"""The one entry point: ``compute_layout(map, algorithm, direction, ...)`` and the registry.

Every algorithm returns card centres for the map's nodes; this wraps them with what the
editor needs around any of them: a node's own size or an estimate, the selection-only
variant, pinned nodes that stay where they are, and views (only some nodes). Our own
algorithms never overlap cards by construction (the tests check it on many maps and sizes);
where pinned nodes are put back, or Graphviz placed the cards, any card overlapping another
is moved to the nearest free spot.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from argmap.layout.compact import compact_layout
from argmap.layout.errors import LayoutError
from argmap.layout.geometry import Positions, Size
from argmap.layout.graphviz import dot_available, dot_layout
from argmap.layout.incremental import layout_selection, settle
from argmap.layout.layered import layered_layout
from argmap.layout.packing import EXPORT_ASPECT, pack_parts
from argmap.layout.radial import radial_layout
from argmap.layout.sizes import sizes_for
from argmap.layout.tree import tree_drawing, tree_layout
from argmap.layout.views import project
from argmap.model import ArgumentMap, Direction, Point

__all__ = ["ALGORITHMS", "DEFAULT_ALGORITHM", "Algorithm", "available_algorithms", "compute_layout"]

#: (map, direction, sizes of every node, root or None) -> centres of every node.
Run = Callable[[ArgumentMap, Direction, Mapping[str, Size], str | None], Positions]
#: The same, with how many trees were drawn (1: the map is one part, nothing to pack).
Counted = Callable[[ArgumentMap, Direction, Mapping[str, Size], str | None], tuple[Positions, int]]


@dataclass(frozen=True)
class Algorithm:
    """A layout the editor can offer: its name, a menu label, and how to run it."""

    name: str
    label: str
    description: str
    run: Run
    uses_direction: bool = True
    needs_graphviz: bool = False
    #: Never overlaps two cards, by construction (tested); else its output is checked.
    overlap_free: bool = True
    #: ``run`` that also says how many trees it drew, sparing the search for separate parts
    #: of a map drawn as one tree.
    counted: Counted | None = None

    def available(self) -> bool:
        """Whether it can run here (the dot layout needs Graphviz installed)."""
        return not self.needs_graphviz or dot_available()


ALGORITHMS: dict[str, Algorithm] = {
    algorithm.name: algorithm
    for algorithm in (
        Algorithm(
            "tree",
            "Tree",
            "Claims above what bears on them; supports left, attacks right",
            lambda m, d, s, r: tree_layout(m, d, s, r),
            counted=lambda m, d, s, r: tree_drawing(m, d, s, r),
        ),
        Algorithm(
            "layered",
            "Layered",
            "For many shared statements: layers, fewest crossings, all arrows one way",
            lambda m, d, s, r: layered_layout(m, d, s),
        ),
        Algorithm(
            "compact",
            "Compact",
            "For wide maps: premises stacked in columns to fit the screen",
            lambda m, d, s, r: compact_layout(m, d, s, r),
        ),
        Algorithm(
            "radial",
            "Radial",
            "One claim at the centre, the rest in rings by distance",
            lambda m, d, s, r: radial_layout(m, s, r),
            uses_direction=False,
        ),
        Algorithm(
            "dot",
            "Graphviz dot",
            "Graphviz's layered layout (needs Graphviz installed)",
            lambda m, d, s, r: dot_layout(m, d, s),
            needs_graphviz=True,
            overlap_free=False,
        ),
    )
}
DEFAULT_ALGORITHM = "tree"


def available_algorithms() -> list[str]:
    """Names of the algorithms that can run here, in menu order."""
    return [name for name, algorithm in ALGORITHMS.items() if algorithm.available()]


def _algorithm(name: str) -> Algorithm:
    try:
        return ALGORITHMS[name]
    except KeyError:
        raise LayoutError(
            f"unknown layout algorithm {name!r}; choose one of {', '.join(ALGORITHMS)}"
        ) from None


def _direction(value: Direction | str | None, argument_map: ArgumentMap) -> Direction:
    try:
        return Direction(value or argument_map.layout.direction)
    except ValueError:
        raise LayoutError(f"unknown layout direction {value!r}; choose TB or LR") from None


def _keep_pinned(
    positions: Positions, stored: Mapping[str, Point], pinned: Collection[str]
) -> tuple[Positions, list[str]]:
    """The layout moved so the first pinned node is where it was, pinned nodes put back."""
    fixed = [node_id for node_id in pinned if node_id in stored and node_id in positions]
    if not fixed:
        return positions, []
    first = fixed[0]
    dx, dy = stored[first].x - positions[first].x, stored[first].y - positions[first].y
    moved = {n: Point.rounded(p.x + dx, p.y + dy) for n, p in positions.items()}
    moved.update({node_id: stored[node_id] for node_id in fixed})
    return moved, fixed


def compute_layout(
    argument_map: ArgumentMap,
    algorithm: str = DEFAULT_ALGORITHM,
    direction: Direction | str | None = None,
    sizes: Mapping[str, Size] | None = None,
    root: str | None = None,
    selection: Collection[str] | None = None,
    pinned: Collection[str] | None = None,
    only: Collection[str] | None = None,
    aspect: float | None = None,
) -> Positions:
    """Card centres for ``argument_map`` by ``algorithm``; the map is not changed.

    Parameters
    ----------
    argument_map
        The map to lay out.
    algorithm
        A name in :data:`ALGORITHMS`: ``tree`` (default), ``layered``, ``compact``,
        ``radial`` or ``dot`` (when Graphviz is installed).
    direction
        ``TB`` or ``LR``; the map's own direction when omitted.
    sizes
        Card (width, height) by node id, as the canvas measured them; estimated when missing.
    root
        The tree drawn first (tree, compact) or the centre (radial).
    selection
        Lay out only these nodes and everything under them; the result then holds only
        the moved nodes.
    pinned
        Nodes that keep their stored position (default: the map's pinned nodes).
    only
        Lay out just these nodes, as if the others were not there (a collapsed or focused
        view; see :mod:`argmap.layout.views`).
    aspect
        Width over height the drawing should come near: separate parts of the map are
        packed as blocks in rows towards it (:mod:`argmap.layout.packing`); 16:9 when
        omitted (exports), the window's in the editor.

    Returns
    -------
    dict
        Node id -> :class:`~argmap.model.Point` (card centre): every node laid out.

    Raises
    ------
    LayoutError
        Unknown algorithm, direction or root, or Graphviz missing for ``dot``.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(nodes=[Node(id="c", kind="claim"), Node(id="e", kind="evidence")],
    ...                 relations=[Relation(id="r", kind="support", premises=["e"], target="c")])
    >>> p = compute_layout(m, "tree")
    >>> p["c"].y < p["e"].y
    True
    """
    chosen = _algorithm(algorithm)
    way = _direction(direction, argument_map)
    if root is not None and not argument_map.has_node(root):
        raise LayoutError(f"cannot lay out from {root!r}: the map has no such node")
    if chosen.needs_graphviz and not chosen.available():
        raise LayoutError("the dot layout needs Graphviz, and its 'dot' program is not on PATH")
    work = argument_map if only is None else project(argument_map, only)
    all_sizes = sizes_for(work.nodes, sizes)
    fixed = list(argument_map.layout.pinned if pinned is None else pinned)
    if selection is not None:
        return layout_selection(
            work,
            selection,
            way,
            all_sizes,
            fixed,
            layout=lambda m, d, s: chosen.run(m, d, s, None),
        )
    start = root if root in all_sizes else None
    if chosen.counted is not None:
        positions, trees = chosen.counted(work, way, all_sizes, start)
    else:
        positions, trees = chosen.run(work, way, all_sizes, start), 0
    if trees != 1:  # one tree is one part: nothing to pack
        positions = pack_parts(work, positions, all_sizes, aspect or EXPORT_ASPECT)
    positions, kept = _keep_pinned(positions, argument_map.layout.positions, fixed)
    if kept or not chosen.overlap_free:
        positions = settle(positions, all_sizes, kept, way)
    return positions
