"""Gradual strength: DF-QuAD on acyclic maps, quadratic energy on cycles (strength.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.errors import FrameworkError
from argmap.analysis.strength import StrengthMethod, compute_strength
from argmap.analysis.whatif import WhatIf
from argmap.model import ArgumentMap
from tests.analysis.maps import statement_map

scores = st.floats(0.0, 1.0)


def rated(m: ArgumentMap, **ratings: float) -> ArgumentMap:
    for node in m.nodes:
        node.rating = ratings.get(node.id, node.rating)
    return m


@settings(max_examples=60, deadline=None)
@given(scores)
def test_with_no_supporters_or_attackers_strength_is_the_base_score(base: float) -> None:
    m = rated(statement_map("c"), c=base)
    for method in ("df-quad", "quadratic-energy"):
        assert compute_strength(m, method).strength["c"] == pytest.approx(base)


def test_the_default_base_score_is_one_half() -> None:
    assert compute_strength(statement_map("c")).strength["c"] == 0.5


@settings(max_examples=60, deadline=None)
@given(scores, scores, st.sampled_from(["df-quad", "quadratic-energy"]))
def test_an_attacker_lowers_and_a_supporter_raises(base: float, other: float, method: str) -> None:
    attacked = rated(statement_map("c x", "r: x =x c"), c=base, x=other)
    supported = rated(statement_map("c x", "r: x -> c"), c=base, x=other)
    assert compute_strength(attacked, method).strength["c"] <= base + 1e-12
    assert compute_strength(supported, method).strength["c"] >= base - 1e-12
    if 0.01 < base < 0.99 and other > 0.01:  # strictly, unless negligible
        assert compute_strength(attacked, method).strength["c"] < base
        assert compute_strength(supported, method).strength["c"] > base


def test_dfquad_values_on_a_small_tree() -> None:
    m = rated(statement_map("c x e", "a: x =x c", "s: e -> c"), x=0.8, e=0.4)
    result = compute_strength(m)
    assert result.method is StrengthMethod.DF_QUAD
    # attack 0.8 outweighs support 0.4: 0.5 - 0.5 * (0.8 - 0.4)
    assert result.strength["c"] == pytest.approx(0.3)


def test_a_linked_relation_passes_on_its_weakest_premise() -> None:
    m = rated(statement_map("c x y", "s: x+y -> c"), x=0.9, y=0.2)
    assert compute_strength(m).contribution["s"] == pytest.approx(0.2)


def test_an_undercut_reduces_what_a_relation_passes_on() -> None:
    plain = statement_map("c e", "s: e -> c")
    cut = rated(statement_map("c e u", "s: e -> c", "cut: u =x s"), u=0.5)
    before, after = compute_strength(plain), compute_strength(cut)
    assert after.contribution["s"] == pytest.approx(before.contribution["s"] * 0.5)
    assert after.strength["c"] < before.strength["c"]


@pytest.mark.parametrize("cycle", [["a", "b"], ["a", "b", "c"]])
def test_quadratic_energy_converges_on_even_and_odd_cycles(cycle: list[str]) -> None:
    specs = [f"r{i}: {x} =x {cycle[(i + 1) % len(cycle)]}" for i, x in enumerate(cycle)]
    result = compute_strength(statement_map(cycle, *specs))
    assert result.method is StrengthMethod.QUADRATIC_ENERGY
    assert result.converged and result.iterations > 1
    values = [result.strength[x] for x in cycle]
    assert all(0.0 < v < 0.5 for v in values)
    assert max(values) - min(values) < 1e-6  # symmetric cycle, symmetric strengths


def test_cycles_settle_to_a_fixed_point_of_the_energy_model() -> None:
    from argmap.analysis.strength_model import energy_update

    m = rated(statement_map("a b", "r: a =x b", "s: b =x a"), a=0.9, b=0.3)
    values = compute_strength(m).strength
    assert values["a"] == pytest.approx(energy_update(0.9, [values["b"]], []), abs=1e-7)
    assert values["b"] == pytest.approx(energy_update(0.3, [values["a"]], []), abs=1e-7)
    assert values["a"] > values["b"]


def test_dfquad_is_refused_on_a_cycle_by_name() -> None:
    m = statement_map("a b", "r: a =x b", "s: b =x a")
    with pytest.raises(FrameworkError, match="cycle"):
        compute_strength(m, "df-quad")


def test_conceded_and_rejected_statements_have_fixed_strengths() -> None:
    m = statement_map("c x", "r: x =x c")
    result = compute_strength(m, whatif=WhatIf().concede("c").reject("x"))
    assert result.strength == {"c": 1.0, "x": 0.0}
    assert compute_strength(m, whatif=WhatIf().reject("x")).strength["c"] == 0.5
