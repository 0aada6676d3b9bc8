"""The one entry point (evaluate.py), its JSON, and the bundled map."""

from __future__ import annotations

import json

import pytest

from argmap.analysis.errors import UnknownIdError, WhatIfError
from argmap.analysis.evaluate import Semantics, evaluate
from argmap.analysis.explain import explain
from argmap.analysis.whatif import NO_WHATIF, WhatIf
from argmap.cli import main
from argmap.io import native
from argmap.resources import DEFAULT_MAP
from tests.analysis.maps import statement_map


def test_json_holds_exactly_the_keys_of_each_semantics() -> None:
    m = statement_map("a b c", "r: a =x b", "s: b =x a", "t: b =x c")
    assert evaluate(m).to_json() == {
        "semantics": "grounded",
        "labels": {"a": "undecided", "b": "undecided", "c": "undecided"},
        "relations": {"r": "undecided", "s": "undecided", "t": "undecided"},
    }
    assert evaluate(m, "preferred").to_json() == {
        "semantics": "preferred",
        "labels": {"a": "undecided", "b": "undecided", "c": "undecided"},
        "relations": {"r": "undecided", "s": "undecided", "t": "undecided"},
        "extensions": [["a", "c"], ["b"]],
    }
    assert evaluate(m, "strength").to_json().keys() == {"semantics", "strength"}


def test_the_empty_extension_and_no_extension_are_told_apart() -> None:
    odd = statement_map("a b c", "r: a =x b", "s: b =x c", "t: c =x a")
    assert evaluate(odd, "preferred").to_json()["extensions"] == [[]]
    assert evaluate(odd, "stable").to_json()["extensions"] == []


def test_a_what_if_updates_every_label_and_clearing_it_restores_them() -> None:
    m = statement_map("c x y", "r: x =x c", "s: y =x x", "t: x =x y")
    assert {k: v.value for k, v in evaluate(m).labels.items()} == dict.fromkeys("cxy", "undecided")
    conceded = evaluate(m, whatif=WhatIf().concede("x"))
    assert {k: v.value for k, v in conceded.labels.items()} == {"c": "out", "x": "in", "y": "out"}
    assert conceded.relation_labels["r"].value == "applies"
    assert conceded.relation_labels["s"].value == "blocked"
    assert evaluate(m, whatif=NO_WHATIF).labels == evaluate(m).labels


def test_what_ifs_must_name_nodes_and_cannot_both_concede_and_reject() -> None:
    m = statement_map("c")
    with pytest.raises(UnknownIdError, match="ghost"):
        evaluate(m, whatif=WhatIf().concede("ghost"))
    with pytest.raises(WhatIfError):
        WhatIf(frozenset({"c"}), frozenset({"c"}))


def test_the_bundled_map_evaluates_and_explains_under_every_semantics() -> None:
    if not DEFAULT_MAP.exists():
        pytest.skip("the bundled map is not there")
    m = native.load(DEFAULT_MAP).map
    for semantics in Semantics:
        result = evaluate(m, semantics)
        for node in m.nodes:
            assert explain(m, result, node.id)
    grounded = evaluate(m)
    assert len(grounded.labels) == len(m.nodes)
    strength = evaluate(m, "strength").strength
    assert all(0.0 <= v <= 1.0 for v in strength.values())
    # Rejecting the objections that stand brings back some statement they had put out.
    out = {k for k, v in grounded.labels.items() if v.value == "out"}
    rejected = WhatIf(
        rejected=frozenset(
            k for k, v in grounded.labels.items() if v.value == "in" and k.startswith("ca-")
        )
    )
    after = evaluate(m, whatif=rejected)
    assert any(after.labels[k].value == "in" for k in out)


def test_cli_json_is_one_object_with_the_specified_shape(
    capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    m = statement_map("c x", "r: x =x c")
    path = f"{tmp_path}/m.argmap.json"
    native.save(m, path)
    assert main(["evaluate", path, "--json", "--semantics", "stable"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "semantics": "stable",
        "labels": {"c": "out", "x": "in"},
        "relations": {"r": "applies"},
        "extensions": [["x"]],
    }
    assert main(["evaluate", path, "--json", "--reject", "x"]) == 0
    assert json.loads(capsys.readouterr().out)["labels"] == {"c": "in", "x": "out"}
    assert main(["evaluate", path, "--json", "--semantics", "strength"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "semantics": "strength",
        "strength": {"c": 0.25, "x": 0.5},
    }
    assert main(["evaluate", path, "--reject", "x", "--concede", "x"]) == 1
    assert "both conceded and rejected" in capsys.readouterr().err
