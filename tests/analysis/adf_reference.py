"""A brute-force reference for the map's acceptance conditions, written from the definitions.

Nothing here is shared with ``argmap.analysis.adf*``: conditions are evaluated on two-valued
assignments straight from the rules of issue 11, the characteristic operator takes the
consensus over every completion of a node's undecided inputs (Brewka et al. 2013), complete
interpretations are found by trying every three-valued labelling of the statements, and the
stable ones by the reduct. Only for small maps (up to about 8 statements), and only for maps
whose undercuts target earlier relations, so a relation's value in a complete interpretation
follows from the statements' (it must equal its condition, whose inputs come later).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping

from argmap.model import ArgumentMap

T, F, U = "in", "out", "undecided"
Interpretation = dict[str, str]


class Reference:
    """The map's framework: nodes are statements and relations, each with its condition."""

    def __init__(self, m: ArgumentMap) -> None:
        self.statements = [n.id for n in m.nodes]
        self.relations = [r.id for r in m.relations]
        self.map = m
        self.parents: dict[str, list[str]] = {}
        self.condition: dict[str, Callable[[Mapping[str, bool]], bool]] = {}
        for s in self.statements:
            supports = [r.id for r in m.relations if r.target == s and r.kind == "support"]
            attacks = [r.id for r in m.relations if r.target == s and r.kind == "attack"]
            self.parents[s] = supports + attacks
            self.condition[s] = _statement_condition(supports, attacks)
        for r in m.relations:
            undercuts = [u.id for u in m.relations if u.target == r.id]
            self.parents[r.id] = list(r.premises) + undercuts
            self.condition[r.id] = _relation_condition(list(r.premises), undercuts)
        order = {r.id: i for i, r in enumerate(m.relations)}
        for r in m.relations:
            assert all(order[u] > order[r.id] for u in self.parents[r.id] if u in order), (
                "the reference needs undercuts to target earlier relations"
            )

    def gamma(self, v: Interpretation, node: str) -> str:
        """The consensus of the node's condition over every completion of its inputs."""
        parents = list(dict.fromkeys(self.parents[node]))
        open_ = [p for p in parents if v[p] == U]
        fixed = {p: v[p] == T for p in parents if v[p] != U}
        seen = set()
        for values in itertools.product((False, True), repeat=len(open_)):
            seen.add(self.condition[node]({**fixed, **dict(zip(open_, values, strict=True))}))
            if len(seen) == 2:
                return U
        return T if seen == {True} else F

    def grounded(self) -> Interpretation:
        """The least fixed point of the characteristic operator, by iteration from nothing."""
        v = dict.fromkeys(self.statements + self.relations, U)
        while True:
            following = {n: self.gamma(v, n) for n in v}
            if following == v:
                return v
            v = following

    def _complete_relations(self, v: Interpretation) -> Interpretation:
        for r in reversed(self.relations):  # undercuts come later: each is settled when read
            v[r] = self.gamma(v, r)
        return v

    def complete(self) -> list[Interpretation]:
        found = []
        for labels in itertools.product((T, F, U), repeat=len(self.statements)):
            v = self._complete_relations(dict(zip(self.statements, labels, strict=True)))
            if all(self.gamma(v, s) == v[s] for s in self.statements):
                found.append(v)
        return found

    def preferred(self) -> list[Interpretation]:
        complete = self.complete()
        return [v for v in complete if not any(_below(v, w) for w in complete)]

    def stable(self) -> list[Interpretation]:
        found = []
        for labels in itertools.product((T, F), repeat=len(self.statements)):
            v = self._complete_relations(dict(zip(self.statements, labels, strict=True)))
            if all(self.gamma(v, s) == v[s] for s in self.statements) and self._reduct_agrees(v):
                found.append(v)
        return found

    def _reduct_agrees(self, v: Interpretation) -> bool:
        """The grounded interpretation of the reduct (the nodes in, with the nodes out read as
        false) makes every one of them true."""
        kept = [n for n, label in v.items() if label == T]
        w = {n: (U if n in kept else F) for n in v}
        while True:
            following = {n: (self.gamma(w, n) if n in kept else F) for n in w}
            if following == w:
                return all(w[n] == T for n in kept)
            w = following


def _statement_condition(
    supports: list[str], attacks: list[str]
) -> Callable[[Mapping[str, bool]], bool]:
    def accepted(a: Mapping[str, bool]) -> bool:
        assumed = not supports
        return (assumed or any(a[r] for r in supports)) and not any(a[r] for r in attacks)

    return accepted


def _relation_condition(
    premises: list[str], undercuts: list[str]
) -> Callable[[Mapping[str, bool]], bool]:
    def applies(a: Mapping[str, bool]) -> bool:
        return all(a[p] for p in premises) and not any(a[u] for u in undercuts)

    return applies


def _below(v: Interpretation, w: Interpretation) -> bool:
    """v is strictly less informative than w."""
    return v != w and all(label == U or w[n] == label for n, label in v.items())
