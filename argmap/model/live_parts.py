"""The separate parts of a map, kept up to date edit by edit instead of found again.

The same parts as :func:`argmap.model.parts.connected_parts`, seen as a graph whose vertices
are the statements and the relations: a relation is joined to its premises and to its target
(a statement, or for an undercut the relation it attacks). Adding joins two parts by relabelling
the smaller one; removing a vertex searches from its neighbours at once, one step each in turn,
and stops as soon as all but one search have met or run out: a part that broke off is found in
time proportional to its own size, never to the whole map's.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from itertools import count

__all__ = ["LiveParts"]


class LiveParts:
    """Parts of a graph of statements and relations under additions and removals.

    The graph is the caller's: ``neighbours`` gives a vertex's neighbours as they are now
    (the caller takes an edge out before it removes a vertex). Vertices can be *marked* (the
    checklist marks the main claims); each part counts its marked vertices. Every part whose
    members or count changed is remembered until :meth:`take_changed`.
    """

    def __init__(
        self,
        neighbours: Callable[[str], Iterable[str]],
        vertices: Iterable[str] = (),
        edges: Iterable[tuple[str, str]] = (),
    ) -> None:
        """Start with these vertices and edges (joined in one go, as connected_parts does)."""
        self._neighbours = neighbours
        self._marks: dict[int, int] = {}
        self._marked: set[str] = set()
        self._ids = count()
        self._changed: set[int] = set()
        parent = {vertex: vertex for vertex in vertices}

        def find(vertex: str) -> str:
            root = vertex
            while parent[root] != root:
                root = parent[root]
            while parent[vertex] != root:
                parent[vertex], vertex = root, parent[vertex]
            return root

        for a, b in edges:
            if a in parent and b in parent:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[rb] = ra
        groups: dict[str, set[str]] = {}
        for vertex in parent:
            groups.setdefault(find(vertex), set()).add(vertex)
        self._members: dict[int, set[str]] = {}
        self._part: dict[str, int] = {}
        for members in groups.values():
            part = next(self._ids)
            self._members[part] = members
            self._marks[part] = 0
            self._part.update(dict.fromkeys(members, part))
        self._changed = set(self._members)

    def __contains__(self, vertex: object) -> bool:
        return vertex in self._part

    def part_of(self, vertex: str) -> int:
        return self._part[vertex]

    def members(self, part: int) -> set[str]:
        """The vertices of a part (empty for a part that no longer exists)."""
        return self._members.get(part, set())

    def marks(self, part: int) -> int:
        return self._marks.get(part, 0)

    def parts(self) -> list[int]:
        return list(self._members)

    def take_changed(self) -> set[int]:
        """The parts changed since the last call (some may no longer exist)."""
        changed, self._changed = self._changed, set()
        return changed

    def add_vertex(self, vertex: str) -> None:
        part = next(self._ids)
        self._part[vertex] = part
        self._members[part] = {vertex}
        self._marks[part] = 0
        self._changed.add(part)

    def set_mark(self, vertex: str, marked: bool) -> None:
        if marked == (vertex in self._marked):
            return
        part = self._part[vertex]
        if marked:
            self._marked.add(vertex)
            self._marks[part] += 1
        else:
            self._marked.discard(vertex)
            self._marks[part] -= 1
        self._changed.add(part)

    def join(self, a: str, b: str) -> None:
        """An edge between two vertices came: their parts are one."""
        if a not in self._part or b not in self._part:
            return  # an end that is not there (a broken map): nothing to join
        big, small = self._part[a], self._part[b]
        if big == small:
            return
        if len(self._members[big]) < len(self._members[small]):
            big, small = small, big
        moved = self._members.pop(small)
        for vertex in moved:
            self._part[vertex] = big
        self._members[big] |= moved
        self._marks[big] += self._marks.pop(small)
        self._changed.update((big, small))

    def remove_vertex(self, vertex: str, neighbours: Iterable[str]) -> None:
        """Take a vertex out; ``neighbours`` are those it had. Its part splits where nothing
        else holds it together."""
        part = self._part.pop(vertex, None)
        if part is None:
            return
        if vertex in self._marked:
            self._marked.discard(vertex)
            self._marks[part] -= 1
        members = self._members[part]
        members.discard(vertex)
        self._changed.add(part)
        if not members:
            del self._members[part], self._marks[part]
            return
        starts = [v for v in dict.fromkeys(neighbours) if v in self._part]
        if len(starts) > 1:
            self._split(part, starts)

    def _split(self, part: int, starts: list[str]) -> None:
        """Search from each start in turn; every group of searches that runs out without
        meeting the others is a part of its own."""
        owner: dict[str, int] = {}  # vertex -> the search that reached it first
        leader = list(range(len(starts)))

        def find(i: int) -> int:
            while leader[i] != i:
                leader[i] = leader[leader[i]]
                i = leader[i]
            return i

        queues: list[deque[str]] = []
        for i, start in enumerate(starts):
            if start in owner:
                leader[i] = find(owner[start])
                queues.append(deque())
            else:
                owner[start] = i
                queues.append(deque([start]))
        searches = range(len(starts))
        apart: set[int] = set()
        while True:
            roots = {find(i) for i in searches} - apart
            if len(roots) <= 1:
                return  # one group left: what did not break off stays the old part
            # A group whose searches all ran out met no other: a part of its own.
            done = {r for r in roots if not any(queues[i] for i in searches if find(i) == r)}
            if done:
                for root in done:
                    self._break_off(part, {v for v, i in owner.items() if find(i) == root})
                apart |= done
                continue
            for i in searches:
                queue = queues[i]
                if not queue:
                    continue
                mine = find(i)
                for other in self._neighbours(queue.popleft()):
                    found = owner.get(other)
                    if found is None:
                        if other not in self._part:
                            continue  # the vertex being taken out, or an end not there
                        owner[other] = i
                        queue.append(other)
                    elif find(found) != mine:
                        leader[find(found)] = mine

    def _break_off(self, part: int, moved: set[str]) -> None:
        new = next(self._ids)
        self._members[part] -= moved
        self._members[new] = moved
        marks = len(moved & self._marked)
        self._marks[part] -= marks
        self._marks[new] = marks
        for vertex in moved:
            self._part[vertex] = new
        self._changed.update((part, new))
