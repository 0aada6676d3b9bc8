"""A list of nodes or relations that keeps its own index by id, in step with every change.

:class:`ItemList` is the list a map's ``nodes`` and ``relations`` fields hold. It is a plain
``list`` to everyone (JSON, validation, equality and copies see no difference), but every
append, insert, removal or slice assignment also updates a dict of its items by id, so a
look-up costs O(1) whether it hits or misses: an id the dict lacks is absent, without a scan.

Two things change an index without going through the list:

- an item's fields set in place (a node renamed, a relation given new premises): nodes and
  relations report such sets to :func:`note_set`, which keeps the last few thousand in a log;
  an index reads the log since it last looked before it answers (or indexes again, when it
  fell too far behind);
- items sharing an id (a broken map being checked): the index then answers as a scan would
  (the first such item) and indexes again after each change, until the ids are unique.

Positions are kept as hints: exact for items appended since, off by at most one for each
insert or removal made before them since (``_drift``, an undo moves them back), so
:meth:`ItemList.position` looks nearest the hint first, and numbers the whole list again only
when an item has moved too far to be worth searching for.
Watchers (see :mod:`argmap.model.mentions`) hear of every item that comes, goes or changes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Any, Protocol, Self, SupportsIndex, cast, overload


class HasId(Protocol):
    id: str


class _SetLog:
    """Fields set in place on nodes and relations: (item, field, old value), newest last."""

    #: Sets kept for indexes to catch up with; one that fell further behind indexes again.
    KEEP = 4096

    def __init__(self) -> None:
        self.generation = 0
        self.entries: deque[tuple[object, str, object]] = deque(maxlen=self.KEEP)

    def since(self, generation: int) -> list[tuple[object, str, object]] | None:
        """The sets after ``generation``, oldest first; None if some are no longer kept."""
        behind = self.generation - generation
        if behind > len(self.entries):
            return None
        return list(islice(self.entries, len(self.entries) - behind, None))


_LOG = _SetLog()


def note_set(item: object, field: str, old: object) -> None:
    """Record that ``field`` of ``item`` was just set in place (it was ``old``)."""
    _LOG.entries.append((item, field, old))
    _LOG.generation += 1


class Watcher[T: HasId](Protocol):
    """What an index built on an :class:`ItemList` hears from it."""

    def reset(self, items: Sequence[T]) -> None:
        """Start again from ``items``."""

    def added(self, item: T) -> None: ...

    def removed(self, item: T) -> None: ...

    def changed(self, item: T, old_id: str) -> None:
        """A field of ``item`` (in the list) was set in place; ``old_id`` is the id the
        watcher last heard for it (another one if it was renamed)."""


#: How far either way from its hint a position is looked for before the list is numbered
#: again (O(n), so at most once per that many inserts or removals before an item).
_NEAR = 64


class ItemList[T: HasId](list[T]):
    """A list of items with unique ids, indexed by id; see the module's text."""

    __slots__ = ("_by_id", "_drift", "_extra", "_hints", "_synced", "_watchers")

    # Two dicts, not one of (position, item) pairs: no object per item for the garbage
    # collector to walk (on a 20,000-item list, building them cost ~60 ms of collections).
    _by_id: dict[str, T]
    _hints: dict[str, int]
    _drift: int
    _extra: int
    _synced: int
    _watchers: list[Watcher[T]]

    def __init__(self, items: Iterable[T] = ()) -> None:
        super().__init__(items)
        self._watchers = []
        self._reindex()

    # Copies and pickles are fresh lists of the same items, indexed anew (never the index's
    # own state, which pickle would restore after appending the items through our methods).

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (list(self),))

    def __copy__(self) -> ItemList[T]:
        return type(self)(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> ItemList[T]:
        from copy import deepcopy

        copy = type(self)()
        memo[id(self)] = copy
        copy.extend(deepcopy(item, memo) for item in self)
        return copy

    # Look-ups.

    def find(self, item_id: str) -> T | None:
        """The first item with ``item_id``, or None, in O(1)."""
        if self._synced != _LOG.generation:
            self._catch_up()
        if self._extra:
            return next((item for item in self if item.id == item_id), None)
        return self._by_id.get(item_id)

    def position(self, item_id: str) -> int | None:
        """Where the first item with ``item_id`` sits, or None."""
        if self._synced != _LOG.generation:
            self._catch_up()
        if self._extra:
            return next((i for i, item in enumerate(self) if item.id == item_id), None)
        item = self._by_id.get(item_id)
        if item is None:
            return None
        hint = self._hints[item_id]
        size = len(self)
        if hint < size and self[hint] is item:
            return hint
        # Inserts and removals before it since moved it at most ``_drift`` places; undoing
        # an edit moves it back, so look at the places nearest its hint first.
        for distance in range(1, min(self._drift, _NEAR) + 1):
            for near in (hint - distance, hint + distance):
                if 0 <= near < size and self[near] is item:
                    self._hints[item_id] = near
                    return near
        self._renumber()  # moved further: many items have, so number them all again
        return self._hints[item_id]

    @property
    def unique(self) -> bool:
        """Whether no two items share an id (look-ups are then O(1))."""
        if self._synced != _LOG.generation:
            self._catch_up()
        return not self._extra

    def watcher[W: Watcher[Any]](self, kind: Callable[[Sequence[T]], W]) -> W:
        """The watcher of this kind on this list, made from the items on first use."""
        if self._synced != _LOG.generation:
            self._catch_up()
        for watcher in self._watchers:
            if type(watcher) is kind:
                return cast(W, watcher)
        made = kind(self)
        self._watchers.append(made)
        return made

    # Changes through the list.

    def append(self, item: T, /) -> None:
        self._catch_up()
        super().append(item)
        self._came([item], len(self) - 1, shifts=False)

    def extend(self, items: Iterable[T], /) -> None:
        self._catch_up()
        items = list(items)
        start = len(self)
        super().extend(items)
        self._came(items, start, shifts=False)

    def __iadd__(self, items: Iterable[T], /) -> Self:  # type: ignore[misc, override]
        self.extend(items)
        return self

    def insert(self, index: SupportsIndex, item: T, /) -> None:
        self._catch_up()
        size = len(self)
        position = min(max(index.__index__() + (size if index.__index__() < 0 else 0), 0), size)
        super().insert(position, item)
        self._came([item], position, shifts=position < size)

    def pop(self, index: SupportsIndex = -1, /) -> T:
        self._catch_up()
        size = len(self)
        item = super().pop(index)
        at = index.__index__()
        self._went([item], shifts=at not in (-1, size - 1))
        return item

    def remove(self, value: T, /) -> None:
        del self[self.index(value)]

    def clear(self) -> None:
        super().clear()
        self._reindex()

    @overload
    def __delitem__(self, key: SupportsIndex, /) -> None: ...
    @overload
    def __delitem__(self, key: slice, /) -> None: ...
    def __delitem__(self, key: SupportsIndex | slice, /) -> None:
        self._catch_up()
        size = len(self)
        if isinstance(key, slice):
            gone = self[key]
            super().__delitem__(key)
            self._went(gone, shifts=key.indices(size)[0] + len(gone) < size)
        else:
            item = self[key]
            super().__delitem__(key)
            self._went([item], shifts=key.__index__() not in (-1, size - 1))

    @overload
    def __setitem__(self, key: SupportsIndex, value: T, /) -> None: ...
    @overload
    def __setitem__(self, key: slice, value: Iterable[T], /) -> None: ...
    def __setitem__(self, key: SupportsIndex | slice, value: T | Iterable[T], /) -> None:
        self._catch_up()
        if isinstance(key, slice):
            gone = self[key]
            came = list(cast(Iterable[T], value))
            super().__setitem__(key, came)
            self._went(gone, shifts=len(gone) != len(came))
            self._came(came, key.indices(len(self))[0], shifts=len(gone) != len(came))
        else:
            position = key.__index__() % len(self) if len(self) else 0
            gone_item = self[key]
            super().__setitem__(key, cast(T, value))
            self._went([gone_item], shifts=False)
            self._came([cast(T, value)], position, shifts=False)

    def __imul__(self, times: SupportsIndex, /) -> Self:
        super().__imul__(times)
        self._reindex()
        return self

    def sort(self, *, key: Any = None, reverse: bool = False) -> None:
        super().sort(key=key, reverse=reverse)
        self._drift = len(self) + _NEAR  # the same items, anywhere: numbered on demand

    def reverse(self) -> None:
        super().reverse()
        self._drift = len(self) + _NEAR

    # Keeping the index.

    def _came(self, items: list[T], start: int, shifts: bool) -> None:
        by_id, hints = self._by_id, self._hints
        for offset, item in enumerate(items):
            if self._extra or item.id in by_id:
                self._reindex()  # a second item with an id: scans from now on
                return
            by_id[item.id] = item
            hints[item.id] = start + offset
            for watcher in self._watchers:
                watcher.added(item)
        if shifts:
            self._drift += len(items)

    def _went(self, items: list[T], shifts: bool) -> None:
        by_id = self._by_id
        for item in items:
            if self._extra or by_id.get(item.id) is not item:
                self._reindex()
                return
            del by_id[item.id], self._hints[item.id]
            for watcher in self._watchers:
                watcher.removed(item)
        if shifts:
            self._drift += len(items)

    def _catch_up(self) -> None:
        """Follow the fields set in place since the index last looked."""
        if self._synced == _LOG.generation:
            return
        sets = _LOG.since(self._synced)
        if sets is None or self._extra:
            self._reindex()
            return
        self._synced = _LOG.generation
        by_id, hints = self._by_id, self._hints
        touched: dict[int, T] = {}
        renamed_from: dict[int, str] = {}
        for thing, field, old in sets:
            item = cast(T, thing)
            if field == "id":
                old_id = cast(str, old)
                renamed_from.setdefault(id(item), old_id)
                if by_id.get(old_id) is not item:
                    continue  # not one of ours (or renamed again since)
                del by_id[old_id]
                if item.id in by_id:
                    self._reindex()
                    return
                by_id[item.id] = item
                hints[item.id] = hints.pop(old_id)
            touched[id(item)] = item
        if not self._watchers:
            return
        for number, item in touched.items():
            if by_id.get(item.id) is item:
                old_id = renamed_from.get(number, item.id)
                for watcher in self._watchers:
                    watcher.changed(item, old_id)

    def _reindex(self) -> None:
        ids = [item.id for item in self]
        self._by_id = dict(zip(ids, self, strict=True))  # with ids shared: unused (scans)
        self._hints = dict(zip(ids, range(len(ids)), strict=True))
        self._extra = len(ids) - len(self._by_id)
        self._drift = 0
        self._synced = _LOG.generation
        for watcher in self._watchers:
            watcher.reset(self)

    def _renumber(self) -> None:
        self._hints = {item.id: position for position, item in enumerate(self)}
        self._drift = 0
