"""Which side of the debate each statement is on, seen from the map's main claims.

A *main claim* is a claim that is the premise of no relation: a conclusion the map argues for.
Main claims are on the ``pro`` side; a support keeps the side of its target, an attack takes
the other one, and an undercut takes the side opposite to the premises of the relation it
attacks. Statements no chain of relations leads to from a main claim have no side.
"""

from __future__ import annotations

from enum import StrEnum

from argmap.model import ArgumentMap, NodeKind, RelationKind

__all__ = ["Side", "main_claims", "sides"]


class Side(StrEnum):
    """For or against the main claims."""

    PRO = "pro"
    CON = "con"

    @property
    def other(self) -> Side:
        return Side.CON if self is Side.PRO else Side.PRO


def main_claims(argument_map: ArgumentMap) -> list[str]:
    """Claims that are the premise of no relation, in map order.

    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(nodes=[Node(id="c", kind="claim"), Node(id="d", kind="claim")],
    ...                 relations=[Relation(id="r", kind="support", premises=["d"], target="c")])
    >>> main_claims(m)
    ['c']
    """
    premises = {p for r in argument_map.relations for p in r.premises}
    return [n.id for n in argument_map.nodes if n.kind == NodeKind.CLAIM and n.id not in premises]


def sides(argument_map: ArgumentMap) -> dict[str, Side]:
    """The side of every statement reached from a main claim (the first side found wins).

    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id="c", kind="claim"), Node(id="x", kind="counterargument"),
    ...            Node(id="y", kind="counterargument")],
    ...     relations=[Relation(id="r", kind="attack", premises=["x"], target="c"),
    ...                Relation(id="s", kind="attack", premises=["y"], target="x")])
    >>> {k: v.value for k, v in sides(m).items()}
    {'c': 'pro', 'x': 'con', 'y': 'pro'}
    """
    side: dict[str, Side] = dict.fromkeys(main_claims(argument_map), Side.PRO)
    relation_side: dict[str, Side] = {}
    pending = list(argument_map.relations)
    changed = True
    while changed and pending:
        changed = False
        waiting = []
        for relation in pending:
            target = side.get(relation.target) or _attacked(relation_side, relation.target)
            if target is None:
                waiting.append(relation)
                continue
            own = target if relation.kind == RelationKind.SUPPORT else target.other
            relation_side[relation.id] = own
            for premise in relation.premises:
                side.setdefault(premise, own)
            changed = True
        pending = waiting
    return side


def _attacked(relation_side: dict[str, Side], relation_id: str) -> Side | None:
    """An undercut's target side: that of the premises of the relation it attacks."""
    return relation_side.get(relation_id)
