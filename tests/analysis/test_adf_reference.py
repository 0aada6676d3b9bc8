"""Every semantics against references written from the definitions, on random small maps,
and Dung's answers on maps of attacks only (the shared corpus and random frameworks).

The default run checks a fixed sample (the same maps every time); ``-m slow`` checks a larger
one from other seeds.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from argmap.analysis.evaluate import Evaluation, evaluate
from argmap.analysis.tgf import corpus_cases, read_answer, read_tgf
from argmap.model import ArgumentMap, Node, Relation
from tests.analysis.adf_reference import Reference
from tests.analysis.random_maps import random_map
from tests.analysis.reference import brute_force

SEMANTICS = ("complete", "preferred", "stable")
_RELATION = {"applies": "in", "blocked": "out", "undecided": "undecided"}


def _flat(result: Evaluation) -> dict[str, str]:
    """Statement and relation labels in the reference's words."""
    flat = {k: v.value for k, v in result.labels.items()}
    flat.update({k: _RELATION[v.value] for k, v in result.relation_labels.items()})
    return flat


def _check(m: ArgumentMap) -> None:
    reference = Reference(m)
    assert _flat(evaluate(m)) == reference.grounded(), m
    for semantics in SEMANTICS:
        expected = getattr(reference, semantics)()
        result = evaluate(m, semantics)
        found = {frozenset(e) for e in result.extensions}
        wanted = {frozenset(s for s in reference.statements if v[s] == "in") for v in expected}
        assert found == wanted, (semantics, m)
        assert len(result.extensions) == len(wanted), (semantics, m)


@pytest.mark.parametrize("seed", range(4))
def test_random_maps_agree_with_the_definitions_under_every_semantics(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(12):
        _check(random_map(rng))


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(100, 110))
def test_many_random_maps_agree_with_the_definitions(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(100):
        _check(random_map(rng))


def _as_map(arguments: list[str], attacks: list[tuple[str, str]]) -> ArgumentMap:
    return ArgumentMap(
        nodes=[Node(id=a, kind="claim", text=a) for a in arguments],
        relations=[
            Relation(id=f"r{i}", kind="attack", premises=[s], target=t)
            for i, (s, t) in enumerate(attacks)
        ],
    )


@pytest.mark.parametrize("seed", range(3))
def test_maps_of_attacks_only_give_dungs_extensions(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(30):
        n = rng.randint(1, 7)
        arguments = [f"a{i}" for i in range(n)]
        attacks = sorted({(rng.choice(arguments), rng.choice(arguments)) for _ in range(n + 2)})
        m = _as_map(arguments, attacks)
        for semantics in ("grounded", *SEMANTICS):
            expected = brute_force(arguments, attacks, semantics)
            found = {frozenset(e) for e in evaluate(m, semantics).extensions}
            assert found == expected, (semantics, attacks)


@pytest.mark.corpus
def test_every_framework_in_the_corpus_gives_exactly_its_answer_as_a_map(
    shared_data: Path,
) -> None:
    cases = corpus_cases(shared_data / "af")
    assert len(cases) >= 9
    for case in cases:
        framework = read_tgf(case.framework)
        m = _as_map(list(framework.arguments), list(framework.attacks))
        expected = set(read_answer(case.answer))
        found = {frozenset(e) for e in evaluate(m, case.semantics).extensions}
        assert found == expected, case.name
