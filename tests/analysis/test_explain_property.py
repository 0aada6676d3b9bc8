"""Explanations are true: every statement a sentence names with a label has that label.

Over random maps (fixed seeds), for every statement and every label semantics: the sentence
opens with the label the statement is shown with, each statement it gives a label has that
label in the interpretation the sentence speaks about (checked against the evaluation, not
against the explainer's own records), and every statement it quotes is one of those or one it
names without a label.
"""

from __future__ import annotations

import random
import re

import pytest

from argmap.analysis.evaluate import evaluate
from argmap.analysis.explain import explain_claims
from argmap.model import ArgumentMap
from tests.analysis.random_maps import random_map

QUOTED = re.compile(r"'(s\d+)'")


def _check(m: ArgumentMap, semantics: str) -> None:
    result = evaluate(m, semantics)
    adf = result.adf
    assert adf is not None
    for node in m.nodes:
        told = explain_claims(m, result, node.id)
        shown = result.labels[node.id].value
        assert told.text.startswith(shown.capitalize()), (told.text, shown)
        for statement, label, model in told.claims:
            actual = result.models[model][adf.names.index(statement)]
            assert actual is label, (told.text, statement, label, actual)
            if len(result.models) == 1:
                assert result.labels[statement] is label
        named = {s for s, _, _ in told.claims} | set(told.mentions)
        assert set(QUOTED.findall(told.text)) <= named, told.text


@pytest.mark.parametrize("semantics", ["grounded", "complete", "preferred", "stable"])
@pytest.mark.parametrize("seed", range(3))
def test_every_named_statement_has_the_label_the_sentence_gives_it(
    semantics: str, seed: int
) -> None:
    rng = random.Random(seed)
    for _ in range(40):
        _check(random_map(rng, max_statements=7), semantics)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(100, 110))
def test_explanations_are_true_on_many_random_maps(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        m = random_map(rng, max_statements=9)
        for semantics in ("grounded", "complete", "preferred", "stable"):
            _check(m, semantics)
