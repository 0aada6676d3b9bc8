"""Every arrow of a laid-out map routed at once: :func:`route_map` (what
:func:`argmap.layout.routing.route_map` runs).

Most arrows of a drawing in rows (the tree and layered layouts) are one premise's line to a
card in the next row up, and straight. For them this does what
:func:`~argmap.layout.routing.route_relation` would, in one loop with no calls: the arrival
port, the start on the premise's border, and the cheapest test that shows the line clear
(:func:`straight_clear`: a few comparisons against the free room beside each end's card in
its row, which :class:`~argmap.layout.rows.Rows` has worked out once). A line that test does
not show clear goes on to the exact tests and the bends, exactly as before, so every route is
the one :func:`~argmap.layout.routing.route_relation` gives.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from argmap.layout.geometry import XY, Positions, Size
from argmap.layout.routing import (
    BORDER_GAP,
    Box,
    Route,
    _avoid,
    arrival_ports,
    route_relation,
)
from argmap.model import ArgumentMap

__all__ = ["route_map", "straight_clear"]

#: Kept between a line and the edge of a card's room (px): far more than rounding, so a line
#: shown clear is clear to the exact test too (as :data:`argmap.layout.rows.MARGIN`).
MARGIN = 1e-6

#: Per card: (row index, room's left edge, room's right edge, row top, row bottom).
Room = tuple[int, float, float, float, float]


def straight_clear(a: XY, b: XY, at_a: Room, at_b: Room) -> bool:
    """Whether the line a-b between two cards in neighbouring rows (``at_a``, ``at_b``: their
    entries in :attr:`Rows.room <argmap.layout.rows.Rows.room>`) is shown clear of every other
    card: each end lies in its card's row, and within each row's height the line keeps inside
    the free room beside the card; between two rows nothing stands. False means only "not
    shown" (then ask the index)."""
    if at_a[0] > at_b[0]:
        a, b, at_a, at_b = b, a, at_b, at_a
    if at_b[0] != at_a[0] + 1:
        return False
    (ux, uy), (lx, ly) = a, b
    _, low, high, top, bottom = at_a
    if not top <= uy <= bottom or ly <= uy:
        return False
    slope = (lx - ux) / (ly - uy)
    x = ux + (bottom - uy) * slope
    if not (low + MARGIN < ux < high - MARGIN and low + MARGIN < x < high - MARGIN):
        return False
    _, low, high, top, bottom = at_b
    if not top <= ly <= bottom:
        return False
    x = lx + (top - ly) * slope
    return low + MARGIN < lx < high - MARGIN and low + MARGIN < x < high - MARGIN


def _ports(argument_map: ArgumentMap, boxes: Mapping[str, Box]) -> dict[str, XY]:
    """Where each relation's arrow arrives on its target card (by relation id): what
    :func:`~argmap.layout.routing.arrival_ports` gives for the arrows into one card, a lone
    arrow where it points (:func:`~argmap.layout.routing.border_xy` inlined)."""
    incoming: dict[str, dict[str, XY]] = {}
    for relation in argument_map.relations:
        target = relation.target
        if target not in boxes:
            continue
        premises = relation.premises
        if len(premises) == 1 and premises[0] in boxes:  # most: the premise's centre
            box = boxes[premises[0]]
            source = (box[0], box[1])
        else:
            placed = [boxes[p] for p in premises if p in boxes]
            if not placed:
                continue
            source = (
                sum(b[0] for b in placed) / len(placed),
                sum(b[1] for b in placed) / len(placed),
            )
        if target in incoming:
            incoming[target][relation.id] = source
        else:
            incoming[target] = {relation.id: source}
    ports: dict[str, XY] = {}
    gap = BORDER_GAP
    inf = math.inf
    for target, sources in incoming.items():
        if len(sources) > 1:
            ports.update(arrival_ports(boxes[target], sources))
            continue
        for relation_id, (tx, ty) in sources.items():  # border_xy(boxes[target], tx, ty)
            cx, cy, hw, hh = boxes[target]
            dx, dy = tx - cx, ty - cy
            if dx == 0 and dy == 0:
                ports[relation_id] = (cx, cy + hh + gap)
                continue
            scale = min(
                (hw + gap) / abs(dx) if dx else inf,
                (hh + gap) / abs(dy) if dy else inf,
            )
            ports[relation_id] = (tx, ty) if scale >= 1.0 else (cx + dx * scale, cy + dy * scale)
    return ports


