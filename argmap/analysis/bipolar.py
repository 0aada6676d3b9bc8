"""The builder behind :func:`argmap.analysis.framework.build_framework` (read its docstring).

Four kinds of auxiliary value are built with :class:`~argmap.analysis.circuit.Circuit`:

* ``uncut(R)``: no undercut of relation ``R`` holds (only for relations that are undercut);
* ``backed(x)``: ``x`` is in, or follows through uncut supports from statements that are in
  (so an attack from ``x`` is raised, as a supported attack, by whoever backs ``x``);
* ``holds(A)``: the attack ``A`` holds: ``A`` is uncut and each premise is backed;
* ``undermined(x)``: some attack on ``x``, or (secondary attacks) on a statement supporting
  ``x`` through uncut supports, holds with all its premises in.

``backed`` and ``undermined`` follow supports, which may form cycles; they must be the least
values (an attack follows only from finite chains of supports), so on a cycle of supports of
``k`` statements the recursion is unrolled ``k`` times instead of tied into a loop of
auxiliary arguments, which would let a cycle back itself.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from argmap.analysis.circuit import Circuit
from argmap.analysis.errors import TooLargeError
from argmap.analysis.order import components_in_order
from argmap.model import ArgumentMap, Relation, RelationKind

__all__ = ["UNROLL_LIMIT", "Conflict", "ConflictKind", "Construction", "construct"]

#: The most auxiliary steps that unrolling cycles of supports may take.
UNROLL_LIMIT = 200_000


class ConflictKind(StrEnum):
    """What a conflict of the framework stands for."""

    ATTACK = "attack"  #: an attack relation on a statement, and the supported attacks through it
    UNDERCUT = "undercut"  #: an attack relation on a relation, and its supported attacks
    SECONDARY = "secondary"  #: attacks on what supports the target, through this support


@dataclass(frozen=True)
class Conflict:
    """An attack of the framework on a statement or (undercuts) on a relation.

    ``carrier`` is the argument that attacks (a statement, or an auxiliary argument when the
    attack is linked, supported or undercut); ``relations`` holds the attack relation, or for a
    secondary conflict the support relation through which the target is undermined.
    """

    carrier: str
    target: str
    premises: tuple[str, ...]
    relations: tuple[str, ...]
    kind: ConflictKind


@dataclass
class Construction:
    """What :func:`construct` makes: auxiliary arguments, attacks, and what each stands for."""

    arguments: list[str]
    attacks: list[tuple[str, str]]
    conflicts: list[Conflict]
    backed: dict[str, str] = field(default_factory=dict)
    holds: dict[str, str] = field(default_factory=dict)
    direct: dict[str, str] = field(default_factory=dict)
    undermined: dict[str, str] = field(default_factory=dict)
    uncut: dict[str, str] = field(default_factory=dict)


def construct(argument_map: ArgumentMap, exposed: Iterable[str] = ()) -> Construction:
    """Auxiliary arguments, attacks and conflicts of the map's framework.

    ``exposed`` names statements that something outside the map may attack (a rejected
    what-if), besides those the map's own attacks can reach.
    """
    return _Builder(argument_map, exposed).build()


class _Builder:
    def __init__(self, argument_map: ArgumentMap, exposed: Iterable[str]) -> None:
        self.exposed = set(exposed)
        self._final_secondary: dict[str, str | None] = {}
        self.node_ids = [n.id for n in argument_map.nodes]
        nodes = set(self.node_ids)
        self.relations = argument_map.relations
        self.supports_into: dict[str, list[Relation]] = {}
        self.supports_from: dict[str, list[Relation]] = {}
        self.attacks_into: dict[str, list[Relation]] = {}
        undercut: dict[str, list[Relation]] = {}
        for relation in self.relations:
            if relation.kind == RelationKind.SUPPORT:
                self.supports_into.setdefault(relation.target, []).append(relation)
                for premise in relation.premises:
                    self.supports_from.setdefault(premise, []).append(relation)
            elif relation.target in nodes:
                self.attacks_into.setdefault(relation.target, []).append(relation)
            else:
                undercut.setdefault(relation.target, []).append(relation)
        self.circuit = Circuit(nodes | {r.id for r in self.relations})
        self.result = Construction([], [], [])
        self.result.uncut = {r: self.circuit.new(f"uncut {r}") for r in undercut}
        self.undercuts = undercut
        self.unrolled = 0

    def build(self) -> Construction:
        attacks = [r for r in self.relations if r.kind == RelationKind.ATTACK]
        attacked = {a.target for a in attacks if a.target in self.attacks_into}
        # A statement nothing can attack is in under every semantics, and so is anything that
        # backs it: its backing is itself, and supports into it need not be followed. This
        # keeps the framework small on large maps.
        self.exposed = set(self._closure(attacked | self.exposed, self.supports_from, False))
        self._backing({q for a in attacks for q in a.premises})
        for attack in attacks:
            self._attack(attack)
        for relation_id, uncut in self.result.uncut.items():
            for undercut in self.undercuts[relation_id]:
                self.circuit.attack(self.result.holds[undercut.id], uncut)
        self._undermining(attacked)
        for conflict in self.result.conflicts:
            if conflict.kind is not ConflictKind.UNDERCUT:
                self.circuit.attack(conflict.carrier, conflict.target)
        self.result.arguments = self.circuit.arguments
        self.result.attacks = self.circuit.attacks
        return self.result

    def _guard(self, relation: Relation) -> list[str]:
        uncut = self.result.uncut.get(relation.id)
        return [] if uncut is None else [uncut]

    def _attack(self, attack: Relation) -> None:
        backed = self.result.backed
        carrier = self.circuit.and_(
            [backed[q] for q in attack.premises] + self._guard(attack), f"holds {attack.id}"
        )
        self.result.holds[attack.id] = carrier
        kind = ConflictKind.ATTACK if attack.target in self.attacks_into else ConflictKind.UNDERCUT
        self.result.conflicts.append(
            Conflict(carrier, attack.target, tuple(attack.premises), (attack.id,), kind)
        )

    def _closure(
        self,
        start: Iterable[str],
        step: dict[str, list[Relation]],
        back: bool,
        only: set[str] | None = None,
    ) -> list[str]:
        """Statements reachable from ``start`` along supports (backwards: to premises),
        going on only from statements in ``only`` when it is given."""
        seen = set(start)
        stack = list(seen)
        while stack:
            here = stack.pop()
            if only is not None and here not in only:
                continue
            for relation in step.get(here, ()):
                for found in relation.premises if back else (relation.target,):
                    if found not in seen:
                        seen.add(found)
                        stack.append(found)
        return [x for x in self.node_ids if x in seen]

    def _backing(self, roots: set[str]) -> None:
        items = self._closure(roots, self.supports_into, True, self.exposed)
        backed = self.result.backed

        def deps(x: str) -> list[str]:
            if x not in self.exposed:
                return []
            return [p for s in self.supports_into.get(x, ()) for p in s.premises]

        for members, cyclic in components_in_order(items, deps):
            if not cyclic:
                backed[members[0]] = self._backed_step(members[0], backed, "")
                continue
            level_values = {x: x for x in members}
            current = ChainMap(level_values, backed)
            for level in self._levels(members):
                level_values |= {x: self._backed_step(x, current, f" #{level}") for x in members}
            backed |= level_values

    def _backed_step(self, x: str, current: Mapping[str, str], tag: str) -> str:
        if x not in self.exposed:
            return x
        parts = [x]
        for support in self.supports_into.get(x, ()):
            premises = [current[p] for p in support.premises] + self._guard(support)
            parts.append(self.circuit.and_(premises, f"backs {support.id}{tag}"))
        return self.circuit.or_(parts, f"backed {x}{tag}")

    def _levels(self, members: list[str]) -> range:
        self.unrolled += len(members) * sum(len(self.supports_into.get(x, ())) for x in members)
        if self.unrolled > UNROLL_LIMIT:
            raise TooLargeError(
                f"the map's cycles of supports are too large to evaluate exactly "
                f"({len(members)} statements support each other in a circle)"
            )
        return range(1, len(members) + 1)

    def _undermining(self, attacked: set[str]) -> None:
        items = self._closure(attacked, self.supports_from, back=False)
        undermined = self.result.undermined
        # Only statements that support something pass on being undermined.
        supporting = [x for x in items if x in self.supports_from]

        def deps(x: str) -> list[str]:
            return [p for s in self.supports_into.get(x, ()) for p in s.premises]

        for members, cyclic in components_in_order(supporting, deps):
            if cyclic:
                level_values: dict[str, str] = {}
                for x in members:
                    self._set(level_values, x, self._undermined_step(x, {}, ""))
                current = ChainMap(level_values, undermined)
                for level in self._levels(members):
                    for x in members:
                        self._set(level_values, x, self._undermined_step(x, current, f" #{level}"))
                undermined |= level_values
            else:
                self._set(undermined, members[0], self._undermined_step(members[0], undermined, ""))
        for x in items:
            for support in self.supports_into.get(x, ()):
                carrier = self._secondary(support, undermined, "")
                if carrier is not None:
                    self.result.conflicts.append(
                        Conflict(carrier, x, (), (support.id,), ConflictKind.SECONDARY)
                    )

    @staticmethod
    def _set(values: dict[str, str], key: str, value: str | None) -> None:
        if value is not None:
            values[key] = value

    def _undermined_step(self, x: str, current: Mapping[str, str], tag: str) -> str | None:
        parts = [self._direct(a) for a in self.attacks_into.get(x, ())]
        for support in self.supports_into.get(x, ()):
            carrier = self._secondary(support, current, tag)
            if carrier is not None:
                parts.append(carrier)
        return self.circuit.or_(parts, f"undermined {x}{tag}") if parts else None

    def _direct(self, attack: Relation) -> str:
        found = self.result.direct.get(attack.id)
        if found is None:
            found = self.circuit.and_(
                list(attack.premises) + self._guard(attack), f"direct {attack.id}"
            )
            self.result.direct[attack.id] = found
        return found

    def _secondary(self, support: Relation, current: Mapping[str, str], tag: str) -> str | None:
        final = current is self.result.undermined  # then the answer is the same every time
        if final and support.id in self._final_secondary:
            return self._final_secondary[support.id]
        below = [current[p] for p in support.premises if p in current]
        found = None
        if below:
            either = self.circuit.or_(below, f"undermines {support.id}{tag}")
            found = self.circuit.and_(
                [either, *self._guard(support)], f"secondary {support.id}{tag}"
            )
        if final:
            self._final_secondary[support.id] = found
        return found
