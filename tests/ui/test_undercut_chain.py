"""A chain of undercuts thousands deep (u0 undercuts the support, u1 undercuts u0's attack, ...)
is drawn: its arrows were laid by recursion, one level per undercut, and the stack ran out
(RecursionError in `argmap render` and in the editor)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QImage

from argmap.editing import EditSession
from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind
from argmap.ui.canvas.scene import MapScene
from argmap.ui.render import render_map

DEPTH = 1_500
#: A tighter stack for the test, so that recursion would fail whichever arrow a pass lays first
#: (arrows are laid in set order; recursion went as deep as the chain below the first).
LIMIT = 300


def chain_map(depth: int) -> ArgumentMap:
    nodes = [Node(id="c", kind=NodeKind.CLAIM, text="c"), Node(id="p", kind=NodeKind.CLAIM)]
    nodes += [Node(id=f"u{i}", kind=NodeKind.COUNTERARGUMENT, text=f"u{i}") for i in range(depth)]
    relations = [Relation(id="r0", kind=RelationKind.SUPPORT, premises=["p"], target="c")]
    relations += [
        Relation(id=f"r{i + 1}", kind=RelationKind.ATTACK, premises=[f"u{i}"], target=f"r{i}")
        for i in range(depth)
    ]
    return ArgumentMap(nodes=nodes, relations=relations)


def test_a_deep_chain_of_undercuts_is_laid_out_and_drawn(tmp_path: Path) -> None:
    argument_map = chain_map(DEPTH)
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(LIMIT)
    try:
        scene = MapScene(EditSession(argument_map))
        out = render_map(argument_map, tmp_path / "chain.png", width=400)
    finally:
        sys.setrecursionlimit(before)
    laid = [scene.edge_item(f"r{i}") for i in range(DEPTH + 1)]
    assert all(edge is not None and edge.geometry is not None for edge in laid)
    assert not QImage(str(out)).isNull()
