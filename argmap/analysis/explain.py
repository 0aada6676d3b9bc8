"""Plain-English explanations of an evaluation, built from the acceptance conditions.

:func:`explain` says why a statement has its label (or strength), following the rules of
:mod:`argmap.analysis.adf` and the labels the evaluation computed, for example::

    In: its reason 'Patrols doubled' applies (its premises are in), and its one objection,
    'French patrols will only displace crossings', is answered by 'Patrols now cover the coast'.

Every statement a sentence names with a label has that label in the interpretation it speaks
about; :func:`explain_claims` returns the sentence with those claims, so tests can check it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from argmap.analysis.adf import Framework
from argmap.analysis.errors import UnknownIdError
from argmap.analysis.evaluate import Evaluation, Semantics
from argmap.analysis.explain_strength import explain_strength
from argmap.analysis.labels import Label
from argmap.analysis.quote import quote
from argmap.model import ArgumentMap, Node

__all__ = ["Explanation", "explain", "explain_claims", "explain_strength"]

_SHOWN = 3
_IN, _OUT, _UNDECIDED = Label.IN, Label.OUT, Label.UNDECIDED


@dataclass(frozen=True)
class Explanation:
    """A sentence, and what it says: ``(statement id, label, model)`` for each statement it
    names with a label (in ``evaluation.models[model]``), and the ids it names without one."""

    text: str
    claims: tuple[tuple[str, Label, int], ...] = ()
    mentions: tuple[str, ...] = ()


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
    "Out: 'French patrols will only displace crossings' attacks it, and nothing answers that objection."
    """
    return explain_claims(argument_map, evaluation, node_id).text


def explain_claims(argument_map: ArgumentMap, evaluation: Evaluation, node_id: str) -> Explanation:
    """:func:`explain`, with the labels the sentence gives the statements it names."""
    if not argument_map.has_node(node_id):
        raise UnknownIdError(f"cannot explain {node_id!r}: the map has no such node")
    if evaluation.semantics is Semantics.STRENGTH:
        return Explanation(explain_strength(argument_map, evaluation, node_id))
    name = evaluation.semantics.value
    if evaluation.adf is None and node_id not in evaluation.labels:
        raise UnknownIdError(
            f"cannot explain {node_id!r}: the evaluation was made before it was added"
        )
    adf, models = evaluation.framework_for(node_id)
    assert adf is not None  # every label evaluation carries its framework, or builds it
    if not models:
        return Explanation(
            f"Undecided: the map has no {name} extension (some cycle of attacks has an odd "
            f"length), so nothing is settled under the {name} semantics."
        )
    if node_id not in evaluation.labels:
        raise UnknownIdError(
            f"cannot explain {node_id!r}: the evaluation was made before it was added"
        )
    index = adf.statements.index(node_id)

    def writer(model: int) -> _Writer:
        # The map's own look-up, not a dict of every node: a card's explanation is asked
        # after each edit, and names a few statements.
        return _Writer(adf, argument_map.node, models[model], model, evaluation)

    labels = [model[index] for model in models]
    if len(set(labels)) == 1:
        first = writer(0)
        text = first.sentence(index)
        if len(models) == 1:
            return first.done(text)
        agree = all(
            models[k][adf.names.index(i)] is label
            for k in range(1, len(models))
            for i, label, _ in first.claims
        )
        if agree:
            shared = [(i, label, k) for k in range(len(models)) for i, label, _ in first.claims]
            first.claims[:] = shared
            return first.done(text + f" The same holds in all {len(models)} {name} extensions.")
        return first.done(
            f"{labels[0].value.capitalize()} in all {len(models)} {name} extensions, for "
            f"different reasons. In the first, {first.clause(index)}."
        )
    count = labels.count(_IN)
    text = f"Undecided: it is in {count} of {len(models)} {name} extensions."
    claims: list[tuple[str, Label, int]] = []
    mentions: list[str] = []
    shown = ([labels.index(_IN)] if count else []) + [
        next(k for k, label in enumerate(labels) if label is not _IN)
    ]
    for k in shown:
        one = writer(k)
        where = labels[k].value
        text += f" Where it is {where}, {one.clause(index)}."
        claims += one.claims
        mentions += one.mentions
    return Explanation(text, tuple(claims), tuple(mentions))


