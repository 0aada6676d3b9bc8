"""Quoting statements in explanations and messages: short, on one line, in single quotes."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from argmap.model import Node

__all__ = ["quote", "quote_all", "shorten"]


@lru_cache(maxsize=1 << 16)  # the checklist quotes every statement after each edit
def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line, without a final full stop, cut at a word to ``limit`` characters.

    >>> shorten("French patrols will only displace crossings.")
    'French patrols will only displace crossings'
    >>> shorten("one two three four", limit=12)
    'one two…'
    """
    flat = " ".join(text.split()).rstrip(".;:,")
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def quote(node: Node, limit: int = 60) -> str:
    """The node's text, shortened and quoted (its id when it has no text)."""
    return f"'{shorten(node.text, limit) or node.id}'"


def quote_all(nodes: Iterable[Node], limit: int = 60) -> str:
    """Quoted texts joined as in a sentence: 'a', 'b' and 'c'."""
    quoted = [quote(node, limit) for node in nodes]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]
