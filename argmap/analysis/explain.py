"""Plain-English explanations of an evaluation, for any statement.

:func:`explain` says why a statement has its label or strength, quoting the statements
involved (shortened), for example::

    Out, because 'French patrols will only displace crossings' attacks it and nothing
    answers that attack.

Label explanations read the labelling the evaluation found (for several extensions: each
extension's own labelling), so they always agree with the labels shown.
"""

from __future__ import annotations

from argmap.analysis.bipolar import Conflict, ConflictKind
from argmap.analysis.errors import UnknownIdError
from argmap.analysis.evaluate import Evaluation, Semantics
from argmap.analysis.explain_strength import explain_strength
from argmap.analysis.framework import MapFramework
from argmap.analysis.labels import Label, Labelling
from argmap.analysis.quote import quote, quote_all
from argmap.model import ArgumentMap, RelationKind

__all__ = ["explain", "explain_strength"]

_MAX_REASONS = 3


def explain(argument_map: ArgumentMap, evaluation: Evaluation, node_id: str) -> str:
    """Why ``node_id`` has its label (or strength) in ``evaluation``, in one or two sentences.

    Raises :class:`~argmap.analysis.errors.UnknownIdError` when the map has no such node.

    Examples
    --------
    >>> from argmap.analysis.evaluate import evaluate
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id="c", kind="claim", text="The deal will cut crossings."),
    ...            Node(id="x", kind="counterargument",
    ...                 text="French patrols will only displace crossings.")],
    ...     relations=[Relation(id="r", kind="attack", premises=["x"], target="c")])
    >>> explain(m, evaluate(m), "c")
    "Out, because 'French patrols will only displace crossings' attacks it and nothing answers that attack."
    """
    if not argument_map.has_node(node_id):
        raise UnknownIdError(f"cannot explain {node_id!r}: the map has no such node")
    if evaluation.semantics is Semantics.STRENGTH:
        return explain_strength(argument_map, evaluation, node_id)
    framework = evaluation.framework
    assert framework is not None  # every label evaluation carries its framework
    name = evaluation.semantics.value
    found = evaluation.labellings
    if not found:
        return (
            f"Undecided: the map has no {name} extension (some cycle of attacks has an odd "
            f"length), so nothing is settled under the {name} semantics."
        )

    def reason(labelling: Labelling) -> _Reasons:
        return _Reasons(argument_map, framework, labelling, evaluation)

    labels = [labelling[node_id] for labelling in found]
    if len(set(labels)) == 1:
        text = reason(found[0]).sentence(node_id)
        if len(found) > 1:
            text += f" The same holds in all {len(found)} {name} extensions."
        return text
    count = labels.count(Label.IN)
    inside = found[labels.index(Label.IN)] if count else None
    other = next(lab for lab, label in zip(found, labels, strict=True) if label is not Label.IN)
    text = f"Undecided: it is in {count} of {len(found)} {name} extensions."
    if inside is not None:
        text += f" Where it is in, {reason(inside).clause(node_id)}."
    where = "out" if other[node_id] is Label.OUT else "undecided"
    return text + f" Where it is {where}, {reason(other).clause(node_id)}."


