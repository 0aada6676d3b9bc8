"""The checklist's gaps kept up to date edit by edit: :func:`~argmap.analysis.checklist.find_gaps`
without going over the whole map again.

:class:`LiveChecklist` keeps what the gaps are made of (which relations lead into and out of
each statement, the sides, the map's parts, where each claim's evidence comes from) and, told
which statements and relations an edit touched, works out again only what those can change:

* a statement's own gaps (no support, no anchor or citation, a stale anchor) from itself and
  the relations into it;
* an unanswered counterargument from its attack, its premises and what it aims at, and from
  the sides, which :class:`~argmap.analysis.live_sides.LiveSides` updates below the change;
* a claim resting on one source from the sources behind it, summed up per statement (none,
  one, or several) and summed again only above the change;
* islands from :class:`~argmap.model.live_parts.LiveParts`; support circles again from scratch,
  but only when an edit closes, opens or renames one (rare: support rarely goes round).

The gaps come in :func:`find_gaps` order: each kind's rows sorted by order keys that follow
the map's order (appended items get the next key; an item put back in the middle one between
its neighbours). Each change of the rows is reported as an :class:`RowChange` that a view can
apply to its rows in turn.
"""

from __future__ import annotations

import contextlib
import itertools
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from argmap.analysis.checklist import (
    Gap,
    GapKind,
    _circular,
    _source_of,
    _theirs,
)
from argmap.analysis.live_sides import LiveSides, RelationEnds
from argmap.analysis.quote import quote, quote_all
from argmap.analysis.sides import Side
from argmap.editing.changes import Change, ChangeKind
from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind
from argmap.model.live_parts import LiveParts
from argmap.model.validation import _anchor_problem

__all__ = ["LiveChecklist", "RowChange", "touched"]

#: A gap's place in its kind's rows: the statement (or relation) it belongs to, and which
#: of that item's gaps it is (a statement has one stale-anchor gap per anchor).
RowKey = tuple[str, int]

#: Where the evidence behind a statement comes from: none, one (key, name), or several.
_SEVERAL = ("", "")
Sources = tuple[str, str] | None


@dataclass(frozen=True)
class RowChange:
    """One change to the rows of a kind: ``insert`` ``gap`` at ``row``, ``remove`` the row,
    or ``replace`` the row's gap with ``gap``."""

    kind: GapKind
    action: str
    row: int
    gap: Gap | None = None


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


#: The kinds of gap a statement has of its own, by its id.
_STATEMENT_KINDS = [
    GapKind.UNSUPPORTED_CLAIM,
    GapKind.EVIDENCE_WITHOUT_ANCHOR,
    GapKind.EVIDENCE_WITHOUT_CITATION,
    GapKind.SINGLE_SOURCE,
    GapKind.STALE_ANCHOR,
]


def _join(a: Sources, b: Sources) -> Sources:
    if a is None:
        return b
    if b is None or a == b:
        return a
    if a is _SEVERAL or b is _SEVERAL or a[0] != b[0]:
        return _SEVERAL
    return (a[0], min(a[1], b[1]))  # one source under two names: the first name, always


