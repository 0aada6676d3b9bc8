"""Signs kept apart: two arrows leaving one card (an attack and an undercut, say) often have
their middles close together, and their ⊖ discs drawn over each other read as one "⊖⊖".
After each routing pass the later sign of such a pair slides along its own arrow until clear.

An arrow some undercut points at keeps its sign in the middle (that is where the undercut
ends); only free signs move.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping

from PySide6.QtCore import QPointF

from argmap.model import Relation
from argmap.ui.canvas.edge_item import EdgeItem
from argmap.ui.canvas.geometry import SIGN_RADIUS

#: Centres closer than this overlap (two radii and a little air).
CLEARANCE = 2 * SIGN_RADIUS + 3
#: Places along an arrow tried for a sign moved aside, nearest the middle first.
PLACES = (0.36, 0.64, 0.27, 0.73, 0.2, 0.8)


def space_signs(
    edges: Mapping[str, EdgeItem],
    relations: Mapping[str, Relation],
    routed: Collection[str] | None = None,
    touching: Mapping[str, Collection[str]] | None = None,
) -> int:
    """Move signs off each other among arrows that share a premise card; how many moved.

    With ``routed`` (the arrows a pass just laid) and ``touching`` (card or relation id ->
    the relations using it), only the arrows leaving those arrows' premise cards are looked
    at, so an edit costs what it touched, not the whole map.
    """
    if routed is None or touching is None:
        candidates: Collection[str] = edges.keys()
        targeted = {r.target for r in relations.values()}
    else:
        cards = {p for r in routed if (rel := relations.get(r)) for p in rel.premises}
        candidates = {
            r for card in cards for r in touching.get(card, ()) if card in _premises(relations, r)
        }
        targeted = {
            e for e in candidates if any(_target(relations, u) == e for u in touching.get(e, ()))
        }
    leaving: dict[str, list[EdgeItem]] = {}
    for relation_id in sorted(candidates) if routed is not None else candidates:
        edge = edges.get(relation_id)
        relation = relations.get(relation_id)
        if edge is None or relation is None or edge.geometry is None or not edge.isVisible():
            continue
        for premise in relation.premises:
            leaving.setdefault(premise, []).append(edge)
    for group in leaving.values():
        for edge in group:
            edge.set_sign_t(0.5)
    moved = 0
    for group in leaving.values():
        if len(group) < 2:
            continue
        # Arrows an undercut points at are placed first: their signs cannot move.
        group.sort(key=lambda e: (e.relation_id not in targeted, e.relation_id))
        placed: list[QPointF] = []
        for edge in group:
            point = edge.sign_point()
            if _clear(point, placed) or edge.relation_id in targeted:
                placed.append(point)
                continue
            for t in PLACES:
                edge.set_sign_t(t)
                if _clear(edge.sign_point(), placed):
                    moved += 1
                    break
            else:
                edge.set_sign_t(0.5)
            placed.append(edge.sign_point())
    return moved


def _clear(point: QPointF, others: list[QPointF]) -> bool:
    return all(math.hypot(point.x() - o.x(), point.y() - o.y()) >= CLEARANCE for o in others)


def _premises(relations: Mapping[str, Relation], relation_id: str) -> list[str]:
    relation = relations.get(relation_id)
    return relation.premises if relation is not None else []


def _target(relations: Mapping[str, Relation], relation_id: str) -> str | None:
    relation = relations.get(relation_id)
    return relation.target if relation is not None else None
