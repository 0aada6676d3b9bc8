"""Argdown syntax: each element of the core, and errors that name their line and column."""

from __future__ import annotations

import pytest

from argmap.io.argdown import loads_argdown
from argmap.io.errors import FileFormatError
from argmap.model import ArgumentMap, NodeKind, Relation, RelationKind


def read(text: str) -> ArgumentMap:
    return loads_argdown(text).map


def edges(m: ArgumentMap) -> set[tuple[str, tuple[str, ...], str]]:
    return {(r.kind.value, tuple(r.premises), r.target) for r in m.relations}


def test_statements_with_titles_references_tags_and_data() -> None:
    m = read(
        '[Boats]: Crossings will fall. #policy #(home office) {kind: "claim"}\n\n'
        "[Boats]\n\n"
        "[Patrols]: France **doubles** its _patrols_.\n"
        "  + [Boats]\n"
    )
    assert [(n.id, n.text) for n in m.nodes] == [
        ("boats", "Crossings will fall."),
        ("patrols", "France doubles its patrols."),
    ]
    assert m.node("boats").tags == ["policy", "home office"]
    assert edges(m) == {("support", ("boats",), "patrols")}


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        ("+", ("support", ("b",), "a")),
        ("<+", ("support", ("b",), "a")),
        ("-", ("attack", ("b",), "a")),
        ("<-", ("attack", ("b",), "a")),
        ("+>", ("support", ("a",), "b")),
        ("->", ("attack", ("a",), "b")),
    ],
)
def test_relation_markers_in_both_directions(marker: str, expected: tuple[object, ...]) -> None:
    m = read(f"[A]: a\n  {marker} [B]: b\n")
    assert edges(m) == {expected}


def test_contradiction_is_an_attack_both_ways() -> None:
    m = read("[A]: a\n  >< [B]: b\n")
    assert edges(m) == {("attack", ("a",), "b"), ("attack", ("b",), "a")}


def test_arguments_without_reconstruction_are_statements_and_undercuts_hit_their_inference() -> (
    None
):
    result = loads_argdown(
        "[Legal]: Soft drugs should be legal.\n"
        "  + <Analogy>: Alcohol is legal too. #pro\n"
        "    - <Different>: Cannabis alters the mind.\n"
        "    <_ <Poor reason>: Two wrongs do not make a right.\n"
    )
    m = result.map
    assert m.node("analogy").text == "Alcohol is legal too."
    assert m.node("different").kind == NodeKind.COUNTERARGUMENT
    support = next(r for r in m.relations if r.premises == ["analogy"])
    undercut = next(r for r in m.relations if r.premises == ["poor-reason"])
    assert undercut.kind == RelationKind.ATTACK and undercut.target == support.id
    assert any("became statements" in line for line in result.summary)


def test_premise_conclusion_structure_is_a_chain_of_linked_supports() -> None:
    m = read(
        '<Censorship wrong>: It violates a right. {source: "C1a"}\n\n'
        "(1) [Free speech]: Free speech is absolute.\n"
        "(2) Censorship violates free speech.\n"
        "--\n"
        "Modus ponens {uses: [1, 2]}\n"
        "--\n"
        "(3) Censorship is wrong.\n"
        "(4) What is wrong should be stopped.\n"
        "----\n"
        "(5) [Stop it]: Censorship should be stopped.\n"
        "  -> [Free speech]\n"
    )
    first, last = m.relations[0], m.relations[1]
    assert first.premises == ["free-speech", "censorship-violates-free-speech"]
    assert first.target == "censorship-is-wrong" and first.notes == "Inference rule: Modus ponens"
    assert last.id == "censorship-wrong"
    assert last.premises == ["censorship-is-wrong", "what-is-wrong-should-be-stopped"]
    assert last.target == "stop-it" and last.notes == "It violates a right."
    assert ("attack", ("stop-it",), "free-speech") in edges(m)


def test_relations_to_a_reconstructed_argument() -> None:
    result = loads_argdown(
        "<Arg>\n\n(1) [P]: p\n----\n(2) [C]: c\n\n"
        "[C]\n  <+ <Arg>\n\n"  # says again what the structure says
        "[X]: x\n  +> <Arg>\n  -> <Arg>\n"
    )
    m = result.map
    support, *_ = [r for r in m.relations if r.premises == ["x"] and r.kind == "support"]
    assert support.target == "c" and "supports the argument <Arg>" in support.notes
    attack = next(r for r in m.relations if r.kind == RelationKind.ATTACK)
    assert attack.target == "arg"  # an attack on an argument undercuts its inference
    assert len(m.relations) == 3
    assert any("kept once" in line for line in result.summary)


