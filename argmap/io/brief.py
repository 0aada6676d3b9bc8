"""A debate brief in Markdown: what a debater prints and takes into the room.

For each main claim (a claim that is no premise of anything): the reasons for it, each with
its quoted evidence and numbered references, and the reasons behind those; then the
counterarguments (attacks on the claim, on its reasons, or on the inference from a reason),
each with the rebuttals against it, the ones without any flagged **Unanswered**. An index of
sources with full citations closes it. Plain CommonMark (headings, lists, block quotes), so
it reads the same printed, on GitHub or in any Markdown viewer.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from argmap.io.atomic import write_atomic
from argmap.io.brief_sources import SourceIndex, md
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


class _Brief:
    def __init__(self, argument_map: ArgumentMap) -> None:
        self.map = argument_map
        self.nodes = argument_map.node_index()
        self.by_target: defaultdict[str, list[Relation]] = defaultdict(list)
        for relation in argument_map.relations:
            self.by_target[relation.target].append(relation)
        self.index = SourceIndex(argument_map)
        self.lines: list[str] = []

    def supports(self, target: str) -> list[Relation]:
        return [r for r in self.by_target[target] if r.kind == RelationKind.SUPPORT]

    def attacks(self, target: str) -> list[Relation]:
        return [r for r in self.by_target[target] if r.kind == RelationKind.ATTACK]

    def statement(self, node: Node, indent: str) -> str:
        refs = "".join(f" [{n}]" for n in self.index.refs(node))
        kind = " (evidence)" if node.kind == NodeKind.EVIDENCE else ""
        evidence = f" *{node.evidence_type.value.replace('_', ' ')}*" if node.evidence_type else ""
        return f"{md(node.text) or '(no text)'}{kind}{evidence}{refs}"

    def quotes(self, node: Node, indent: str) -> None:
        for anchor in node.anchors:
            ref = self.index.anchor_ref(anchor.source_id)
            quote = " ".join(anchor.quote.split())
            self.lines.append(f"{indent}> “{md(quote)}”" + (f" [{ref}]" if ref else ""))
            self.lines.append("")

    def premises(self, relation: Relation, indent: str, depth: int, seen: set[str]) -> None:
        """Each premise of a relation with its evidence and, deeper, its own reasons."""
        for premise_id in relation.premises:
            node = self.nodes[premise_id]
            self.lines.append(f"{indent}- {self.statement(node, indent)}")
            self.quotes(node, indent + "  ")
            if depth < MAX_DEPTH and premise_id not in seen:
                self.reasons(premise_id, indent + "  ", depth + 1, seen | {premise_id}, "Backed by")

    def reasons(self, target: str, indent: str, depth: int, seen: set[str], label: str) -> None:
        for number, relation in enumerate(self.supports(target), start=1):
            notes = ["linked premises"] if len(relation.premises) > 1 else []
            notes += [relation.scheme.replace("_", " ")] if relation.scheme else []
            how = f" ({'; '.join(notes)})" if notes else ""
            bullet = f"{number}." if depth == 1 else "-"
            self.lines.append(f"{indent}{bullet} **{label}**{how}")
            self.premises(relation, indent + " " * (len(bullet) + 1), depth, seen)

    def objections(self, claim: Node) -> list[tuple[Relation, str]]:
        """Attacks on the claim, on the inferences to it, and on the premises of those."""
        found = [(r, "") for r in self.attacks(claim.id)]
        for support in self.supports(claim.id):
            found += [
                (r, "against the inference from its reason") for r in self.attacks(support.id)
            ]
            for premise in support.premises:
                text = self.nodes[premise].text
                found += [(r, f"against the reason “{md(text)}”") for r in self.attacks(premise)]
        return found

    def counter(self, relation: Relation, aim: str, depth: int, indent: str, number: int) -> None:
        rebuttals = [r for p in relation.premises for r in self.attacks(p)]
        rebuttals += self.attacks(relation.id)
        flag = "" if rebuttals else f"{UNANSWERED} "
        where = f" *({aim})*" if aim else ""
        texts = "; and ".join(self.statement(self.nodes[p], indent) for p in relation.premises)
        self.lines.append(f"{indent}{f'{number}.' if depth == 0 else '-'} {flag}{texts}{where}")
        for premise in relation.premises:
            self.quotes(self.nodes[premise], indent + "   ")
        for rebuttal in rebuttals:
            self.lines.append(f"{indent}   - *Rebuttal:*")
            self.premises(rebuttal, indent + "     ", MAX_DEPTH, set())
            if depth < MAX_DEPTH:
                for deeper in [r for p in rebuttal.premises for r in self.attacks(p)]:
                    self.counter(deeper, "against this rebuttal", depth + 1, indent + "     ", 0)

    def claim(self, number: int, claim: Node) -> None:
        self.lines += [f"## Claim {number}: {md(claim.text) or '(no text)'}", ""]
        self.quotes(claim, "")
        self.lines += ["### Reasons", ""]
        if not self.supports(claim.id):
            self.lines += ["*No reasons given in the map.*", ""]
        self.reasons(claim.id, "", 1, {claim.id}, "Reason")
        self.lines += ["", "### Counterarguments", ""]
        objections = self.objections(claim)
        if not objections:
            self.lines += ["*None in the map.*", ""]
        for number, (relation, aim) in enumerate(objections, start=1):
            self.counter(relation, aim, 0, "", number)
        self.lines.append("")

    def render(self) -> str:
        title = self.map.title or "Debate brief"
        self.lines += [f"# {md(title)}", ""]
        if self.map.description.strip():
            self.lines += [md(self.map.description), ""]
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


def dumps_brief(argument_map: ArgumentMap) -> str:
    """The brief as Markdown text."""
    return _Brief(argument_map).render()


def write_brief(argument_map: ArgumentMap, path: str | Path) -> None:
    """Write the brief, atomically."""
    write_atomic(path, dumps_brief(argument_map).encode("utf-8"))
