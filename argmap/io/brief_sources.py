"""The sources the Markdown exports cite, one entry per work, and Markdown-safe text.

Every user string that reaches a Markdown export goes through :func:`md` (or :func:`link` for
an address), so a text cannot become a heading, a list, a link, an image or raw HTML when the
file is rendered. A node's citation and an anchored source that name the same work (the same
address, or the same title) share one number; the place in the work (a page, or a section
such as "Notes to editors") goes with the reference, ``[1, p. 4]``, not into the index.
"""

from __future__ import annotations

import re

from argmap.model import ArgumentMap, Citation, Node, SourceDocument

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_SAFE_URL = re.compile(r"(?i)(?:https?|ftp|mailto):[^\s<>\\`]+")
_PAGES = re.compile(r"(?i)(?:pp?\.?\s*)?([\divxlcdm]+)(?:\s*[-–]\s*([\divxlcdm]+))?")
#: Quote marks a quote may already start or end with (they are not doubled when wrapped).
_QUOTE_MARKS = '“”"„«»'


def md(text: str) -> str:
    """Plain text made safe inside a Markdown paragraph (one line)."""
    flat = " ".join(text.split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
    if escaped[:1] in ("#", "+", "-", "=", ">"):
        return "\\" + escaped
    # "1. text" at the start of a line would become a numbered list.
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped)


def link(url: str) -> str:
    """An address as a Markdown autolink when it is a plain web address, else as text."""
    address = url.strip()
    return f"<{address}>" if _SAFE_URL.fullmatch(address) else md(address)


def quoted(quote: str) -> str:
    """A quote in curly marks, Markdown-safe, without doubling marks it already has."""
    return f"“{md(' '.join(quote.split()).strip(_QUOTE_MARKS + ' '))}”"


def place(page: str) -> str:
    """``p. 4``, ``pp. 4–5``, or a named place as it is (``Notes to editors``)."""
    match = _PAGES.fullmatch(page.strip())
    if match is None:
        return md(page)
    first, last = match.groups()
    return f"pp. {first}–{last}" if last else f"p. {first}"


def source_citation(source: SourceDocument) -> str:
    """A source document as a full citation: title, publisher, date, address."""
    parts = [f"*{md(source.title)}*" if source.title else f"Source {md(source.id)}"]
    parts += [md(p) for p in (source.publisher, source.date) if p]
    text = ". ".join(parts) + "."
    return f"{text} {link(source.url)}" if source.url else text


def node_citation(citation: Citation) -> str:
    """A node's citation in full (without the place in the work): author, title, publisher..."""
    parts = [md(citation.author)] if citation.author else []
    if citation.title:
        parts.append(f"*{md(citation.title)}*")
    parts += [md(p) for p in (citation.publisher, citation.date) if p]
    text = ". ".join(parts) + "." if parts else ""
    if citation.url:
        text = f"{text} {link(citation.url)}".strip()
    return text


def _work(title: str | None, url: str | None) -> str | None:
    """What identifies a work across citations: its address, else its title."""
    if url and url.strip():
        return "url:" + url.strip().lower().rstrip("/")
    if title and title.strip():
        return "title:" + " ".join(title.lower().split())
    return None


class SourceIndex:
    """Numbers each distinct work the first time an export cites it."""

    def __init__(self, argument_map: ArgumentMap) -> None:
        self.sources = {s.id: s for s in argument_map.sources}
        self.entries: list[str] = []
        self._numbers: dict[str, int] = {}
        self._by_work: dict[str, SourceDocument] = {}
        for source in argument_map.sources:
            for key in (_work(None, source.url), _work(source.title, None)):
                if key is not None:
                    self._by_work.setdefault(key, source)

    def number(self, entry: str, key: str | None = None) -> int:
        key = key or "entry:" + entry
        if key not in self._numbers:
            self.entries.append(entry)
            self._numbers[key] = len(self.entries)
        return self._numbers[key]

    def _source_number(self, source: SourceDocument) -> int:
        return self.number(source_citation(source), "source:" + source.id)

    def citation_ref(self, node: Node) -> str | None:
        """``1`` or ``1, p. 4``: the reference for the node's own citation, if it has one."""
        found = self._citation(node)
        return found[1] if found is not None else None

    def _citation(self, node: Node) -> tuple[int | None, str] | None:
        citation = node.citation
        if citation is None or citation.is_empty():
            return None
        keys = (_work(None, citation.url), _work(citation.title, None))
        source = next(
            (self._by_work[k] for k in keys if k is not None and k in self._by_work), None
        )
        if source is not None:
            number = self._source_number(source)
        elif citation.title or citation.url or citation.author:
            number = self.number(node_citation(citation), _work(citation.title, citation.url))
        else:  # only a place: it belongs to the work the node's quotes come from
            anchored = [
                self.sources[a.source_id] for a in node.anchors if a.source_id in self.sources
            ]
            if not anchored:
                return None, place(citation.page or "")
            number = self._source_number(anchored[0])
        label = f"{number}, {place(citation.page)}" if citation.page else str(number)
        return number, label

    def refs(self, node: Node) -> list[str]:
        """The references for everything ``node`` cites: its citation, its anchors' sources.

        A work is referred to once: an anchor into the work the citation names adds nothing.
        """
        labels: list[str] = []
        numbers: set[int] = set()
        own = self._citation(node)
        if own is not None:
            if own[0] is not None:
                numbers.add(own[0])
            labels.append(own[1])
        for anchor in node.anchors:
            number = self.anchor_ref(anchor.source_id)
            if number is not None and number not in numbers:
                numbers.add(number)
                labels.append(str(number))
        return labels

    def anchor_ref(self, source_id: str) -> int | None:
        source = self.sources.get(source_id)
        return self._source_number(source) if source is not None else None


def brackets(labels: list[str]) -> str:
    """`` [1, p. 4] [2]``: references after a text (empty when there are none)."""
    return "".join(f" [{label}]" for label in labels)
