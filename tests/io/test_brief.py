"""The debate brief: claims with reasons, evidence, citations, counterarguments, rebuttals."""

from __future__ import annotations

from pathlib import Path

from argmap.io.brief import UNANSWERED, dumps_brief, main_claims, write_brief
from argmap.model import ArgumentMap, Citation, Node, Relation, SourceDocument, TextAnchor
from tests.model.factories import small_map

TEXT = "The UK will pay 54 million pounds. Crossings rose by half."
SOURCE = SourceDocument(
    id="s1",
    title="UK and France sign new agreement",
    publisher="Home Office",
    date="2021-07-20",
    url="https://www.gov.uk/news",
    text=TEXT,
)


def brief_map() -> ArgumentMap:
    nodes = [
        Node(id="claim", kind="claim", text="The deal will cut crossings"),
        Node(
            id="money",
            kind="evidence",
            text="The UK pays £54m",
            anchors=[TextAnchor.of("s1", TEXT, 0, 34)],
            evidence_type="statistic",
            citation=Citation(title="Budget note", author="HM Treasury", page="4"),
        ),
        Node(
            id="rose",
            kind="counterargument",
            text="Crossings rose",
            anchors=[TextAnchor.of("s1", TEXT, 35, 58)],
        ),
        Node(id="season", kind="claim", text="The rise was seasonal"),
        Node(id="waste", kind="counterargument", text="Money is *wasted* on [patrols]"),
    ]
    relations = [
        Relation(id="r1", kind="support", premises=["money"], target="claim", scheme="statistics"),
        Relation(id="r2", kind="attack", premises=["rose"], target="claim"),
        Relation(id="r3", kind="attack", premises=["season"], target="rose"),
        Relation(id="r4", kind="attack", premises=["waste"], target="r1"),
    ]
    return ArgumentMap(title="Small boats", sources=[SOURCE], nodes=nodes, relations=relations)


def section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_main_claims_are_claims_that_support_nothing() -> None:
    assert [n.id for n in main_claims(brief_map())] == ["claim"]
    assert [n.id for n in main_claims(small_map())] == ["c1"]


def test_reasons_carry_quoted_evidence_and_numbered_sources() -> None:
    text = dumps_brief(brief_map())
    claim = section(text, "## Claim 1: The deal will cut crossings")
    assert "1. **Reason** (statistics)" in claim
    assert "   - The UK pays £54m (evidence) *statistic* [1, p. 4]" in claim
    assert "     > “The UK will pay 54 million pounds.” [2]" in claim


def test_counterarguments_with_rebuttals_and_unanswered_flagged() -> None:
    claim = section(dumps_brief(brief_map()), "## Claim 1")
    counters = claim[claim.index("### Counterarguments") :]
    assert "1. Crossings rose\n   > “Crossings rose by half.” [2]" in counters
    assert "   - **Rebuttal:** The rise was seasonal" in counters
    assert (
        f"2. {UNANSWERED} Money is \\*wasted\\* on \\[patrols\\] "
        "*(against the step from the reason “The UK pays £54m” to the claim)*"
    ) in counters
    assert counters.count(UNANSWERED) == 1


def test_index_of_sources_has_full_citations() -> None:
    index = section(dumps_brief(brief_map()), "## Index of sources")
    assert "1. HM Treasury. *Budget note*.\n" in index
    assert (
        "2. *UK and France sign new agreement*. Home Office. 2021-07-20. <https://www.gov.uk/news>"
        in index
    )


def test_brief_of_an_empty_map_still_reads(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    write_brief(ArgumentMap(), out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Debate brief\n")
    assert "*The map has no statements yet.*" in text and "*No sources cited.*" in text


def test_markdown_is_plain_commonmark() -> None:
    text = dumps_brief(small_map())
    assert "<" not in text.replace("<http", "")  # no raw HTML
    assert "\n\n\n" not in text and text.endswith("\n")
    assert text.splitlines()[0] == "# Small"
