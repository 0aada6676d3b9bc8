"""Every user string in every Markdown export is escaped: nothing becomes HTML, a heading, a
list, a link or an image when the file is rendered."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from argmap.io.blocks import dumps_blocks
from argmap.io.brief import dumps_brief
from argmap.io.brief_sources import link, md, place
from argmap.io.speech_notes import dumps_speech
from argmap.model import (
    ArgumentMap,
    Citation,
    Debate,
    Node,
    Relation,
    SourceDocument,
    TextAnchor,
)

IMG = '<img src=x onerror="alert(1)">'
TEXT = f"{IMG} said [a](javascript:alert(1)) and ![i](http://x/i.png)"


def hostile_map() -> ArgumentMap:
    nodes = [
        Node(id="claim", kind="claim", text=f"# Injected heading {IMG}"),
        Node(
            id="ev",
            kind="evidence",
            text="1. not a list item",
            notes=f"notes {IMG}\n\n## Injected\n- item",
            anchors=[TextAnchor.of("s1", TEXT, 0, len(IMG))],
            citation=Citation(
                title=f"*T* {IMG}",
                author="[A](http://evil)",
                publisher="`P`",
                url='javascript:alert(1)"><script>',
                page="<b>4</b>",
            ),
        ),
        Node(id="obj", kind="counterargument", text=f"- dash {IMG}"),
    ]
    relations = [
        Relation(id="r1", kind="support", premises=["ev"], target="claim", scheme=f"x_{IMG}"),
        Relation(id="r2", kind="attack", premises=["obj"], target="claim"),
    ]
    source = SourceDocument(
        id="s1", title=f"Src {IMG}", publisher="> quoted", url="http://ok> <img>", text=TEXT
    )
    return ArgumentMap(
        title=f"# Title {IMG}",
        description=f"=== {IMG}",
        sources=[source],
        nodes=nodes,
        relations=relations,
        debate=Debate(motion="claim"),
    )


EXPORTS: dict[str, Callable[[ArgumentMap], str]] = {
    "brief": dumps_brief,
    "speech": dumps_speech,
    "blocks": dumps_blocks,
}


@pytest.mark.parametrize("name", EXPORTS)
def test_no_user_string_becomes_markup(name: str) -> None:
    text = EXPORTS[name](hostile_map())
    assert "<img" not in text.replace("\\<img", "")
    assert "<script" not in text.replace("\\<script", "")
    assert "<javascript" not in text and "<http://ok>" not in text
    assert not re.search(r"(?<!\\)\]\(", text)  # no live [text](link) or ![img](src)
    for line in text.splitlines():
        body = line.lstrip()
        assert not body.startswith(("# Injected", "## Injected", "#Injected")), line
        assert not body.startswith("- item"), line
        if body.startswith("#"):
            assert re.match(r"#+ ", body) and "\\#" not in body[:3], line


def test_md_escapes_block_starts_and_inline_markup() -> None:
    assert md("# x") == "\\# x"
    assert md("1. x") == "1\\. x"
    assert md("> x") == "\\> x"
    assert md("a *b* _c_ `d` [e] <f> ~g~ |h|") == (
        "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\] \\<f\\> \\~g\\~ \\|h\\|"
    )


def test_only_plain_web_addresses_become_links() -> None:
    assert link("https://www.gov.uk/x?a=1") == "<https://www.gov.uk/x?a=1>"
    assert link("javascript:alert(1)") == "javascript:alert(1)"
    assert link("http://a> <img>") == "http://a\\> \\<img\\>"


def test_places_are_escaped_too() -> None:
    assert place("<b>4</b>") == "\\<b\\>4\\</b\\>"
    assert place("4") == "p. 4"
