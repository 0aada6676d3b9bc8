"""A debate brief in Markdown: what a debater prints and takes into the room.

For each main claim (a claim that is no premise of anything): the reasons for it, each with
its quoted evidence and references, and the reasons behind those; then the counterarguments
(attacks on the claim, on its reasons, or on the inference from a named reason), each with
the evidence behind it and the rebuttals against it (with their own evidence, and the
counter-rebuttals), the ones without an answer flagged **Unanswered**. An index of sources,
one entry per work, closes it. Every level is a list item whose children are indented under
its text, so the nesting is the same everywhere. Optionally each statement carries its
verdict (``verdicts``: node id -> "stands", "falls" or "undecided").

Plain CommonMark (headings, lists, block quotes), so it reads the same printed, on GitHub or
in any Markdown viewer; every user string is escaped (see :mod:`argmap.io.brief_sources`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from argmap.io.atomic import write_atomic
from argmap.io.brief_sources import SourceIndex, brackets, md, quoted
from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind

__all__ = ["dumps_brief", "main_claims", "write_brief"]

#: How deep reasons for reasons (and rebuttals of rebuttals) are followed.
MAX_DEPTH = 3
UNANSWERED = "**Unanswered.**"


def main_claims(argument_map: ArgumentMap) -> list[Node]:
    """Claims that are premises of nothing; if there are none, every such statement."""
    premises = {p for r in argument_map.relations for p in r.premises}
    tops = [n for n in argument_map.nodes if n.id not in premises]
    claims = [n for n in tops if n.kind == NodeKind.CLAIM]
    return claims or tops


def _child(indent: str, marker: str) -> str:
    """The indentation of a list item's children: under its text, past the marker."""
    return indent + " " * (len(marker) + 1)


