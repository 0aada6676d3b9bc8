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
>>> document = evaluate(m).to_json()
>>> document["semantics"], document["labels"]
('grounded', {'a': 'undecided', 'b': 'undecided'})
>>> document["relations"]
{'r': 'undecided', 's': 'undecided'}
>>> evaluate(m, "preferred").extensions
(('a',), ('b',))
>>> evaluate(m, whatif=WhatIf().concede("a")).labels["b"].value
'out'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from argmap.analysis.adf import Framework, MapADF, RelationStatus, build_adf, relation_status
from argmap.analysis.adf_grounded import grounded
from argmap.analysis.adf_search import DEFAULT_LIMITS, Found, Limits, interpretations
from argmap.analysis.collector import collector_paused
from argmap.analysis.labels import Label
from argmap.analysis.strength import StrengthMethod, StrengthResult, compute_strength
from argmap.analysis.whatif import NO_WHATIF, WhatIf, check_whatif
from argmap.model import ArgumentMap

__all__ = ["Evaluation", "Limits", "RelationStatus", "Semantics", "WhatIf", "evaluate"]


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
    each relation's status (it applies, is blocked, or is undecided; see
    :mod:`argmap.analysis.adf`). With several interpretations a statement's label is the one
    it has in every one of them, else ``undecided`` (the sceptical view), and likewise for
    relations; ``extensions`` lists each interpretation's accepted statements in map order
    (an extension may be empty; for stable, there may be none). ``models`` are the
    interpretations themselves (labels by node index of ``adf``, statements then relations),
    which explanations read. For ``strength``, ``strength`` holds each statement's strength in
    [0, 1] and ``contribution`` what each relation passes on.

    An evaluation kept up to date edit by edit (:mod:`argmap.analysis.live_evaluation`) has no
    framework of the whole map (``adf`` is None, ``models`` and ``extensions`` empty): its
    ``around`` gives the framework of what one statement rests on, built only as far as an
    explanation reads it; :meth:`framework_for` gives either.
    """

    semantics: Semantics
    whatif: WhatIf = NO_WHATIF
    labels: Mapping[str, Label] = field(default_factory=dict)
    relation_labels: Mapping[str, RelationStatus] = field(default_factory=dict)
    extensions: tuple[tuple[str, ...], ...] = ()
    models: tuple[list[Label], ...] = ()
    adf: MapADF | None = None
    strength_result: StrengthResult | None = None
    around: Callable[[str], tuple[Framework, tuple[Sequence[Label], ...]]] | None = field(
        default=None, compare=False, repr=False
    )

    def framework_for(self, node_id: str) -> tuple[Framework | None, tuple[Sequence[Label], ...]]:
        """The framework and models that say why ``node_id`` has its label: the whole map's,
        or (for a live evaluation) the part ``node_id`` rests on."""
        if self.adf is None and self.around is not None:
            return self.around(node_id)
        return self.adf, self.models

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

        ``semantics`` always; ``labels`` and ``relations`` (``applies``, ``blocked`` or
        ``undecided``) for the label semantics; ``extensions`` for complete, preferred and
        stable (each a list of node ids, the empty extension as ``[]``); ``strength`` for
        strength.
        """
        result: dict[str, object] = {"semantics": self.semantics.value}
        if self.semantics is Semantics.STRENGTH:
            result["strength"] = {k: round(v, 6) for k, v in self.strength.items()}
            return result
        result["labels"] = {k: v.value for k, v in self.labels.items()}
        result["relations"] = {k: v.value for k, v in self.relation_labels.items()}
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
    if not whatif.is_empty:
        check_whatif(argument_map, whatif)
    if chosen is Semantics.STRENGTH:
        result = compute_strength(argument_map, method, whatif)
        return Evaluation(chosen, whatif, strength_result=result)
    adf = build_adf(argument_map, whatif)
    if chosen is Semantics.GROUNDED:
        model = grounded(adf)
        found = Found(model, [], [model])
    else:
        found = interpretations(adf, chosen.value, limits)
    labels = _sceptical(found)
    count = adf.statement_count
    return Evaluation(
        chosen,
        whatif,
        labels=dict(zip(adf.statements, labels, strict=False)),
        relation_labels=dict(zip(adf.relations, map(relation_status, labels[count:]), strict=True)),
        extensions=_extensions(adf, found),
        models=tuple(found.models),
        adf=adf,
    )


def _extensions(adf: MapADF, found: Found) -> tuple[tuple[str, ...], ...]:
    """Each model's accepted statements, in map order (only the open ones vary)."""
    count = adf.statement_count
    names = adf.names
    settled = [i for i in range(count) if found.base[i] is Label.IN]
    open_statements = [i for i in found.open if i < count]
    result = []
    for model in found.models:
        accepted = settled + [i for i in open_statements if model[i] is Label.IN]
        accepted.sort()
        result.append(tuple(names[i] for i in accepted))
    return tuple(result)


def _sceptical(found: Found) -> list[Label]:
    """Each node's label where every model agrees, else undecided (no model: undecided)."""
    models = found.models
    if len(models) == 1:
        return models[0]
    if not models:
        return [Label.UNDECIDED] * len(found.base)
    labels = found.base.copy()
    for i in found.open:
        first = models[0][i]
        labels[i] = first if all(m[i] is first for m in models) else Label.UNDECIDED
    return labels
