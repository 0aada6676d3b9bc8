"""The framework of a live evaluation, as explanations read it, built only as far as it is read.

An explanation starts at one statement and follows inputs: its reasons and objections, their
premises, what answers those, and (for an undecided statement) the undecided things it rests
on. Building the framework of everything a statement rests on first would cost, for the main
claim of a big map, as much as the map is large, after every edit while it is selected. A
:class:`LiveFramework` numbers items as they are first met and lists each item's inputs when
first asked, from the live index, so an explanation costs what it reads.

It reads the index as it is now, so it answers only while the live evaluation has not moved on
(:class:`~argmap.analysis.errors.OutdatedError` after that).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import overload

from argmap.analysis.adf import RelationStatus
from argmap.analysis.errors import OutdatedError
from argmap.analysis.labels import Label

__all__ = ["LiveFramework"]

_LABEL_OF_STATUS = {
    RelationStatus.APPLIES: Label.IN,
    RelationStatus.BLOCKED: Label.OUT,
    RelationStatus.UNDECIDED: Label.UNDECIDED,
}

#: An item's inputs by id: (positive, negative), as in :mod:`argmap.analysis.adf`.
Inputs = Callable[[str], tuple[Sequence[str], Sequence[str]]]


class LiveFramework:
    """Nodes numbered as met; see the module's text. ``model`` is the one interpretation."""

    def __init__(
        self,
        inputs: Inputs,
        statements: Mapping[str, Label],
        relations: Mapping[str, RelationStatus],
        current: Callable[[], bool],
    ) -> None:
        self._inputs, self._labels, self._relations = inputs, statements, relations
        self._current = current
        self._ids: list[str] = []
        self._at: dict[str, int] = {}
        self._read: list[tuple[list[int], list[int]] | None] = []
        self.names = _Names(self)
        self.statements = _Statements(self)
        self.positive = _Side(self, 0)
        self.negative = _Side(self, 1)
        self.model = _Model(self)

    def number(self, item: str) -> int:
        """The item's index (it gets the next one when first met)."""
        found = self._at.get(item)
        if found is None:
            if item not in self._labels and item not in self._relations:
                raise KeyError(item)
            found = self._at[item] = len(self._ids)
            self._ids.append(item)
            self._read.append(None)
        return found

    def name(self, index: int) -> str:
        return self._ids[index]

    def inputs(self, index: int) -> tuple[list[int], list[int]]:
        """The item's positive and negative inputs, by index."""
        if not self._current():
            raise OutdatedError("the map has changed since this evaluation")
        read = self._read[index]
        if read is None:
            positive, negative = self._inputs(self._ids[index])
            read = [self.number(i) for i in positive], [self.number(i) for i in negative]
            self._read[index] = read
        return read

    def label(self, index: int) -> Label:
        item = self._ids[index]
        found = self._labels.get(item)
        return found if found is not None else _LABEL_OF_STATUS[self._relations[item]]

    def is_relation(self, index: int) -> bool:
        return self._ids[index] not in self._labels

    def __len__(self) -> int:
        return len(self._ids)


class _View[T](Sequence[T]):
    """A sequence over the nodes met so far (indexes of nodes not met yet are not asked for)."""

    def __init__(self, framework: LiveFramework) -> None:
        self._framework = framework

    def _one(self, index: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self._one(i) for i in range(len(self))[index]]
        return self._one(index)

    def __len__(self) -> int:
        return len(self._framework)

    def __iter__(self) -> Iterator[T]:
        return (self._one(i) for i in range(len(self)))


class _Names(_View[str]):
    def _one(self, index: int) -> str:
        return self._framework.name(index)

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        return self._framework.number(str(value))


class _Statements(_Names):
    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        found = self._framework.number(str(value))
        if self._framework.is_relation(found):
            raise ValueError(f"{value!r} is not a statement")
        return found


class _Side(_View[Sequence[int]]):
    def __init__(self, framework: LiveFramework, side: int) -> None:
        super().__init__(framework)
        self._side = side

    def _one(self, index: int) -> Sequence[int]:
        return self._framework.inputs(index)[self._side]


class _Model(_View[Label]):
    def _one(self, index: int) -> Label:
        return self._framework.label(index)
