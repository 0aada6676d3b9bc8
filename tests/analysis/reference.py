"""Independent references for the analysis tests, written from the definitions, for small inputs.

* Dung semantics by brute force: every subset of arguments is checked for conflict-freeness,
  admissibility, completeness, maximality and stability exactly as defined (Dung 1995).

The map's own acceptance conditions have their reference in ``adf_reference.py``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

Attack = tuple[str, str]


def _attackers(arguments: list[str], attacks: set[Attack]) -> dict[str, set[str]]:
    return {a: {s for s, t in attacks if t == a} for a in arguments}


def _defends(
    subset: frozenset[str], argument: str, attackers: dict[str, set[str]], attacks: set[Attack]
) -> bool:
    return all(any((d, b) in attacks for d in subset) for b in attackers[argument])


def brute_force(
    arguments: list[str], attacks: Iterable[Attack], semantics: str
) -> set[frozenset[str]]:
    """The extensions of a small framework, by checking every subset against the definition."""
    attack_set = set(attacks)
    attackers = _attackers(arguments, attack_set)
    conflict_free = [
        frozenset(s)
        for r in range(len(arguments) + 1)
        for s in itertools.combinations(arguments, r)
        if not any((a, b) in attack_set for a in s for b in s)
    ]
    if semantics == "stable":
        return {
            s
            for s in conflict_free
            if all(any((d, a) in attack_set for d in s) for a in arguments if a not in s)
        }
    admissible = [s for s in conflict_free if all(_defends(s, a, attackers, attack_set) for a in s)]
    if semantics == "preferred":
        return {s for s in admissible if not any(s < other for other in admissible)}
    complete = {
        s
        for s in admissible
        if {a for a in arguments if _defends(s, a, attackers, attack_set)} == s
    }
    if semantics == "complete":
        return complete
    assert semantics == "grounded"
    return {min(complete, key=len)}


def grounded_by_iteration(arguments: list[str], attacks: Iterable[Attack]) -> frozenset[str]:
    """The grounded extension as the least fixed point of the characteristic function."""
    attack_set = set(attacks)
    attackers = _attackers(arguments, attack_set)
    current: frozenset[str] = frozenset()
    while True:
        following = frozenset(a for a in arguments if _defends(current, a, attackers, attack_set))
        if following == current:
            return current
        current = following
