"""Reading TGF frameworks and their answer files in every form the corpus uses (tgf.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis.errors import FrameworkError
from argmap.analysis.tgf import corpus_cases, parse_answer, parse_tgf


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a b\na b c\n", [{"a", "b"}, {"a", "b", "c"}]),
        ("[a1,a2]\n[a3]", [{"a1", "a2"}, {"a3"}]),
        ("[[a, b],[c]]", [{"a", "b"}, {"c"}]),
        ("[]", [set()]),
        ("", [set()]),
        ("a1 a2 a5 a6", [{"a1", "a2", "a5", "a6"}]),
    ],
)
def test_answer_files_in_each_form(text: str, expected: list[set[str]]) -> None:
    assert [set(e) for e in parse_answer(text)] == expected


def test_tgf_with_labels_and_blank_lines() -> None:
    framework = parse_tgf("1 first\n\n2 second\n#\n1 2\n")
    assert framework.arguments == ("1", "2")
    assert framework.attacks == (("1", "2"),)


def test_bad_tgf_names_the_place() -> None:
    with pytest.raises(FrameworkError, match="line 4"):
        parse_tgf("a\nb\n#\na\n", "f.tgf")
    with pytest.raises(FrameworkError, match="'c', which is not an argument"):
        parse_tgf("a\n#\na c\n", "f.tgf")


def test_corpus_cases_pair_files_and_read_the_semantics(tmp_path: Path) -> None:
    (tmp_path / "stable7.tgf").write_text("a\n#\n", encoding="utf-8")
    (tmp_path / "stable7answer").write_text("a", encoding="utf-8")
    (tmp_path / "lonely.tgf").write_text("a\n#\n", encoding="utf-8")
    cases = corpus_cases(tmp_path)
    assert [(c.name, c.semantics) for c in cases] == [("stable7", "stable")]
