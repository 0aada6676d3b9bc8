"""The sources a debate brief cites, numbered in order of first use, with full citations."""

from __future__ import annotations

import re

from argmap.model import ArgumentMap, Citation, Node, SourceDocument

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: str) -> str:
    """Plain text made safe inside a Markdown paragraph (one line)."""
    flat = " ".join(text.split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
    if escaped[:1] in ("#", "+", "-", "=", ">"):
        return "\\" + escaped
    # "1. text" at the start of a line would become a numbered list.
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped)


def source_citation(source: SourceDocument) -> str:
    """A source document as a full citation: title, publisher, date, address."""
    parts = [f"*{md(source.title)}*" if source.title else f"Source {md(source.id)}"]
    parts += [md(p) for p in (source.publisher, source.date) if p]
    text = ". ".join(parts) + "."
    return f"{text} <{source.url}>" if source.url else text


def node_citation(citation: Citation) -> str:
    """A node's citation in full: author, title, publisher, date, page, address."""
    parts = [md(citation.author)] if citation.author else []
    if citation.title:
        parts.append(f"*{md(citation.title)}*")
    parts += [md(p) for p in (citation.publisher, citation.date) if p]
    if citation.page:
        parts.append(f"p. {md(citation.page)}")
    text = ". ".join(parts) + "." if parts else ""
    if citation.url:
        text = f"{text} <{citation.url}>".strip()
    return text


class SourceIndex:
    """Numbers each distinct citation the first time the brief uses it."""

    def __init__(self, argument_map: ArgumentMap) -> None:
        self.sources = {s.id: s for s in argument_map.sources}
        self.entries: list[str] = []

    def number(self, entry: str) -> int:
        if entry not in self.entries:
            self.entries.append(entry)
        return self.entries.index(entry) + 1

    def refs(self, node: Node) -> list[int]:
        """The numbers of everything ``node`` cites: its citation and its anchors' sources."""
        numbers = []
        if node.citation is not None and not node.citation.is_empty():
            numbers.append(self.number(node_citation(node.citation)))
        for anchor in node.anchors:
            source = self.sources.get(anchor.source_id)
            if source is not None:
                numbers.append(self.number(source_citation(source)))
        return list(dict.fromkeys(numbers))

    def anchor_ref(self, source_id: str) -> int | None:
        source = self.sources.get(source_id)
        return self.number(source_citation(source)) if source is not None else None
