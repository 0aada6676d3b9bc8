"""The map as a tree for the outline: main claims, then what supports and attacks each.

Pure Python (no Qt), so the shape of the outline is tested on its own. The rows are built from
a :class:`Shape` (the nodes by id and the relations into each target): :func:`outline` reads
one made from the whole map; the panel reads one kept in step with the published changes
(:mod:`argmap.ui.outline_index`) and rebuilds only the rows below what changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind

#: Roots are listed claims first, then objections, then evidence.
ROOT_ORDER = {NodeKind.CLAIM: 0, NodeKind.COUNTERARGUMENT: 1, NodeKind.EVIDENCE: 2}


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
    #: The id this row adds to the path its own rows are built with: the node or relation
    #: whose reasons it is one of (None for a root and for a linked argument's co-premise).
    step: str | None = None
    #: Whether a node row lists its node's reasons (not when it is shown again below itself).
    opened: bool = False


class Shape(Protocol):
    """What the outline reads of a map."""

    def node(self, node_id: str) -> Node | None:
        """The node with this id, or None."""
        ...

    def into(self, target: str) -> Sequence[Relation]:
        """The relations into ``target`` (a node or a relation), in the map's order."""
        ...


class MapShape:
    """A :class:`Shape` read from the whole map at once."""

    def __init__(self, argument_map: ArgumentMap) -> None:
        self.nodes = argument_map.node_index()
        self.by_target: dict[str, list[Relation]] = defaultdict(list)
        for relation in argument_map.relations:
            self.by_target[relation.target].append(relation)

    def node(self, node_id: str) -> Node | None:
        return self.nodes.get(node_id)

    def into(self, target: str) -> Sequence[Relation]:
        return self.by_target.get(target, ())


def root_nodes(argument_map: ArgumentMap) -> list[Node]:
    """The nodes that are no relation's premise: claims first, then objections, then evidence."""
    premises = {p for relation in argument_map.relations for p in relation.premises}
    roots = [n for n in argument_map.nodes if n.id not in premises]
    roots.sort(key=lambda n: ROOT_ORDER[n.kind])
    return roots


def outline(argument_map: ArgumentMap) -> list[OutlineEntry]:
    """The roots of the outline, each with what supports and attacks it, recursively.

    Roots are the nodes that are no relation's premise; nodes only reachable around a cycle
    become roots too, so every node appears at least once. A node that appears again below
    itself is shown but not expanded again.
    """
    return build(MapShape(argument_map), root_nodes(argument_map), argument_map.nodes)[0]


def build(
    shape: Shape, roots: Iterable[Node], nodes: Iterable[Node]
) -> tuple[list[OutlineEntry], bool]:
    """The outline from ``roots``, then from each of ``nodes`` no root reaches (in a cycle);
    and whether the roots alone reached every node."""
    builder = Builder(shape)
    entries = [builder.node_entry(n, None, frozenset()) for n in roots]
    complete = True
    for node in nodes:
        if node.id not in builder.seen:
            complete = False
            entries.append(builder.node_entry(node, None, frozenset()))
    return entries, complete


#: What a row's child is built from: a relation into what the row shows, or a co-premise.
Source = Relation | Node


class Builder:
    """Builds rows, whole or (for the panel's refreshes) one level at a time."""

    def __init__(self, shape: Shape) -> None:
        self.shape = shape
        self.seen: set[str] = set()

    def node_entry(
        self, node: Node, via: RelationKind | None, path: frozenset[str], undercut: bool = False
    ) -> OutlineEntry:
        self.seen.add(node.id)
        entry = OutlineEntry(node.id, node=node, via=via, undercut=undercut)
        if node.id not in path:
            entry.opened = True
            entry.children = self.reasons(node.id, path | {node.id})
        return entry

    def sorted_into(self, target: str) -> list[Relation]:
        """The relations into ``target`` as listed: supports first, then attacks."""
        return sorted(self.shape.into(target), key=lambda r: r.kind != "support")

    def reasons(self, target: str, path: frozenset[str]) -> list[OutlineEntry]:
        """Rows for every relation into ``target``: supports first, then attacks."""
        entries = [self.relation_entry(relation, path) for relation in self.sorted_into(target)]
        for entry in entries:
            entry.step = target
        return entries

    def _premises(self, relation: Relation) -> list[Node]:
        return [n for n in map(self.shape.node, relation.premises) if n is not None]

    def relation_entry(self, relation: Relation, path: frozenset[str]) -> OutlineEntry:
        undercut = self.shape.node(relation.target) is None
        premises = self._premises(relation)
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

    # One level at a time ---------------------------------------------------------------------

    def relation_head(self, relation: Relation, target: str) -> OutlineEntry:
        """The row for ``relation`` among the reasons of ``target``, without its own rows."""
        undercut = self.shape.node(relation.target) is None
        premises = self._premises(relation)
        if len(premises) == 1:
            return OutlineEntry(
                premises[0].id,
                node=premises[0],
                relation=relation,
                via=relation.kind,
                undercut=undercut,
                step=target,
            )
        return OutlineEntry(
            relation.id, relation=relation, via=relation.kind, undercut=undercut, step=target
        )

    def child_heads(
        self, node_id: str | None, opened: bool, relation: Relation | None
    ) -> list[tuple[OutlineEntry, Source]]:
        """The rows right below a row, without their own rows, and what each is built from.

        ``node_id`` is the node the row shows (None for a linked argument), ``opened`` whether
        it lists that node's reasons, ``relation`` the relation the row stands for, if any (its
        undercuts are listed, and a linked argument's co-premises before them).
        """
        heads: list[tuple[OutlineEntry, Source]] = []
        if node_id is not None and opened:
            heads += [(self.relation_head(r, node_id), r) for r in self.sorted_into(node_id)]
        if relation is not None:
            if node_id is None:
                heads += [(OutlineEntry(p.id, node=p), p) for p in self._premises(relation)]
            heads += [
                (self.relation_head(r, relation.id), r) for r in self.sorted_into(relation.id)
            ]
        return heads

    def child_entry(
        self, head: OutlineEntry, source: Source, parent_path: frozenset[str]
    ) -> OutlineEntry:
        """The whole row for a head of :meth:`child_heads` below a row built with
        ``parent_path``."""
        path = parent_path if head.step is None else parent_path | {head.step}
        if isinstance(source, Relation):
            entry = self.relation_entry(source, path)
            entry.step = head.step
            return entry
        return self.node_entry(source, None, path)
