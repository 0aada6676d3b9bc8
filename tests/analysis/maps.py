"""Tiny maps for the analysis tests, written the way a reader draws them."""

from __future__ import annotations

from argmap.model import ArgumentMap, Node, Relation


def statement_map(
    nodes: str | list[str], *relations: str, kinds: dict[str, str] | None = None
) -> ArgumentMap:
    """A map from relation specs ``"id: p1+p2 -> target"`` (support) or ``"id: p =x target"``
    (attack; a target that is a relation id makes an undercut). Nodes are claims unless
    ``kinds`` says otherwise; a node's text is its id."""
    names = nodes.split() if isinstance(nodes, str) else nodes
    kinds = kinds or {}
    built = []
    for spec in relations:
        relation_id, body = (part.strip() for part in spec.split(":", 1))
        kind = "attack" if "=x" in body else "support"
        premises, target = (part.strip() for part in body.split("=x" if kind == "attack" else "->"))
        built.append(
            Relation(id=relation_id, kind=kind, premises=premises.split("+"), target=target)
        )
    return ArgumentMap(
        nodes=[Node(id=n, kind=kinds.get(n, "claim"), text=n) for n in names], relations=built
    )
