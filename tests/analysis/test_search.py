"""Exact enumeration stays exact and quick on a tangle the size of a large map's cycles."""

from __future__ import annotations

import random

from argmap.analysis.dung import DungFramework
from argmap.analysis.semantics import extensions, grounded_extension


def tangle(n: int, seed: int) -> DungFramework:
    """n arguments, each attacked by two others chosen at random: one big cycle of cycles."""
    rng = random.Random(seed)
    attacks = {
        (f"a{a}", f"a{b}") for b in range(n) for a in rng.sample([x for x in range(n) if x != b], 2)
    }
    return DungFramework.of([f"a{i}" for i in range(n)], sorted(attacks))


def admissible(af: DungFramework, subset: frozenset[str]) -> bool:
    conflict_free = not any(a in subset for s in subset for a in af.attackers[s])
    defended = all(
        any(d in subset for d in af.attackers[attacker])
        for s in subset
        for attacker in af.attackers[s]
    )
    return conflict_free and defended


def test_a_tangle_of_sixty_arguments_is_enumerated_exactly() -> None:
    af = tangle(60, 1)
    preferred = extensions(af, "preferred")
    stable = extensions(af, "stable")
    complete = extensions(af, "complete")
    assert grounded_extension(af) == frozenset()
    assert len(preferred) == 7 and len(complete) == 15
    assert all(admissible(af, e) for e in complete)
    assert not any(a < b for a in preferred for b in preferred)
    assert set(stable) <= set(preferred) <= set(complete)
    for extension in stable:  # stable: attacks everything outside it
        outside = set(af.arguments) - extension
        assert all(any(a in extension for a in af.attackers[o]) for o in outside)
