"""Who bears on whom in a map, by id, kept in step with edits: what a live evaluation reads.

The same links as :mod:`argmap.analysis.adf` and :mod:`argmap.analysis.strength_model`: a
statement is read by the relations it is a premise of; a relation is read by its one target
(a statement it supports or attacks, or a relation it undercuts). For each statement the
attacks and supports on it, and for each relation its undercuts, are kept **in map order**,
because strengths add those contributions up in that order and a float sum depends on it.

:meth:`LiveIndex.sync` re-reads the nodes and relations an edit touched from the map (it does
not trust the kind of change: whatever the map now says about those ids is what counts) and
reports which items now read different inputs, so that only those, and what lies downstream of
them, are evaluated again. A map whose relations name missing nodes raises the same
:class:`~argmap.analysis.errors.FrameworkError` as :func:`~argmap.analysis.adf.build_adf`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from argmap.analysis.errors import FrameworkError
from argmap.analysis.strength import DEFAULT_BASE
from argmap.model import ArgumentMap, Relation, RelationKind

__all__ = ["Links", "LiveIndex", "Touched"]


class Links(NamedTuple):
    """One relation's place: its premises (each once, in order), its target and its sign."""

    premises: tuple[str, ...]
    target: str
    support: bool
    undercut: bool


@dataclass
class Touched:
    """What one :meth:`LiveIndex.sync` changed.

    ``seeds``: items (present in the map) whose inputs or own data changed, to evaluate again;
    ``removed``: items no longer in the map; ``linked``: both ends of every link added or
    dropped (a cycle through one of them may have opened or closed).
    """

    seeds: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    linked: set[str] = field(default_factory=set)


