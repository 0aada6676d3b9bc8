"""The root of the domain: an argument map over one or more source documents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from argmap.model.debate import Debate
from argmap.model.layout import MapLayout
from argmap.model.lookup import indexes_of
from argmap.model.node import Node
from argmap.model.participant import Participant, Position
from argmap.model.relation import Relation
from argmap.model.source import SourceDocument


class ArgumentMap(BaseModel):
    """Sources, the statements taken from them, the relations between those, and a layout."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    title: str = ""
    description: str = ""
    sources: list[SourceDocument] = Field(default_factory=list)
    nodes: list[Node] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    debate: Debate = Field(default_factory=Debate)
    layout: MapLayout = Field(default_factory=MapLayout)

    # Appended to every new id while the map is shared, so that two people adding a node at
    # the same moment never pick the same id (kept out of files: a private attribute).
    _id_tag: str = PrivateAttr(default="")
    # Ids a shared room has seen (deleted cards, relations set aside by a repair): never reused,
    # so a new card cannot bring back an old relation that pointed at a deleted one.
    _reserved: set[str] = PrivateAttr(default_factory=set)

    @property
    def id_tag(self) -> str:
        return self._id_tag

    def set_id_tag(self, tag: str) -> None:
        """New ids end with ``tag`` from now on (``""`` for plain ids)."""
        self._id_tag = tag

    @property
    def reserved_ids(self) -> set[str]:
        return self._reserved

    def reserve_ids(self, ids: Iterable[str]) -> None:
        """Never hand out these ids as new ones (``clear_reserved_ids`` forgets them)."""
        self._reserved.update(ids)

    def clear_reserved_ids(self) -> None:
        self._reserved.clear()

    def __eq__(self, other: object) -> bool:
        # Equal content is an equal map, whichever id tag each copy has.
        if not isinstance(other, ArgumentMap):
            return NotImplemented
        return self.__dict__ == other.__dict__

    # Look-ups. Nodes and relations by id in O(1) through an index kept beside the map and
    # checked on every hit (argmap.model.lookup), so no edit has to keep it in step.

    def node(self, node_id: str) -> Node:
        """The node with this id; ``KeyError`` naming the id when there is none."""
        found = indexes_of(self)[0].find(self.nodes, node_id)
        if found is None:
            raise KeyError(f"no node with id {node_id!r}")
        return cast(Node, found)

    def relation(self, relation_id: str) -> Relation:
        """The relation with this id; ``KeyError`` naming the id when there is none."""
        found = indexes_of(self)[1].find(self.relations, relation_id)
        if found is None:
            raise KeyError(f"no relation with id {relation_id!r}")
        return cast(Relation, found)

    def source(self, source_id: str) -> SourceDocument:
        """The source with this id; ``KeyError`` naming the id when there is none."""
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(f"no source with id {source_id!r}")

    def has_node(self, node_id: str) -> bool:
        return indexes_of(self)[0].find(self.nodes, node_id) is not None

    def has_relation(self, relation_id: str) -> bool:
        return indexes_of(self)[1].find(self.relations, relation_id) is not None

    def surely_has_id(self, item_id: str) -> bool:
        """True when the index finds ``item_id`` among the nodes or relations at once; False
        may still be a used id (ask :meth:`has_node` / :meth:`has_relation`, which scan on a
        miss). For searches through many ids that are mostly taken (a fresh id)."""
        nodes, relations = indexes_of(self)
        return nodes.seen(self.nodes, item_id) or relations.seen(self.relations, item_id)

    def node_index(self) -> dict[str, Node]:
        """All nodes by id (a fresh dict: build it once for many look-ups)."""
        return {node.id: node for node in self.nodes}

    def relation_index(self) -> dict[str, Relation]:
        """All relations by id (a fresh dict)."""
        return {relation.id: relation for relation in self.relations}

    def is_undercut(self, relation: Relation) -> bool:
        """Whether the relation targets another relation (an attack on an inference)."""
        # A target that is a statement answers from the index at once; ids are unique across
        # statements and relations, and asking the relations first would miss and scan them.
        return not self.has_node(relation.target) and self.has_relation(relation.target)

    def new_id(self, prefix: str) -> str:
        """An id starting with ``prefix`` that no node, relation or source uses yet."""
        used = {n.id for n in self.nodes} | {r.id for r in self.relations}
        used |= {s.id for s in self.sources} | self._reserved
        number = len(used) + 1
        while f"{prefix}{number}{self._id_tag}" in used:
            number += 1
        return f"{prefix}{number}{self._id_tag}"
