"""Which relations mention an id, kept in step with the map instead of found by a scan.

A relation mentions its premises, its target (a statement, or for an undercut the relation it
attacks) and the statements that answer its critical questions. Deleting a statement has to
find exactly those relations; asking this index costs what it finds, not the map's size.
(Where two relations share an id, a broken map, the id stands for what either mentions.)

The index is a watcher of the map's relations list (:class:`argmap.model.item_list.ItemList`):
it hears of every relation added or removed and of every relation whose premises, target or
questions were set in place, so it never needs to be rebuilt by the edits that use it.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.model.argument_map import ArgumentMap
from argmap.model.item_list import ItemList
from argmap.model.relation import Relation

__all__ = ["Mentions", "mentioned_by", "mentions_of"]


def mentioned_by(relation: Relation) -> tuple[str, ...]:
    """The ids ``relation`` mentions, each once: premises, target, and answers to its
    questions."""
    if not relation.questions:
        return tuple(dict.fromkeys((*relation.premises, relation.target)))
    answers = (q.answered_by for q in relation.questions if q.answered_by is not None)
    return tuple(dict.fromkeys((*relation.premises, relation.target, *answers)))


class Mentions:
    """Relation ids by the ids they mention (see :func:`mentioned_by`).

    Only strings are kept (relation ids, not relations), so the garbage collector does not
    have to visit the index: on a map of 20,000 relations it would add as many objects again.
    """

    def __init__(self, relations: Sequence[Relation]) -> None:
        self.reset(relations)

    def of(self, item_id: str) -> list[str]:
        """The ids of the relations that mention ``item_id``, in no particular order."""
        found = self._by_key.get(item_id)
        return list(found) if found else []

    def reset(self, relations: Sequence[Relation]) -> None:
        self._keys: dict[str, tuple[str, ...]] = {}
        self._by_key: dict[str, dict[str, None]] = {}
        by_key = self._by_key
        for relation in relations:
            keys = mentioned_by(relation)
            if relation.id in self._keys:  # two relations share an id (a broken map)
                keys = tuple(dict.fromkeys((*self._keys[relation.id], *keys)))
            self._keys[relation.id] = keys
            for key in keys:
                found = by_key.get(key)
                if found is None:
                    by_key[key] = {relation.id: None}
                else:
                    found[relation.id] = None

    def added(self, relation: Relation) -> None:
        self._drop(relation.id)
        keys = self._keys[relation.id] = mentioned_by(relation)
        for key in keys:
            self._by_key.setdefault(key, {})[relation.id] = None

    def removed(self, relation: Relation) -> None:
        self._drop(relation.id)

    def changed(self, relation: Relation, old_id: str) -> None:
        self._drop(old_id)
        self.added(relation)

    def _drop(self, relation_id: str) -> None:
        for key in self._keys.pop(relation_id, ()):
            found = self._by_key[key]
            del found[relation_id]
            if not found:
                del self._by_key[key]


def mentions_of(argument_map: ArgumentMap) -> Mentions:
    """The map's index of mentions, up to date (made from the relations on first use; a map
    whose relations are not an ItemList gets a fresh one, built by reading them all)."""
    relations = argument_map.relations
    if type(relations) is ItemList:
        return relations.watcher(Mentions)
    return Mentions(relations)
