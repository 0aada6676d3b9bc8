"""Positions for argument maps (no Qt): takes the map and each card's size, returns centres.

``compute_layout(map, algorithm, direction, sizes=...)`` is the entry point; ``ALGORITHMS``
lists the layouts (tree, layered, compact, radial, and dot when Graphviz is installed).
:mod:`argmap.layout.views` answers what collapsing hides and what a focus shows;
:mod:`argmap.layout.incremental` places new nodes without moving others.
"""

from argmap.layout.api import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    Algorithm,
    available_algorithms,
    compute_layout,
)
from argmap.layout.compact import compact_layout
from argmap.layout.errors import LayoutError
from argmap.layout.forest import LayoutForest, build_forest
from argmap.layout.geometry import Positions, Size, Spacing, spacing_for
from argmap.layout.graphviz import dot_available, dot_layout
from argmap.layout.incremental import layout_selection, place_new_node, settle, subtree_nodes
from argmap.layout.layered import layered_layout
from argmap.layout.metrics import (
    DrawingMetrics,
    bounding_box,
    count_crossings,
    direction_share,
    measure,
    overlaps,
)
from argmap.layout.radial import radial_layout
from argmap.layout.sizes import estimate_card_size, sizes_for
from argmap.layout.tree import tree_layout
from argmap.layout.views import collapsed_hiding, focus_nodes, hidden_counts, hidden_nodes, project

__all__ = [
    "ALGORITHMS",
    "DEFAULT_ALGORITHM",
    "Algorithm",
    "DrawingMetrics",
    "LayoutError",
    "LayoutForest",
    "Positions",
    "Size",
    "Spacing",
    "available_algorithms",
    "bounding_box",
    "build_forest",
    "collapsed_hiding",
    "compact_layout",
    "compute_layout",
    "count_crossings",
    "direction_share",
    "dot_available",
    "dot_layout",
    "estimate_card_size",
    "focus_nodes",
    "hidden_counts",
    "hidden_nodes",
    "layered_layout",
    "layout_selection",
    "measure",
    "overlaps",
    "place_new_node",
    "project",
    "radial_layout",
    "settle",
    "sizes_for",
    "spacing_for",
    "subtree_nodes",
    "tree_layout",
]
