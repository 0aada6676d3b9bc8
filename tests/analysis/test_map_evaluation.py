"""Evaluating maps: labels, undercuts, what-ifs, strength, explanations, checklist, schemes, CLI."""

from __future__ import annotations

import json

import pytest

from argmap.analysis.checklist import GapKind, find_gaps
from argmap.analysis.evaluate import WhatIf, evaluate
from argmap.analysis.explain import explain
from argmap.analysis.schemes import catalogue, critical_questions, placeholder_for_question
from argmap.cli import main
from argmap.io import native
from argmap.model import ArgumentMap, Node, Relation, validate
from argmap.resources import DEFAULT_MAP


def node(node_id: str, kind: str = "claim", text: str = "") -> Node:
    return Node(id=node_id, kind=kind, text=text or f"statement {node_id}")


def rel(rel_id: str, kind: str, premises: list[str], target: str) -> Relation:
    return Relation(id=rel_id, kind=kind, premises=premises, target=target)


def labels(m: ArgumentMap, **kw: object) -> dict[str, str]:
    return {k: v.value for k, v in evaluate(m, **kw).labels.items()}  # type: ignore[arg-type]


def test_an_unanswered_attack_puts_the_claim_out_and_an_answer_reinstates_it() -> None:
    m = ArgumentMap(
        nodes=[node("c"), node("x", "counterargument", "Patrols only displace crossings")],
        relations=[rel("r1", "attack", ["x"], "c")],
    )
    assert labels(m) == {"c": "out", "x": "in"}
    assert explain(m, evaluate(m), "c").startswith("Out: 'Patrols only displace")
    m.nodes.append(node("y", "counterargument"))
    m.relations.append(rel("r2", "attack", ["y"], "x"))
    assert labels(m) == {"c": "in", "x": "out", "y": "in"}
    assert explain(m, evaluate(m), "c").startswith("In")


def test_an_undercut_defeats_a_support_but_not_its_premise() -> None:
    # s supports c; u undercuts the inference s -> c: s stands, the inference is blocked,
    # and c, whose only reason it was, is not accepted.
    m = ArgumentMap(
        nodes=[node("c"), node("s", "evidence"), node("u", "counterargument")],
        relations=[rel("r", "support", ["s"], "c"), rel("uc", "attack", ["u"], "r")],
    )
    result = evaluate(m)
    assert result.labels["s"].value == "in"
    assert result.relation_labels["r"].value == "blocked"
    assert result.labels["c"].value == "out"


def test_what_if_changes_labels_without_touching_the_map() -> None:
    m = ArgumentMap(
        nodes=[node("c"), node("x", "counterargument")],
        relations=[rel("r1", "attack", ["x"], "c")],
    )
    before = m.model_dump()
    assert labels(m, whatif=WhatIf().reject("x")) == {"c": "in", "x": "out"}
    assert labels(m, whatif=WhatIf().concede("c"))["c"] == "in"
    assert m.model_dump() == before
    assert labels(m) == {"c": "out", "x": "in"}


def test_strength_is_the_base_score_alone_and_moves_with_support_and_attack() -> None:
    alone = ArgumentMap(nodes=[node("c")])
    assert evaluate(alone, "strength").strength["c"] == pytest.approx(0.5)
    supported = ArgumentMap(
        nodes=[node("c"), node("e", "evidence")], relations=[rel("r", "support", ["e"], "c")]
    )
    attacked = ArgumentMap(
        nodes=[node("c"), node("x", "counterargument")],
        relations=[rel("r", "attack", ["x"], "c")],
    )
    assert evaluate(supported, "strength").strength["c"] > 0.5
    assert evaluate(attacked, "strength").strength["c"] < 0.5


