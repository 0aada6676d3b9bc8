"""The verdicts a debate brief can show: each statement's grounded label, in words."""

from __future__ import annotations

from argmap.analysis.evaluate import evaluate
from argmap.model import ArgumentMap

#: Grounded labels as a debater says them.
WORDS = {"in": "stands", "out": "falls", "undecided": "undecided"}


def grounded_verdicts(argument_map: ArgumentMap) -> dict[str, str]:
    """Node id -> "stands", "falls" or "undecided" under grounded semantics."""
    labels = evaluate(argument_map, "grounded").labels
    return {node_id: WORDS.get(label.value, label.value) for node_id, label in labels.items()}
