"""The bundled map of the Home Office release: the app's default, read as a debate coach would."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from argmap.io import native
from argmap.model import ArgumentMap, EvidenceType, Node, NodeKind, RelationKind, text_sha256
from argmap.resources import DEFAULT_MAP, DEFAULT_TEXT

SEED_TEXT = (
    Path(__file__).resolve().parents[3] / "shared" / "seed" / "uk-france-small-boats-release.txt"
)
URL = "https://www.gov.uk/government/news/uk-and-france-sign-new-agreement-to-tackle-small-boat-crossings"
#: A card as the canvas draws it, in scene px.
CARD_WIDTH, CARD_HEIGHT = 220.0, 90.0


@pytest.fixture(scope="module")
def loaded() -> native.LoadResult:
    return native.load(DEFAULT_MAP)


@pytest.fixture(scope="module")
def sample(loaded: native.LoadResult) -> ArgumentMap:
    return loaded.map


def _of_kind(m: ArgumentMap, kind: NodeKind) -> list[Node]:
    return [node for node in m.nodes if node.kind == kind]


def _attacks_on_counterarguments(m: ArgumentMap) -> list[str]:
    nodes = m.node_index()
    return [
        premise
        for rel in m.relations
        if rel.kind == RelationKind.ATTACK
        and rel.target in nodes
        and nodes[rel.target].kind == NodeKind.COUNTERARGUMENT
        for premise in rel.premises
        if nodes[premise].kind == NodeKind.COUNTERARGUMENT
    ]


def test_loads_cleanly_without_re_anchoring(loaded: native.LoadResult) -> None:
    assert loaded.moved_anchors == []
    assert loaded.notes == []


def test_file_is_in_canonical_form(sample: ArgumentMap) -> None:
    # A stable, canonical file: saving the loaded map rewrites it byte for byte.
    assert native.dumps(sample) == DEFAULT_MAP.read_text(encoding="utf-8")


def test_source_is_the_release_in_full(sample: ArgumentMap) -> None:
    [source] = sample.sources
    assert source.id == "release"
    assert source.publisher == "Home Office"
    assert source.date == "2021-07-20"
    assert source.url == URL
    assert "small boat" in source.title
    assert source.text == DEFAULT_TEXT.read_text(encoding="utf-8")
    assert source.sha256 == text_sha256(source.text)
    assert sample.title and sample.description


def test_source_equals_the_shared_seed_when_present(sample: ArgumentMap) -> None:
    if not SEED_TEXT.is_file():
        pytest.skip("../shared/seed is not present")
    assert sample.sources[0].text == SEED_TEXT.read_text(encoding="utf-8")


def test_every_anchor_quotes_its_source_exactly(sample: ArgumentMap) -> None:
    text = sample.source("release").text
    anchors = [anchor for node in sample.nodes for anchor in node.anchors]
    assert anchors
    for anchor in anchors:
        assert anchor.source_id == "release"
        assert anchor.quote
        assert text[anchor.start : anchor.end] == anchor.quote


def test_the_two_central_claims_are_present(sample: ArgumentMap) -> None:
    reduce = sample.node("c-reduce-crossings")
    bill = sample.node("c-bill-fixes")
    assert reduce.kind == bill.kind == NodeKind.CLAIM
    assert "crossings" in reduce.text and "patrols" in reduce.text
    assert "Nationality and Borders Bill" in bill.text and "deter" in bill.text


def test_evidence_is_anchored_typed_and_cited(sample: ArgumentMap) -> None:
    evidence = _of_kind(sample, NodeKind.EVIDENCE)
    assert len(evidence) >= 12
    for node in evidence:
        assert node.anchors, node.id
        assert node.evidence_type is not None, node.id
        assert node.citation is not None and not node.citation.is_empty(), node.id
        assert node.citation.publisher == "Home Office"
        assert node.citation.date == "2021-07-20"
        assert node.citation.url == URL
    statements = [n for n in evidence if n.evidence_type == EvidenceType.OFFICIAL_STATEMENT]
    assert any(n.citation and n.citation.page == "Notes to editors" for n in evidence)
    assert any("Home Secretary" in n.text for n in statements)


@pytest.mark.parametrize("figure", ["7500", "250", "65", "53 years", "€62.7m"])
def test_each_headline_figure_is_in_an_anchored_quote(sample: ArgumentMap, figure: str) -> None:
    evidence = _of_kind(sample, NodeKind.EVIDENCE)
    assert any(figure in anchor.quote for node in evidence for anchor in node.anchors)


def test_counterarguments_include_conceded_and_critic_objections(sample: ArgumentMap) -> None:
    counters = _of_kind(sample, NodeKind.COUNTERARGUMENT)
    assert len(counters) >= 6
    conceded = sample.node("ca-displacement-conceded")
    assert "further up the French\ncoast" in conceded.anchors[0].quote
    assert "conceded" in conceded.tags
    # What the text does not say must be marked as the critic's, never passed off as quoted.
    for node in counters:
        if not node.anchors:
            assert "critic" in node.tags, node.id
    critics = {n.id for n in counters if "critic" in n.tags}
    assert {"ca-displacement", "ca-prevented-counts-attempts", "ca-no-routes-named"} <= critics
    assert {"ca-refugee-convention", "ca-rise-despite-doubling"} <= critics
    assert "This follows a rise in dangerous crossings" in (
        sample.node("ca-rise-despite-doubling").anchors[0].quote
    )


def test_rebuttals_answer_counterarguments(sample: ArgumentMap) -> None:
    rebutters = set(_attacks_on_counterarguments(sample))
    assert len(rebutters) >= 3
    assert {"rb-further-up-coast", "rb-safe-legal-routes"} <= rebutters


def test_has_a_linked_support(sample: ArgumentMap) -> None:
    linked = [r for r in sample.relations if r.kind == RelationKind.SUPPORT and len(r.premises) > 1]
    assert linked
    patrols = sample.relation("r-patrols-work")
    assert set(patrols.premises) == {"e-patrols-doubled-2020", "e-twice-prevented"}


def test_has_an_undercut_of_the_interception_inference(sample: ArgumentMap) -> None:
    undercuts = [r for r in sample.relations if sample.is_undercut(r)]
    assert undercuts
    assert all(r.kind == RelationKind.ATTACK for r in undercuts)
    prevented = sample.relation("r-prevented-undercut")
    target = sample.relation(prevented.target)
    assert target.kind == RelationKind.SUPPORT
    assert target.target == "c-reduce-crossings"
    assert target.premises == ["e-7500-stopped"]


def test_schemes_are_named_where_they_fit(sample: ArgumentMap) -> None:
    used = {r.scheme for r in sample.relations if r.scheme}
    required = {
        "position_to_know",
        "statistics",
        "cause_to_effect",
        "consequences",
        "practical_reasoning",
    }
    assert required <= used
    assert all(r.kind == RelationKind.SUPPORT for r in sample.relations if r.scheme)
    assert sample.relation("r-hs-reform").scheme == "position_to_know"
    assert sample.relation("r-7500").scheme == "statistics"
    # The question catalogue belongs to another part of the app; the sample leaves it empty.
    assert all(not r.questions for r in sample.relations)


def test_every_node_has_a_position_and_no_cards_overlap(sample: ArgumentMap) -> None:
    positions = sample.layout.positions
    assert set(positions) == {node.id for node in sample.nodes}
    for (a, pa), (b, pb) in combinations(positions.items(), 2):
        apart = abs(pa.x - pb.x) >= CARD_WIDTH or abs(pa.y - pb.y) >= CARD_HEIGHT
        assert apart, f"{a} and {b} overlap"


def test_claims_come_before_what_bears_on_them(sample: ArgumentMap) -> None:
    # The map reads in its layout direction: a claim above (TB) or left of (LR) its reasons.
    positions = sample.layout.positions
    across = sample.layout.direction == "LR"
    for rel in sample.relations:
        if sample.is_undercut(rel):
            continue
        for premise in rel.premises:
            if sample.node(rel.target).kind == NodeKind.CLAIM:
                p, t = positions[premise], positions[rel.target]
                assert (p.x > t.x) if across else (p.y > t.y), rel.id


def test_bundled_map_is_laid_out_by_the_tree_layout_left_to_right(sample: ArgumentMap) -> None:
    assert (sample.layout.algorithm, sample.layout.direction) == ("tree", "LR")
