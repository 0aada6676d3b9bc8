"""A dict that hands out snapshots of itself in O(1): read-only views of it as it was.

A live evaluation changes a few of its thousands of results per edit, and each view keeps the
evaluation it was shown. Copying every result for each of them would cost as much as the map
is large; a :class:`Versioned` dict instead remembers, for the newest snapshot still held, the
old value of each key it changes afterwards. A snapshot looks a key up in what it saved, else
in the next newer snapshot's, else in the dict itself, so a lookup costs one step per newer
snapshot still held (in the editor: one or two). Iterating over a snapshot, or comparing it,
copies it once (it then stands alone). A snapshot nobody holds costs nothing: the dict keeps
only a weak reference to the newest one.

Examples
--------
>>> scores = Versioned({"a": 1, "b": 2})
>>> before = scores.snapshot()
>>> scores["a"] = 10
>>> del scores["b"]
>>> scores["c"] = 3
>>> before["a"], "b" in before, "c" in before, len(before)
(1, True, False, 2)
>>> dict(before), dict(scores.snapshot())
({'a': 1, 'b': 2}, {'a': 10, 'c': 3})
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Mapping

__all__ = ["Snapshot", "Versioned"]


class _Missing:
    """Saved for a key the dict did not have then."""


_MISSING = _Missing()


class Versioned[K, V]:
    """A dict (read it as ``data``, change it through the methods) with cheap snapshots."""

    def __init__(self, data: dict[K, V] | None = None) -> None:
        self.data: dict[K, V] = {} if data is None else data
        self._newest: weakref.ref[Snapshot[K, V]] | None = None

    def snapshot(self) -> Snapshot[K, V]:
        """The dict as it is now, unchanged by what is done to the dict later."""
        newest = self._newest() if self._newest is not None else None
        taken = Snapshot(self, len(self.data))
        if newest is not None and newest._alone is None:
            newest._newer = taken
        self._newest = weakref.ref(taken)
        return taken

    def _keep(self, key: K) -> None:
        """Save the key's value in the newest snapshot still held (if it has none yet)."""
        if self._newest is None:
            return
        newest = self._newest()
        if newest is None:
            self._newest = None
        elif newest._alone is None and key not in newest._saved:
            newest._saved[key] = self.data.get(key, _MISSING)

    def __getitem__(self, key: K) -> V:
        return self.data[key]

    def __contains__(self, key: object) -> bool:
        return key in self.data

    def __len__(self) -> int:
        return len(self.data)

    def get(self, key: K) -> V | None:
        return self.data.get(key)

    def __setitem__(self, key: K, value: V) -> None:
        self._keep(key)
        self.data[key] = value

    def __delitem__(self, key: K) -> None:
        self._keep(key)
        del self.data[key]

    def pop(self, key: K) -> None:
        """Remove the key if it is there."""
        if key in self.data:
            del self[key]


class Snapshot[K, V](Mapping[K, V]):
    """A read-only view of a :class:`Versioned` dict as it was when taken."""

    def __init__(self, source: Versioned[K, V], length: int) -> None:
        self._source = source
        self._length = length
        #: Old values of the keys changed since (only while this is the newest snapshot).
        self._saved: dict[K, V | _Missing] = {}
        self._newer: Snapshot[K, V] | None = None
        #: A full copy, once made: the snapshot then stands alone.
        self._alone: dict[K, V] | None = None

    def _find(self, key: K) -> V | _Missing:
        snapshot: Snapshot[K, V] | None = self
        while snapshot is not None:
            if snapshot._alone is not None:
                return snapshot._alone.get(key, _MISSING)
            if key in snapshot._saved:
                return snapshot._saved[key]
            snapshot = snapshot._newer
        return self._source.data.get(key, _MISSING)

    def __getitem__(self, key: K) -> V:
        found = self._find(key)
        if isinstance(found, _Missing):
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        try:
            return not isinstance(self._find(key), _Missing)  # type: ignore[arg-type]
        except TypeError:  # an unhashable key is in no dict
            return False

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[K]:
        return iter(self.copy())

    def copy(self) -> dict[K, V]:
        """A plain dict of the snapshot (made once; the snapshot then stands alone)."""
        if self._alone is None:
            keys = dict.fromkeys(self._source.data)
            snapshot: Snapshot[K, V] | None = self
            while snapshot is not None and snapshot._alone is None:
                keys.update(dict.fromkeys(snapshot._saved))
                snapshot = snapshot._newer
            if snapshot is not None:
                keys.update(dict.fromkeys(snapshot._alone or ()))
            alone: dict[K, V] = {}
            for key in keys:
                found = self._find(key)
                if not isinstance(found, _Missing):
                    alone[key] = found
            self._alone = alone
            self._saved = {}
            self._newer = None
        return self._alone

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self.copy() == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Snapshot({self.copy()!r})"