class LiveChecklist:
    """The gaps of one map, updated from the ids each edit touched."""

    def __init__(self, argument_map: ArgumentMap) -> None:
        self.map = argument_map
        self.rebuild(argument_map)

    # -- reading -----------------------------------------------------------------------------

    def gaps(self) -> list[Gap]:
        """Every gap, as :func:`~argmap.analysis.checklist.find_gaps` lists them."""
        return [gap for kind in GapKind for gap in self.of_kind(kind)]

    def of_kind(self, kind: GapKind) -> list[Gap]:
        found = self._gaps[kind]
        return [found[key] for key in self._rows[kind]]

    def sides(self) -> dict[str, Side]:
        """The side of each statement, as :func:`~argmap.analysis.sides.sides` gives it."""
        return {i: side for i, side in self._sides.side.items() if i in self._kind}

    def count(self, kind: GapKind | None = None) -> int:
        if kind is None:
            return sum(len(rows) for rows in self._rows.values())
        return len(self._rows[kind])

    # -- building ----------------------------------------------------------------------------

    def rebuild(self, argument_map: ArgumentMap) -> None:
        """Start again from the map (opened, replaced, or its sources edited)."""
        self.map = m = argument_map
        self._nodes_order = _Order(m.nodes)
        self._relations_order = _Order(m.relations)
        self._node_key = self._nodes_order.keys
        self._relation_key = self._relations_order.keys
        self._kind: dict[str, NodeKind] = {}
        self._ends: dict[str, RelationEnds] = {}
        self._premise_of: dict[str, set[str]] = {}
        self._targeted_by: dict[str, set[str]] = {}
        self._main: set[str] = set()
        self._own: dict[str, Sources] = {}
        self._behind: dict[str, Sources] = {}
        self._stale: dict[str, int] = {}
        self._in_circle: set[str] = set()
        self._circles: dict[RowKey, Gap] = {}
        self._part_row: dict[int, RowKey] = {}
        self._parts = LiveParts(self._neighbours)
        self._sides = LiveSides(
            self._ends, self._relation_key, self._premise_of, self._targeted_by, self._main
        )
        self._gaps: dict[GapKind, dict[RowKey, Gap]] = {kind: {} for kind in GapKind}
        self._rows: dict[GapKind, list[RowKey]] = {kind: [] for kind in GapKind}
        self._changes: list[RowChange] = []
        self._titles = {s.id: s.title for s in m.sources}
        self._node = {node.id: node for node in m.nodes}  # each statement, by id
        for node in m.nodes:
            self._kind[node.id] = node.kind
        for relation in m.relations:
            self._index(relation.id, _ends_of(relation))
        self._parts = LiveParts(
            self._neighbours,
            [*self._kind, *self._ends],
            (
                (relation_id, end)
                for relation_id, ends in self._ends.items()
                for end in (*ends.premises, ends.target)
            ),
        )
        nodes = set(self._kind)
        for node_id in nodes:
            self._update_main(node_id)
        self._sides.rebuild(nodes, self._ends)
        for node in m.nodes:
            self._own[node.id] = self._own_source(node)
        self._update_sources_behind(set(nodes), from_scratch=True)
        self._update_circles()
        self._update_parts()
        self._update_statements(m.nodes)
        self._update_answers(list(self._ends))
        self._changes = []

    # -- updating ----------------------------------------------------------------------------

    def update(
        self,
        argument_map: ArgumentMap,
        node_ids: Collection[str],
        relation_ids: Collection[str],
        gone: Collection[str] = (),
    ) -> list[RowChange] | None:
        """Follow an edit that touched these statements and relations (added, removed or
        changed, in any order; ``gone`` are those among them known to be removed, which
        spares looking for them); returns the row changes, or ``None`` when it had to start
        again (the map's order changed in a way keys cannot follow: show every row anew)."""
        m = self.map = argument_map
        self._changes = []
        self._titles = {s.id: s.title for s in m.sources}
        nodes_now = _present(m.nodes, node_ids, gone, m.node)
        relations_now = _present(m.relations, relation_ids, gone, m.relation)
        new_nodes = [i for i in nodes_now if i not in self._kind]
        new_relations = [i for i in relations_now if i not in self._ends]
        if not (
            self._nodes_order.place(m.nodes, new_nodes)
            and self._relations_order.place(m.relations, new_relations)
        ):
            self.rebuild(m)
            return None
        gone_nodes = [i for i in node_ids if i in self._kind and i not in nodes_now]
        # Statements come before the relations that use them, and go after them.
        for node_id in new_nodes:
            self._kind[node_id] = nodes_now[node_id].kind
            self._parts.add_vertex(node_id)
        seeds: set[str] = set(new_nodes) | set(gone_nodes)
        near: set[str] = set(nodes_now) | set(gone_nodes)  # statements whose gaps may change
        aims: set[str] = set()  # relations (and targets) whose unanswered gap may change
        behind_seeds: set[str] = set()  # statements below which the sources may change
        circles = bool(self._in_circle.intersection(near))
        moved: list[tuple[str, RelationEnds | None, RelationEnds | None]] = []
        for relation_id in relation_ids:
            old = self._ends.get(relation_id)
            relation = relations_now.get(relation_id)
            new = _ends_of(relation) if relation is not None else None
            aims.add(relation_id)
            if old != new:
                moved.append((relation_id, old, new))
        for relation_id, old, new in moved:
            seeds.add(relation_id)
            for ends in (old, new):
                if ends is not None:
                    near.update(ends.premises)
                    near.add(ends.target)
                    aims.add(ends.target)
                    if ends.kind == RelationKind.SUPPORT:
                        behind_seeds.add(ends.target)
            if old is not None:
                if old.kind == RelationKind.SUPPORT and old.target in self._in_circle:
                    circles = circles or any(p in self._in_circle for p in old.premises)
                self._unindex(relation_id, old)
        added = [(relation_id, new) for relation_id, _, new in moved if new is not None]
        for relation_id, new in added:
            self._index(relation_id, new)
        for relation_id, new in added:
            self._join(relation_id, new)
            if new.kind == RelationKind.SUPPORT and not circles:
                circles = self._reaches(new.target, set(new.premises))
        for node_id in gone_nodes:
            self._parts.remove_vertex(node_id, list(self._neighbours(node_id)))
            del self._node[node_id]
            self._premise_of.pop(node_id, None)
            self._targeted_by.pop(node_id, None)
            del self._kind[node_id]
            if self._own.pop(node_id, None) is not None:
                behind_seeds.add(node_id)
            self._behind.pop(node_id, None)
            self._main.discard(node_id)
            for kind in _STATEMENT_KINDS:
                self._set_gaps(kind, node_id, [])
        for node_id, node in nodes_now.items():
            self._node[node_id] = node  # the same object, unless it was put back or replaced
            self._kind[node_id] = node.kind
            own = self._own_source(node)
            if node_id in new_nodes or self._own.get(node_id) != own:
                self._own[node_id] = own
                behind_seeds.add(node_id)
        for node_id in near:
            if node_id in self._kind and self._update_main(node_id):
                seeds.add(node_id)
        turned = {v for v in self._sides.refresh(seeds, self._kind) if v in self._kind}
        for node_id in near | turned:
            aims.update(self._premise_of.get(node_id, ()))
            for relation_id in self._targeted_by.get(node_id, ()):
                aims.add(relation_id)
                aims.update(self._targeted_by.get(relation_id, ()))
            for relation_id in self._premise_of.get(node_id, ()):
                aims.update(self._targeted_by.get(relation_id, ()))
        # Above the change: where each statement's evidence comes from.
        forward = {target for node_id in behind_seeds for target in self._supports_from(node_id)}
        changed_behind = self._update_sources_behind(
            {n for n in behind_seeds | forward if n in self._kind}
        )
        if circles:
            self._update_circles()
        self._update_parts(nodes_now)
        self._update_statements(self._node[i] for i in near | changed_behind if i in self._kind)
        self._update_answers(aims)
        for node_id in gone_nodes:
            self._nodes_order.forget(node_id)
        for relation_id in relation_ids:
            if relation_id not in relations_now:
                self._relations_order.forget(relation_id)
        return self._changes

    # -- bookkeeping -------------------------------------------------------------------------

    def _index(self, relation_id: str, ends: RelationEnds) -> None:
        self._ends[relation_id] = ends
        for premise in ends.premises:
            self._premise_of.setdefault(premise, set()).add(relation_id)
        self._targeted_by.setdefault(ends.target, set()).add(relation_id)

    def _join(self, relation_id: str, ends: RelationEnds) -> None:
        """Join the relation's part to its ends' and its undercuts' (once every new relation
        is indexed: an undercut and its target may come back in the same edit)."""
        self._parts.add_vertex(relation_id)
        for end in (*ends.premises, ends.target, *self._targeted_by.get(relation_id, ())):
            self._parts.join(relation_id, end)

    def _unindex(self, relation_id: str, ends: RelationEnds) -> None:
        del self._ends[relation_id]
        for premise in ends.premises:
            self._premise_of.get(premise, set()).discard(relation_id)
        self._targeted_by.get(ends.target, set()).discard(relation_id)
        undercuts = self._targeted_by.get(relation_id, ())
        self._parts.remove_vertex(relation_id, [*ends.premises, ends.target, *undercuts])

    def _neighbours(self, vertex: str) -> Iterable[str]:
        """A vertex's neighbours in the graph of parts: a relation's premises, target and
        undercuts; a statement's relations either way."""
        ends = self._ends.get(vertex)
        if ends is not None:
            yield from ends.premises
            yield ends.target
        else:
            yield from self._premise_of.get(vertex, ())
        yield from self._targeted_by.get(vertex, ())

    def _update_main(self, node_id: str) -> bool:
        """Whether the statement turned into or stopped being a main claim."""
        main = self._kind[node_id] == NodeKind.CLAIM and not self._premise_of.get(node_id)
        if main == (node_id in self._main):
            return False
        if main:
            self._main.add(node_id)
        else:
            self._main.discard(node_id)
        self._parts.set_mark(node_id, main)
        return True

    def _own_source(self, node: Node) -> Sources:
        if node.kind != NodeKind.EVIDENCE:
            return None
        return _source_of(node, self._titles)

    def _supports_into(self, node_id: str) -> Iterable[str]:
        for relation_id in self._targeted_by.get(node_id, ()):
            ends = self._ends[relation_id]
            if ends.kind == RelationKind.SUPPORT:
                yield from ends.premises

    def _supports_from(self, node_id: str) -> Iterable[str]:
        for relation_id in self._premise_of.get(node_id, ()):
            ends = self._ends[relation_id]
            if ends.kind == RelationKind.SUPPORT:
                yield ends.target

    def _reaches(self, start: str, goals: set[str]) -> bool:
        """Whether support leads from ``start`` to one of ``goals`` (closing a circle)."""
        seen = {start}
        stack = [start]
        while stack:
            for target in self._supports_from(stack.pop()):
                if target in goals:
                    return True
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return False

    def _update_sources_behind(self, seeds: set[str], from_scratch: bool = False) -> set[str]:
        """Sum up again where the evidence behind ``seeds`` and every statement they support
        comes from; returns the statements whose sum changed. Everything above the seeds
        starts from none and grows, so circles of support settle where a full search would."""
        above = set(seeds)
        stack = list(seeds)
        while stack:
            for target in self._supports_from(stack.pop()):
                if target not in above:
                    above.add(target)
                    stack.append(target)
        before = {} if from_scratch else {n: self._behind.get(n) for n in above}
        for node_id in above:
            self._behind[node_id] = None
        work = list(above)
        while work:
            node_id = work.pop()
            total: Sources = None
            for premise in self._supports_into(node_id):
                total = _join(total, _join(self._own.get(premise), self._behind.get(premise)))
            if total != self._behind[node_id]:
                self._behind[node_id] = total
                work.extend(t for t in self._supports_from(node_id) if t in above)
        if from_scratch:
            return above
        return {n for n in above if self._behind[n] != before[n]}

    # -- gaps --------------------------------------------------------------------------------

    def _update_statements(self, nodes: Iterable[Node]) -> None:
        """A statement's own gaps: no support, no anchor, no citation, one source, stale."""
        texts = {source.id: source.text for source in self.map.sources}
        for node in nodes:
            node_id = node.id
            claim, evidence = node.kind == NodeKind.CLAIM, node.kind == NodeKind.EVIDENCE
            unsupported = claim and not any(
                self._ends[r].kind == RelationKind.SUPPORT
                for r in self._targeted_by.get(node_id, ())
            )
            self._set_gaps(
                GapKind.UNSUPPORTED_CLAIM,
                node_id,
                [f"{quote(node)} has no supporting reason"] if unsupported else [],
            )
            self._set_gaps(
                GapKind.EVIDENCE_WITHOUT_ANCHOR,
                node_id,
                [f"{quote(node)} is not anchored to any words of a source"]
                if evidence and not node.anchors
                else [],
            )
            self._set_gaps(
                GapKind.EVIDENCE_WITHOUT_CITATION,
                node_id,
                [f"{quote(node)} has no citation"]
                if evidence and (node.citation is None or node.citation.is_empty())
                else [],
            )
            behind = self._behind.get(node_id)
            single = claim and behind is not None and behind is not _SEVERAL
            self._set_gaps(
                GapKind.SINGLE_SOURCE,
                node_id,
                [f"all the evidence for {quote(node)} comes from one source: {behind[1]!r}"]
                if single and behind is not None
                else [],
            )
            problems = [_anchor_problem(texts, anchor) for anchor in node.anchors]
            self._set_gaps(
                GapKind.STALE_ANCHOR,
                node_id,
                [f"the anchor of {quote(node)}: {p}" for p in problems if p is not None],
            )

    def _update_answers(self, relation_ids: Iterable[str]) -> None:
        """Unanswered counterarguments among these relations."""
        side = self._sides.side
        for relation_id in relation_ids:
            ends = self._ends.get(relation_id)
            message: list[str] = []
            if ends is not None and ends.kind == RelationKind.ATTACK:
                answered = self._answered(relation_id) or any(
                    self._answered(p) for p in ends.premises
                )
                if not answered:
                    premises = [self._node[p] for p in ends.premises]
                    if all(_theirs(p, side) for p in premises):
                        message = [
                            f"no answer to {quote_all(premises)} (it {self._aim(ends.target)})"
                        ]
            self._set_gaps(
                GapKind.UNANSWERED_COUNTERARGUMENT,
                relation_id,
                message,
                ends.premises if ends is not None else (),
                (relation_id,),
            )

    def _aim(self, target: str) -> str:
        """What an attack aims at, in the words of ``find_gaps``."""
        if target in self._node:
            return f"attacks {quote(self._node[target])}"
        inference = self._ends[target]
        end = self._node.get(inference.target)
        to = quote(end) if end else "another inference"
        steps = quote_all(self._node[p] for p in inference.premises)
        return f"undercuts the step from {steps} to {to}"

    def _answered(self, item: str) -> bool:
        return any(
            self._ends[r].kind == RelationKind.ATTACK for r in self._targeted_by.get(item, ())
        )

    def _update_circles(self) -> None:
        found = {(gap.node_ids[0], 0): gap for gap in _circular(self.map)}
        for key in [k for k in self._circles if k not in found]:
            self._set(GapKind.CIRCULAR_SUPPORT, key, None)
        for key, gap in found.items():
            self._set(GapKind.CIRCULAR_SUPPORT, key, gap)
        self._circles = found
        self._in_circle = {i for gap in found.values() for i in gap.node_ids}

    def _update_parts(self, renamed: Collection[str] = ()) -> None:
        """Islands: the parts that changed, and those whose first statement was edited."""
        changed = self._parts.take_changed()
        for node_id in renamed:
            if node_id in self._parts:
                part = self._parts.part_of(node_id)
                row = self._part_row.get(part)
                if row is not None and row[0] == node_id:
                    changed.add(part)
        for part in changed:
            row = self._part_row.pop(part, None)
            if row is not None:
                self._set(GapKind.DISCONNECTED, row, None)
        keys = self._node_key
        for part in changed:
            members = self._parts.members(part)
            if not members or self._parts.marks(part):
                continue
            statements = sorted((v for v in members if v in self._kind), key=keys.__getitem__)
            if not statements:
                continue
            first = self._node[statements[0]]
            others = f" and {len(statements) - 1} more" if len(statements) > 1 else ""
            row = (first.id, 0)
            self._part_row[part] = row
            self._set(
                GapKind.DISCONNECTED,
                row,
                Gap(
                    GapKind.DISCONNECTED,
                    tuple(statements),
                    f"{quote(first)}{others} not connected to any main claim",
                ),
            )

    def _set_gaps(
        self,
        kind: GapKind,
        item: str,
        messages: Sequence[str],
        node_ids: Sequence[str] | None = None,
        relation_ids: tuple[str, ...] = (),
    ) -> None:
        """The item's gaps of one kind are these (one per message), no more."""
        found = self._gaps[kind]
        if not messages and (item, 0) not in found:
            return  # none, as before: the usual case
        ids = tuple(node_ids) if node_ids is not None else (item,)
        for i, message in enumerate(messages):
            self._set(kind, (item, i), Gap(kind, ids, message, relation_ids))
        extra = len(messages)
        while (item, extra) in found:
            self._set(kind, (item, extra), None)
            extra += 1

    def _set(self, kind: GapKind, key: RowKey, gap: Gap | None) -> None:
        found = self._gaps[kind]
        old = found.get(key)
        if old == gap:
            return
        rows = self._rows[kind]
        order = self._order(kind)
        if old is None and (not rows or order(rows[-1]) < order(key)):
            row = len(rows)  # the usual case when building: gaps come in map order
        else:
            row = bisect_left(rows, order(key), key=order)
        if gap is None:
            del found[key]
            rows.pop(row)
            self._changes.append(RowChange(kind, "remove", row))
            return
        found[key] = gap
        if old is None:
            rows.insert(row, key)
            self._changes.append(RowChange(kind, "insert", row, gap))
        else:
            self._changes.append(RowChange(kind, "replace", row, gap))

    def _order(self, kind: GapKind) -> Callable[[RowKey], tuple[float, int]]:
        keys = self._relation_key if kind is GapKind.UNANSWERED_COUNTERARGUMENT else self._node_key
        return lambda key: (keys[key[0]], key[1])


