"""Speaking notes and blocks: Markdown a debater rehearses from and takes into the room."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.cli import main
from argmap.io import native
from argmap.io.blocks import dumps_blocks
from argmap.io.speech_notes import dumps_speech
from argmap.model import Citation, SourceDocument, TextAnchor
from argmap.resources import DEFAULT_MAP
from tests.debate.maps import debate_map

TEXT = "Patrols doubled. Crossings *rose* anyway."


def cited_map():  # type: ignore[no-untyped-def]
    m = debate_map("r1: a + m; r2: e1 + a; r3: o1 - a; r4: x - o1; r5: e2 + x; r6: o2 - m")
    m.sources = [SourceDocument(id="s1", title="The release", publisher="Home Office", text=TEXT)]
    nodes = m.node_index()
    nodes["e1"].anchors = [TextAnchor.of("s1", TEXT, 0, 16)]
    nodes["e2"].citation = Citation(title="Border statistics", date="2021")
    nodes["o2"].text = "It <b>costs</b> too much"
    nodes["a"].notes = "Lead with this."
    return m


def test_speech_notes_follow_the_speech_order_with_quotes_and_citations() -> None:
    text = dumps_speech(cited_map())
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. Motion",
        "## 2. Reason",
        "## 3. Evidence",
        "## 4. Objection",
        "## 5. Objection",
        "## 6. Answer",
        "## 7. Evidence",
        "## Index of sources",
    ]
    assert "> “Patrols doubled.” [1]" in text
    assert "*Notes:* Lead with this." in text
    assert "1. *The release*. Home Office." in text
    assert "2. *Border statistics*. 2021." in text
    assert "It \\<b\\>costs\\</b\\> too much" in text  # user text never becomes HTML


def test_a_kept_speech_order_is_the_order_of_the_notes() -> None:
    m = cited_map()
    m.debate.speech_order = ["m", "o2"]
    text = dumps_speech(m)
    assert text.index("## 2. Objection") < text.index("## 3. Reason")


def test_blocks_list_unanswered_objections_first_then_answers_with_evidence() -> None:
    text = dumps_blocks(cited_map())
    assert text.index("## Unanswered objections (1)") < text.index("It \\<b\\>costs")
    assert text.index("It \\<b\\>costs") < text.index("## Prepared answers (1)")
    answered = text[text.index("## Prepared answers") :]
    assert "### o1" in answered and "*Against:* a" in answered
    assert "1. **Answer:** x" in answered
    assert "- *Backed by:* e2" in answered and "Source: [1]" in answered


def test_the_bundled_release_gives_blocks_for_every_objection() -> None:
    m = native.load(DEFAULT_MAP).map
    text = dumps_blocks(m)
    assert "## Unanswered objections (2)" in text and "## Prepared answers (3)" in text
    # The Boulogne–Dieppe evidence backs the answer to displacement.
    assert "Boulogne and Dunkirk" in text


@pytest.mark.parametrize(
    ("fmt", "needle"), [("speech", "# Speaking notes"), ("blocks", "# Blocks")]
)
def test_the_command_writes_each_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, needle: str
) -> None:
    out = tmp_path / f"{fmt}.md"
    assert main(["export", str(DEFAULT_MAP), "--to", fmt, "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith(needle)
    source = tmp_path / "none.argmap.json"
    m = native.load(DEFAULT_MAP).map
    m.debate.motion = None
    native.save(m, source)
    assert main(["export", str(source), "--to", fmt, "-o", str(tmp_path / "x.md")]) == 1
    assert "the map has no motion" in capsys.readouterr().err
