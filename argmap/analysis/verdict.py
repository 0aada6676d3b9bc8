"""One paragraph on whether a statement stands: its label, its strength, and how they agree.

The label (:mod:`argmap.analysis.adf`) is a yes/no/undecided verdict by rules: a statement
falls as soon as one objection applies, or when none of its reasons applies. Strength
(:mod:`argmap.analysis.strength`) is a degree: reasons and objections weigh in by their own
strength. The two can seem to disagree (a card reading OUT with strength 0.85); the paragraph
then says why, so a user never sees the contradiction unexplained.
"""

from __future__ import annotations

from argmap.analysis.evaluate import Evaluation
from argmap.analysis.explain import explain
from argmap.analysis.labels import Label
from argmap.model import ArgumentMap

__all__ = ["STRONG", "WEAK", "verdict"]

#: At or above: a strong statement (green bar); at or below :data:`WEAK`: a weak one (red).
STRONG = 0.6
WEAK = 0.4


def verdict(
    argument_map: ArgumentMap, evaluation: Evaluation, strength: Evaluation, node_id: str
) -> str:
    """The label's explanation and the strength in one paragraph, reconciled when they seem to
    contradict.

    Examples
    --------
    >>> from argmap.analysis.evaluate import evaluate
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id="c", kind="claim", text="Crossings will fall"),
    ...            Node(id="x", kind="claim", text="Smugglers switch routes", rating=0.1)],
    ...     relations=[Relation(id="a", kind="attack", premises=["x"], target="c")])
    >>> print(verdict(m, evaluate(m), evaluate(m, "strength"), "c"))
    Out: 'Smugglers switch routes' attacks it, and nothing answers that objection. Strength \
0.45 of 1: the objection weighs little, so by degree it is neither strong nor weak, but by \
the rules an objection that applies is enough to reject it.
    """
    words = explain(argument_map, evaluation, node_id)
    value = strength.strength.get(node_id)
    if value is None:
        return words
    label = evaluation.labels[node_id]
    figure = f"Strength {value:.2f} of 1"
    if label is Label.OUT and value > WEAK:
        if _attacked_by_applying(evaluation, node_id):
            how = (
                "its reasons outweigh its objections by degree"
                if value >= STRONG
                else "the objection weighs little, so by degree it is neither strong nor weak"
            )
            return (
                f"{words} {figure}: {how}, but by the rules an objection that applies is "
                "enough to reject it."
            )
        return (
            f"{words} {figure}: by degree its reasons count for something, but by the rules "
            "it needs one reason that applies, and none does."
        )
    if label is Label.IN and value < STRONG:
        how = "is weak" if value <= WEAK else "is middling"
        return (
            f"{words} {figure}: by degree it {how} (its base score and the weight of its "
            "objections pull it down), but by the rules it stands, as no objection to it "
            "applies."
        )
    if label is Label.UNDECIDED:
        return f"{words} {figure}: a degree where the rules cannot decide."
    agree = "strong" if label is Label.IN else "weak"
    return f"{words} {figure}: by degree it is {agree} too."


def _attacked_by_applying(evaluation: Evaluation, node_id: str) -> bool:
    """Whether some attack on the statement applies in the first interpretation."""
    adf, models = evaluation.framework_for(node_id)
    if adf is None or not models:
        return False
    model = models[0]
    index = adf.statements.index(node_id)
    return any(model[a] is Label.IN for a in adf.negative[index])