class LiveIndex:
    """The links of one map by id; see the module's text.

    ``rating[s]`` is each statement's own base score (its rating, else 0.5), before what-ifs.
    """

    def __init__(self, argument_map: ArgumentMap) -> None:
        self.map = argument_map
        self.rating: dict[str, float] = {}
        self.relations: dict[str, Links] = {}
        self.attacks: dict[str, list[str]] = {}
        self.supports: dict[str, list[str]] = {}
        self.undercuts: dict[str, list[str]] = {}
        self.premise_of: dict[str, dict[str, None]] = {}
        self._position: dict[str, int] = {}
        self._build()

    # Building ------------------------------------------------------------------------------

    def _build(self) -> None:
        argument_map = self.map
        for node in argument_map.nodes:
            if node.id in self.rating:
                raise FrameworkError(f"two nodes have the id {node.id!r}")
            self._add_statement(node.id, node.rating)
        relations = argument_map.relations
        self.undercuts = {r.id: [] for r in relations}
        if len(self.undercuts) != len(relations) or not self.undercuts.keys().isdisjoint(
            self.rating
        ):
            raise FrameworkError("a relation's id is used twice in the map")
        self._position = {r.id: i for i, r in enumerate(relations)}
        for relation in relations:  # in map order: every list comes out in map order
            links = self._links(relation)
            self.relations[relation.id] = links
            self._attach(relation.id, links, append=True)

    def _add_statement(self, node_id: str, rating: float | None) -> None:
        self.rating[node_id] = DEFAULT_BASE if rating is None else float(rating)
        self.attacks[node_id] = []
        self.supports[node_id] = []
        self.premise_of[node_id] = {}

    def _links(self, relation: Relation) -> Links:
        """The relation's links, or the named error :func:`build_adf` gives."""
        for premise in relation.premises:
            if premise not in self.rating:
                raise FrameworkError(f"relation {relation.id!r}: premise {premise!r} is not a node")
        target = relation.target
        support = relation.kind == RelationKind.SUPPORT
        undercut = target not in self.rating
        if undercut:
            if target not in self.undercuts:
                raise FrameworkError(
                    f"relation {relation.id!r}: target {target!r} is neither a node nor a relation"
                )
            if support:
                raise FrameworkError(
                    f"relation {relation.id!r}: only an attack may target a relation ({target!r})"
                )
        return Links(tuple(dict.fromkeys(relation.premises)), target, support, undercut)

    def _siblings(self, links: Links) -> list[str]:
        """The list the relation takes its place in: its target's undercuts, attacks or supports."""
        if links.undercut:
            return self.undercuts[links.target]
        return (self.supports if links.support else self.attacks)[links.target]

    def _attach(self, relation_id: str, links: Links, append: bool = False) -> None:
        for premise in links.premises:
            self.premise_of[premise][relation_id] = None
        siblings = self._siblings(links)
        if append or not siblings:
            siblings.append(relation_id)
            return
        where = self._order(relation_id)
        for k, other in enumerate(siblings):
            if self._order(other) > where:
                siblings.insert(k, relation_id)
                return
        siblings.append(relation_id)

    def _detach(self, relation_id: str, links: Links) -> None:
        for premise in links.premises:
            found = self.premise_of.get(premise)
            if found is not None:
                found.pop(relation_id, None)
        siblings = self._siblings(links)
        siblings.remove(relation_id)

    def _order(self, relation_id: str) -> int:
        """The relation's position in the map's list (the cache is checked, rebuilt if stale)."""
        relations = self.map.relations
        position = self._position.get(relation_id)
        if (
            position is not None
            and position < len(relations)
            and (relations[position].id == relation_id)
        ):
            return position
        for position in range(len(relations) - 1, max(len(relations) - 9, -1), -1):
            if relations[position].id == relation_id:  # most new relations are the last ones
                self._position[relation_id] = position
                return position
        self._position = {r.id: i for i, r in enumerate(relations)}
        return self._position[relation_id]

    # Reading -------------------------------------------------------------------------------

    def has(self, item: str) -> bool:
        return item in self.rating or item in self.relations

    def items(self) -> list[str]:
        """Every statement, then every relation."""
        return [*self.rating, *self.relations]

    # Keeping in step -----------------------------------------------------------------------

    def sync(
        self,
        node_ids: Iterable[str],
        relation_ids: Iterable[str],
        gone: Collection[str] = (),
    ) -> Touched:
        """Read these nodes and relations again from the map; what changed, see :class:`Touched`.

        ``gone`` names ids the changes say were removed last: they are not looked for (a
        look-up that misses scans the whole list). Raises
        :class:`~argmap.analysis.errors.FrameworkError` when a relation now names a node or
        relation the map lacks (the index is then unusable: build a new one).
        """
        argument_map = self.map
        touched = Touched()
        seeds, linked = touched.seeds, touched.linked
        relation_ids = list(dict.fromkeys(relation_ids))
        fresh: dict[str, Relation] = {}
        for relation_id in relation_ids:  # drop the old links of every relation touched
            relation = (
                argument_map.relation(relation_id)
                if relation_id not in gone and argument_map.has_relation(relation_id)
                else None
            )
            old = self.relations.get(relation_id)
            if relation is not None:
                fresh[relation_id] = relation
                if old is not None and self._same(old, relation):
                    del fresh[relation_id]
                    continue
            if old is None:
                continue
            self._detach(relation_id, old)
            del self.relations[relation_id]
            linked.update(old.premises)
            linked.update((relation_id, old.target))
            if self.has(old.target):
                seeds.add(old.target)
            if relation is None:
                touched.removed.add(relation_id)
                self._forget_relation(relation_id)
        for node_id in dict.fromkeys(node_ids):
            self._sync_node(node_id, touched, node_id not in gone)
        for relation_id in fresh:  # first every new relation, which undercuts may name
            if relation_id not in self.undercuts:
                self.undercuts[relation_id] = []
        for relation_id, relation in fresh.items():  # then their links
            links = self._links(relation)
            self.relations[relation_id] = links
            self._attach(relation_id, links)
            seeds.update((relation_id, links.target))
            linked.update(links.premises)
            linked.update((relation_id, links.target))
        for item in touched.removed:
            self._check_unread(item)
        seeds -= touched.removed
        return touched

    def _forget_relation(self, relation_id: str) -> None:
        self._position.pop(relation_id, None)  # its undercuts list goes in _check_unread

    @staticmethod
    def _same(old: Links, relation: Relation) -> bool:
        return (
            old.target == relation.target
            and old.support == (relation.kind == RelationKind.SUPPORT)
            and old.premises == tuple(dict.fromkeys(relation.premises))
        )

    def _sync_node(self, node_id: str, touched: Touched, look: bool) -> None:
        argument_map = self.map
        if look and argument_map.has_node(node_id):
            if node_id in self.relations or (
                node_id in self.undercuts and node_id not in self.rating
            ):
                raise FrameworkError(f"{node_id!r} names both a node and a relation")
            rating = argument_map.node(node_id).rating
            base = DEFAULT_BASE if rating is None else float(rating)
            if node_id not in self.rating:
                self._add_statement(node_id, rating)
                touched.seeds.add(node_id)
            elif self.rating[node_id] != base:
                self.rating[node_id] = base
                touched.seeds.add(node_id)
        elif node_id in self.rating:
            touched.removed.add(node_id)
            touched.linked.add(node_id)

    def _check_unread(self, item: str) -> None:
        """A removed item: drop it, or the named error if a relation still names it."""
        if item in self.rating:
            users = [*self.premise_of[item], *self.attacks[item], *self.supports[item]]
            if users:
                raise FrameworkError(
                    f"relation {users[0]!r} names {item!r}, which is no longer a node"
                )
            del self.rating[item], self.attacks[item], self.supports[item]
            del self.premise_of[item]
            return
        users = self.undercuts.get(item, [])
        if users:
            raise FrameworkError(
                f"relation {users[0]!r}: target {item!r} is neither a node nor a relation"
            )
        self.undercuts.pop(item, None)
