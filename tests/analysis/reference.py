"""Independent references for the analysis tests, written from the definitions, for small inputs.

* Dung semantics by brute force: every subset of arguments is checked for conflict-freeness,
  admissibility, completeness, maximality and stability exactly as defined (Dung 1995).
* The bipolar construction by explicit enumeration: every supported attack (a tree of supports
  ending in an attack) and every secondary attack (an attack then a chain of supports) is
  listed as its own route, and each route becomes an argument attacked by "not p" for each of
  its premises and by every route undercutting a relation it runs through. This is the
  flattening written out naively, to cross-check the shared, linear one of
  ``argmap.analysis.bipolar``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from argmap.model import ArgumentMap, RelationKind

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


def _routes(m: ArgumentMap) -> list[tuple[frozenset[str], tuple[str, ...], str]]:
    """(premises, relations, target) of every direct, supported and secondary attack."""
    supports = [r for r in m.relations if r.kind == RelationKind.SUPPORT]
    nodes = {n.id for n in m.nodes}
    found = []
    for attack in (r for r in m.relations if r.kind == RelationKind.ATTACK):
        start = (frozenset(attack.premises), (attack.id,))
        frontier, seen = [start], {start}
        while frontier:  # supported attacks: replace a premise by a support's premises
            premises, relations = frontier.pop()
            found.append((premises, relations, attack.target))
            for support in supports:
                if support.target in premises and support.id not in relations:
                    state = (
                        (premises - {support.target}) | set(support.premises),
                        (support.id, *relations),
                    )
                    if state not in seen:
                        seen.add(state)
                        frontier.append(state)
        if attack.target not in nodes:
            continue
        chains = [(attack.target, (attack.id,))]
        while chains:  # secondary attacks: follow supports away from the attacked statement
            statement, relations = chains.pop()
            for support in supports:
                if statement in support.premises and support.id not in relations:
                    extended = (*relations, support.id)
                    found.append((frozenset(attack.premises), extended, support.target))
                    chains.append((support.target, extended))
    return found


def flatten(m: ArgumentMap) -> tuple[list[str], set[Attack]]:
    """The map's framework with one argument per route (statements keep their ids)."""
    statements = [n.id for n in m.nodes]
    relation_ids = {r.id for r in m.relations}
    routes = _routes(m)
    names = [f"route{i}" for i in range(len(routes))]
    negations = {s: f"not:{s}" for s in statements}
    attacks: set[Attack] = {(s, negations[s]) for s in statements}
    for name, (premises, _relations, target) in zip(names, routes, strict=True):
        attacks |= {(negations[p], name) for p in premises}
        if target in relation_ids:  # an undercut: every route through the target relation
            attacks |= {
                (name, other)
                for other, (_, others, _) in zip(names, routes, strict=True)
                if target in others
            }
        else:
            attacks.add((name, target))
    return statements + list(negations.values()) + names, attacks
