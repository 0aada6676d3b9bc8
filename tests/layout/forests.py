"""Generated forests: many small arguments side by side, like a debate map from AIFdb."""

from __future__ import annotations

import random

from argmap.model import ArgumentMap
from tests.generators import generate_map


def generate_forest(statements: int, parts: int, seed: int) -> ArgumentMap:
    """A map of ``statements`` statements in ``parts`` separate trees of random sizes (at
    least one statement each), the trees' ids prefixed ``p<i>-``."""
    rng = random.Random(seed)
    sizes = [1] * parts
    for _ in range(statements - parts):
        sizes[min(int(rng.expovariate(1 / (parts / 6))), parts - 1)] += 1
    rng.shuffle(sizes)
    nodes, relations = [], []
    for index, size in enumerate(sizes):
        tree = generate_map(size, seed=seed * 1000 + index, cross_link_share=0.0)
        prefix = f"p{index}-"
        rename = {n.id: prefix + n.id for n in tree.nodes}
        rename |= {r.id: prefix + r.id for r in tree.relations}
        nodes += [n.model_copy(update={"id": rename[n.id]}) for n in tree.nodes]
        relations += [
            r.model_copy(
                update={
                    "id": rename[r.id],
                    "premises": [rename[p] for p in r.premises],
                    "target": rename[r.target],
                }
            )
            for r in tree.relations
        ]
    return ArgumentMap(nodes=nodes, relations=relations)