def _present[T: _HasId](
    items: Sequence[T], ids: Collection[str], gone: Collection[str], find: Callable[[str], T]
) -> dict[str, T]:
    """The items with these ids that are there, by id. Those just appended are found at the
    end of the list and those known to be gone are not looked for: the map's look-up would
    go through the whole list for either."""
    wanted = [i for i in ids if i not in gone]
    found: dict[str, T] = {}
    tail = items[max(0, len(items) - 2 * len(wanted)) :]
    for item in tail:
        if item.id in ids:
            found[item.id] = item
    for item_id in wanted:
        if item_id not in found:
            with contextlib.suppress(KeyError):  # not there after all
                found[item_id] = find(item_id)
    return found


def _ends_of(relation: Relation) -> RelationEnds:
    return RelationEnds(relation.kind, tuple(relation.premises), relation.target)


class _Order:
    """Order keys that follow a list's order: appended items get the next key, an item put
    back in the middle one between its neighbours', and the others keep theirs."""

    def __init__(self, items: Sequence[_HasId]) -> None:
        self.keys = {item.id: float(i) for i, item in enumerate(items)}
        self._last = float(len(items))

    def forget(self, item_id: str) -> None:
        self.keys.pop(item_id, None)

    def place(self, items: Sequence[_HasId], new: list[str]) -> bool:
        """Keys for the new items; False when that cannot be done (an item the keys do not
        know, the others in another order, or no room left between two keys)."""
        if not new:
            return True
        keys, fresh = self.keys, set(new)
        tail = items[len(items) - len(new) :]
        if len(tail) == len(new) and all(item.id in fresh for item in tail):
            for item in tail:
                self._last += 1.0
                keys[item.id] = self._last
            return True
        run: list[str] = []
        before: float | None = None
        ends: list[_HasId | None] = [*items, None]
        for entry in ends:
            if entry is not None and entry.id in fresh:
                run.append(entry.id)
                continue
            after = keys.get(entry.id) if entry is not None else None
            if entry is not None and (after is None or (before is not None and after <= before)):
                return False  # an item nobody told us about, or the others put in another order
            if run:
                low = before if before is not None else (after or 0.0) - len(run) - 1.0
                high = after if after is not None else self._last + len(run) + 1.0
                self._last = max(self._last, high)
                step = (high - low) / (len(run) + 1)
                placed = [low + step * (i + 1) for i in range(len(run))]
                if any(a >= b for a, b in itertools.pairwise([low, *placed, high])):
                    return False
                keys.update(zip(run, placed, strict=True))
                run = []
            before = after
        return True


