"""What the debate coach found wrong in the brief, each fixed and held here.

Evidence behind objections and rebuttals, quotes not doubly quoted, sections not printed as
pages, one work listed once and cited once per statement, undercuts naming the reason they
hit, children always indented under their parent's text, optional verdicts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.io import native
from argmap.io.brief import UNANSWERED, dumps_brief
from argmap.io.brief_verdicts import grounded_verdicts
from argmap.model import ArgumentMap, Citation, Node, Relation, SourceDocument, TextAnchor

TEXT = "“We will stop them,” said the minister. Patrols run from Boulogne to Dieppe."
URL = "https://www.gov.uk/release"
RELEASE = SourceDocument(id="s1", title="The release", publisher="Home Office", url=URL, text=TEXT)


def coach_map() -> ArgumentMap:
    said = TEXT.index("said") - 2  # the quote ends with its closing mark and comma
    nodes = [
        Node(id="claim", kind="claim", text="The deal will cut crossings"),
        Node(
            id="minister",
            kind="evidence",
            text="The minister says so",
            anchors=[TextAnchor.of("s1", TEXT, 0, said)],
            citation=Citation(title="The release", url=URL, page="Home Secretary's statement"),
        ),
        Node(id="displace", kind="counterargument", text="Patrols only displace crossings"),
        Node(
            id="wider",
            kind="claim",
            text="Patrols now cover the wider coast",
        ),
        Node(
            id="dieppe",
            kind="evidence",
            text="Patrols run from Boulogne to Dieppe",
            anchors=[TextAnchor.of("s1", TEXT, TEXT.index("Patrols"), len(TEXT))],
            citation=Citation(title="The release", page="Notes to editors"),
        ),
        Node(id="moved", kind="evidence", text="Gangs moved up the coast"),
        Node(id="spin", kind="counterargument", text="A minister would say that"),
    ]
    relations = [
        Relation(id="r1", kind="support", premises=["minister"], target="claim"),
        Relation(id="r2", kind="attack", premises=["displace"], target="claim"),
        Relation(id="r3", kind="support", premises=["moved"], target="displace"),
        Relation(id="r4", kind="attack", premises=["wider"], target="displace"),
        Relation(id="r5", kind="support", premises=["dieppe"], target="wider"),
        Relation(id="r6", kind="attack", premises=["spin"], target="r1"),
    ]
    return ArgumentMap(title="Coach", sources=[RELEASE], nodes=nodes, relations=relations)


def test_evidence_behind_objections_and_rebuttals_is_kept() -> None:
    counters = dumps_brief(coach_map()).split("### Counterarguments")[1]
    objection = counters[counters.index("1. Patrols only displace") :]
    assert "   - **Backed by**\n     - Gangs moved up the coast (evidence)" in objection
    assert "   - **Rebuttal:** Patrols now cover the wider coast" in objection
    assert (
        "     - **Backed by**\n       - Patrols run from Boulogne to Dieppe (evidence)" in objection
    )


def test_quotes_that_have_their_own_marks_are_not_doubled() -> None:
    text = dumps_brief(coach_map())
    assert "> “We will stop them,” [1]" in text
    assert "““" not in text and "””" not in text


def test_a_section_is_not_printed_as_a_page() -> None:
    text = dumps_brief(coach_map())
    assert "p. Notes to editors" not in text and "p. Home Secretary" not in text
    assert "[1, Notes to editors]" in text and "[1, Home Secretary's statement]" in text


def test_page_numbers_still_read_as_pages() -> None:
    m = coach_map()
    m.nodes[1] = m.nodes[1].model_copy(update={"citation": Citation(title="Other", page="12-14")})
    assert "[1, pp. 12–14]" in dumps_brief(m)


def test_one_work_is_listed_once_and_cited_once_per_statement() -> None:
    text = dumps_brief(coach_map())
    index = text.split("## Index of sources")[1]
    assert index.strip() == f"1. *The release*. Home Office. <{URL}>"
    for line in text.splitlines():
        if not line.lstrip().startswith(">"):
            assert len(re.findall(r"\[\d+[^\]]*\]", line)) <= 1, line


def test_an_undercut_names_the_reason_it_hits() -> None:
    counters = dumps_brief(coach_map()).split("### Counterarguments")[1]
    assert (
        f"2. {UNANSWERED} A minister would say that "
        "*(against the step from the reason “The minister says so” to the claim)*"
    ) in counters


def test_every_child_is_indented_under_its_parents_text() -> None:
    lines = [line for line in dumps_brief(coach_map()).splitlines() if line.strip()]
    stack: list[int] = []  # the text column of each open list item
    for line in lines:
        if line.startswith("#"):
            stack = []
            continue
        indent = len(line) - len(line.lstrip())
        marker = re.match(r"(\d+\.|-|>) ", line.lstrip())
        while stack and indent < stack[-1]:
            stack.pop()
        if stack:
            assert indent == stack[-1], f"{line!r} is not under its parent"
        else:
            assert indent == 0, line
        if marker and marker.group(1) != ">":
            stack.append(indent + len(marker.group(0)))


def test_verdicts_are_optional_and_say_what_stands() -> None:
    m = coach_map()
    assert "**stands**" not in dumps_brief(m)
    verdicts = grounded_verdicts(m)
    text = dumps_brief(m, verdicts)
    assert "Verdicts (grounded semantics" in text
    assert "- Gangs moved up the coast (evidence) — **stands**" in text
    assert verdicts["spin"] == "stands" and verdicts["claim"] in ("stands", "falls", "undecided")


def test_export_verdicts_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "coach.argmap.json"
    native.save(coach_map(), path)
    out = tmp_path / "brief.md"
    assert main(["export", str(path), "-o", str(out), "--verdicts"]) == 0
    assert "— **stands**" in out.read_text(encoding="utf-8")
    assert main(["export", str(path), "-o", str(tmp_path / "m.argdown"), "--verdicts"]) == 1
    assert "--verdicts is for the debate brief" in capsys.readouterr().err
