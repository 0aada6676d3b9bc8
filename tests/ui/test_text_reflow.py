"""Joining a hard-wrapped source text's lines for reading, one character for one."""

from __future__ import annotations

from argmap.io import native
from argmap.resources import DEFAULT_MAP
from argmap.ui.text_reflow import reflow


def release() -> str:
    return native.load(DEFAULT_MAP).map.sources[0].text


def assert_only_breaks_became_spaces(original: str, shown: str) -> None:
    assert len(shown) == len(original)  # every anchor offset means the same character
    for before, after in zip(original, shown, strict=True):
        assert before == after or (before, after) == ("\n", " ")


def test_the_release_reads_as_sentences_with_its_bullets_and_paragraphs_kept() -> None:
    text = release()
    shown = reflow(text)
    assert_only_breaks_became_spaces(text, shown)
    assert "will be able to respond\nby posting" in text
    assert "will be able to respond by posting more security forces" in shown
    lines = shown.split("\n")
    assert "- Deploying more cutting-edge technology to target criminal people smugglers" in lines
    assert "Home Secretary said:" in lines  # a line introducing a quote stays one
    assert "Notes to editors" in lines  # a heading before a capital stays one
    assert len(lines) < len(text.split("\n")) / 2


def test_meant_breaks_are_kept() -> None:
    text = (
        "A long line of prose that was wrapped by the\n"
        "mail program in the middle of its sentence, as\n"
        "mail programs do at seventy characters or so.\n"
        "\n"
        "Short heading\n"
        "Another long line of prose that goes on and on\n"
        "and ends here.\n"
        "* a bullet\n"
        "* another bullet\r\n"
        "last line"
    )
    shown = reflow(text)
    assert_only_breaks_became_spaces(text, shown)
    assert shown.split("\n") == [
        "A long line of prose that was wrapped by the mail program in the middle of its sentence,"
        " as mail programs do at seventy characters or so.",
        "",
        "Short heading",
        "Another long line of prose that goes on and on and ends here.",
        "* a bullet",
        "* another bullet\r",
        "last line",
    ]


def test_short_texts_are_left_alone() -> None:
    assert reflow("") == ""
    assert reflow("one line") == "one line"
    assert reflow("two\nlines") == "two\nlines"
