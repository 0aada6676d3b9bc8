"""Small debate maps written out by hand, one line a relation."""

from __future__ import annotations

from argmap.model import ArgumentMap, Node, Relation

KINDS = {"c": "claim", "e": "evidence", "o": "counterargument"}


def debate_map(relations: str, motion: str | None = "m", *extra: str) -> ArgumentMap:
    """``"r1: a + m"`` (a supports m), ``"r2: b - m"`` (attack), ``"r3: x - r1"`` (undercut),
    ``"r4: a b + m"`` (linked). Node kinds come from the first letter (c/e/o; else claim)."""
    nodes: dict[str, Node] = {}
    built: list[Relation] = []
    for line in [line.strip() for line in relations.split(";") if line.strip()]:
        rid, body = (part.strip() for part in line.split(":"))
        sign = "+" if " + " in f" {body} " else "-"
        left, target = (part.strip() for part in body.split(f" {sign} "))
        premises = left.split()
        built.append(
            Relation(
                id=rid,
                kind="support" if sign == "+" else "attack",
                premises=premises,
                target=target,
            )
        )
        for name in [*premises, target]:
            if not name.startswith("r") and name not in nodes:
                nodes[name] = Node(id=name, kind=KINDS.get(name[0], "claim"), text=name)
    for name in extra:
        nodes.setdefault(name, Node(id=name, kind=KINDS.get(name[0], "claim"), text=name))
    if motion is not None:
        nodes.setdefault(motion, Node(id=motion, kind="claim", text=motion))
    m = ArgumentMap(nodes=list(nodes.values()), relations=built)
    m.debate.motion = motion
    return m
