"""A debate coach's cases: each rule of the acceptance conditions, on maps of a few lines.

Each expectation is what a coach would say about the map, worked out by hand from the rules
(assumed statements, relations that apply, accepted statements), not by running the code.
"""

from __future__ import annotations

import pytest

from argmap.analysis.errors import FrameworkError, TooLargeError
from argmap.analysis.evaluate import WhatIf, evaluate
from argmap.model import ArgumentMap, Node, Relation
from tests.analysis.maps import statement_map


def labels(m: ArgumentMap, semantics: str = "grounded", whatif: WhatIf | None = None) -> str:
    """Statement labels as one short string, e.g. ``"c=in x=out"``."""
    found = evaluate(m, semantics, whatif).labels
    return " ".join(f"{k}={v.value}" for k, v in found.items())


def relations(m: ArgumentMap, semantics: str = "grounded") -> str:
    found = evaluate(m, semantics).relation_labels
    return " ".join(f"{k}={v.value}" for k, v in found.items())


# The two five-line maps of issue 11 ---------------------------------------------------------


def test_an_answered_objection_drops_out_even_when_evidence_backs_it() -> None:
    # A claim; an objection attacks it; evidence supports the objection; a rebuttal attacks
    # the objection. The rebuttal is unanswered, so the objection falls and the claim stands.
    m = statement_map(
        "claim objection evidence rebuttal",
        "a: objection =x claim",
        "s: evidence -> objection",
        "b: rebuttal =x objection",
    )
    assert labels(m) == "claim=in objection=out evidence=in rebuttal=in"
    assert relations(m) == "a=blocked s=applies b=applies"


def test_independent_reasons_add_up_so_one_sunk_reason_does_not_sink_the_claim() -> None:
    m = statement_map(
        "claim r1 r2 r3 objection",
        "s1: r1 -> claim",
        "s2: r2 -> claim",
        "s3: r3 -> claim",
        "a: objection =x r1",
    )
    assert labels(m) == "claim=in r1=out r2=in r3=in objection=in"
    assert relations(m) == "s1=blocked s2=applies s3=applies a=applies"


# Assumed statements ---------------------------------------------------------------------------


def test_a_statement_nothing_supports_is_assumed_and_stands_unless_attacked() -> None:
    m = statement_map("evidence bare", kinds={"evidence": "evidence"})
    assert labels(m) == "evidence=in bare=in"


def test_a_statement_with_reasons_stands_only_on_a_reason_that_applies() -> None:
    # c is not assumed: its only reason r is attacked by x, so c has nothing to stand on.
    m = statement_map("c r x", "s: r -> c", "a: x =x r")
    assert labels(m) == "c=out r=out x=in"


def test_an_objection_with_a_fallen_reason_is_not_assumed_and_so_falls() -> None:
    # x attacks c, but x rests on e alone, and e is answered by k: x falls, c stands.
    m = statement_map("c x e k", "a: x =x c", "s: e -> x", "b: k =x e")
    assert labels(m) == "c=in x=out e=out k=in"
    assert relations(m) == "a=blocked s=blocked b=applies"


# Linked versus convergent --------------------------------------------------------------------


def test_linked_premises_hold_together_so_one_fallen_premise_blocks_the_reason() -> None:
    m = statement_map("c p q x", "s: p+q -> c", "a: x =x q")
    assert labels(m) == "c=out p=in q=out x=in"
    assert relations(m) == "s=blocked a=applies"


def test_the_same_premises_as_two_convergent_reasons_keep_the_claim() -> None:
    m = statement_map("c p q x", "s: p -> c", "t: q -> c", "a: x =x q")
    assert labels(m) == "c=in p=in q=out x=in"
    assert relations(m) == "s=applies t=blocked a=applies"


def test_a_linked_objection_fails_when_one_of_its_premises_is_answered() -> None:
    m = statement_map("c x y z", "a: x+y =x c")
    assert labels(m) == "c=out x=in y=in z=in"
    m.relations.append(Relation(id="b", kind="attack", premises=["z"], target="y"))
    assert labels(m) == "c=in x=in y=out z=in"


# Undercuts and their answers -----------------------------------------------------------------


def test_an_undercut_blocks_a_reason_but_leaves_its_premise_standing() -> None:
    m = statement_map("c e u", "s: e -> c", "cut: u =x s")
    assert labels(m) == "c=out e=in u=in"
    assert relations(m) == "s=blocked cut=applies"


def test_answering_the_undercut_lets_the_reason_carry_again() -> None:
    m = statement_map("c e u v", "s: e -> c", "cut: u =x s", "w: v =x u")
    assert labels(m) == "c=in e=in u=out v=in"
    assert relations(m) == "s=applies cut=blocked w=applies"


def test_an_undercut_of_an_objection_reinstates_its_target_until_answered() -> None:
    m = statement_map("c x u", "a: x =x c", "cut: u =x a")
    assert labels(m) == "c=in x=in u=in"
    assert relations(m) == "a=blocked cut=applies"
    m.nodes.append(Node(id="v", kind="claim", text="v"))
    m.relations.append(Relation(id="w", kind="attack", premises=["v"], target="u"))
    assert labels(m) == "c=out x=in u=out v=in"


def test_an_undercut_of_an_undercut_restores_the_first_inference() -> None:
    m = statement_map("c e u v", "s: e -> c", "cut: u =x s", "cut2: v =x cut")
    assert labels(m) == "c=in e=in u=in v=in"
    assert relations(m) == "s=applies cut=blocked cut2=applies"


