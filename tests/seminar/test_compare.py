"""Diff and merge on two independently made maps of the release, and their properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.io import native
from argmap.model import ArgumentMap, validate
from argmap.resources import DEFAULT_MAP
from argmap.seminar.diff import diff_maps
from argmap.seminar.matching import match_maps, normalise
from argmap.seminar.merge import merge_maps
from tests.model.factories import random_map, small_map
from tests.seminar.student_map import SAM, student_map


@pytest.fixture(scope="module")
def coach() -> ArgumentMap:
    return native.load(DEFAULT_MAP).map


def test_statements_match_by_overlapping_anchors_and_by_similar_text(coach: ArgumentMap) -> None:
    matching = match_maps(coach, student_map())
    assert matching.nodes["e-patrols-doubled-2020"] == "s-officers"  # reworded, same words
    assert matching.how["e-patrols-doubled-2020"] == "anchor"
    assert matching.nodes["e-7500-stopped"] == "s-7500"  # dash and full stop differ
    assert matching.how["e-7500-stopped"] == "text"
    assert matching.nodes["c-reduce-crossings"] == "s-deal-cuts"
    assert "s-misery" not in matching.nodes.values()  # words the coach did not map


def test_diff_of_the_students_map(coach: ArgumentMap) -> None:
    diff = diff_maps(coach, student_map()).to_json()
    assert set(diff) == {"nodes", "relations"}
    assert set(diff["nodes"]) == {"same", "changed", "removed", "added"}
    assert ["e-250-arrests", "s-arrests"] in diff["nodes"]["changed"]  # evidence type differs
    assert ["c-reduce-crossings", "s-deal-cuts"] in diff["nodes"]["changed"]
    assert "c-bill-fixes" in diff["nodes"]["removed"]  # Sam left the Bill out
    assert set(diff["nodes"]["added"]) == {
        "s-funding",
        "s-misery",
        "s-money-before",
        "s-safe-routes",
    }
    assert ["r-further-collab", "s-r6"] in diff["relations"]["same"]
    assert ["r-7500", "s-r3"] in diff["relations"]["changed"]  # Sam named no scheme
    assert "s-r8" in diff["relations"]["added"] and "r-hs-enough" in diff["relations"]["removed"]


def test_layout_timestamps_and_notes_never_count_as_changes() -> None:
    a = small_map()
    b = a.model_copy(deep=True)
    b.layout.positions.clear()
    b.nodes[0].notes = "mine"
    b.nodes[0].modified = b.nodes[0].modified.replace(year=2030)
    assert not diff_maps(a, b).differs
    b.nodes[1].text = b.nodes[1].text + " indeed"
    assert diff_maps(a, b).nodes.changed == [(b.nodes[1].id, b.nodes[1].id)]


def test_merge_keeps_the_first_wording_and_records_the_other(coach: ArgumentMap) -> None:
    result = merge_maps(coach, student_map(), labels=["coach", "Sam"])
    merged = result.map
    validate(merged)
    claim = merged.node("c-reduce-crossings")
    assert claim.text == coach.node("c-reduce-crossings").text
    assert "Other wording (Sam): The deal will cut small-boat crossings." in claim.notes
    assert any(c.node_id == "c-reduce-crossings" and c.other == "Sam" for c in result.conflicts)
    assert {"s-misery", "s-money-before"} <= {n.id for n in merged.nodes}
    assert merged.node("s-misery").author == SAM.id and SAM in merged.participants
    # Sam's relation from her own new card lands on the coach's claim; her positions follow.
    assert any(
        r.premises == ["s-misery"] and r.target == "c-reduce-crossings" for r in merged.relations
    )
    held = {(p.participant, p.statement) for p in merged.positions}
    assert ("p-sam", "ca-displacement-conceded") in held
    # Nothing of the first map is lost; new cards sit beside what they connect to.
    after = diff_maps(coach, merged)
    assert after.nodes.removed == [] and after.relations.removed == []
    claim_at = merged.layout.positions["c-reduce-crossings"]
    misery_at = merged.layout.positions["s-misery"]
    assert abs(misery_at.x - claim_at.x) < 800 and abs(misery_at.y - claim_at.y) < 1500
    placed = list(merged.layout.positions.values())
    assert len({(round(p.x), round(p.y)) for p in placed}) == len(placed)


def test_merging_three_maps(coach: ArgumentMap) -> None:
    third = student_map()
    third.nodes[0].text = "A third wording of the main claim"
    result = merge_maps(coach, student_map(), third, labels=["coach", "Sam", "Sam 2"])
    notes = result.map.node("c-reduce-crossings").notes
    assert "(Sam)" in notes and "(Sam 2): A third wording" in notes
    assert [n.id for n in result.map.nodes].count("s-misery") == 1


@pytest.mark.parametrize("make", [small_map, student_map, lambda: random_map(60, seed=3)])
def test_diff_of_a_map_with_itself_is_all_same(make: object) -> None:
    m = make()  # type: ignore[operator]
    diff = diff_maps(m, m)
    assert diff.nodes.same == [(n.id, n.id) for n in m.nodes]
    assert diff.relations.same == [(r.id, r.id) for r in m.relations]
    assert not diff.differs


def test_merge_of_a_map_with_itself_gives_it_back(coach: ArgumentMap) -> None:
    for m in (coach, student_map(), random_map(80, seed=5)):
        result = merge_maps(m, m)
        assert result.map == m and result.conflicts == []


def _renamed(m: ArgumentMap, prefix: str) -> ArgumentMap:
    """The same map under other ids (so matching has to use anchors and text)."""
    names = {n.id: prefix + n.id for n in m.nodes} | {r.id: prefix + r.id for r in m.relations}
    copy = m.model_copy(deep=True)
    for n in copy.nodes:
        n.id = names[n.id]
    for r in copy.relations:
        r.id = names[r.id]
        r.premises = [names[p] for p in r.premises]
        r.target = names[r.target]
    copy.layout.positions = {names[k]: v for k, v in copy.layout.positions.items()}
    return copy


def _content(m: ArgumentMap) -> tuple[list[str], int]:
    return sorted(normalise(n.text) for n in m.nodes), len(m.relations)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), drop=st.integers(0, 7))
def test_merge_is_order_independent_up_to_wording(seed: int, drop: int) -> None:
    a = random_map(25, seed=seed)
    b = _renamed(random_map(25, seed=seed), "b-")
    # b loses a few statements (and what hangs on them) and gains its own
    targets = {r.target for r in b.relations}
    b.relations = [r for r in b.relations if r.id in targets or not r.id.endswith(f"r{drop + 1}")]
    ab, ba = merge_maps(a, b).map, merge_maps(b, a).map
    validate(ab)
    validate(ba)
    both = diff_maps(ab, ba)
    assert both.nodes.removed == [] and both.nodes.added == []
    assert both.relations.removed == [] and both.relations.added == []
    assert len(ab.nodes) == len(ba.nodes)


def test_merge_with_a_student_is_order_independent_up_to_wording(coach: ArgumentMap) -> None:
    ab = merge_maps(coach, student_map()).map
    ba = merge_maps(student_map(), coach).map
    both = diff_maps(ab, ba)
    assert (both.nodes.removed, both.nodes.added) == ([], [])
    assert (both.relations.removed, both.relations.added) == ([], [])