@dataclass
class _Writer:
    """Sentences about one interpretation, recording what they say about whom."""

    adf: Framework
    #: The node of an id.
    node: Callable[[str], Node]
    model: Sequence[Label]
    number: int
    evaluation: Evaluation
    claims: list[tuple[str, Label, int]] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)

    def done(self, text: str) -> Explanation:
        return Explanation(text, tuple(self.claims), tuple(self.mentions))

    # Naming ------------------------------------------------------------------------------

    def q(self, i: int, label: Label | None = None) -> str:
        """A statement quoted, recording the label the sentence gives it (if any)."""
        statement = self.adf.names[i]
        if label is None:
            self.mentions.append(statement)
        else:
            self.claims.append((statement, label, self.number))
        return quote(self.node(statement))

    def premises(self, relation: int, label: Label | None = None) -> str:
        """A relation's premises, quoted ('A' with 'B' for linked premises)."""
        return " with ".join(self.q(p, label) for p in self.adf.positive[relation])

    def _all(self, relation: int, label: Label) -> bool:
        return all(self.model[p] is label for p in self.adf.positive[relation])

    # Sentences ---------------------------------------------------------------------------

    def sentence(self, i: int) -> str:
        return f"{self.model[i].value.capitalize()}: {self.clause(i)}."

    def clause(self, i: int) -> str:
        status = self.evaluation.whatif.status(self.adf.names[i])
        if status is not None:
            return f"you {status} it (a what-if)"
        label = self.model[i]
        if label is _IN:
            return f"{self._why_positive(i)}, and {self._objections_fail(i)}"
        if label is _OUT:
            return self._why_out(i)
        return self._why_undecided(i)

    def _why_positive(self, i: int) -> str:
        supports = self.adf.positive[i]
        if not supports:
            return "it is assumed, as nothing supports it"
        applying = [r for r in supports if self.model[r] is _IN]
        if len(applying) == 1:
            single = len(self.adf.positive[applying[0]]) == 1
            premises = "its premise is in" if single else "its premises are in"
            text = f"its reason {self.premises(applying[0], _IN)} applies ({premises})"
        else:
            shown = [self.premises(r, _IN) for r in applying[:_SHOWN]]
            more = len(applying) - len(shown)
            names = _join(shown) if not more else ", ".join(shown) + f" and {more} more"
            text = f"{len(applying)} of its reasons apply ({names})"
        failing = [r for r in supports if self.model[r] is _OUT]
        if failing:
            text += f", though {self._blocked(failing[0])}"
            if len(failing) > 1:
                text += f" (and {len(failing) - 1} more of its reasons fail)"
        return text

    def _objections_fail(self, i: int) -> str:
        attacks = self.adf.negative[i]
        if not attacks:
            return "nothing attacks it"
        if len(attacks) == 1:
            return f"its one objection fails: {self._blocked(attacks[0])}"
        shown = "; ".join(self._blocked(r) for r in attacks[:_SHOWN])
        more = len(attacks) - _SHOWN
        return f"each of its {len(attacks)} objections fails: {shown}" + (
            f"; and {more} more" if more > 0 else ""
        )

    def _blocked(self, relation: int, depth: int = 0) -> str:
        """Why a relation does not apply, naming its premises first."""
        beaten = next((p for p in self.adf.positive[relation] if self.model[p] is _OUT), None)
        if beaten is not None:
            return self._answered(beaten)
        cut = next(u for u in self.adf.negative[relation] if self.model[u] is _IN)
        if self._all(relation, _IN):
            who = f"{self.premises(relation, _IN)} stands, but that inference"
        else:
            who = f"the inference from {self.premises(relation)}"
        return f"{who} is undercut by {self._standing(cut, depth)}"

    def _answered(self, p: int) -> str:
        """Why a statement is out, as '<it> is answered by ...'."""
        name = self.q(p, _OUT)
        status = self.evaluation.whatif.status(self.adf.names[p])
        if status is not None:
            return f"{name} is {status} (a what-if)"
        winner = next((a for a in self.adf.negative[p] if self.model[a] is _IN), None)
        if winner is not None:
            return f"{name} is answered by {self.premises(winner, _IN)}"
        supports = self.adf.positive[p]
        if len(supports) == 1:
            return f"{name} falls, as its only reason does not apply"
        return f"{name} falls, as none of its {len(supports)} reasons applies"

    def _standing(self, relation: int, depth: int = 0) -> str:
        """An applying attack's premises, and whether anything answers them."""
        who = self.premises(relation, _IN)
        answers = [a for p in self.adf.positive[relation] for a in self.adf.negative[p]]
        answers += list(self.adf.negative[relation])
        if not answers:
            return f"{who}, which nothing answers"
        if depth:  # one level of answers is enough to read; and cycles must end
            return f"{who}, which stands"
        return f"{who}, which stands ({self._blocked(answers[0], depth + 1)})"

    def _why_out(self, i: int) -> str:
        winner = next((a for a in self.adf.negative[i] if self.model[a] is _IN), None)
        if winner is not None:
            who = self.premises(winner, _IN)
            verb = "attack" if len(self.adf.positive[winner]) > 1 else "attacks"
            answers = [a for p in self.adf.positive[winner] for a in self.adf.negative[p]]
            answers += list(self.adf.negative[winner])
            if not answers:
                return f"{who} {verb} it, and nothing answers that objection"
            if len(answers) == 1:
                return (
                    f"{who} {verb} it, and the answer to that fails: {self._blocked(answers[0], 1)}"
                )
            return (
                f"{who} {verb} it, and all {len(answers)} answers to that fail, for one: "
                f"{self._blocked(answers[0], 1)}"
            )
        supports = self.adf.positive[i]
        if len(supports) == 1:
            return f"its only reason fails: {self._blocked(supports[0])}"
        shown = "; ".join(self._blocked(r) for r in supports[:_SHOWN])
        more = len(supports) - _SHOWN
        return f"none of its {len(supports)} reasons applies: {shown}" + (
            f"; and {more} more" if more > 0 else ""
        )

    def _why_undecided(self, i: int) -> str:
        cycle = self._cycle(i)
        if cycle is not None:
            return self._cycle_words(i, cycle, "it")
        start = self._first_undecided_statement(i)
        for j in start:
            cycle = self._cycle(j)
            if cycle is not None:
                name = self.q(j, _UNDECIDED)
                return f"it depends on {name}, which is undecided: " + self._cycle_words(
                    j, cycle, name
                )
        return "it depends on what is undecided"

    def _first_undecided_statement(self, i: int) -> list[int]:
        """Undecided statements that ``i`` depends on, nearest first."""
        order: list[int] = []
        seen = {i}
        queue = deque([i])
        while queue:
            node = queue.popleft()
            for j in (*self.adf.positive[node], *self.adf.negative[node]):
                if j not in seen and self.model[j] is _UNDECIDED:
                    seen.add(j)
                    queue.append(j)
                    if not self.adf.is_relation(j):
                        order.append(j)
        return order

    def _cycle(self, i: int) -> list[tuple[int, bool]] | None:
        """A shortest path of undecided inputs from ``i`` back to ``i``, as (node, positive)
        pairs in reading order, or None."""
        parent: dict[int, tuple[int, bool]] = {}
        queue = deque([i])
        while queue:
            node = queue.popleft()
            for inputs, positive in (
                (self.adf.positive[node], True),
                (self.adf.negative[node], False),
            ):
                for j in inputs:
                    if self.model[j] is not _UNDECIDED:
                        continue
                    if j == i:
                        path = [(node, positive)]
                        while path[-1][0] != i:
                            path.append(parent[path[-1][0]])
                        return path
                    if j not in parent:
                        parent[j] = (node, positive)
                        queue.append(j)
        return None

    def _cycle_words(self, i: int, cycle: list[tuple[int, bool]], subject: str) -> str:
        """``cycle`` in flow order from ``i``: each entry is a node and the sign of the link
        into it from the entry before (``i`` before the first)."""
        flow = [i] + [n for n, _ in cycle]
        kinds = {
            ("support" if positive else "attack")
            for k, (_, positive) in enumerate(cycle)
            if self.adf.is_relation(flow[k])
        }
        statements = [n for n, _ in cycle if not self.adf.is_relation(n) and n != i]
        names = [self.q(n, _UNDECIDED) for n in dict.fromkeys(statements)]
        if not names:
            if kinds == {"attack"}:
                return f"{subject} attacks itself, so it can be neither accepted nor rejected"
            return f"{subject} rests on itself, and nothing outside settles it"
        others = _join(names)
        if kinds == {"attack"}:
            verb = "attack each other" if len(names) == 1 else "attack one another in a circle"
        elif kinds == {"support"}:
            verb = "support only each other" if len(names) == 1 else "hold one another up"
        else:
            verb = "depend on each other through supports and attacks"
        return f"{subject} and {others} {verb}, and nothing outside settles it"


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    shown = names[:_SHOWN]
    more = len(names) - len(shown)
    text = ", ".join(shown[:-1]) + " and " + shown[-1] if not more else ", ".join(shown)
    return text + (f" and {more} more" if more else "")
