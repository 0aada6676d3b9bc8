"""Grounded labels, relation statuses and strengths of a map, kept up to date edit by edit.

:func:`~argmap.analysis.evaluate.evaluate` works the whole map out each time. A
:class:`LiveEvaluation` keeps its last result with the index it needs (who bears on whom,
:mod:`argmap.analysis.live_index`, and which items lie on cycles) and, given the changes an
edit published, works out again only what lies downstream of the change: the strongly
connected components reachable from the items whose inputs changed
(:mod:`argmap.analysis.downstream`), in dependency order, each only if one of its inputs
changed value, so the work stops where a recomputed component comes out as it was.

Why that gives the same answer as evaluating everything:

* **Grounded labels** are computed component by component: with every input from earlier
  components settled, a component's labels are the least fixed point of its own conditions
  (on a cycle: start undecided, settle what the settled inputs decide, repeat). That is how
  the grounded interpretation decomposes along components (it is directional: a node's label
  depends only on what it rests on), and it is the same Kleene evaluation
  :mod:`argmap.analysis.adf_grounded` runs over the whole map.
* **Strengths** use the equations of :mod:`argmap.analysis.strength` in the same order: an
  item outside cycles in one step, a cycle by the same Euler steps from the same starting
  point, contributions summed in map order. A cycle whose members changed is iterated again
  as a whole. DF-QuAD is used while the map has no cycle, quadratic energy once it has one
  (as ``auto`` chooses); when an edit opens the first cycle or closes the last one, every
  strength is worked out again, since the method changed for all.

Only the grounded semantics and strength are kept this way; complete, preferred and stable
ask for every extension of the whole map, and are evaluated from scratch
(:func:`~argmap.analysis.evaluate.evaluate`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from argmap.analysis.adf import MapADF, RelationStatus, relation_status
from argmap.analysis.collector import collector_paused
from argmap.analysis.downstream import downstream_components
from argmap.analysis.errors import OutdatedError, UnknownIdError
from argmap.analysis.evaluate import Evaluation, Semantics
from argmap.analysis.labels import Label
from argmap.analysis.live_index import LiveIndex, Touched
from argmap.analysis.strength import StrengthMethod, StrengthResult
from argmap.analysis.strength_model import dfquad, energy_update
from argmap.analysis.whatif import NO_WHATIF, WhatIf
from argmap.editing.changes import Change, ChangeKind
from argmap.model import ArgumentMap

__all__ = ["LiveDelta", "LiveEvaluation"]

_IN, _OUT, _UNDECIDED = Label.IN, Label.OUT, Label.UNDECIDED
_LABEL_OF_STATUS = {
    RelationStatus.APPLIES: _IN,
    RelationStatus.BLOCKED: _OUT,
    RelationStatus.UNDECIDED: _UNDECIDED,
}
_STEP = 0.5
_NODE_CHANGES = (ChangeKind.NODE_ADDED, ChangeKind.NODE_REMOVED, ChangeKind.NODE_CHANGED)
_RELATION_CHANGES = (
    ChangeKind.RELATION_ADDED,
    ChangeKind.RELATION_REMOVED,
    ChangeKind.RELATION_CHANGED,
)
_NEUTRAL = (ChangeKind.POSITIONS_CHANGED, ChangeKind.LAYOUT_CHANGED, ChangeKind.MAP_CHANGED)


@dataclass(frozen=True)
class LiveDelta:
    """What one update changed: statements whose label or strength changed (or that came or
    went), likewise relations; ``everything`` when the whole map was evaluated afresh."""

    statements: frozenset[str] = frozenset()
    relations: frozenset[str] = frozenset()
    everything: bool = False


class LiveEvaluation:
    """The grounded labels and the strengths (``auto`` method) of one map, kept up to date.

    Examples
    --------
    >>> from argmap.editing import EditSession, add_related_node
    >>> from argmap.model import Node, NodeKind, RelationKind
    >>> session = EditSession(ArgumentMap(nodes=[Node(id="c", kind="claim")]))
    >>> live = LiveEvaluation(session.map)
    >>> changes = session.execute(
    ...     add_related_node(session.map, "c", NodeKind.COUNTERARGUMENT, RelationKind.ATTACK))
    >>> delta = live.update(session.map, changes)
    >>> sorted(delta.statements), live.node_labels["c"].value
    (['c', 'ca1'], 'out')
    """

    def __init__(
        self,
        argument_map: ArgumentMap,
        whatif: WhatIf = NO_WHATIF,
        *,
        tolerance: float = 1e-9,
        max_iterations: int = 10_000,
    ) -> None:
        self.tolerance, self.max_iterations = tolerance, max_iterations
        #: Counts the evaluations that changed anything (explanations check it).
        self.version = 0
        self._start(argument_map, whatif)

    def _start(self, argument_map: ArgumentMap, whatif: WhatIf) -> None:
        with collector_paused():
            self.index = LiveIndex(argument_map)
            self._check_whatif(whatif)
            self.whatif = whatif
            #: Labels and values of every item (statements and relations), by id.
            self.labels: dict[str, Label] = {}
            self.values: dict[str, float] = {}
            self.node_labels: dict[str, Label] = {}
            self.relation_labels: dict[str, RelationStatus] = {}
            self.strength: dict[str, float] = {}
            self.contribution: dict[str, float] = {}
            #: Each statement's base score, what-ifs applied (conceded 1, rejected 0).
            self.base: dict[str, float] = dict(self.index.rating)
            self._fixed: dict[str, Label] = {}
            for statement in whatif.conceded:
                self._fixed[statement] = _IN
                self.base[statement] = 1.0
            for statement in whatif.rejected:
                self._fixed[statement] = _OUT
                self.base[statement] = 0.0
            self._cycle_of: dict[str, int] = {}
            self._cycles: dict[int, list[str]] = {}
            self._runs: dict[int, tuple[bool, int]] = {}
            self._next_cycle = 0
            self.version += 1
            self._evaluate_all()

    def _evaluate_all(self) -> None:
        """Everything, in dependency order: what lies outside cycles in one cheap pass (Kahn's
        algorithm), then what lies on or after a cycle by components."""
        index, fixed, readers = self.index, self._fixed, self._readers
        waiting = {
            s: 0 if s in fixed else len(index.attacks[s]) + len(index.supports[s])
            for s in index.rating
        }
        undercuts = index.undercuts
        for relation, links in index.relations.items():
            waiting[relation] = len(links.premises) + len(undercuts[relation])
        order = [item for item, count in waiting.items() if not count]
        for item in order:  # the list grows while it is read
            for reader in readers(item):
                waiting[reader] -= 1
                if not waiting[reader]:
                    order.append(reader)
        blocked = [item for item, count in waiting.items() if count]
        rest = downstream_components(blocked, readers)
        self._register(rest)
        energy = bool(self._cycles)
        labels, values, label, value = self.labels, self.values, self._label, self._value
        for item in order:
            labels[item] = label(item)
            values[item] = value(item, energy)
        for members, cyclic in rest:
            self._compute(members, cyclic, energy, strength=True)
        self.node_labels = {s: labels[s] for s in index.rating}
        self.relation_labels = {r: relation_status(labels[r]) for r in index.relations}
        self.strength = {s: values[s] for s in index.rating}
        self.contribution = {r: values[r] for r in index.relations}

    def _check_whatif(self, whatif: WhatIf) -> None:
        for action, ids in (("concede", whatif.conceded), ("reject", whatif.rejected)):
            unknown = sorted(i for i in ids if i not in self.index.rating)
            if unknown:
                raise UnknownIdError(f"cannot {action} {unknown[0]!r}: the map has no such node")

    # Results -------------------------------------------------------------------------------

    @property
    def method(self) -> StrengthMethod:
        """The gradual semantics ``auto`` chooses: DF-QuAD, or quadratic energy on a cycle."""
        return StrengthMethod.QUADRATIC_ENERGY if self._cycles else StrengthMethod.DF_QUAD

    def label_evaluation(self) -> Evaluation:
        """The grounded labels now, as an :class:`Evaluation` that stays as it is."""
        labels = dict(self.node_labels)
        relations = dict(self.relation_labels)
        version = self.version

        def around(node_id: str) -> tuple[MapADF, tuple[list[Label], ...]]:
            if version != self.version:
                raise OutdatedError("the map has changed since this evaluation")
            return self._framework_around(node_id, labels, relations)

        return Evaluation(
            Semantics.GROUNDED, self.whatif, labels=labels, relation_labels=relations, around=around
        )

    def strength_evaluation(self) -> Evaluation:
        """The strengths now, as an :class:`Evaluation` that stays as it is."""
        runs = self._runs.values()
        result = StrengthResult(
            strength=dict(self.strength),
            contribution=dict(self.contribution),
            base=dict(self.base),
            method=self.method,
            converged=all(done for done, _ in runs),
            iterations=max((steps for _, steps in runs), default=0),
        )
        return Evaluation(Semantics.STRENGTH, self.whatif, strength_result=result)

    # Updating ------------------------------------------------------------------------------

    def update(
        self,
        argument_map: ArgumentMap,
        changes: Iterable[Change] = (),
        whatif: WhatIf | None = None,
    ) -> LiveDelta:
        """Follow the published ``changes`` (and a new what-if); what changed, see
        :class:`LiveDelta`.

        A replaced map, a change of an unknown kind, or a map that no longer matches the index
        (a change not reported) is evaluated afresh. Raises
        :class:`~argmap.analysis.errors.FrameworkError` for a map whose relations name missing
        nodes and :class:`~argmap.analysis.errors.UnknownIdError` for a what-if on a node the
        map lacks; the live evaluation is then unusable (make a new one once the map is fixed).
        """
        whatif = self.whatif if whatif is None else whatif
        nodes: list[str] = []
        relations: list[str] = []
        fresh = argument_map is not self.index.map
        for change in changes:
            if change.kind in _NODE_CHANGES:
                nodes += change.ids
            elif change.kind in _RELATION_CHANGES:
                relations += change.ids
            elif change.kind not in _NEUTRAL:
                fresh = True
        if fresh:
            return self._afresh(argument_map, whatif)
        with collector_paused():
            touched = self.index.sync(nodes, relations)
            index = self.index
            if len(index.rating) != len(argument_map.nodes) or len(index.relations) != len(
                argument_map.relations
            ):
                return self._afresh(argument_map, whatif)
            if whatif != self.whatif:
                self._check_whatif(whatif)
                self._follow_whatif(whatif, touched)
            if not (touched.seeds or touched.removed):
                return LiveDelta()
            return self._propagate(touched)

    def _afresh(self, argument_map: ArgumentMap, whatif: WhatIf) -> LiveDelta:
        self._start(argument_map, whatif)
        return LiveDelta(everything=True)

    def _follow_whatif(self, whatif: WhatIf, touched: Touched) -> None:
        old = self.whatif
        self.whatif = whatif
        changed = (old.conceded ^ whatif.conceded) | (old.rejected ^ whatif.rejected)
        touched.seeds |= changed
        touched.linked |= changed  # a statement fixed, or released, loses or gains its inputs

    def _propagate(self, touched: Touched) -> LiveDelta:
        index, whatif = self.index, self.whatif
        seeds = touched.seeds
        had_cycle = bool(self._cycles)
        delta_nodes: set[str] = set()
        delta_relations: set[str] = set()
        for item in touched.linked:  # a cycle through a changed link is worked out whole
            cycle = self._cycle_of.get(item)
            if cycle is not None:
                seeds.update(self._cycles[cycle])
        for item in touched.removed:
            self._forget(item, delta_nodes, delta_relations)
        seeds.difference_update([s for s in seeds if not index.has(s)])
        for statement in seeds:
            if statement in index.rating:
                self._fixed.pop(statement, None)
                self.base[statement] = index.rating[statement]
                if statement in whatif.conceded:
                    self._fixed[statement], self.base[statement] = _IN, 1.0
                elif statement in whatif.rejected:
                    self._fixed[statement], self.base[statement] = _OUT, 0.0
        components = downstream_components(seeds, self._readers)
        self._register(components)
        energy = bool(self._cycles)
        everything = energy != had_cycle  # the method changed: every strength with it
        dirty = set(seeds)
        for members, cyclic in components:
            if dirty.isdisjoint(members):
                continue  # nothing it reads changed: it stays as it was, and so on downstream
            moved = self._compute(members, cyclic, energy, strength=not everything)
            for item in moved:
                dirty.update(self._readers(item))
                (delta_nodes if item in index.rating else delta_relations).add(item)
        if everything:
            for members, cyclic in downstream_components(index.items(), self._readers):
                for item in self._compute_strength(members, cyclic, energy):
                    (delta_nodes if item in index.rating else delta_relations).add(item)
        self.version += 1
        return LiveDelta(frozenset(delta_nodes), frozenset(delta_relations))

    def _forget(self, item: str, delta_nodes: set[str], delta_relations: set[str]) -> None:
        self.labels.pop(item, None)
        self.values.pop(item, None)
        if item in self.node_labels:
            del self.node_labels[item], self.strength[item]
            self.base.pop(item, None)
            self._fixed.pop(item, None)
            delta_nodes.add(item)
        else:
            self.relation_labels.pop(item, None)
            self.contribution.pop(item, None)
            delta_relations.add(item)
        cycle = self._cycle_of.get(item)
        if cycle is not None:
            self._drop_cycle(cycle)

    # Structure -----------------------------------------------------------------------------

    def _readers(self, item: str) -> Collection[str]:
        """The items whose conditions read ``item`` (a fixed statement reads nothing)."""
        links = self.index.relations.get(item)
        if links is None:
            return self.index.premise_of[item]
        return () if links.target in self._fixed else (links.target,)

    def _inputs(self, item: str) -> list[str]:
        """The items ``item``'s condition reads."""
        links = self.index.relations.get(item)
        if links is not None:
            return [*links.premises, *self.index.undercuts[item]]
        if item in self._fixed:
            return []
        return [*self.index.attacks[item], *self.index.supports[item]]

    def _register(self, components: list[tuple[list[str], bool]]) -> None:
        """Record which of these (whole) components are cycles, forgetting what they were."""
        cycle_of = self._cycle_of
        for members, cyclic in components:
            first = cycle_of.get(members[0])
            if (
                cyclic
                and first is not None
                and len(self._cycles[first]) == len(members)
                and all(cycle_of.get(item) == first for item in members)
            ):
                continue  # the same cycle as before (its last run still stands)
            for item in members:
                cycle = cycle_of.get(item)
                if cycle is not None:
                    self._drop_cycle(cycle)
            if cyclic:
                number = self._next_cycle
                self._next_cycle += 1
                self._cycles[number] = members
                cycle_of.update(dict.fromkeys(members, number))

    def _drop_cycle(self, cycle: int) -> None:
        for item in self._cycles.pop(cycle, ()):
            self._cycle_of.pop(item, None)
        self._runs.pop(cycle, None)

    # Evaluating one component --------------------------------------------------------------

    def _compute(self, members: list[str], cyclic: bool, energy: bool, strength: bool) -> list[str]:
        """Labels (and strengths) of one component from its settled inputs; what changed."""
        moved = self._compute_labels(members, cyclic)
        if strength:
            moved += self._compute_strength(members, cyclic, energy)
        return moved

    def _compute_labels(self, members: list[str], cyclic: bool) -> list[str]:
        labels = self.labels
        old = [labels.get(item) for item in members]
        if not cyclic:
            labels[members[0]] = self._label(members[0])
        else:  # the least fixed point: from undecided, settle what the settled inputs decide
            inside = set(members)
            for item in members:
                labels[item] = _UNDECIDED
            queue = list(members)
            while queue:
                item = queue.pop()
                if labels[item] is not _UNDECIDED:
                    continue
                label = self._label(item)
                if label is not _UNDECIDED:
                    labels[item] = label
                    queue += [r for r in self._readers(item) if r in inside]
        moved = []
        statements = self.index.rating
        for item, before in zip(members, old, strict=True):
            label = labels[item]
            if label is not before:
                moved.append(item)
                if item in statements:
                    self.node_labels[item] = label
                else:
                    self.relation_labels[item] = relation_status(label)
        return moved

    def _label(self, item: str) -> Label:
        """The item's condition in three values, from its inputs' labels (Kleene)."""
        fixed = self._fixed.get(item)
        if fixed is not None:
            return fixed
        labels, index = self.labels, self.index
        undecided = False
        links = index.relations.get(item)
        if links is not None:  # all premises in, no undercut applying
            for undercut in index.undercuts[item]:
                label = labels[undercut]
                if label is _IN:
                    return _OUT
                undecided = undecided or label is _UNDECIDED
            for premise in links.premises:
                label = labels[premise]
                if label is _OUT:
                    return _OUT
                undecided = undecided or label is _UNDECIDED
            return _UNDECIDED if undecided else _IN
        for attack in index.attacks[item]:  # no attack applying, and one reason (if any needed)
            label = labels[attack]
            if label is _IN:
                return _OUT
            undecided = undecided or label is _UNDECIDED
        supports = index.supports[item]
        if supports:
            positive = _OUT
            for support in supports:
                label = labels[support]
                if label is _IN:
                    positive = _IN
                    break
                if label is _UNDECIDED:
                    positive = _UNDECIDED
            if positive is _OUT:
                return _OUT
            undecided = undecided or positive is _UNDECIDED
        return _UNDECIDED if undecided else _IN

    def _compute_strength(self, members: list[str], cyclic: bool, energy: bool) -> list[str]:
        values = self.values
        old = [values.get(item) for item in members]
        if not cyclic:
            values[members[0]] = self._value(members[0], energy)
        else:
            self._runs[self._cycle_of[members[0]]] = self._iterate(members)
        moved = []
        statements = self.index.rating
        for item, before in zip(members, old, strict=True):
            value = values[item]
            if value != before:
                moved.append(item)
                if item in statements:
                    self.strength[item] = value
                else:
                    self.contribution[item] = value
        return moved

    def _value(self, item: str, energy: bool) -> float:
        """As :meth:`argmap.analysis.strength_model.StrengthModel.value`, in the same order."""
        values, index = self.values, self.index
        links = index.relations.get(item)
        if links is not None:
            weight = min(values[p] for p in links.premises)
            for undercut in index.undercuts[item]:
                weight *= 1.0 - values[undercut]
            return weight
        fixed = self._fixed.get(item)
        if fixed is not None:
            return 1.0 if fixed is _IN else 0.0
        attacks = [values[r] for r in index.attacks[item]]
        supports = [values[r] for r in index.supports[item]]
        combine = energy_update if energy else dfquad
        return combine(self.base[item], attacks, supports)

    def _iterate(self, items: list[str]) -> tuple[bool, int]:
        """As :func:`argmap.analysis.strength._iterate`: Euler steps from the base scores."""
        values, base, relations = self.values, self.base, self.index.relations
        for item in items:
            links = relations.get(item)
            if links is not None:
                values[item] = min(base[p] for p in links.premises)
            else:
                values[item] = base[item]
        for step in range(1, self.max_iterations + 1):
            targets = {item: self._value(item, True) for item in items}
            moved = 0.0
            for item, target in targets.items():
                change = _STEP * (target - values[item])
                values[item] += change
                moved = max(moved, abs(change))
            if moved < self.tolerance:
                return True, step
        return False, self.max_iterations

    # Explanations --------------------------------------------------------------------------

    def _framework_around(
        self, node_id: str, labels: dict[str, Label], relations: dict[str, RelationStatus]
    ) -> tuple[MapADF, tuple[list[Label], ...]]:
        """The framework of what ``node_id`` rests on (its inputs, theirs, and so on), laid
        out as :func:`~argmap.analysis.adf.build_adf` lays out a map, with its one model."""
        index = self.index
        if node_id not in index.rating:
            raise UnknownIdError(f"cannot explain {node_id!r}: the map has no such node")
        order = [node_id]
        seen = {node_id}
        for item in order:  # the list grows while it is read
            for found in self._inputs(item):
                if found not in seen:
                    seen.add(found)
                    order.append(found)
        statements = [i for i in order if i in index.rating]
        links = [i for i in order if i not in index.rating]
        names = (*statements, *links)
        at = {name: k for k, name in enumerate(names)}
        positive: list[list[int]] = []
        negative: list[list[int]] = []
        needs_all: list[bool] = []
        premise_of: list[list[int]] = []
        for statement in statements:
            fixed = self._fixed.get(statement)
            supports = [] if fixed else [at[r] for r in index.supports[statement]]
            positive.append(supports)
            negative.append([] if fixed else [at[r] for r in index.attacks[statement]])
            needs_all.append(fixed is _IN if fixed else not supports)
            premise_of.append([at[r] for r in index.premise_of[statement] if r in at])
        target: list[int] = []
        is_support: list[bool] = []
        for relation in links:
            relation_links = index.relations[relation]
            positive.append([at[p] for p in relation_links.premises])
            negative.append([at[u] for u in index.undercuts[relation]])
            needs_all.append(True)
            reader = relation_links.target
            target.append(-1 if reader in self._fixed else at.get(reader, -1))
            is_support.append(relation_links.support)
        adf = MapADF(
            names, len(statements), positive, negative, needs_all, premise_of, target, is_support
        )
        model = [labels[s] for s in statements]
        model += [_LABEL_OF_STATUS[relations[r]] for r in links]
        return adf, (model,)
