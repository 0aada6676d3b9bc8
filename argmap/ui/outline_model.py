"""The map as a tree for the outline: main claims, then what supports and attacks each.

Pure Python (no Qt), so the shape of the outline is tested on its own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind

#: Roots are listed claims first, then objections, then evidence.
_ROOT_ORDER = {NodeKind.CLAIM: 0, NodeKind.COUNTERARGUMENT: 1, NodeKind.EVIDENCE: 2}


@dataclass
class OutlineEntry:
    """One row: a node (``node`` set) or a linked argument / relation (``relation`` set)."""

    item_id: str
    node: Node | None = None
    relation: Relation | None = None
    #: How this row relates to its parent row (None for a root).
    via: RelationKind | None = None
    undercut: bool = False
    children: list[OutlineEntry] = field(default_factory=list)


def outline(argument_map: ArgumentMap) -> list[OutlineEntry]:
    """The roots of the outline, each with what supports and attacks it, recursively.

    Roots are the nodes that are no relation's premise; nodes only reachable around a cycle
    become roots too, so every node appears at least once. A node that appears again below
    itself is shown but not expanded again.
    """
    builder = _Builder(argument_map)
    premises = {p for relation in argument_map.relations for p in relation.premises}
    roots = [n for n in argument_map.nodes if n.id not in premises]
    roots.sort(key=lambda n: _ROOT_ORDER[n.kind])
    entries = [builder.node_entry(n, None, frozenset()) for n in roots]
    for node in argument_map.nodes:
        if node.id not in builder.seen:
            entries.append(builder.node_entry(node, None, frozenset()))
    return entries


class _Builder:
    def __init__(self, argument_map: ArgumentMap) -> None:
        self.nodes = argument_map.node_index()
        self.by_target: dict[str, list[Relation]] = defaultdict(list)
        for relation in argument_map.relations:
            self.by_target[relation.target].append(relation)
        self.seen: set[str] = set()

    def node_entry(
        self, node: Node, via: RelationKind | None, path: frozenset[str], undercut: bool = False
    ) -> OutlineEntry:
        self.seen.add(node.id)
        entry = OutlineEntry(node.id, node=node, via=via, undercut=undercut)
        if node.id not in path:
            entry.children = self.reasons(node.id, path | {node.id})
        return entry

    def reasons(self, target: str, path: frozenset[str]) -> list[OutlineEntry]:
        """Rows for every relation into ``target``: supports first, then attacks."""
        relations = sorted(self.by_target.get(target, []), key=lambda r: r.kind != "support")
        return [self.relation_entry(relation, path) for relation in relations]

    def relation_entry(self, relation: Relation, path: frozenset[str]) -> OutlineEntry:
        undercut = relation.target not in self.nodes
        premises = [self.nodes[p] for p in relation.premises if p in self.nodes]
        undercuts = self.reasons(relation.id, path | {relation.id})
        if len(premises) == 1:
            entry = self.node_entry(premises[0], relation.kind, path, undercut)
            entry.relation = relation
            entry.children += undercuts
            return entry
        # A linked argument: one row for the inference, its co-premises below it.
        entry = OutlineEntry(relation.id, relation=relation, via=relation.kind, undercut=undercut)
        entry.children = [self.node_entry(p, None, path) for p in premises] + undercuts
        return entry