class _Reasons:
    """Reasons for labels in one labelling of the map's framework."""

    def __init__(
        self,
        argument_map: ArgumentMap,
        framework: MapFramework,
        labelling: Labelling,
        evaluation: Evaluation,
    ) -> None:
        self.map = argument_map
        self.nodes = argument_map.node_index()
        self.relations = argument_map.relation_index()
        self.framework = framework
        self.labels = labelling
        self.whatif = evaluation.whatif

    def q(self, node_id: str) -> str:
        return quote(self.nodes[node_id])

    def sentence(self, node_id: str) -> str:
        label = self.labels[node_id]
        return f"{label.value.capitalize()}, because {self.clause(node_id)}."

    def clause(self, node_id: str) -> str:
        status = self.whatif.status(node_id)
        if status is not None:
            return f"you {status} it (a what-if)"
        conflicts = self.framework.conflicts_on(node_id)
        label = self.labels[node_id]
        if label is Label.IN:
            if not conflicts:
                return "nothing attacks it"
            reasons = [self.failed(c) for c in conflicts]
            return "every attack on it is answered: " + _join(reasons)
        wanted = Label.IN if label is Label.OUT else Label.UNDECIDED
        conflict = next(c for c in conflicts if self.labels[c.carrier] is wanted)
        if label is Label.OUT:
            return f"{self.attack_phrase(conflict)} and {self.standing(conflict)}"
        if node_id in conflict.premises:
            return "it attacks itself, so it can be neither accepted nor rejected"
        return (
            f"{self.attack_phrase(conflict)}, and that attack is itself undecided "
            "(it is caught in a cycle of attacks that nothing settles)"
        )

    def attack_phrase(self, conflict: Conflict) -> str:
        if conflict.kind is ConflictKind.SECONDARY:
            return self._secondary_phrase(conflict)
        premises = conflict.premises
        if self.labels[conflict.carrier] is Label.IN and any(
            self.labels[p] is not Label.IN for p in premises
        ):
            backer = self._backer(next(p for p in premises if self.labels[p] is not Label.IN))
            if backer is not None:
                return f"{backer}, which attacks it"
        if len(premises) == 1:
            return f"{self.q(premises[0])} attacks it"
        return f"{quote_all(self.nodes[p] for p in premises)} together attack it"

    def _backer(self, statement: str) -> str | None:
        """'P' supports 'statement', for a support of it whose premises are backed."""
        for relation in self.map.relations:
            if relation.target == statement and relation.kind == RelationKind.SUPPORT:
                backed = [self.framework.backed.get(p, p) for p in relation.premises]
                if all(self.labels[b] is Label.IN for b in backed):
                    who = quote_all(self.nodes[p] for p in relation.premises)
                    return f"{who} supports {self.q(statement)}"
        return None

    def _secondary_phrase(self, conflict: Conflict) -> str:
        support = self.relations[conflict.relations[0]]
        undermined = self.framework.undermined
        wanted = self.labels[conflict.carrier]
        below = next(
            (
                p
                for p in support.premises
                if p in undermined and self.labels[undermined[p]] is wanted
            ),
            support.premises[0],
        )
        for relation in self.map.relations:
            if relation.target == below and relation.kind == RelationKind.ATTACK:
                direct = self.framework.direct.get(relation.id)
                if direct is not None and self.labels[direct] is wanted:
                    who = quote_all(self.nodes[p] for p in relation.premises)
                    return f"{who} attacks {self.q(below)}, which supports it"
        return f"{self.q(below)}, which supports it, is itself undermined"

    def standing(self, conflict: Conflict) -> str:
        answers = [c for p in conflict.premises for c in self.framework.conflicts_on(p)]
        answers += [c for r in conflict.relations for c in self.framework.conflicts_on(r)]
        if conflict.kind is ConflictKind.SECONDARY or not answers:
            return "nothing answers that attack" if not answers else "that attack stands"
        return "every answer to that attack is itself answered"

    def failed(self, conflict: Conflict) -> str:
        """Why an attack on an 'in' statement does not hold."""
        if conflict.kind is ConflictKind.SECONDARY:
            support = self.relations[conflict.relations[0]]
            who = quote_all(self.nodes[p] for p in support.premises)
            return f"the objections to {who}, which supports it, are answered"
        relation_id = conflict.relations[0]
        undercut = next(
            (
                c
                for c in self.framework.conflicts_on(relation_id)
                if self.labels[c.carrier] is Label.IN
            ),
            None,
        )
        if undercut is not None:
            attacker = quote_all(self.nodes[p] for p in conflict.premises)
            return (
                f"the attack from {attacker} is undercut by "
                f"{quote_all(self.nodes[p] for p in undercut.premises)}"
            )
        beaten = next((p for p in conflict.premises if self.labels[p] is Label.OUT), None)
        if beaten is None:
            return f"the attack from {quote_all(self.nodes[p] for p in conflict.premises)} fails"
        if self.whatif.status(beaten) == "rejected":
            return f"{self.q(beaten)} is rejected (a what-if)"
        winner = next(
            (c for c in self.framework.conflicts_on(beaten) if self.labels[c.carrier] is Label.IN),
            None,
        )
        by = "" if winner is None else f" by {self._who(winner)}"
        together = "" if len(conflict.premises) == 1 else ", so their joint attack fails"
        return f"{self.q(beaten)} is answered{by}{together}"

    def _who(self, conflict: Conflict) -> str:
        if conflict.kind is ConflictKind.SECONDARY:
            support = self.relations[conflict.relations[0]]
            return f"the attack on {quote_all(self.nodes[p] for p in support.premises)}"
        return quote_all(self.nodes[p] for p in conflict.premises)


def _join(reasons: list[str]) -> str:
    unique = list(dict.fromkeys(reasons))
    shown = unique[:_MAX_REASONS]
    more = len(unique) - len(shown)
    text = "; ".join(shown)
    return text + (f"; and {more} more" if more else "")
