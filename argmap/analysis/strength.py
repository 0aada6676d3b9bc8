"""Gradual semantics: how strong each statement is, between 0 and 1.

Every statement starts from a base score, its node's ``rating`` (the user's own judgement of it
on its own) or 0.5 when it has none. Each relation passes on a *contribution*: the strength of
its weakest premise (a linked argument is as strong as its weakest link), multiplied by
``1 - c`` for the contribution ``c`` of every undercut of it. So an undercut as strong as 1
silences the relation, a weaker one only reduces what it passes on. A statement's strength
then combines its base score with the contributions of the relations attacking and
supporting it:

* **DF-QuAD** (Rago, Toni, Aurisicchio & Baroni 2016), used on acyclic maps: attacks and
  supports are each aggregated as ``1 - prod(1 - c)``; with ``va`` and ``vs`` the two
  aggregates, the strength is ``b - b * (va - vs)`` when ``va >= vs`` and
  ``b + (1 - b) * (vs - va)`` otherwise. One pass in dependency order.
* **Quadratic energy** (Potyka 2018), used when the map has a cycle: the energy
  ``E = sum(supports) - sum(attacks)`` moves the base score by
  ``h(x) = max(x, 0)**2 / (1 + max(x, 0)**2)``: strength ``b - b * h(-E) + (1 - b) * h(E)``.
  Strengths in a cycle are found by following the model's continuous dynamics
  (``ds/dt = f(s) - s``, explicit Euler steps of 0.5) until nothing moves by more than the
  tolerance; parts of the map outside cycles are computed in one pass, in order.

Both give a statement with no attackers and no supporters exactly its base score; an attacker
can only lower a strength and a supporter only raise it. A conceded statement (see
:mod:`argmap.analysis.whatif`) has strength 1 and a rejected one 0.

References
----------
.. [1] A. Rago, F. Toni, M. Aurisicchio, P. Baroni, "Discontinuity-free decision support with
   quantitative argumentation debates", KR 2016.
.. [2] N. Potyka, "Continuous dynamical systems for weighted bipolar argumentation", KR 2018.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from argmap.analysis.errors import FrameworkError
from argmap.analysis.order import components_in_order
from argmap.analysis.strength_model import StrengthModel
from argmap.analysis.whatif import NO_WHATIF, WhatIf, check_whatif
from argmap.model import ArgumentMap

__all__ = [
    "DEFAULT_BASE",
    "StrengthMethod",
    "StrengthResult",
    "base_scores",
    "compute_strength",
]

#: The base score of a statement the user has not rated.
DEFAULT_BASE = 0.5
_STEP = 0.5


class StrengthMethod(StrEnum):
    """Which gradual semantics: ``auto`` is DF-QuAD on acyclic maps, quadratic energy else."""

    AUTO = "auto"
    DF_QUAD = "df-quad"
    QUADRATIC_ENERGY = "quadratic-energy"


@dataclass(frozen=True)
class StrengthResult:
    """Strengths of statements, contributions of relations, and how they were found."""

    strength: Mapping[str, float]
    contribution: Mapping[str, float]
    base: Mapping[str, float]
    method: StrengthMethod
    converged: bool = True
    iterations: int = 0


def base_scores(argument_map: ArgumentMap, whatif: WhatIf = NO_WHATIF) -> dict[str, float]:
    """Each statement's base score: its rating, else 0.5; 1 if conceded, 0 if rejected."""
    scores = {
        n.id: DEFAULT_BASE if n.rating is None else float(n.rating) for n in argument_map.nodes
    }
    scores.update(dict.fromkeys(whatif.conceded & scores.keys(), 1.0))
    scores.update(dict.fromkeys(whatif.rejected & scores.keys(), 0.0))
    return scores


def compute_strength(
    argument_map: ArgumentMap,
    method: StrengthMethod | str = StrengthMethod.AUTO,
    whatif: WhatIf = NO_WHATIF,
    *,
    tolerance: float = 1e-9,
    max_iterations: int = 10_000,
) -> StrengthResult:
    """Every statement's strength and every relation's contribution.

    DF-QuAD asked for on a map with a cycle raises
    :class:`~argmap.analysis.errors.FrameworkError` (it is not defined there); ``auto``
    switches to quadratic energy instead. ``converged`` is False when a cycle did not settle
    within ``max_iterations`` steps (the last values are returned).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(nodes=[Node(id="c", kind="claim"), Node(id="x", kind="claim")],
    ...                 relations=[Relation(id="r", kind="attack", premises=["x"], target="c")])
    >>> result = compute_strength(m)
    >>> result.method.value, result.strength["x"], result.strength["c"]
    ('df-quad', 0.5, 0.25)
    """
    check_whatif(argument_map, whatif)
    model = StrengthModel(argument_map, base_scores(argument_map, whatif), whatif)
    components = components_in_order(model.statements + model.relations, model.dependencies)
    cycle = next((members[0] for members, cyclic in components if cyclic), None)
    chosen = StrengthMethod(method)
    if chosen is StrengthMethod.AUTO:
        chosen = StrengthMethod.DF_QUAD if cycle is None else StrengthMethod.QUADRATIC_ENERGY
    elif chosen is StrengthMethod.DF_QUAD and cycle is not None:
        raise FrameworkError(
            f"DF-QuAD is defined for acyclic maps, and {cycle!r} is on a cycle; "
            "use quadratic energy (or auto)"
        )
    energy = chosen is StrengthMethod.QUADRATIC_ENERGY
    values: dict[str, float] = {}
    converged, most = True, 0
    for members, cyclic in components:
        if not cyclic:
            values[members[0]] = model.value(members[0], values, energy)
            continue
        done, steps = _iterate(model, members, values, tolerance, max_iterations)
        converged, most = converged and done, max(most, steps)
    return StrengthResult(
        strength={s: values[s] for s in model.statements},
        contribution={r: values[r] for r in model.relations},
        base=model.base,
        method=chosen,
        converged=converged,
        iterations=most,
    )


def _iterate(
    model: StrengthModel,
    items: list[str],
    values: dict[str, float],
    tolerance: float,
    max_iterations: int,
) -> tuple[bool, int]:
    """Euler steps of the quadratic energy dynamics on one cycle, from the base scores."""
    for item in items:
        values[item] = model.start(item)
    for step in range(1, max_iterations + 1):
        targets = {item: model.value(item, values, True) for item in items}
        moved = 0.0
        for item, target in targets.items():
            change = _STEP * (target - values[item])
            values[item] += change
            moved = max(moved, abs(change))
        if moved < tolerance:
            return True, step
    return False, max_iterations
