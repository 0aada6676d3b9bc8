"""The sides of :func:`argmap.analysis.sides.sides`, kept up to date edit by edit.

``sides`` goes over the relations pass after pass, in map order, and a statement keeps the
first side it is given. When that happens is a *time*: (pass, place of the relation in the
map). A main claim has its side before the first pass; a relation whose target got its side
at (k, j) gets its own at (k, i) when it comes later in the map (i > j), else at (k + 1, i);
a statement takes the side of the earliest relation it is a premise of. Times only grow along
the way, so they are shortest paths, and an edit is a change of a few edges: the times (and
sides) below what it took away are cleared and the clearing's edge is grown again with
Dijkstra's algorithm, as far as anything changes (Ramalingam and Reps' dynamic shortest
paths). The place of a relation is its order key, so keys that keep the map's order are
enough: taking a relation out leaves the others' keys as they were.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from itertools import count

from argmap.analysis.sides import Side
from argmap.model import RelationKind

__all__ = ["LiveSides", "RelationEnds"]

#: (pass, order key of the relation that gave the side); a main claim's is the earliest.
Time = tuple[int, float]
_MAIN: Time = (1, float("-inf"))


@dataclass(frozen=True)
class RelationEnds:
    """What the checklist's bookkeeping needs of a relation."""

    kind: RelationKind
    premises: tuple[str, ...]
    target: str


class LiveSides:
    """Sides of statements and relations, updated from the vertices an edit touched.

    It reads the caller's bookkeeping (kept up to date before each :meth:`refresh`): the
    relations by id, each relation's order key, the relations each statement is a premise of,
    those each statement or relation is the target of, and the main claims.
    """

    def __init__(
        self,
        relations: Mapping[str, RelationEnds],
        keys: Mapping[str, float],
        premise_of: Mapping[str, Collection[str]],
        targeted_by: Mapping[str, Collection[str]],
        main: Collection[str],
    ) -> None:
        self._relations, self._keys = relations, keys
        self._premise_of, self._targeted_by, self._main = premise_of, targeted_by, main
        self.side: dict[str, Side] = {}
        self._time: dict[str, Time] = {}
        self._parent: dict[str, str] = {}  # statement -> the relation that gave its side
        self._kids: dict[str, set[str]] = {}  # relation -> statements it gave their side
        self._before: dict[str, Side | None] = {}
        self._heap: list[tuple[Time, int, str]] = []
        self._ticket = count()

    def refresh(self, seeds: Collection[str], statements: Collection[str]) -> set[str]:
        """Work the sides out again below ``seeds`` (statements or relations added, removed or
        changed, statements that became or stopped being main claims); ``statements`` holds
        every statement there is now. Returns the vertices whose side changed."""
        cleared = self._below(seeds)
        self._before = {v: self.side.get(v) for v in cleared}
        for vertex in cleared:
            self._forget(vertex)
        for vertex in cleared:
            if vertex in self._relations:
                target = self._relations[vertex].target
                if target not in cleared and target in self._time:
                    self._offer(vertex, target)
            elif vertex in statements:
                if vertex in self._main:
                    self._set(vertex, _MAIN, Side.PRO, "")
                    continue
                for relation in self._premise_of.get(vertex, ()):
                    if relation not in cleared and relation in self._time:
                        self._offer_statement(vertex, relation)
        heap = self._heap
        while heap:
            time, _, vertex = heapq.heappop(heap)
            if self._time.get(vertex) != time:
                continue  # beaten since it was queued
            if vertex in self._relations:
                for premise in self._relations[vertex].premises:
                    if premise in statements:
                        self._offer_statement(premise, vertex)
            for relation in self._targeted_by.get(vertex, ()):
                self._offer(relation, vertex)
        changed = {v for v, side in self._before.items() if self.side.get(v) != side}
        self._before, self._heap = {}, []
        return changed

    def rebuild(self, statements: Collection[str], relations: Iterable[str]) -> None:
        """Work every side out, as ``sides`` does: pass after pass over ``relations`` (in
        map order), noting when each side was given."""
        self.side.clear()
        self._time.clear()
        self._parent.clear()
        self._kids.clear()
        time, side, ends_of, keys = self._time, self.side, self._relations, self._keys
        for claim in self._main:
            time[claim], side[claim], self._parent[claim] = _MAIN, Side.PRO, ""
        pending = list(relations)
        done = 1
        while pending:
            waiting = []
            for relation in pending:
                ends = ends_of[relation]
                own = side.get(ends.target)
                if own is None:
                    waiting.append(relation)
                    continue
                if ends.kind != RelationKind.SUPPORT:
                    own = own.other
                given = (done, keys[relation])
                time[relation], side[relation] = given, own
                for premise in ends.premises:
                    if premise not in time and premise in statements:
                        self._set(premise, given, own, relation)
            if len(waiting) == len(pending):
                break
            pending = waiting
            done += 1
        self._heap, self._before = [], {}

    def _below(self, seeds: Collection[str]) -> set[str]:
        """The seeds and everything whose side came to it through one of them."""
        found: set[str] = set()
        stack = list(seeds)
        while stack:
            vertex = stack.pop()
            if vertex in found:
                continue
            found.add(vertex)
            stack.extend(self._kids.get(vertex, ()))
            stack.extend(r for r in self._targeted_by.get(vertex, ()) if r in self._time)
        return found

    def _forget(self, vertex: str) -> None:
        self.side.pop(vertex, None)
        self._time.pop(vertex, None)
        parent = self._parent.pop(vertex, None)
        if parent:
            kids = self._kids.get(parent)
            if kids is not None:
                kids.discard(vertex)
        self._kids.pop(vertex, None)  # its statements are cleared too

    def _through(self, target: str, relation: str) -> Time:
        """When ``relation`` gets its side, its target having got its own at its time."""
        done, after = self._time[target]
        key = self._keys[relation]
        return (done, key) if key > after else (done + 1, key)

    def _offer(self, relation: str, target: str) -> None:
        """``relation`` gets its side through its target, unless it has it earlier."""
        time = self._through(target, relation)
        side = self.side[target]
        if self._relations[relation].kind != RelationKind.SUPPORT:
            side = side.other
        known = self._time.get(relation)
        if known is not None and (time > known or (time == known and self.side[relation] is side)):
            return
        self._before.setdefault(relation, self.side.get(relation))
        self._time[relation] = time
        self.side[relation] = side
        heapq.heappush(self._heap, (time, next(self._ticket), relation))

    def _offer_statement(self, statement: str, relation: str) -> None:
        """``statement`` gets the side of a relation it is a premise of, unless it has one
        earlier (the same time is the same relation: its side may have turned)."""
        time, side = self._time[relation], self.side[relation]
        known = self._time.get(statement)
        if known is not None and (time > known or (time == known and self.side[statement] is side)):
            return
        self._set(statement, time, side, relation)

    def _set(self, statement: str, time: Time, side: Side, parent: str) -> None:
        self._before.setdefault(statement, self.side.get(statement))
        old = self._parent.get(statement)
        if old:
            kids = self._kids.get(old)
            if kids is not None:
                kids.discard(statement)
        self._time[statement] = time
        self.side[statement] = side
        self._parent[statement] = parent
        if parent:
            self._kids.setdefault(parent, set()).add(statement)
        heapq.heappush(self._heap, (time, next(self._ticket), statement))
