"""One entry point for evaluating a map, used by the command line and the editor alike.

:func:`evaluate` runs one semantics, with an optional what-if, and returns an
:class:`Evaluation`: labels of statements (and of relations) for the grounded semantics; every
extension and the sceptical labels for complete, preferred and stable; strengths for
``strength``. :meth:`Evaluation.to_json` is the object ``argmap evaluate --json`` prints.

Examples
--------
>>> from argmap.model import ArgumentMap, Node, Relation
>>> m = ArgumentMap(
...     nodes=[Node(id=i, kind="claim") for i in ("a", "b")],
...     relations=[Relation(id="r", kind="attack", premises=["b"], target="a"),
...                Relation(id="s", kind="attack", premises=["a"], target="b")])
>>> evaluate(m).to_json()
{'semantics': 'grounded', 'labels': {'a': 'undecided', 'b': 'undecided'}}
>>> evaluate(m, "preferred").extensions
(('a',), ('b',))
>>> evaluate(m, whatif=WhatIf().concede("a")).labels["b"].value
'out'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from argmap.analysis.collector import collector_paused
from argmap.analysis.framework import MapFramework, build_framework, relation_labels
from argmap.analysis.labels import Label, Labelling
from argmap.analysis.semantics import DEFAULT_LIMITS, Limits, grounded_labelling, labellings
from argmap.analysis.strength import StrengthMethod, StrengthResult, compute_strength
from argmap.analysis.whatif import NO_WHATIF, WhatIf, apply_whatif, check_whatif
from argmap.model import ArgumentMap

__all__ = ["Evaluation", "Semantics", "WhatIf", "evaluate"]


class Semantics(StrEnum):
    """What :func:`evaluate` computes."""

    GROUNDED = "grounded"
    COMPLETE = "complete"
    PREFERRED = "preferred"
    STABLE = "stable"
    STRENGTH = "strength"

    @property
    def has_extensions(self) -> bool:
        """Whether this semantics is given by a list of extensions."""
        return self in (Semantics.COMPLETE, Semantics.PREFERRED, Semantics.STABLE)


@dataclass(frozen=True)
class Evaluation:
    """The result of :func:`evaluate`.

    For the label semantics, ``labels`` holds each statement's label and ``relation_labels``
    whether each relation's inference holds (see
    :func:`~argmap.analysis.framework.relation_labels`). With several extensions a statement's
    label is the one it has in every extension's labelling, else ``undecided`` (the sceptical
    view); ``extensions`` lists each extension's statements in map order (an extension may be
    empty; for stable, there may be none). ``labellings`` are the full labellings of the
    framework behind them (one for grounded), which explanations read. For ``strength``,
    ``strength`` holds each statement's strength in [0, 1] and ``contribution`` what each
    relation passes on.
    """

    semantics: Semantics
    whatif: WhatIf = NO_WHATIF
    labels: Mapping[str, Label] = field(default_factory=dict)
    relation_labels: Mapping[str, Label] = field(default_factory=dict)
    extensions: tuple[tuple[str, ...], ...] = ()
    labellings: tuple[Labelling, ...] = ()
    framework: MapFramework | None = None
    strength_result: StrengthResult | None = None

    @property
    def strength(self) -> Mapping[str, float]:
        """Each statement's strength (empty unless the semantics is ``strength``)."""
        return self.strength_result.strength if self.strength_result else {}

    @property
    def contribution(self) -> Mapping[str, float]:
        """What each relation passes on (empty unless the semantics is ``strength``)."""
        return self.strength_result.contribution if self.strength_result else {}

    def to_json(self) -> dict[str, object]:
        """The JSON object of ``argmap evaluate --json``: the keys that apply, ids in map order.

        ``semantics`` always; ``labels`` for the label semantics; ``extensions`` for complete,
        preferred and stable (each a list of node ids, the empty extension as ``[]``);
        ``strength`` for strength.
        """
        result: dict[str, object] = {"semantics": self.semantics.value}
        if self.semantics is Semantics.STRENGTH:
            result["strength"] = {k: round(v, 6) for k, v in self.strength.items()}
            return result
        result["labels"] = {k: v.value for k, v in self.labels.items()}
        if self.semantics.has_extensions:
            result["extensions"] = [list(e) for e in self.extensions]
        return result


def evaluate(
    argument_map: ArgumentMap,
    semantics: Semantics | str = Semantics.GROUNDED,
    whatif: WhatIf | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    method: StrengthMethod | str = StrengthMethod.AUTO,
) -> Evaluation:
    """Evaluate a map under one semantics, with a what-if applied first.

    Raises :class:`~argmap.analysis.errors.UnknownIdError` when the what-if names a node the
    map lacks, :class:`~argmap.analysis.errors.TooLargeError` when enumerating extensions
    passes ``limits``, and :class:`~argmap.analysis.errors.FrameworkError` for a map whose
    relations name missing nodes.

    The cyclic garbage collector is paused meanwhile (see :mod:`argmap.analysis.collector`).
    """
    with collector_paused():
        return _evaluate(argument_map, Semantics(semantics), whatif, limits, method)


def _evaluate(
    argument_map: ArgumentMap,
    chosen: Semantics,
    whatif: WhatIf | None,
    limits: Limits,
    method: StrengthMethod | str,
) -> Evaluation:
    whatif = whatif or NO_WHATIF
    check_whatif(argument_map, whatif)
    if chosen is Semantics.STRENGTH:
        result = compute_strength(argument_map, method, whatif)
        return Evaluation(chosen, whatif, strength_result=result)
    framework = build_framework(argument_map, whatif.rejected)
    af = apply_whatif(framework, whatif)
    if chosen is Semantics.GROUNDED:
        found = [grounded_labelling(af)]
    else:
        found = _distinct(framework.statements, labellings(af, chosen.value, limits))
    return Evaluation(
        chosen,
        whatif,
        labels=_sceptical(framework.statements, found),
        relation_labels=_sceptical_relations(argument_map, framework, found),
        extensions=tuple(
            tuple(s for s in framework.statements if lab[s] is Label.IN) for lab in found
        ),
        labellings=tuple(found),
        framework=framework,
    )


def _distinct(statements: tuple[str, ...], found: list[Labelling]) -> list[Labelling]:
    """One labelling per distinct set of statements in (auxiliary arguments may differ)."""
    seen: set[frozenset[str]] = set()
    result = []
    for labelling in found:
        key = frozenset(s for s in statements if labelling[s] is Label.IN)
        if key not in seen:
            seen.add(key)
            result.append(labelling)
    return result


def _sceptical(ids: tuple[str, ...], found: list[Labelling]) -> dict[str, Label]:
    if len(found) == 1:
        return {i: found[0][i] for i in ids}
    result = {}
    for i in ids:
        labels = {labelling[i] for labelling in found}
        result[i] = labels.pop() if len(labels) == 1 else Label.UNDECIDED
    return result


def _sceptical_relations(
    argument_map: ArgumentMap, framework: MapFramework, found: list[Labelling]
) -> dict[str, Label]:
    per = [relation_labels(argument_map, framework, labelling) for labelling in found]
    ids = tuple(r.id for r in argument_map.relations)
    return _sceptical(ids, per) if per else dict.fromkeys(ids, Label.UNDECIDED)
