"""Centres for every box OVA draws: statements where the map has them, scheme nodes between.

OVA draws only nodes that its layout block places, so each statement and each relation gets a
centre: statements keep the map's positions (those without one go in a grid below the rest)
and a relation's node sits halfway between its premises and its target.
"""

from __future__ import annotations

from argmap.model import ArgumentMap, Relation

_GRID_X = 300.0
_GRID_Y = 160.0
_COLUMNS = 4


def centres(argument_map: ArgumentMap) -> dict[str, tuple[float, float]]:
    """A centre for every node and relation of the map, in map order."""
    placed = {
        node.id: (p.x, p.y)
        for node in argument_map.nodes
        if (p := argument_map.layout.positions.get(node.id)) is not None
    }
    missing = [node.id for node in argument_map.nodes if node.id not in placed]
    top = max((y for _, y in placed.values()), default=-_GRID_Y) + _GRID_Y
    left = min((x for x, _ in placed.values()), default=0.0)
    for i, node_id in enumerate(missing):
        row, column = divmod(i, _COLUMNS)
        placed[node_id] = (left + column * _GRID_X, top + row * _GRID_Y)
    relations = argument_map.relation_index()
    result = {node.id: placed[node.id] for node in argument_map.nodes}
    for relation in argument_map.relations:
        _relation_centre(relation.id, relations, result)
    return result


def _relation_centre(
    relation_id: str, relations: dict[str, Relation], result: dict[str, tuple[float, float]]
) -> tuple[float, float]:
    """Halfway between a relation's premises and its target, the target placed first.

    An undercut's target is a relation, whose own target may be one too: the chain is followed
    with a loop (chains of thousands of undercuts exceed Python's recursion), innermost first;
    a cycle of relations ends where it closes, below the premises.
    """
    chain: list[str] = []
    on_chain: set[str] = set()
    current = relation_id
    while current in relations and current not in result and current not in on_chain:
        chain.append(current)
        on_chain.add(current)
        current = relations[current].target
    for chained in reversed(chain):
        relation = relations[chained]
        points = [result[p] for p in relation.premises if p in result]
        px = sum(x for x, _ in points) / len(points) if points else 0.0
        py = sum(y for _, y in points) / len(points) if points else 0.0
        tx, ty = result.get(relation.target, (px, py + _GRID_Y))
        result[chained] = ((px + tx) / 2, (py + ty) / 2)
    return result[relation_id]