def test_comments_headings_and_front_matter() -> None:
    result = loads_argdown(
        "===\ntitle: Boats\nauthor: someone\n===\n"
        "// a line comment\n"
        "# Part one\n\n"
        "[A]: a /* inline */ text <!-- html\ncomment -->\n"
        "  + [B]: b // trailing\n\n"
        "## Quiet {isGroup: false}\n\n"
        "[C]: c\n\n"
        "Untitled prose is left out.\n"
    )
    m = result.map
    assert m.title == "Boats"
    assert [(n.id, n.text, n.tags) for n in m.nodes] == [
        ("a", "a text", ["Part one"]),
        ("b", "b", ["Part one"]),
        ("c", "c", ["Part one"]),
    ]
    assert result.summary[0] == "front matter (=== ... ===) ignored; its title was kept"
    assert "left out 1 untitled paragraph that take part in no relation" in result.summary[1]


def test_untitled_statement_with_the_text_of_a_titled_one_is_that_one() -> None:
    m = read("[Doom]: Society is doomed.\n\n<Arg>\n\n(1) p\n----\n(2) Society is doomed.\n")
    assert m.relations[0].target == "doom"
    assert len(m.nodes) == 2


def test_kind_from_data_or_tag() -> None:
    m = read('[A]: a #evidence\n  -> [B]: b {kind: "claim"}\n')
    assert m.node("a").kind == NodeKind.EVIDENCE and m.node("a").tags == []
    assert m.node("b").kind == NodeKind.CLAIM


@pytest.mark.parametrize(
    ("text", "place", "what"),
    [
        ("[A]: ok\n\n[B: broken\n", "line 3, column 1", "statement title opened with [ is never"),
        ("<A broken\n", "line 1, column 1", "argument title opened with < is never closed"),
        ("  + [B]: b\n", "line 1, column 3", "relation + has nothing to relate to"),
        ("[A]: a\n/* open\n", "line 2, column 1", "comment opened with /* is never closed"),
        ("===\ntitle: x\n", "line 1, column 1", "front matter opened with === is never closed"),
        ("<A>\n\n(1) p\n(2) q\n", "line 3, column 1", "without an inference line"),
        ("<A>\n\n(1) p\n----\n", "line 4, column 1", "has no conclusion below it"),
        ("[A]: a\n----\n", "line 2, column 1", "inference line outside a premise-conclusion"),
        ("<A>\n\n(1) p\n--\nrule\n(2) q\n", "line 4, column 1", "rule opened with -- is never"),
        ("[A]: a {b: [1, 2}\n", "line 1, column 17", "broken {data}"),
    ],
)
def test_syntax_errors_name_line_and_column(text: str, place: str, what: str) -> None:
    with pytest.raises(FileFormatError) as caught:
        loads_argdown(text, origin="map.argdown")
    message = str(caught.value)
    assert message.startswith(f"map.argdown: {place}: ")
    assert what in message
    assert "read fine)" in message or "(nothing could be read)" in message


def test_error_says_what_the_lines_above_hold() -> None:
    with pytest.raises(FileFormatError, match=r"\(2 statements, 0 arguments and 1 relation above"):
        loads_argdown("[A]: a\n  + [B]: b\n\n[C: broken\n")


def test_relation_written_by_argmap_as_attack_argument_reads_as_one_attack() -> None:
    m = read(
        '[T]: t {id: "t"}\n\n[P]: p {id: "p"}\n\n[Q]: q {id: "q"}\n\n'
        '<Objection 1>: {id: "r9", relation: "attack"}\n\n'
        "(1) [P]\n(2) [Q]\n----\n(3) Objection 1 speaks against @[T]\n  -> [T]\n"
    )
    assert [n.id for n in m.nodes] == ["t", "p", "q"]
    assert m.relations == [
        Relation(id="r9", kind=RelationKind.ATTACK, premises=["p", "q"], target="t")
    ]
