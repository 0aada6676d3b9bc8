"""Small random maps for the property tests, deterministic per random generator."""

from __future__ import annotations

import random

from argmap.model import ArgumentMap, Node, Relation


def random_map(
    rng: random.Random, max_statements: int = 8, attacks_only: bool = False
) -> ArgumentMap:
    """Up to ``max_statements`` statements and about as many relations: supports and attacks,
    some linked (two premises), some undercuts (of an earlier relation), cycles allowed."""
    n = rng.randint(1, max_statements)
    names = [f"s{i}" for i in range(n)]
    relations: list[Relation] = []
    for i in range(rng.randint(0, n + 2)):
        kind = "attack" if attacks_only or rng.random() < 0.55 else "support"
        size = 2 if not attacks_only and rng.random() < 0.2 and n > 1 else 1
        premises = rng.sample(names, size)
        if kind == "attack" and relations and not attacks_only and rng.random() < 0.2:
            target = rng.choice(relations).id  # an undercut of an earlier relation
        else:
            target = rng.choice(names)
            if kind == "support" and target in premises:
                continue
        relations.append(Relation(id=f"r{i}", kind=kind, premises=premises, target=target))
    return ArgumentMap(nodes=[Node(id=x, kind="claim", text=x) for x in names], relations=relations)
