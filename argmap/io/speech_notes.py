"""Speaking notes in Markdown: the map in speech order, ready to rehearse.

Each step gives its role in the speech (the motion, a reason, evidence, an objection the other
bench will raise, an answer), its text, its quoted evidence with numbered citations, and the
user's notes; an index of sources closes it. The order is
:func:`argmap.debate.speech.speech_order` (kept by the user or derived from the map).
"""

from __future__ import annotations

from pathlib import Path

from argmap.debate.roles import step_roles
from argmap.debate.sides import motion_of
from argmap.debate.speech import speech_order
from argmap.io.atomic import write_atomic
from argmap.io.brief_sources import SourceIndex, md, quoted
from argmap.model import ArgumentMap, Node

__all__ = ["dumps_speech", "quoted_lines", "write_speech"]


def quoted_lines(node: Node, index: SourceIndex, indent: str = "") -> list[str]:
    """The node's quotes as block quotes with citation numbers, and its own citation."""
    lines: list[str] = []
    for anchor in node.anchors:
        ref = index.anchor_ref(anchor.source_id)
        lines += [f"{indent}> {quoted(anchor.quote)}" + (f" [{ref}]" if ref else ""), ""]
    refs = index.refs(node)
    if refs and not node.anchors:
        lines += [f"{indent}Source: " + " ".join(f"[{n}]" for n in refs), ""]
    return lines


def dumps_speech(argument_map: ArgumentMap, motion: str | None = None) -> str:
    """The speaking notes as Markdown text."""
    chosen = motion_of(argument_map, motion)
    nodes = argument_map.node_index()
    index = SourceIndex(argument_map)
    title = md(argument_map.title) or "Speaking notes"
    lines = [f"# Speaking notes: {title}", "", f"**Motion:** {md(nodes[chosen].text)}", ""]
    steps = speech_order(argument_map, chosen)
    roles = step_roles(argument_map, steps)
    for number, step in enumerate(steps, start=1):
        node = nodes[step]
        role = roles[step]
        lines += [f"## {number}. {role}", "", md(node.text) or "*(no text)*", ""]
        lines += quoted_lines(node, index)
        if node.notes.strip():
            lines += [f"*Notes:* {md(node.notes)}", ""]
    lines += ["## Index of sources", ""]
    lines += [f"{n}. {entry}" for n, entry in enumerate(index.entries, start=1)] or [
        "*No sources cited.*"
    ]
    return "\n".join(lines).rstrip() + "\n"


def write_speech(argument_map: ArgumentMap, path: str | Path) -> None:
    """Write the speaking notes, atomically."""
    write_atomic(path, dumps_speech(argument_map).encode("utf-8"))