def test_strength_converges_on_cycles() -> None:
    m = ArgumentMap(
        nodes=[node("a"), node("b"), node("c")],
        relations=[
            rel("r1", "attack", ["a"], "b"),
            rel("r2", "attack", ["b"], "c"),
            rel("r3", "attack", ["c"], "a"),
        ],
    )
    values = evaluate(m, "strength").strength
    assert all(0.0 <= v <= 1.0 for v in values.values())
    assert values["a"] == pytest.approx(values["b"], abs=1e-3)


def test_checklist_finds_each_kind_of_gap() -> None:
    m = ArgumentMap(
        nodes=[
            node("c"),
            node("x", "counterargument"),
            node("e", "evidence"),
            node("lonely"),
            node("p"),
            node("q"),
        ],
        relations=[
            rel("r1", "attack", ["x"], "c"),
            rel("r2", "support", ["e"], "c"),
            rel("r3", "support", ["p"], "q"),
            rel("r4", "support", ["q"], "p"),
        ],
    )
    kinds = {gap.kind for gap in find_gaps(m)}
    assert GapKind.UNANSWERED_COUNTERARGUMENT in kinds
    assert GapKind.EVIDENCE_WITHOUT_ANCHOR in kinds
    assert GapKind.EVIDENCE_WITHOUT_CITATION in kinds
    assert GapKind.CIRCULAR_SUPPORT in kinds
    assert any(
        g.kind is GapKind.UNSUPPORTED_CLAIM and g.node_ids == ("lonely",) for g in find_gaps(m)
    )


def test_every_scheme_has_critical_questions_with_unique_ids() -> None:
    schemes = catalogue().schemes
    ids = {s.id for s in schemes}
    assert {"expert_opinion", "position_to_know", "cause_to_effect", "statistics"} <= ids
    for scheme in schemes:
        assert scheme.questions, scheme.id
        assert len({q.id for q in scheme.questions}) == len(scheme.questions)


def test_a_question_becomes_a_placeholder_objection_that_keeps_the_map_valid() -> None:
    m = ArgumentMap(
        nodes=[node("c"), node("e", "evidence")], relations=[rel("r", "support", ["e"], "c")]
    )
    m.relations[0].scheme = "statistics"
    questions = critical_questions(m.relations[0])
    assert questions
    new_node, new_relation = placeholder_for_question(
        m, "r", questions[0].question.id, as_undercut=True
    )
    m.nodes.append(new_node)
    m.relations.append(new_relation)
    validate(m)
    assert new_node.kind == "counterargument" and new_relation.target == "r"


def test_cli_evaluate_json_has_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(DEFAULT_MAP), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["semantics"] == "grounded"
    sample = native.load(DEFAULT_MAP).map
    assert set(document["labels"]) == {n.id for n in sample.nodes}
    assert set(document["labels"].values()) <= {"in", "out", "undecided"}
    assert main(["evaluate", str(DEFAULT_MAP), "--json", "--semantics", "preferred"]) == 0
    preferred = json.loads(capsys.readouterr().out)
    assert isinstance(preferred["extensions"], list) and preferred["extensions"]
    assert main(["evaluate", str(DEFAULT_MAP), "--json", "--semantics", "strength"]) == 0
    assert "strength" in json.loads(capsys.readouterr().out)


def test_cli_explains_and_refuses_unknown_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(DEFAULT_MAP), "--explain", "c-reduce-crossings"]) == 0
    assert capsys.readouterr().out.startswith(("In", "Out", "Undecided"))
    assert main(["evaluate", str(DEFAULT_MAP), "--explain", "nope"]) == 1
    assert "nope" in capsys.readouterr().err
    assert main(["evaluate", str(DEFAULT_MAP), "--concede", "nope"]) == 1


def test_cli_check_lists_the_bundled_maps_unanswered_objections(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", str(DEFAULT_MAP), "--json"]) == 0
    gaps = json.loads(capsys.readouterr().out)["gaps"]
    assert any(g["kind"] == "unanswered_counterargument" for g in gaps)
    assert main(["check", str(DEFAULT_MAP)]) == 0
    assert "Counterarguments with no answer" in capsys.readouterr().out
