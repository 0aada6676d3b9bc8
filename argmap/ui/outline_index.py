"""The map as the outline reads it, kept in step with the published changes.

The outline needs, for every edit, only: the nodes by id, the relations into each target in
the map's order, which nodes are roots (no relation's premise) and which objections are
rebuttals. :class:`OutlineIndex` keeps these from one edit to the next and, for each batch of
changes, says what the outline must redo: the targets whose reasons changed, whether the
roots changed, and which rows need new labels. Work follows the change, not the map's size.

When it cannot tell (a node only reachable around a cycle, a map replaced), it says so and
the outline is built afresh. Pure Python: no Qt.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from argmap.editing import Change, ChangeKind
from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind
from argmap.ui.outline_model import ROOT_ORDER

#: Changes that may move rows (others only relabel them, or do not concern the outline).
STRUCTURE = frozenset(
    {ChangeKind.NODE_ADDED, ChangeKind.NODE_REMOVED, ChangeKind.RELATION_ADDED}
    | {ChangeKind.RELATION_REMOVED, ChangeKind.RELATION_CHANGED}
)


class _Shape(NamedTuple):
    """What of a relation decides its rows: where it points, from what, and how it is shown."""

    target: str
    premises: tuple[str, ...]
    kind: RelationKind
    scheme: str | None


def _shape(relation: Relation) -> _Shape:
    return _Shape(relation.target, tuple(relation.premises), relation.kind, relation.scheme)


@dataclass
class Delta:
    """What one batch of changes asks of the outline."""

    #: Build everything afresh (the index could not follow, or a node sits only in a cycle).
    afresh: bool = False
    #: Nodes and relations whose rows' children changed (their reasons, or co-premises).
    targets: set[str] = field(default_factory=set)
    #: Whether the list of roots changed.
    roots: bool = False
    #: Nodes whose rows need their text, icon or tooltip set again.
    relabel: set[str] = field(default_factory=set)


class OutlineIndex:
    """See the module's text. Build one per map; :meth:`apply` every batch of its changes."""

    def __init__(self, argument_map: ArgumentMap) -> None:
        self.map = argument_map
        self.nodes: dict[str, Node] = argument_map.node_index()
        self._kinds = {node.id: node.kind for node in argument_map.nodes}
        self.relations: dict[str, Relation] = argument_map.relation_index()
        self._shapes = {rid: _shape(r) for rid, r in self.relations.items()}
        self._into: dict[str, list[str]] = {}
        self._premise_of: dict[str, list[str]] = {}
        for relation in argument_map.relations:
            self._index(relation.id, self._shapes[relation.id], append=True)
        position = {node.id: i for i, node in enumerate(argument_map.nodes)}
        roots = [n for n in self.nodes if not self._premise_of.get(n)]
        roots.sort(key=lambda n: (ROOT_ORDER[self._kinds[n]], position[n]))
        self.roots: list[str] = roots
        self._root_set = set(roots)
        self.rebuttals: set[str] = {n for n in self.nodes if self._is_rebuttal(n)}
        #: Whether every node is reached from a root (the outline then needs no extra roots).
        #: The outline sets it when it builds afresh.
        self.complete = False

    # The Shape the outline's builder reads ----------------------------------------------------

    def node(self, node_id: str) -> Node | None:
        return self.nodes.get(node_id)

    def into(self, target: str) -> Sequence[Relation]:
        return [self.relations[rid] for rid in self._into.get(target, ())]

    def root_nodes(self) -> list[Node]:
        return [self.nodes[n] for n in self.roots]

    # Following changes ---------------------------------------------------------------------

    def apply(self, changes: Iterable[Change]) -> Delta:
        """Take in one published batch of changes; what the outline must redo."""
        node_present: dict[str, bool] = {}
        node_changed: set[str] = set()
        relation_present: dict[str, bool] = {}
        for change in changes:
            kind = change.kind
            if kind == ChangeKind.MAP_REPLACED:
                return Delta(afresh=True)
            if kind in (ChangeKind.NODE_ADDED, ChangeKind.NODE_REMOVED):
                for i in change.ids:
                    node_present[i] = kind == ChangeKind.NODE_ADDED
            elif kind == ChangeKind.NODE_CHANGED:
                node_changed.update(change.ids)
            elif kind in (ChangeKind.RELATION_ADDED, ChangeKind.RELATION_CHANGED):
                relation_present.update(dict.fromkeys(change.ids, True))
            elif kind == ChangeKind.RELATION_REMOVED:
                relation_present.update(dict.fromkeys(change.ids, False))
        try:
            return self._apply(node_present, node_changed, relation_present)
        except KeyError:  # a change named something the map does not hold: read it all again
            return Delta(afresh=True, relabel={node.id for node in self.map.nodes})

    def _apply(
        self,
        node_present: dict[str, bool],
        node_changed: set[str],
        relation_present: dict[str, bool],
    ) -> Delta:
        delta = Delta()
        rooted: set[str] = set()  # nodes that may have become or stopped being roots
        rebuttal: set[str] = set()  # nodes that may have become or stopped being rebuttals
        check: set[str] = set()  # nodes that must still be reached from a root
        kind_changed: list[str] = []
        for node_id in node_present.keys() | node_changed:
            present = node_present.get(node_id, node_id in self.nodes)
            old_kind = self._kinds.pop(node_id, None)
            self.nodes.pop(node_id, None)
            if present:
                node = self._node_of(node_id)
                self.nodes[node_id] = node
                self._kinds[node_id] = node.kind
            if node_id in node_changed or node_id in node_present:
                delta.relabel.add(node_id)
            if old_kind != self._kinds.get(node_id):
                rooted.add(node_id)
                kind_changed.append(node_id)
        old_shapes: dict[str, _Shape] = {}
        for rid in relation_present:
            old = self._shapes.pop(rid, None)
            self.relations.pop(rid, None)
            if old is not None:
                old_shapes[rid] = old
                self._unindex(rid, old)
        for rid, present in relation_present.items():
            new = None
            if present:
                relation = self._relation_of(rid)
                self.relations[rid] = relation
                new = self._shapes[rid] = _shape(relation)
                self._index(rid, new)
            old = old_shapes.get(rid)
            if new == old:
                continue
            for shape in (old, new):
                if shape is not None:
                    delta.targets.add(shape.target)
                    rooted.update(shape.premises)
                    rebuttal.update(shape.premises)
                    check.update(shape.premises)
            delta.targets.add(rid)
            # (An undercut's premises go up through this relation to its target, as its own
            # premises do: checking these covers them.)
        for node_id in kind_changed:
            rebuttal.add(node_id)
            for rid in self._into.get(node_id, ()):
                rebuttal.update(self._shapes[rid].premises)
        for node_id, present in node_present.items():
            if not present and (self._into.get(node_id) or self._premise_of.get(node_id)):
                return Delta(afresh=True)  # a node went but relations still name it
        delta.roots = self._update_roots(rooted)
        for node_id in rebuttal:
            now = node_id in self.nodes and self._is_rebuttal(node_id)
            if now != (node_id in self.rebuttals):
                delta.relabel.add(node_id)
                (self.rebuttals.add if now else self.rebuttals.discard)(node_id)
        if not self.complete or not all(self._reaches_root(n) for n in check):
            delta.afresh = True
        return delta

    # Bookkeeping ---------------------------------------------------------------------------

    def _index(self, rid: str, shape: _Shape, append: bool = False) -> None:
        into = self._into.setdefault(shape.target, [])
        if append:
            into.append(rid)
        else:
            self._insert_in_order(into, rid)
        for premise in shape.premises:
            self._premise_of.setdefault(premise, []).append(rid)

    def _unindex(self, rid: str, shape: _Shape) -> None:
        into = self._into.get(shape.target)
        if into is not None and rid in into:
            into.remove(rid)
            if not into:
                del self._into[shape.target]
        for premise in shape.premises:
            listed = self._premise_of.get(premise)
            if listed is not None and rid in listed:
                listed.remove(rid)
                if not listed:
                    del self._premise_of[premise]

    # A new node or relation is the last of its list: found there without the map's id index
    # (which a list changed in the middle makes read the whole list again).

    def _node_of(self, node_id: str) -> Node:
        nodes = self.map.nodes
        return nodes[-1] if nodes and nodes[-1].id == node_id else self.map.node(node_id)

    def _relation_of(self, rid: str) -> Relation:
        relations = self.map.relations
        return relations[-1] if relations and relations[-1].id == rid else self.map.relation(rid)

    def _relation_position(self, rid: str) -> int:
        position = self.map.relation_position(rid)
        if position is None:
            raise KeyError(rid)
        return position

    def _node_position(self, node_id: str) -> int:
        position = self.map.node_position(node_id)
        if position is None:
            raise KeyError(node_id)
        return position

    def _insert_in_order(self, into: list[str], rid: str) -> None:
        """Put ``rid`` among the relations into the same target where the map lists it."""
        relations = self.map.relations
        if relations and relations[-1].id == rid:  # added last: after all the others
            into.append(rid)
            return
        where = self._relation_position(rid)
        i = len(into)
        while i > 0 and self._relation_position(into[i - 1]) > where:
            i -= 1
        into.insert(i, rid)

    def _root_key(self, node_id: str) -> tuple[int, int]:
        return ROOT_ORDER[self._kinds[node_id]], self._node_position(node_id)

    def _update_roots(self, candidates: set[str]) -> bool:
        """Take out the candidates, put back those that are roots, in order; whether the roots
        changed."""
        listed = [n for n in candidates if n in self._root_set]
        wanted = [n for n in candidates if n in self.nodes and not self._premise_of.get(n)]
        if not listed and not wanted:
            return False
        before = list(self.roots) if listed and wanted else None
        for node_id in listed:
            self.roots.remove(node_id)
            self._root_set.discard(node_id)
        for node_id in sorted(wanted, key=self._root_key):
            i = bisect.bisect(self.roots, self._root_key(node_id), key=self._root_key)
            self.roots.insert(i, node_id)
            self._root_set.add(node_id)
        return before is None or before != self.roots

    def _is_rebuttal(self, node_id: str) -> bool:
        """An objection attacking an objection (as :func:`argmap.ui.roles.rebuttal_ids`)."""
        if self._kinds.get(node_id) != NodeKind.COUNTERARGUMENT:
            return False
        for rid in self._premise_of.get(node_id, ()):
            shape = self._shapes[rid]
            target_kind = self._kinds.get(shape.target)
            if shape.kind == RelationKind.ATTACK and target_kind == NodeKind.COUNTERARGUMENT:
                return True
        return False

    def _reaches_root(self, node_id: str) -> bool:
        """Whether a root is above ``node_id`` (so the outline shows it below that root)."""
        if node_id not in self.nodes:
            return True  # gone: nothing to show
        stack = [node_id]
        seen = {node_id}
        while stack:
            current = stack.pop()
            above = self._premise_of.get(current)
            if not above:
                return True
            for rid in above:
                target = self._shapes[rid].target
                hops = 0
                while target in self._shapes and hops <= len(self._shapes):  # an undercut
                    target = self._shapes[target].target
                    hops += 1
                if target in self.nodes and target not in seen:
                    seen.add(target)
                    stack.append(target)
        return False