def route_map(
    argument_map: ArgumentMap,
    positions: Positions,
    sizes: Mapping[str, Size],
    avoid: bool = True,
) -> dict[str, Route]:
    """Every relation's route (by relation id) for the map laid out at ``positions``: what
    the canvas draws. Relations with no placed premise or target are left out."""
    from argmap.layout.rows import Rows, obstacles_for  # rows builds on routing

    boxes = {n: (p.x, p.y, sizes[n][0] / 2, sizes[n][1] / 2) for n, p in positions.items()}
    obstacles = obstacles_for(boxes) if avoid else None
    room: Mapping[str, Room] = obstacles.room if isinstance(obstacles, Rows) else {}
    relations = {r.id: r for r in argument_map.relations}
    ports = _ports(argument_map, boxes)
    routes: dict[str, Route] = {}
    blocked = obstacles.blocked if obstacles is not None else None
    clear_line = obstacles.clear_line if obstacles is not None else None
    longest = obstacles.longest_bent if obstacles is not None else math.inf
    new_route = tuple.__new__
    gap, inf = BORDER_GAP, math.inf

    def route(relation_id: str, path: set[str]) -> None:
        relation = relations[relation_id]
        premises = [(p, boxes[p]) for p in relation.premises if p in boxes]
        target: Box | XY | None = None
        if relation.target in boxes:
            target = boxes[relation.target]
        elif relation.target in relations and relation.target not in path:
            if relation.target not in routes:
                route(relation.target, path | {relation_id})
            attacked = routes.get(relation.target)
            target = attacked.mid if attacked is not None else None
        if premises and target is not None:
            on_card = relation.target if relation.target in boxes else None
            routes[relation_id] = route_relation(
                premises, target, on_card, obstacles, ports.get(relation_id)
            )

    for relation in argument_map.relations:
        relation_id = relation.id
        if relation_id in routes:
            continue
        premises = relation.premises
        target_id = relation.target
        if len(premises) != 1 or target_id not in boxes or premises[0] not in boxes:
            route(relation_id, set())
            continue
        # One premise to a card: what route_relation does, without its calls.
        name = premises[0]
        px, py = port = ports[relation_id]
        cx, cy, hw, hh = box = boxes[name]
        dx, dy = px - cx, py - cy  # start = border_xy(box, *port)
        if dx == 0 and dy == 0:
            start = (cx, cy + hh + gap)
        else:
            scale = min(
                (hw + gap) / abs(dx) if dx else inf,
                (hh + gap) / abs(dy) if dy else inf,
            )
            start = (px, py) if scale >= 1.0 else (cx + dx * scale, cy + dy * scale)
        if blocked is None:
            routes[relation_id] = new_route(Route, (start, port, (), None, ()))
            continue
        at_a, at_b = room.get(name), room.get(target_id)
        if at_a is not None and at_b is not None and straight_clear(start, port, at_a, at_b):
            routes[relation_id] = new_route(Route, (start, port, (), None, ()))  # most end here
            continue
        straight = new_route(Route, (start, port, (), None, ()))
        if (
            (clear_line is not None and clear_line(start, port, name, target_id))
            or math.hypot(px - start[0], py - start[1]) > longest
            or not blocked([start, port], (name, target_id))
        ):
            routes[relation_id] = straight
        else:  # blocked: on to the bends (what route_relation would do next)
            routes[relation_id] = _avoid(
                straight,
                box,
                boxes[target_id],
                {name, target_id},
                obstacles,
                (name, target_id),
                tested=True,
            )
    return routes
