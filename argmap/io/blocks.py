"""Blocks in Markdown: for every objection the other bench can raise, the prepared answers.

An objection is a statement in an opposition column of the flow sheet (it attacks the case,
or an answer to an earlier objection). Each block names the objection, what it attacks, then
each answer with its evidence, quotes and citations. Unanswered objections come first, under
their own heading: they are the work still to do.
"""

from __future__ import annotations

from pathlib import Path

from argmap.debate.flow import flow_sheet
from argmap.debate.sides import motion_of
from argmap.debate.speech import speech_order
from argmap.debate.structure import Bearing
from argmap.io.atomic import write_atomic
from argmap.io.brief_sources import SourceIndex, md
from argmap.io.speech_notes import quoted_lines
from argmap.model import ArgumentMap, Node

__all__ = ["dumps_blocks", "write_blocks"]


class _Blocks:
    def __init__(self, argument_map: ArgumentMap, motion: str) -> None:
        self.nodes = argument_map.node_index()
        self.bearing = Bearing.of(argument_map)
        self.index = SourceIndex(argument_map)
        self.lines: list[str] = []

    def answers(self, objection: str) -> list[str]:
        found = [p for r in self.bearing.attacks[objection] for p in r.premises]
        return list(dict.fromkeys(found))

    def targets(self, objection: str) -> list[Node]:
        hit = [
            self.nodes[target]
            for target, relations in self.bearing.attacks.items()
            if any(objection in r.premises for r in relations)
        ]
        return hit

    def evidence(self, node_id: str, indent: str, depth: int = 0) -> None:
        for relation in self.bearing.supports[node_id]:
            for premise in relation.premises:
                node = self.nodes[premise]
                self.lines.append(f"{indent}- *Backed by:* {md(node.text) or '(no text)'}")
                self.lines += quoted_lines(node, self.index, indent + "  ")
                if depth < 2:
                    self.evidence(premise, indent + "  ", depth + 1)

    def block(self, objection: str) -> None:
        node = self.nodes[objection]
        self.lines += [f"### {md(node.text) or '(no text)'}", ""]
        aims = "; ".join(md(target.text) for target in self.targets(objection))
        if aims:
            self.lines += [f"*Against:* {aims}", ""]
        answers = self.answers(objection)
        if not answers:
            self.lines += ["**Unanswered.** Prepare an answer.", ""]
        for number, answer_id in enumerate(answers, start=1):
            answer = self.nodes[answer_id]
            self.lines.append(f"{number}. **Answer:** {md(answer.text) or '(no text)'}")
            self.lines += quoted_lines(answer, self.index, "   ")
            self.evidence(answer_id, "   ")
        self.lines.append("")


def dumps_blocks(argument_map: ArgumentMap, motion: str | None = None) -> str:
    """The blocks as Markdown text."""
    chosen = motion_of(argument_map, motion)
    sheet = flow_sheet(argument_map, chosen)
    blocks = _Blocks(argument_map, chosen)
    objections = [
        step
        for step in speech_order(argument_map, chosen)
        if step in sheet.cells and sheet.cells[step].column % 2 == 1
    ]
    open_ones = [o for o in objections if not blocks.answers(o)]
    answered = [o for o in objections if blocks.answers(o)]
    title = md(argument_map.title) or "Blocks"
    blocks.lines += [f"# Blocks: {title}", "", f"**Motion:** {md(blocks.nodes[chosen].text)}", ""]
    blocks.lines += [f"## Unanswered objections ({len(open_ones)})", ""]
    if not open_ones:
        blocks.lines += ["*Every objection in the map has an answer.*", ""]
    for objection in open_ones:
        blocks.block(objection)
    blocks.lines += [f"## Prepared answers ({len(answered)})", ""]
    for objection in answered:
        blocks.block(objection)
    blocks.lines += ["## Index of sources", ""]
    blocks.lines += [f"{n}. {e}" for n, e in enumerate(blocks.index.entries, start=1)] or [
        "*No sources cited.*"
    ]
    text = "\n".join(blocks.lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.rstrip() + "\n"


def write_blocks(argument_map: ArgumentMap, path: str | Path) -> None:
    """Write the blocks, atomically."""
    write_atomic(path, dumps_blocks(argument_map).encode("utf-8"))
