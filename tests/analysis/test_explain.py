"""Explanations in plain words (explain.py, explain_strength.py)."""

from __future__ import annotations

import pytest

from argmap.analysis.errors import UnknownIdError
from argmap.analysis.evaluate import evaluate
from argmap.analysis.explain import explain
from argmap.analysis.whatif import WhatIf
from argmap.model import ArgumentMap, Node, Relation


def debate(*relations: tuple[str, str, list[str], str]) -> ArgumentMap:
    texts = {
        "c": "The deal will cut crossings.",
        "x": "French patrols will only displace crossings.",
        "y": "Patrols now cover the whole coast.",
        "z": "The whole coast cannot be watched every night.",
        "e": "Patrols doubled last year.",
        "u": "Last year's figures count attempts, not people.",
    }
    return ArgumentMap(
        nodes=[Node(id=i, kind="claim", text=t) for i, t in texts.items()],
        relations=[Relation(id=r, kind=k, premises=p, target=t) for r, k, p, t in relations],
    )


def test_an_unanswered_attack_is_named_in_the_explanation() -> None:
    m = debate(("r", "attack", ["x"], "c"))
    assert explain(m, evaluate(m), "c") == (
        "Out: 'French patrols will only displace crossings' attacks it, "
        "and nothing answers that objection."
    )
    assert explain(m, evaluate(m), "x") == (
        "In: it is assumed, as nothing supports it, and nothing attacks it."
    )


def test_reinstatement_is_explained_by_the_answer_to_the_attack() -> None:
    m = debate(("r", "attack", ["x"], "c"), ("s", "attack", ["y"], "x"))
    assert explain(m, evaluate(m), "c") == (
        "In: it is assumed, as nothing supports it, and its one objection fails: 'French "
        "patrols will only displace crossings' is answered by 'Patrols now cover the whole "
        "coast'."
    )
    m.relations.append(Relation(id="t", kind="attack", premises=["z"], target="y"))
    assert explain(m, evaluate(m), "c") == (
        "Out: 'French patrols will only displace crossings' attacks it, and the answer to "
        "that fails: 'Patrols now cover the whole coast' is answered by 'The whole coast "
        "cannot be watched every night'."
    )


def test_a_reason_that_applies_is_named_with_the_answer_to_the_objection() -> None:
    m = debate(
        ("s", "support", ["e"], "c"), ("r", "attack", ["x"], "c"), ("t", "attack", ["y"], "x")
    )
    assert explain(m, evaluate(m), "c") == (
        "In: its reason 'Patrols doubled last year' applies (its premises are in), and its "
        "one objection fails: 'French patrols will only displace crossings' is answered by "
        "'Patrols now cover the whole coast'."
    )


def test_an_undercut_attack_is_explained_as_undercut() -> None:
    m = debate(("r", "attack", ["x"], "c"), ("cut", "attack", ["u"], "r"))
    assert explain(m, evaluate(m), "c") == (
        "In: it is assumed, as nothing supports it, and its one objection fails: 'French "
        "patrols will only displace crossings' stands, but that inference is undercut by "
        "'Last year's figures count attempts, not people', which nothing answers."
    )


def test_an_undercut_support_leaves_its_claim_without_a_reason() -> None:
    m = debate(("s", "support", ["e"], "c"), ("cut", "attack", ["u"], "s"))
    assert explain(m, evaluate(m), "c") == (
        "Out: its only reason fails: 'Patrols doubled last year' stands, but that inference "
        "is undercut by 'Last year's figures count attempts, not people', which nothing "
        "answers."
    )


def test_an_attack_on_a_reason_is_explained_through_that_reason() -> None:
    m = debate(("s", "support", ["e"], "c"), ("r", "attack", ["x"], "e"))
    assert explain(m, evaluate(m), "c") == (
        "Out: its only reason fails: 'Patrols doubled last year' is answered by 'French "
        "patrols will only displace crossings'."
    )


def test_a_cycle_is_explained_as_undecided_and_per_extension() -> None:
    m = debate(("r", "attack", ["x"], "c"), ("s", "attack", ["c"], "x"))
    assert explain(m, evaluate(m), "c") == (
        "Undecided: it and 'French patrols will only displace crossings' attack each other, "
        "and nothing outside settles it."
    )
    m.relations.append(Relation(id="t", kind="support", premises=["c"], target="e"))
    assert explain(m, evaluate(m), "e") == (
        "Undecided: it depends on 'The deal will cut crossings', which is undecided: 'The "
        "deal will cut crossings' and 'French patrols will only displace crossings' attack "
        "each other, and nothing outside settles it."
    )
    text = explain(m, evaluate(m, "preferred"), "c")
    assert text.startswith("Undecided: it is in 1 of 2 preferred extensions.")
    assert "Where it is out, 'French patrols" in text


def test_a_circle_of_supports_is_explained_as_holding_itself_up() -> None:
    m = debate(("s", "support", ["e"], "c"), ("t", "support", ["c"], "e"))
    assert explain(m, evaluate(m), "c") == (
        "Undecided: it and 'Patrols doubled last year' support only each other, and "
        "nothing outside settles it."
    )


def test_no_stable_extension_is_said_plainly() -> None:
    m = debate(
        ("r", "attack", ["x"], "c"), ("s", "attack", ["c"], "y"), ("t", "attack", ["y"], "x")
    )
    assert "no stable extension" in explain(m, evaluate(m, "stable"), "c")


def test_what_ifs_are_named_as_the_reason() -> None:
    m = debate(("r", "attack", ["x"], "c"))
    result = evaluate(m, whatif=WhatIf().reject("x"))
    assert explain(m, result, "x") == "Out: you rejected it (a what-if)."
    assert "is rejected (a what-if)" in explain(m, result, "c")
    strength = evaluate(m, "strength", WhatIf().concede("c"))
    assert explain(m, strength, "c") == "Strength 1.00, because you conceded it (a what-if)."


def test_strength_explanations_name_attackers_and_supporters() -> None:
    m = debate(("r", "attack", ["x"], "c"), ("s", "support", ["e"], "c"))
    text = explain(m, evaluate(m, "strength"), "c")
    assert text.startswith("Strength 0.50 from a base score of 0.50 (DF-QuAD): lowered by")
    assert "'French patrols will only displace crossings' attacking it (passes on 0.50)" in text
    assert "raised by 'Patrols doubled last year' supporting it" in text


def test_unknown_ids_are_refused() -> None:
    m = debate()
    with pytest.raises(UnknownIdError, match="nope"):
        explain(m, evaluate(m), "nope")
