"""Finding a node or relation by id in a list that is not an ItemList, however it was changed.

A map's lists are normally ItemLists, which index themselves (argmap.model.item_list); a map
made with ``model_copy(update=...)`` holds the plain lists it was given, and is looked up here.
Each such map gets an index (id -> position, item), kept beside it rather than in it (a field would
be saved, compared and copied with the map). A hit is checked in O(1): the item must still
sit at that position with that id, which is exactly what a scan would find, since ids are
unique. Items appended since the index last looked are indexed first (the common edit), and a
hit a few places off (an insert or removal before it) is found nearby and corrected; a miss
that remains, or a stale hit, scans the list as before and rebuilds the index, so edits made
anywhere, by commands or by hand, never give a wrong answer.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Protocol


class _HasId(Protocol):
    id: str


#: How far either way a stale hit looks for its item before scanning the whole list: an edit
#: inserting or removing a few items before it shifts it by as many places.
_NEAR = 4


class IdIndex[T: _HasId]:
    """Positions of the items of one list by id; see the module's text."""

    def __init__(self) -> None:
        self._items: list[T] | None = None
        self._by_id: dict[str, tuple[int, T]] = {}
        #: How many items of the list the index has seen (items past it were appended since).
        self._indexed = 0

    def find(self, items: Sequence[T], item_id: str) -> T | None:
        """The item with ``item_id`` in ``items``, or None."""
        if self._items is items:
            entry = self._by_id.get(item_id)
            if entry is None and len(items) > self._indexed:
                entry = self._take_tail(items, item_id)
            if entry is not None:
                position, item = entry
                if position < len(items) and items[position] is item and item.id == item_id:
                    return item
                if item.id == item_id:  # moved a little (an insert or removal before it)?
                    for near in range(max(position - _NEAR, 0), min(position + _NEAR, len(items))):
                        if items[near] is item:
                            self._by_id[item_id] = (near, item)
                            return item
        for item in items:  # stale or absent: look, and index again if it is there
            if item.id == item_id:
                self._rebuild(items)
                return item
        if self._items is not items:  # a list the index has not seen: index it for next time
            self._rebuild(items)
        return None

    def seen(self, items: Sequence[T], item_id: str) -> bool:
        """Whether the index finds ``item_id`` in ``items`` at once (checked as a hit is).
        False does not mean absent: only :meth:`find` (which may scan) can say that."""
        if self._items is not items:
            return False
        entry = self._by_id.get(item_id)
        if entry is None and len(items) > self._indexed:
            entry = self._take_tail(items, item_id)
        if entry is None:
            return False
        position, item = entry
        return position < len(items) and items[position] is item and item.id == item_id

    def position(self, items: Sequence[T], item_id: str) -> int | None:
        """Where the item with ``item_id`` sits in ``items``, or None."""
        if self.find(items, item_id) is None:
            return None
        return self._by_id[item_id][0]  # checked (or rebuilt) by the find

    def _take_tail(self, items: Sequence[T], item_id: str) -> tuple[int, T] | None:
        """Index the items appended since the index last looked (what an edit adding a card
        does), so finding one costs what was added, not a scan and a rebuild; an entry it
        writes is checked like any other before it is believed."""
        by_id = self._by_id
        for position in range(self._indexed, len(items)):
            item = items[position]
            by_id[item.id] = (position, item)
        self._indexed = len(items)
        return by_id.get(item_id)

    def _rebuild(self, items: Sequence[T]) -> None:
        self._items = items if isinstance(items, list) else None
        self._by_id = {item.id: (position, item) for position, item in enumerate(items)}
        self._indexed = len(items)


_INDEXES: dict[int, tuple[IdIndex[_HasId], IdIndex[_HasId]]] = {}


def indexes_of(owner: object) -> tuple[IdIndex[_HasId], IdIndex[_HasId]]:
    """The (nodes, relations) indexes of a map, made on first use and dropped with it."""
    key = id(owner)
    found = _INDEXES.get(key)
    if found is None:
        found = _INDEXES[key] = (IdIndex(), IdIndex())
        weakref.finalize(owner, _INDEXES.pop, key, None)
    return found
