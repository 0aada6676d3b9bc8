"""Exact enumeration stays exact on tangles whose answers are known without running it.

Expectations are derived by hand from the structure (independent components multiply: a
mutual attack has 2 preferred, 3 complete and 2 stable labellings; an odd cycle has 1
preferred, 1 complete and no stable one), and on a random tangle the Dung search
(``semantics.py``) is checked against the definitions and against a second, separate search:
the map evaluator's (``adf_search.py``) on the same attacks drawn as a map.
"""

from __future__ import annotations

import random

import pytest

from argmap.analysis.dung import DungFramework
from argmap.analysis.evaluate import evaluate
from argmap.analysis.semantics import extensions, grounded_extension
from argmap.model import ArgumentMap, Node, Relation


def tangle(n: int, seed: int) -> DungFramework:
    """n arguments, each attacked by two others chosen at random: one big cycle of cycles."""
    rng = random.Random(seed)
    attacks = {
        (f"a{a}", f"a{b}") for b in range(n) for a in rng.sample([x for x in range(n) if x != b], 2)
    }
    return DungFramework.of([f"a{i}" for i in range(n)], sorted(attacks))


def pieces(pairs: int, triangles: int) -> DungFramework:
    """``pairs`` separate mutual attacks and ``triangles`` separate odd cycles of three."""
    arguments: list[str] = []
    attacks: list[tuple[str, str]] = []
    for i in range(pairs):
        a, b = f"p{i}a", f"p{i}b"
        arguments += [a, b]
        attacks += [(a, b), (b, a)]
    for i in range(triangles):
        a, b, c = f"t{i}a", f"t{i}b", f"t{i}c"
        arguments += [a, b, c]
        attacks += [(a, b), (b, c), (c, a)]
    return DungFramework.of(arguments, attacks)


def as_map(af: DungFramework) -> ArgumentMap:
    return ArgumentMap(
        nodes=[Node(id=a, kind="claim", text=a) for a in af.arguments],
        relations=[
            Relation(id=f"r{i}", kind="attack", premises=[s], target=t)
            for i, (s, t) in enumerate(af.attacks)
        ],
    )


def admissible(af: DungFramework, subset: frozenset[str]) -> bool:
    conflict_free = not any(a in subset for s in subset for a in af.attackers[s])
    defended = all(
        any(d in subset for d in af.attackers[attacker])
        for s in subset
        for attacker in af.attackers[s]
    )
    return conflict_free and defended


def defended_by(af: DungFramework, subset: frozenset[str]) -> frozenset[str]:
    return frozenset(
        a
        for a in af.arguments
        if all(any(d in subset for d in af.attackers[b]) for b in af.attackers[a])
    )


@pytest.mark.parametrize(("pairs", "triangles"), [(6, 0), (5, 1), (3, 3), (0, 4)])
def test_separate_cycles_multiply_their_answers(pairs: int, triangles: int) -> None:
    af = pieces(pairs, triangles)
    assert len(extensions(af, "preferred")) == 2**pairs
    assert len(extensions(af, "complete")) == 3**pairs
    assert len(extensions(af, "stable")) == (2**pairs if triangles == 0 else 0)
    assert grounded_extension(af) == frozenset()
    m = as_map(af)
    assert len(evaluate(m, "preferred").extensions) == 2**pairs
    assert len(evaluate(m, "complete").extensions) == 3**pairs


def test_a_tangle_of_sixty_arguments_is_enumerated_exactly() -> None:
    af = tangle(60, 1)
    preferred = set(extensions(af, "preferred"))
    stable = set(extensions(af, "stable"))
    complete = set(extensions(af, "complete"))
    # Sound: every answer keeps its definition.
    assert all(admissible(af, e) and defended_by(af, e) == e for e in complete)
    assert not any(a < b for a in preferred for b in preferred)
    assert preferred <= complete and stable <= preferred
    for extension in stable:  # stable: attacks everything outside it
        outside = set(af.arguments) - extension
        assert all(any(a in extension for a in af.attackers[o]) for o in outside)
    # Complete (nothing missed): a second, separate search over the same attacks agrees.
    m = as_map(af)
    for semantics, found in (("preferred", preferred), ("stable", stable), ("complete", complete)):
        assert {frozenset(e) for e in evaluate(m, semantics).extensions} == found, semantics
    assert grounded_extension(af) == frozenset()
    assert len(preferred) > 1  # the tangle is a real test of the search
