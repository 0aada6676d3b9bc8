"""The root of the domain: an argument map over one or more source documents."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from argmap.model.debate import Debate
from argmap.model.item_list import HasId, ItemList
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

    # The statements and relations are kept in lists that index themselves by id (ItemList):
    # a look-up that hits or misses costs O(1). A list set on the map is made one; a list
    # that is not one (a copy made with ``model_copy(update=...)``) is looked up through an
    # index beside the map that checks every hit and scans on a miss (argmap.model.lookup).

    def model_post_init(self, context: Any, /) -> None:
        for name in _INDEXED:
            value = self.__dict__[name]
            if type(value) is not ItemList:
                self.__dict__[name] = ItemList(value)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _INDEXED and type(value) is not ItemList:
            value = ItemList(value)
        super().__setattr__(name, value)

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

    # Look-ups. Nodes and relations by id in O(1), hit or miss (see ItemList above).

    def _find_node(self, node_id: str) -> Node | None:
        nodes = self.nodes
        if type(nodes) is ItemList:
            return nodes.find(node_id)
        return cast(Node | None, indexes_of(self)[0].find(nodes, node_id))

    def _find_relation(self, relation_id: str) -> Relation | None:
        relations = self.relations
        if type(relations) is ItemList:
            return relations.find(relation_id)
        return cast(Relation | None, indexes_of(self)[1].find(relations, relation_id))

    def node(self, node_id: str) -> Node:
        """The node with this id; ``KeyError`` naming the id when there is none."""
        found = self._find_node(node_id)
        if found is None:
            raise KeyError(f"no node with id {node_id!r}")
        return found

    def relation(self, relation_id: str) -> Relation:
        """The relation with this id; ``KeyError`` naming the id when there is none."""
        found = self._find_relation(relation_id)
        if found is None:
            raise KeyError(f"no relation with id {relation_id!r}")
        return found

    def node_position(self, node_id: str) -> int | None:
        """Where the node with this id sits in :attr:`nodes`, or None."""
        return position_in(self.nodes, node_id)

    def relation_position(self, relation_id: str) -> int | None:
        """Where the relation with this id sits in :attr:`relations`, or None."""
        return position_in(self.relations, relation_id)

    def source(self, source_id: str) -> SourceDocument:
        """The source with this id; ``KeyError`` naming the id when there is none."""
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(f"no source with id {source_id!r}")

    def has_node(self, node_id: str) -> bool:
        return self._find_node(node_id) is not None

    def has_relation(self, relation_id: str) -> bool:
        return self._find_relation(relation_id) is not None

    def surely_has_id(self, item_id: str) -> bool:
        """True when the index finds ``item_id`` among the nodes or relations at once; False
        may still be a used id (ask :meth:`has_node` / :meth:`has_relation`, which may scan on
        a miss when a list is not an ItemList). For searches through many ids that are mostly
        taken (a fresh id)."""
        nodes, relations = self.nodes, self.relations
        if type(nodes) is ItemList and type(relations) is ItemList:
            return nodes.find(item_id) is not None or relations.find(item_id) is not None
        indexes = indexes_of(self)
        return indexes[0].seen(nodes, item_id) or indexes[1].seen(relations, item_id)

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


#: The fields kept as ItemLists.
_INDEXED = frozenset({"nodes", "relations"})


def position_in[T: HasId](items: Sequence[T], item_id: str) -> int | None:
    """Where the first item with ``item_id`` sits in ``items`` (O(1) mostly for an ItemList,
    a scan for any other list), or None."""
    if type(items) is ItemList:
        return items.position(item_id)
    return next((i for i, item in enumerate(items) if item.id == item_id), None)
