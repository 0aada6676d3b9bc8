"""The equations of :mod:`argmap.analysis.strength`: what each value depends on and how.

Items are statements (node ids) and relations (relation ids). A statement depends on the
relations that support or attack it; a relation on its premises and on its undercuts.
Conceded and rejected statements are fixed and depend on nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.analysis.whatif import WhatIf
from argmap.model import ArgumentMap, RelationKind

__all__ = ["StrengthModel", "dfquad", "energy_update"]


def dfquad(base: float, attacks: list[float], supports: list[float]) -> float:
    """DF-QuAD: combine the base score with the aggregated attacks and supports.

    >>> dfquad(0.5, [0.5], []), dfquad(0.5, [], [0.5]), dfquad(0.5, [0.5], [0.5])
    (0.25, 0.75, 0.5)
    """
    attack = _aggregate(attacks)
    support = _aggregate(supports)
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def _aggregate(values: list[float]) -> float:
    remaining = 1.0
    for value in values:
        remaining *= 1.0 - value
    return 1.0 - remaining


def energy_update(base: float, attacks: list[float], supports: list[float]) -> float:
    """Quadratic energy: the base score moved by the net energy of supports over attacks.

    >>> energy_update(0.5, [], []), energy_update(0.5, [1.0], []), energy_update(0.5, [], [1.0])
    (0.5, 0.25, 0.75)
    """
    energy = sum(supports) - sum(attacks)
    return base - base * _influence(-energy) + (1.0 - base) * _influence(energy)


def _influence(energy: float) -> float:
    positive = max(energy, 0.0) ** 2
    return positive / (1.0 + positive)


class StrengthModel:
    """Who depends on whom, and each item's value given the values it depends on."""

    def __init__(self, argument_map: ArgumentMap, base: Mapping[str, float], whatif: WhatIf):
        self.base = dict(base)
        self.statements = tuple(n.id for n in argument_map.nodes)
        self.relations = tuple(r.id for r in argument_map.relations)
        self._fixed = dict.fromkeys(whatif.conceded, 1.0) | dict.fromkeys(whatif.rejected, 0.0)
        self._attacks: dict[str, list[str]] = {s: [] for s in self.statements}
        self._supports: dict[str, list[str]] = {s: [] for s in self.statements}
        self._premises: dict[str, list[str]] = {}
        self._undercuts: dict[str, list[str]] = {r: [] for r in self.relations}
        for relation in argument_map.relations:
            self._premises[relation.id] = list(relation.premises)
            if relation.target in self._undercuts:
                self._undercuts[relation.target].append(relation.id)
            elif relation.kind == RelationKind.ATTACK:
                self._attacks[relation.target].append(relation.id)
            else:
                self._supports[relation.target].append(relation.id)

    def dependencies(self, item: str) -> list[str]:
        """The items whose values this item's value is computed from."""
        premises = self._premises.get(item)
        if premises is not None:
            return premises + self._undercuts[item]
        if item in self._fixed:
            return []
        return self._attacks[item] + self._supports[item]

    def value(self, item: str, values: Mapping[str, float], energy: bool) -> float:
        """The item's value from the current ``values`` of its dependencies."""
        premises = self._premises.get(item)
        if premises is not None:
            weight = min(values[p] for p in premises)
            for undercut in self._undercuts[item]:
                weight *= 1.0 - values[undercut]
            return weight
        fixed = self._fixed.get(item)
        if fixed is not None:
            return fixed
        attacks = [values[r] for r in self._attacks[item]]
        supports = [values[r] for r in self._supports[item]]
        combine = energy_update if energy else dfquad
        return combine(self.base[item], attacks, supports)

    def start(self, item: str) -> float:
        """Where an item on a cycle starts: its base score (a relation: its weakest premise's)."""
        premises = self._premises.get(item)
        if premises is not None:
            return min(self._fixed.get(p, self.base[p]) for p in premises)
        return self._fixed.get(item, self.base[item])

    def supports_of(self, statement: str) -> list[str]:
        """The relations supporting a statement."""
        return list(self._supports[statement])

    def attacks_of(self, statement: str) -> list[str]:
        """The relations attacking a statement (not undercuts: those target relations)."""
        return list(self._attacks[statement])

    def undercuts_of(self, relation: str) -> list[str]:
        """The relations undercutting a relation."""
        return list(self._undercuts[relation])
