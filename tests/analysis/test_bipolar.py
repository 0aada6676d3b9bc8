"""How supports, linked premises and undercuts turn a map into attacks (framework.py)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap.analysis.dung import DungFramework
from argmap.analysis.errors import FrameworkError, TooLargeError
from argmap.analysis.evaluate import evaluate
from argmap.analysis.framework import build_framework
from argmap.analysis.semantics import Limits, extensions, grounded_labelling
from argmap.model import ArgumentMap, Node, Relation
from tests.analysis.maps import statement_map
from tests.analysis.reference import flatten, grounded_by_iteration


def labels(m: ArgumentMap, semantics: str = "grounded") -> dict[str, str]:
    return {k: v.value for k, v in evaluate(m, semantics).labels.items()}


def test_a_supporter_of_an_objection_keeps_it_alive_when_the_objection_is_answered() -> None:
    # Supported attack: e supports x, x attacks c, so e attacks c; y answering x does not
    # answer e.
    m = statement_map("c x e y", "a: x =x c", "s: e -> x", "b: y =x x")
    assert labels(m) == {"c": "out", "x": "out", "e": "in", "y": "in"}


def test_knocking_out_a_reason_knocks_out_what_rests_on_it_until_answered() -> None:
    # Secondary attack: k attacks e, e supports c, so k attacks c.
    m = statement_map("c e k", "s: e -> c", "a: k =x e")
    assert labels(m) == {"c": "out", "e": "out", "k": "in"}
    m.nodes.append(Node(id="z", kind="claim", text="z"))
    m.relations.append(Relation(id="b", kind="attack", premises=["z"], target="k"))
    assert labels(m) == {"c": "in", "e": "in", "k": "out", "z": "in"}


def test_secondary_attacks_follow_chains_of_supports() -> None:
    m = statement_map("c d e k", "s1: e -> d", "s2: d -> c", "a: k =x e")
    assert labels(m)["c"] == "out"


def test_an_undercut_defeats_a_support_so_attacking_its_premise_no_longer_reaches_the_claim() -> (
    None
):
    m = statement_map("c e k u", "s: e -> c", "a: k =x e", "cut: u =x s")
    result = evaluate(m)
    assert result.labels["c"].value == "in"
    assert result.labels["e"].value == "out"
    assert result.relation_labels["s"].value == "out"
    # Answer the undercut and the support counts again: c falls with e.
    m.nodes.append(Node(id="v", kind="claim", text="v"))
    m.relations.append(Relation(id="w", kind="attack", premises=["v"], target="u"))
    result = evaluate(m)
    assert result.labels["c"].value == "out"
    assert result.relation_labels["s"].value == "out"  # its premise e is out


def test_an_undercut_of_an_attack_reinstates_the_target_until_it_is_answered() -> None:
    m = statement_map("c x u", "a: x =x c", "cut: u =x a")
    assert labels(m) == {"c": "in", "x": "in", "u": "in"}
    assert evaluate(m).relation_labels["a"].value == "out"
    m.nodes.append(Node(id="v", kind="claim", text="v"))
    m.relations.append(Relation(id="w", kind="attack", premises=["v"], target="u"))
    assert labels(m)["c"] == "out"


def test_a_linked_attack_holds_only_while_all_its_premises_are_in() -> None:
    m = statement_map("c x y", "a: x+y =x c")
    assert labels(m)["c"] == "out"
    m.nodes.append(Node(id="z", kind="claim", text="z"))
    m.relations.append(Relation(id="b", kind="attack", premises=["z"], target="y"))
    assert labels(m) == {"c": "in", "x": "in", "y": "out", "z": "in"}


def test_a_circle_of_supports_does_not_back_itself() -> None:
    # x and y support each other and both are answered: x's objection to c fails.
    m = statement_map(
        "c x y k j", "s1: x -> y", "s2: y -> x", "a: x =x c", "b: k =x x", "d: j =x y"
    )
    assert labels(m)["c"] == "in"
    assert set(labels(m, "preferred").values()) <= {"in", "out"}


def test_a_statement_supporting_its_own_attacker_is_undecided() -> None:
    m = statement_map("a x z", "s: a -> x", "r: x =x a", "b: z =x x")
    assert labels(m)["a"] == "undecided"


def test_plain_maps_become_frameworks_over_their_statements_only() -> None:
    m = statement_map("a b c", "r: a =x b", "s: b =x c")
    framework = build_framework(m).framework
    assert framework.arguments == ("a", "b", "c")
    assert framework.attacks == (("a", "b"), ("b", "c"))


def test_relations_naming_missing_statements_are_refused_by_name() -> None:
    m = ArgumentMap(
        nodes=[Node(id="a", kind="claim")],
        relations=[Relation(id="r", kind="attack", premises=["ghost"], target="a")],
    )
    with pytest.raises(FrameworkError, match="ghost"):
        build_framework(m)


def test_enumeration_past_its_limit_raises_a_named_error() -> None:
    # 12 independent mutual attacks: 4,096 preferred extensions.
    names = [f"n{i}" for i in range(24)]
    specs = [f"r{i}: n{i} =x n{i ^ 1}" for i in range(24)]
    m = statement_map(names, *specs)
    with pytest.raises(TooLargeError, match="more than 1,000 preferred extensions"):
        evaluate(m, "preferred")
    assert len(evaluate(m).labels) == 24  # grounded always answers


@st.composite
def small_maps(draw: st.DrawFn) -> ArgumentMap:
    n = draw(st.integers(1, 5))
    names = [f"n{i}" for i in range(n)]
    relations: list[Relation] = []
    for i in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["support", "attack", "attack"]))
        premises = draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True))
        undercut = kind == "attack" and relations and draw(st.booleans())
        if undercut:
            target = draw(st.sampled_from([r.id for r in relations]))
        else:
            free = [x for x in names if x not in premises]
            if not free:
                continue
            target = draw(st.sampled_from(free))
        relations.append(Relation(id=f"r{i}", kind=kind, premises=premises, target=target))
    return ArgumentMap(nodes=[Node(id=x, kind="claim") for x in names], relations=relations)


@settings(max_examples=150, deadline=None)
@given(small_maps())
def test_the_shared_construction_agrees_with_every_attack_spelled_out(m: ArgumentMap) -> None:
    mine = build_framework(m)
    statements = set(mine.statements)
    arguments, attacks = flatten(m)
    reference = DungFramework.of(arguments, sorted(attacks))
    labelled = grounded_labelling(mine.framework)
    grounded = {s for s in statements if labelled[s].value == "in"}
    assert grounded == grounded_by_iteration(arguments, attacks) & statements
    limits = Limits(max_steps=50_000)
    for semantics in ("preferred", "stable"):
        try:
            expected = {e & statements for e in extensions(reference, semantics, limits)}
        except TooLargeError:
            assume(False)
        assert {e & statements for e in extensions(mine.framework, semantics)} == expected
