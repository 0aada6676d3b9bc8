"""The statement edges of a map, as plain tuples: what every layout draws.

This is the projection of :func:`argmap.analysis.graph.statement_graph` (one edge premise ->
target per premise of each relation; an undercut points at the conclusion of the inference it
attacks), built without networkx: the tree layout's whole budget at 1,000 nodes is a few
milliseconds, and building the MultiDiGraph alone costs 7. Edges are named tuples, which are
several times cheaper to make than dataclass instances. A test keeps the two in step.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.model import ArgumentMap, RelationKind

__all__ = ["StatementEdge", "conclusion_of", "statement_edges"]


class StatementEdge(NamedTuple):
    """One premise bearing on one statement through relation ``relation``."""

    premise: str
    target: str
    relation: str
    attack: bool
    linked: bool
    #: The attacked relation's id when this edge belongs to an undercut, else None.
    undercut: str | None


def statement_edges(argument_map: ArgumentMap) -> list[StatementEdge]:
    """Every premise -> statement edge, in relation order then premise order.

    Relations whose target chain never reaches a statement (an undercut of an undercut cycle)
    are left out, as :func:`~argmap.analysis.graph.statement_graph` does.
    """
    targets = {relation.id: relation.target for relation in argument_map.relations}
    edges: list[StatementEdge] = []
    append = edges.append
    for relation in argument_map.relations:
        target = relation.target
        undercut: str | None = None
        if target in targets:
            undercut = target
            conclusion = conclusion_of(target, targets)
            if conclusion is None:
                continue
            target = conclusion
        attack = relation.kind == RelationKind.ATTACK
        linked = len(relation.premises) > 1
        for premise in relation.premises:
            append(StatementEdge(premise, target, relation.id, attack, linked, undercut))
    return edges


def conclusion_of(relation_id: str, targets: dict[str, str]) -> str | None:
    """The statement at the end of a chain of undercuts, or None if the chain is a cycle."""
    seen: set[str] = set()
    target = relation_id
    while target in targets:
        if target in seen:
            return None
        seen.add(target)
        target = targets[target]
    return target
