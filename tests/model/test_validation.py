"""Validation says exactly what is wrong and where: the JSON path and the offending id."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from argmap.model import (
    ArgumentMap,
    CriticalQuestionState,
    MapValidationError,
    Point,
    Relation,
    RelationKind,
    SourceDocument,
    TextAnchor,
    find_problems,
    validate,
)
from tests.model.factories import SOURCE_TEXT, node, random_map, small_map


def only_problem(m: ArgumentMap) -> tuple[str, str, str | None]:
    problems = find_problems(m)
    assert len(problems) == 1, problems
    return problems[0].path, problems[0].message, problems[0].item_id


def test_the_small_map_and_generated_maps_are_valid() -> None:
    validate(small_map())
    for seed in range(5):
        assert find_problems(random_map(60, seed)) == []


def test_duplicate_node_id_points_at_the_second_and_names_the_first() -> None:
    m = small_map()
    m.nodes.append(node("e2", "evidence"))
    path, message, item_id = only_problem(m)
    assert path == "$.nodes[6].id"
    assert message == "duplicate id 'e2' (first at $.nodes[2].id)"
    assert item_id == "e2"


def test_ids_are_unique_across_sources_nodes_and_relations() -> None:
    m = small_map()
    m.nodes.append(node("s1"))
    m.relations.append(Relation(id="c1", kind=RelationKind.SUPPORT, premises=["e3"], target="e1"))
    messages = [(p.path, p.message) for p in find_problems(m)]
    assert ("$.nodes[6].id", "duplicate id 's1' (first at $.sources[0].id)") in messages
    assert ("$.relations[4].id", "duplicate id 'c1' (first at $.nodes[0].id)") in messages


def test_dangling_premise_and_target_are_named() -> None:
    m = small_map()
    m.relations[1].premises = ["e3", "ghost"]
    m.relations[2].target = "nowhere"
    problems = {(p.path, p.item_id): p.message for p in find_problems(m)}
    assert problems == {
        ("$.relations[1].premises[1]", "r2"): "relation 'r2': premise 'ghost' is not a node",
        ("$.relations[2].target", "r3"): (
            "relation 'r3': target 'nowhere' is neither a node nor a relation"
        ),
    }


@pytest.mark.parametrize(("kind", "verb"), [("support", "support"), ("attack", "attack")])
def test_no_node_supports_or_attacks_itself(kind: str, verb: str) -> None:
    m = small_map()
    m.relations.append(Relation(id="self", kind=kind, premises=["e1", "c1"], target="c1"))
    path, message, item_id = only_problem(m)
    assert (path, item_id) == ("$.relations[4].target", "self")
    assert message == f"relation 'self': node 'c1' cannot {verb} itself"


def test_a_premise_listed_twice_is_reported() -> None:
    m = small_map()
    m.relations[0].premises = ["e1", "e2", "e1"]
    path, message, _ = only_problem(m)
    assert path == "$.relations[0].premises[2]"
    assert "premise 'e1' is listed twice" in message


def test_only_an_attack_may_target_a_relation() -> None:
    m = small_map()
    m.relations[3].kind = RelationKind.SUPPORT
    path, message, item_id = only_problem(m)
    assert (path, item_id) == ("$.relations[3].kind", "u1")
    assert "only an attack (an undercut) may target a relation" in message


def test_a_relation_cannot_undercut_itself() -> None:
    m = small_map()
    m.relations[3].target = "u1"
    path, message, _ = only_problem(m)
    assert path == "$.relations[3].target"
    assert message == "relation 'u1' cannot undercut itself"


def test_critical_questions_need_a_scheme_and_answers_must_be_nodes() -> None:
    m = small_map()
    m.relations[1].questions = [CriticalQuestionState(question_id="q", answered_by="ghost")]
    paths = {p.path: p.message for p in find_problems(m)}
    assert paths["$.relations[1].questions"] == "relation 'r2' has critical questions but no scheme"
    assert "answered by 'ghost', not a node" in paths["$.relations[1].questions[0].answered_by"]


def test_layout_may_only_name_nodes() -> None:
    m = small_map()
    m.layout.positions["ghost"] = Point(x=0, y=0)
    m.layout.pinned.append("r1")
    paths = {p.path: p.item_id for p in find_problems(m)}
    assert paths == {"$.layout.positions.ghost": "ghost", "$.layout.pinned[2]": "r1"}


def _with_anchor(a: TextAnchor) -> ArgumentMap:
    m = small_map()
    m.nodes[3].anchors = [a]
    return m


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (
            TextAnchor(source_id="nope", start=0, end=3, quote="The"),
            "source 'nope' does not exist",
        ),
        (TextAnchor(source_id="s1", start=9, end=4, quote=""), "end 4 is before start 9"),
        (
            TextAnchor(source_id="s1", start=10, end=len(SOURCE_TEXT) + 5, quote="x"),
            f"span [10, {len(SOURCE_TEXT) + 5}) lies outside source 's1' "
            f"({len(SOURCE_TEXT)} characters)",
        ),
        (
            TextAnchor(source_id="s1", start=0, end=3, quote="Zzz"),
            "quote 'Zzz' does not match the source text at [0, 3), which reads 'The'",
        ),
    ],
)
def test_anchor_problems_say_what_is_wrong(anchor: TextAnchor, expected: str) -> None:
    path, message, item_id = only_problem(_with_anchor(anchor))
    assert (path, item_id) == ("$.nodes[3].anchors[0]", "e3")
    assert message == f"node 'e3': anchor {expected}"


def test_a_source_whose_text_changed_is_reported() -> None:
    m = small_map()
    m.sources[0].text += "More."
    m.nodes = [n.model_copy(update={"anchors": []}) for n in m.nodes]
    path, message, item_id = only_problem(m)
    assert (path, item_id) == ("$.sources[0].sha256", "s1")
    assert "sha256 does not match its text" in message


def test_validate_raises_with_every_problem_and_a_summary() -> None:
    m = small_map()
    m.relations[1].premises = ["ghost"]
    m.relations[2].target = "nowhere"
    with pytest.raises(MapValidationError) as info:
        validate(m)
    assert len(info.value.problems) == 2
    assert str(info.value) == (
        "$.relations[1].premises[0]: relation 'r2': premise 'ghost' is not a node (and 1 more)"
    )


def test_sha256_is_filled_in_when_absent() -> None:
    source = SourceDocument(id="s", text="abc")
    assert source.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_positions_must_be_finite() -> None:
    for bad in (float("nan"), float("inf")):
        with pytest.raises(ValidationError):
            Point(x=bad, y=0.0)


def test_look_ups_name_the_missing_id() -> None:
    m = small_map()
    assert m.node("e1").kind == "evidence"
    assert m.relation("u1").target == "r1"
    assert m.is_undercut(m.relation("u1")) and not m.is_undercut(m.relation("r1"))
    with pytest.raises(KeyError, match="no node with id 'zz'"):
        m.node("zz")
    with pytest.raises(KeyError, match="no relation with id 'zz'"):
        m.relation("zz")
    with pytest.raises(KeyError, match="no source with id 'zz'"):
        m.source("zz")


def test_new_id_is_unused_across_everything() -> None:
    m = small_map()
    used = {n.id for n in m.nodes} | {r.id for r in m.relations} | {"s1"}
    m.nodes.append(node("x12"))  # len(used) + 1 == 12: the first guess is taken
    fresh = m.new_id("x")
    assert fresh.startswith("x") and fresh not in used | {"x12"}