# Chains -------------------------------------------------------------------------------------


def test_a_chain_of_objections_alternates() -> None:
    m = statement_map("a b c d", "r1: b =x a", "r2: c =x b", "r3: d =x c")
    assert labels(m) == "a=out b=in c=out d=in"


def test_a_chain_of_reasons_carries_until_a_link_falls() -> None:
    m = statement_map("c m e", "s1: m -> c", "s2: e -> m")
    assert labels(m) == "c=in m=in e=in"
    m.nodes.append(Node(id="k", kind="claim", text="k"))
    m.relations.append(Relation(id="a", kind="attack", premises=["k"], target="e"))
    assert labels(m) == "c=out m=out e=out k=in"


# Mutual attacks and cycles -------------------------------------------------------------------


def test_mutual_attack_is_undecided_until_something_outside_settles_it() -> None:
    m = statement_map("a b", "r: a =x b", "s: b =x a")
    assert labels(m) == "a=undecided b=undecided"
    assert relations(m) == "r=undecided s=undecided"
    assert labels(m, "preferred") == "a=undecided b=undecided"  # sceptically
    assert evaluate(m, "preferred").extensions == (("a",), ("b",))
    assert evaluate(m, "stable").extensions == (("a",), ("b",))
    m.nodes.append(Node(id="k", kind="claim", text="k"))
    m.relations.append(Relation(id="t", kind="attack", premises=["k"], target="a"))
    assert labels(m) == "a=out b=in k=in"


def test_an_odd_cycle_of_objections_has_no_stable_answer() -> None:
    m = statement_map("a b c", "r: a =x b", "s: b =x c", "t: c =x a")
    assert labels(m) == "a=undecided b=undecided c=undecided"
    assert evaluate(m, "stable").extensions == ()
    assert evaluate(m, "preferred").extensions == ((),)


def test_a_self_attacking_statement_is_undecided_and_never_accepted() -> None:
    m = statement_map("a b", "r: a =x a", "s: a =x b")
    assert labels(m) == "a=undecided b=undecided"
    assert evaluate(m, "preferred").extensions == ((),)


def test_a_circle_of_supports_does_not_hold_itself_up() -> None:
    m = statement_map("x y", "s: x -> y", "t: y -> x")
    assert labels(m) == "x=undecided y=undecided"
    # Both in, and both out, are consistent; the stable reading asks for a reason from
    # outside the circle, and there is none.
    assert set(evaluate(m, "preferred").extensions) == {("x", "y"), ()}
    assert evaluate(m, "stable").extensions == ((),)


def test_a_circle_of_supports_with_a_reason_from_outside_stands() -> None:
    m = statement_map("x y e", "s: x -> y", "t: y -> x", "u: e -> x")
    assert labels(m) == "x=in y=in e=in"


def test_a_circle_of_supports_attacked_from_outside_falls() -> None:
    m = statement_map("x y k", "s: x -> y", "t: y -> x", "a: k =x x")
    assert labels(m) == "x=out y=out k=in"


def test_a_claim_resting_on_an_undecided_reason_is_undecided() -> None:
    m = statement_map("c e a b", "s: e -> c", "r: a =x e", "t: e =x a")
    assert labels(m) == "c=undecided e=undecided a=undecided b=in"


# What-ifs -----------------------------------------------------------------------------------


def test_conceding_accepts_whatever_attacks_it_and_rejecting_blocks_its_relations() -> None:
    m = statement_map("c x y", "r: x =x c", "s: y =x x", "t: x =x y")
    assert labels(m) == "c=undecided x=undecided y=undecided"
    assert labels(m, whatif=WhatIf().concede("x")) == "c=out x=in y=out"
    rejected = evaluate(m, whatif=WhatIf().reject("x"))
    assert {k: v.value for k, v in rejected.relation_labels.items()} == {
        "r": "blocked",
        "s": "applies",
        "t": "blocked",
    }
    assert labels(m, whatif=WhatIf().reject("x")) == "c=in x=out y=in"


def test_a_conceded_statement_with_no_reason_that_applies_is_still_accepted() -> None:
    m = statement_map("c r k", "s: r -> c", "a: k =x r")
    assert labels(m, whatif=WhatIf().concede("c")) == "c=in r=out k=in"


# Errors and limits --------------------------------------------------------------------------


def test_relations_naming_missing_statements_are_refused_by_name() -> None:
    m = ArgumentMap(
        nodes=[Node(id="a", kind="claim")],
        relations=[Relation(id="r", kind="attack", premises=["ghost"], target="a")],
    )
    with pytest.raises(FrameworkError, match="ghost"):
        evaluate(m)


def test_a_support_of_a_relation_is_refused() -> None:
    m = statement_map("a b", "r: a =x b")
    m.relations.append(Relation(id="s", kind="support", premises=["b"], target="r"))
    with pytest.raises(FrameworkError, match="only an attack may target a relation"):
        evaluate(m)


def test_enumeration_past_its_limit_raises_a_named_error_and_grounded_still_answers() -> None:
    # 12 independent mutual attacks: 4,096 preferred extensions.
    names = [f"n{i}" for i in range(24)]
    specs = [f"r{i}: n{i} =x n{i ^ 1}" for i in range(24)]
    m = statement_map(names, *specs)
    with pytest.raises(TooLargeError, match="more than 1,000 preferred extensions"):
        evaluate(m, "preferred")
    assert set(labels(m).split()) == {f"n{i}=undecided" for i in range(24)}