class _Brief:
    def __init__(self, argument_map: ArgumentMap, verdicts: Mapping[str, str] | None) -> None:
        self.map = argument_map
        self.nodes = argument_map.node_index()
        self.by_target: defaultdict[str, list[Relation]] = defaultdict(list)
        for relation in argument_map.relations:
            self.by_target[relation.target].append(relation)
        self.index = SourceIndex(argument_map)
        self.verdicts = verdicts
        self.lines: list[str] = []

    def supports(self, target: str) -> list[Relation]:
        return [r for r in self.by_target[target] if r.kind == RelationKind.SUPPORT]

    def attacks(self, target: str) -> list[Relation]:
        return [r for r in self.by_target[target] if r.kind == RelationKind.ATTACK]

    def verdict(self, node_id: str) -> str:
        word = self.verdicts.get(node_id) if self.verdicts is not None else None
        return f" — **{word}**" if word else ""

    def statement(self, node: Node) -> str:
        kind = " (evidence)" if node.kind == NodeKind.EVIDENCE else ""
        evidence = f" *{node.evidence_type.value.replace('_', ' ')}*" if node.evidence_type else ""
        refs = brackets(self.own_refs(node))
        return f"{md(node.text) or '(no text)'}{kind}{evidence}{refs}{self.verdict(node.id)}"

    def own_refs(self, node: Node) -> list[str]:
        """The node's citation; its anchored sources are cited on its quotes instead."""
        if node.anchors:
            own = self.index.citation_ref(node)
            return [own] if own else []
        return self.index.refs(node)

    def texts(self, relation: Relation) -> str:
        return "; and ".join(self.statement(self.nodes[p]) for p in relation.premises)

    def quotes(self, node: Node, indent: str) -> None:
        for anchor in node.anchors:
            ref = self.index.anchor_ref(anchor.source_id)
            self.lines.append(f"{indent}> {quoted(anchor.quote)}" + (f" [{ref}]" if ref else ""))
            self.lines.append("")

    def premises(self, relation: Relation, indent: str, depth: int, seen: set[str]) -> None:
        """Each premise of a relation with its evidence and, deeper, its own reasons."""
        for premise_id in relation.premises:
            node = self.nodes[premise_id]
            self.lines.append(f"{indent}- {self.statement(node)}")
            self.quotes(node, _child(indent, "-"))
            if depth < MAX_DEPTH and premise_id not in seen:
                self.reasons(premise_id, _child(indent, "-"), depth + 1, seen | {premise_id})

    def reasons(self, target: str, indent: str, depth: int, seen: set[str]) -> None:
        """The supports of ``target``: numbered under a claim, "Backed by" deeper down."""
        for number, relation in enumerate(self.supports(target), start=1):
            notes = ["linked premises"] if len(relation.premises) > 1 else []
            notes += [md(relation.scheme.replace("_", " "))] if relation.scheme else []
            how = f" ({'; '.join(notes)})" if notes else ""
            marker = f"{number}." if depth == 1 else "-"
            label = "Reason" if depth == 1 else "Backed by"
            self.lines.append(f"{indent}{marker} **{label}**{how}")
            self.premises(relation, _child(indent, marker), depth, seen)

    def reason_text(self, relation: Relation) -> str:
        return " + ".join(f"“{md(self.nodes[p].text)}”" for p in relation.premises)

    def objections(self, claim: Node) -> list[tuple[Relation, str]]:
        """Attacks on the claim, on the inferences to it, and on the premises of those."""
        found = [(r, "") for r in self.attacks(claim.id)]
        for support in self.supports(claim.id):
            reason = self.reason_text(support)
            found += [
                (r, f"against the step from the reason {reason} to the claim")
                for r in self.attacks(support.id)
            ]
            for premise in support.premises:
                text = self.nodes[premise].text
                found += [(r, f"against the reason “{md(text)}”") for r in self.attacks(premise)]
        return found

    def answers(self, relation: Relation) -> list[Relation]:
        """Attacks on an attack's premises, or on the attack itself (its inference)."""
        return [r for p in relation.premises for r in self.attacks(p)] + self.attacks(relation.id)

    def backing(self, relation: Relation, indent: str, depth: int) -> None:
        """The quotes and the reasons behind an attack's premises."""
        for premise in relation.premises:
            self.quotes(self.nodes[premise], indent)
            self.reasons(premise, indent, max(depth, 2), {premise})

    def counter(
        self, relation: Relation, aim: str, indent: str, marker: str, depth: int, label: str = ""
    ) -> None:
        """An objection (or a counter-rebuttal): flagged when unanswered, then what answers it."""
        answers = self.answers(relation)
        flag = "" if answers else f"{UNANSWERED} "
        where = f" *({aim})*" if aim else ""
        named = f"**{label}:** " if label else ""
        self.lines.append(f"{indent}{marker} {named}{flag}{self.texts(relation)}{where}")
        inner = _child(indent, marker)
        self.backing(relation, inner, depth + 2)
        for answer in answers:
            self.rebuttal(answer, inner, depth + 1)

    def rebuttal(self, relation: Relation, indent: str, depth: int) -> None:
        self.lines.append(f"{indent}- **Rebuttal:** {self.texts(relation)}")
        inner = _child(indent, "-")
        self.backing(relation, inner, depth + 2)
        if depth < MAX_DEPTH:
            for deeper in self.answers(relation):
                self.counter(deeper, "", inner, "-", depth + 1, "Counter-rebuttal")

    def claim(self, number: int, claim: Node) -> None:
        heading = f"{md(claim.text) or '(no text)'}{self.verdict(claim.id)}"
        self.lines += [f"## Claim {number}: {heading}", ""]
        self.quotes(claim, "")
        self.lines += ["### Reasons", ""]
        if not self.supports(claim.id):
            self.lines += ["*No reasons given in the map.*", ""]
        self.reasons(claim.id, "", 1, {claim.id})
        self.lines += ["", "### Counterarguments", ""]
        objections = self.objections(claim)
        if not objections:
            self.lines += ["*None in the map.*", ""]
        for number, (relation, aim) in enumerate(objections, start=1):
            self.counter(relation, aim, "", f"{number}.", 0)
            self.lines.append("")
        self.lines.append("")

    def render(self) -> str:
        title = self.map.title or "Debate brief"
        self.lines += [f"# {md(title)}", ""]
        if self.map.description.strip():
            self.lines += [md(self.map.description), ""]
        if self.verdicts is not None:
            self.lines += [
                "*Verdicts (grounded semantics, as `argmap evaluate` gives them): **stands**, "
                "**falls** or **undecided**, given everything in the map.*",
                "",
            ]
        claims = main_claims(self.map)
        if not claims:
            self.lines += ["*The map has no statements yet.*", ""]
        for number, claim in enumerate(claims, start=1):
            self.claim(number, claim)
        self.lines += ["## Index of sources", ""]
        if not self.index.entries:
            self.lines += ["*No sources cited.*", ""]
        self.lines += [f"{n}. {entry}" for n, entry in enumerate(self.index.entries, start=1)]
        text = "\n".join(self.lines)
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
        return text.strip() + "\n"


def dumps_brief(argument_map: ArgumentMap, verdicts: Mapping[str, str] | None = None) -> str:
    """The brief as Markdown text; ``verdicts`` (node id -> word) adds each statement's."""
    return _Brief(argument_map, verdicts).render()


def write_brief(
    argument_map: ArgumentMap, path: str | Path, verdicts: Mapping[str, str] | None = None
) -> None:
    """Write the brief, atomically."""
    write_atomic(path, dumps_brief(argument_map, verdicts).encode("utf-8"))
