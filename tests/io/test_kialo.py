"""Kialo discussion exports: read, write, round trips, and errors naming the line.

The discussions here are our own, written in Kialo's export format; none comes from kialo.com.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.io import native
from argmap.io.errors import FileFormatError
from argmap.io.formats import infer_format
from argmap.io.kialo_read import loads_kialo
from argmap.io.kialo_write import dumps_kialo
from argmap.model import ArgumentMap, Node, Relation, validate

DISCUSSION = """Discussion Title: Should the Channel agreement be renewed?

1. The UK–France agreement should be renewed.
1.1. Pro: French patrols prevented twice as many crossings \\(so far this year\\).
The figure is in [the release](https://example.org/release).
1.1.1. Con: Interceptions count attempts, not people deterred.
1.1.1.1. Con: Every stopped launch is one night nobody risks the water.
1.2. Con: The gangs just move further up the coast.
1.2.1. Pro: -> See 1.1.1.
1.3. Pro: Prosecutions of smugglers are rising.
"""


def test_statements_relations_and_references_are_read() -> None:
    result = loads_kialo(DISCUSSION)
    m = result.map
    validate(m)
    assert m.title == "Should the Channel agreement be renewed?"
    texts = {n.id: n.text for n in m.nodes}
    assert len(m.nodes) == 6  # the -> See line makes no card
    assert texts["k1_1"] == (
        "French patrols prevented twice as many crossings \\(so far this year\\).\n"
        "The figure is in [the release](https://example.org/release)."
    )
    kinds = {n.id: n.kind.value for n in m.nodes}
    assert kinds["k1"] == "claim" and kinds["k1_2"] == "counterargument"
    shape = {(r.premises[0], r.kind.value, r.target) for r in m.relations}
    assert shape == {
        ("k1_1", "support", "k1"),
        ("k1_1_1", "attack", "k1_1"),
        ("k1_1_1_1", "attack", "k1_1_1"),
        ("k1_2", "attack", "k1"),
        ("k1_1_1", "support", "k1_2"),  # the reference: a relation from the existing card
        ("k1_3", "support", "k1"),
    }
    assert result.summary == ["1 '-> See' references kept as relations"]


def test_writing_what_was_read_gives_the_same_text() -> None:
    assert dumps_kialo(loads_kialo(DISCUSSION).map) == DISCUSSION


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1. T\n1.2. Pro: skipped one\n", "line 2: 1.2. skips 1.1."),
        ("1. T\n1.1.1. Pro: orphan\n", "line 2: 1.1.1. comes before its parent 1.1."),
        ("1. T\n1.1. Maybe: hmm\n", "line 2: 1.1. must say 'Pro:' or 'Con:'"),
        ("1. T\n1.1. Pro: a\n1.1. Con: b\n", "line 3: 1.1. appears twice (first on line 2)"),
        ("1. T\n1.1. Pro: -> See 1.9.\n", "line 2: -> See 1.9.: no such line"),
        ("2. T\n", "line 1: 2. skips 1."),
        ("hello\n1. T\n", "line 1: text before the thesis"),
        ("Discussion Title: nothing\n", "no numbered statements"),
    ],
)
def test_malformed_numbering_names_the_line(text: str, message: str) -> None:
    with pytest.raises(FileFormatError, match=message.replace("(", r"\(").replace(")", r"\)")):
        loads_kialo(text, origin="d.txt")


def test_a_statement_with_several_targets_is_written_once_with_see() -> None:
    m = ArgumentMap(
        title="T",
        nodes=[Node(id=i, kind="claim", text=i.upper()) for i in ("m", "a", "b", "s")],
        relations=[
            Relation(id="r1", kind="support", premises=["a"], target="m"),
            Relation(id="r2", kind="attack", premises=["b"], target="m"),
            Relation(id="r3", kind="support", premises=["s"], target="a"),
            Relation(id="r4", kind="attack", premises=["s"], target="b"),
        ],
    )
    text = dumps_kialo(m)
    assert text.splitlines()[2:] == [
        "1. M",
        "1.1. Pro: A",
        "1.1.1. Pro: S",
        "1.2. Con: B",
        "1.2.1. Con: -> See 1.1.1.",
    ]
    back = loads_kialo(text).map
    assert len(back.nodes) == 4 and len(back.relations) == 4


def test_a_continuation_line_that_looks_numbered_survives() -> None:
    m = ArgumentMap(nodes=[Node(id="m", kind="claim", text="First line\n2. not a thesis")])
    text = dumps_kialo(m)
    assert "\\2. not a thesis" in text
    assert loads_kialo(text).map.nodes[0].text == "First line\n2. not a thesis"


@st.composite
def trees(draw: st.DrawFn) -> ArgumentMap:
    count = draw(st.integers(1, 12))
    words = st.text(alphabet="abcdefgh ()[]\\.-", min_size=1, max_size=20).filter(
        lambda t: t.strip() and not t.strip().startswith("->")
    )
    nodes = [Node(id=f"n{i}", kind="claim", text=draw(words).strip()) for i in range(count)]
    relations = [
        Relation(
            id=f"r{i}",
            kind=draw(st.sampled_from(["support", "attack"])),
            premises=[f"n{i}"],
            target=f"n{draw(st.integers(0, i - 1))}",
        )
        for i in range(1, count)
    ]
    return ArgumentMap(title="T", nodes=nodes, relations=relations)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(trees())
def test_trees_round_trip_through_kialo(m: ArgumentMap) -> None:
    back = loads_kialo(dumps_kialo(m)).map
    assert sorted(n.text for n in back.nodes) == sorted(n.text for n in m.nodes)
    signs = sorted(r.kind.value for r in back.relations)
    assert signs == sorted(r.kind.value for r in m.relations)
    assert dumps_kialo(back) == dumps_kialo(m)


def test_import_and_export_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "channel.txt"
    source.write_text(DISCUSSION, "utf-8")
    assert infer_format(source, for_import=True).name == "kialo"
    out = tmp_path / "channel.argmap.json"
    assert main(["import", str(source), "--from", "kialo", "-o", str(out)]) == 0
    m = native.load(out).map
    assert len(m.nodes) == 6 and len(m.layout.positions) == 6  # laid out
    back = tmp_path / "back.txt"
    assert main(["export", str(out), "--to", "kialo", "-o", str(back)]) == 0
    assert back.read_text("utf-8") == DISCUSSION
    broken = tmp_path / "broken.txt"
    broken.write_text("1. T\n1.3. Pro: x\n", "utf-8")
    assert main(["import", str(broken), "-o", str(tmp_path / "b.argmap.json")]) == 1
    assert "line 2: 1.3. skips 1.2." in capsys.readouterr().err