def touched(
    changes: Iterable[Change], gone: set[str] | None = None
) -> tuple[set[str], set[str], bool]:
    """The statements and relations published changes touched, and whether the checklist
    must start again (another map, or its sources edited). ``gone``, when given, is kept
    to the ids the last of the changes removed (to pass on to :meth:`LiveChecklist.update`).
    """
    nodes: set[str] = set()
    relations: set[str] = set()
    again = False
    for change in changes:
        if change.kind in _NODE_CHANGES:
            nodes.update(change.ids)
        elif change.kind in _RELATION_CHANGES:
            relations.update(change.ids)
        if gone is not None and change.kind in _NODE_CHANGES | _RELATION_CHANGES:
            if change.kind in (ChangeKind.NODE_REMOVED, ChangeKind.RELATION_REMOVED):
                gone.update(change.ids)
            else:
                gone.difference_update(change.ids)
        elif change.kind is ChangeKind.MAP_REPLACED or (
            change.kind is ChangeKind.MAP_CHANGED
            and (not change.fields or "sources" in change.fields)
        ):
            again = True
    return nodes, relations, again


_NODE_CHANGES = frozenset({ChangeKind.NODE_ADDED, ChangeKind.NODE_REMOVED, ChangeKind.NODE_CHANGED})
_RELATION_CHANGES = frozenset(
    {ChangeKind.RELATION_ADDED, ChangeKind.RELATION_REMOVED, ChangeKind.RELATION_CHANGED}
)
