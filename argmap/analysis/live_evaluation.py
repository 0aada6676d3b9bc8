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

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from argmap.analysis.adf import Framework, RelationStatus, relation_status
from argmap.analysis.collector import collector_paused
from argmap.analysis.downstream import downstream_components
from argmap.analysis.errors import OutdatedError, UnknownIdError
from argmap.analysis.evaluate import Evaluation, Semantics
from argmap.analysis.labels import Label
from argmap.analysis.live_framework import LiveFramework
from argmap.analysis.live_index import LiveIndex, Touched
from argmap.analysis.snapshot import Versioned
from argmap.analysis.strength import StrengthMethod, StrengthResult
from argmap.analysis.strength_model import dfquad, energy_update
from argmap.analysis.whatif import NO_WHATIF, WhatIf
from argmap.editing.changes import Change, ChangeKind
from argmap.model import ArgumentMap

__all__ = ["LiveDelta", "LiveEvaluation"]

_IN, _OUT, _UNDECIDED = Label.IN, Label.OUT, Label.UNDECIDED
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
            # The results the views read, kept with cheap snapshots (argmap.analysis.snapshot).
            self._node_labels: Versioned[str, Label] = Versioned()
            self._relation_labels: Versioned[str, RelationStatus] = Versioned()
            self._strength: Versioned[str, float] = Versioned()
            self._contribution: Versioned[str, float] = Versioned()
            self._base: Versioned[str, float] = Versioned(dict(self.index.rating))
            self._fixed: dict[str, Label] = {}
            for statement in whatif.conceded:
                self._fixed[statement] = _IN
                self._base[statement] = 1.0
            for statement in whatif.rejected:
                self._fixed[statement] = _OUT
                self._base[statement] = 0.0
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
        self._node_labels = Versioned({s: labels[s] for s in index.rating})
        self._relation_labels = Versioned({r: relation_status(labels[r]) for r in index.relations})
        self._strength = Versioned({s: values[s] for s in index.rating})
        self._contribution = Versioned({r: values[r] for r in index.relations})

    def _check_whatif(self, whatif: WhatIf) -> None:
        for action, ids in (("concede", whatif.conceded), ("reject", whatif.rejected)):
            unknown = sorted(i for i in ids if i not in self.index.rating)
            if unknown:
                raise UnknownIdError(f"cannot {action} {unknown[0]!r}: the map has no such node")

    # Results -------------------------------------------------------------------------------

    @property
    def node_labels(self) -> Mapping[str, Label]:
        """Each statement's grounded label now (changes with every update)."""
        return self._node_labels.data

    @property
    def relation_labels(self) -> Mapping[str, RelationStatus]:
        """Each relation's status now (changes with every update)."""
        return self._relation_labels.data

    @property
    def strength(self) -> Mapping[str, float]:
        """Each statement's strength now (changes with every update)."""
        return self._strength.data

    @property
    def contribution(self) -> Mapping[str, float]:
        """What each relation passes on now (changes with every update)."""
        return self._contribution.data

    @property
    def base(self) -> Mapping[str, float]:
        """Each statement's base score, what-ifs applied (conceded 1, rejected 0)."""
        return self._base.data

    @property
    def method(self) -> StrengthMethod:
        """The gradual semantics ``auto`` chooses: DF-QuAD, or quadratic energy on a cycle."""
        return StrengthMethod.QUADRATIC_ENERGY if self._cycles else StrengthMethod.DF_QUAD

    def label_evaluation(self) -> Evaluation:
        """The grounded labels now, as an :class:`Evaluation` that stays as it is (its
        mappings are snapshots: taking one costs nothing however large the map)."""
        labels = self._node_labels.snapshot()
        relations = self._relation_labels.snapshot()
        version = self.version

        def current() -> bool:
            return version == self.version

        def around(node_id: str) -> tuple[Framework, tuple[Sequence[Label], ...]]:
            if not current():
                raise OutdatedError("the map has changed since this evaluation")
            if node_id not in labels:
                raise UnknownIdError(f"cannot explain {node_id!r}: the map has no such node")
            framework = LiveFramework(self._sides, labels, relations, current)
            framework.number(node_id)
            return framework, (framework.model,)

        return Evaluation(
            Semantics.GROUNDED, self.whatif, labels=labels, relation_labels=relations, around=around
        )

    def strength_evaluation(self) -> Evaluation:
        """The strengths now, as an :class:`Evaluation` that stays as it is."""
        runs = self._runs.values()
        result = StrengthResult(
            strength=self._strength.snapshot(),
            contribution=self._contribution.snapshot(),
            base=self._base.snapshot(),
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
        gone: dict[str, bool] = {}  # by id: whether the last change of it removed it
        fresh = argument_map is not self.index.map
        for change in changes:
            kind = change.kind
            if kind in _NODE_CHANGES:
                nodes += change.ids
            elif kind in _RELATION_CHANGES:
                relations += change.ids
            else:
                fresh = fresh or kind not in _NEUTRAL
                continue
            removed = kind in (ChangeKind.NODE_REMOVED, ChangeKind.RELATION_REMOVED)
            gone.update(dict.fromkeys(change.ids, removed))
        if fresh:
            return self._afresh(argument_map, whatif)
        with collector_paused():
            # What was removed last is not looked for in the map (a miss scans its list);
            # the counts checked below catch changes that were not reported.
            touched = self.index.sync(nodes, relations, {i for i, out in gone.items() if out})
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
                self._base[statement] = index.rating[statement]
                if statement in whatif.conceded:
                    self._fixed[statement], self._base[statement] = _IN, 1.0
                elif statement in whatif.rejected:
                    self._fixed[statement], self._base[statement] = _OUT, 0.0
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
        if item in self._node_labels:
            del self._node_labels[item], self._strength[item]
            self._base.pop(item)
            self._fixed.pop(item, None)
            delta_nodes.add(item)
        else:
            self._relation_labels.pop(item)
            self._contribution.pop(item)
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
                    self._node_labels[item] = label
                else:
                    self._relation_labels[item] = relation_status(label)
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
                    self._strength[item] = value
                else:
                    self._contribution[item] = value
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
        return combine(self._base.data[item], attacks, supports)

    def _iterate(self, items: list[str]) -> tuple[bool, int]:
        """As :func:`argmap.analysis.strength._iterate`: Euler steps from the base scores."""
        values, base, relations = self.values, self._base.data, self.index.relations
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

    # Explanations ------------------------------------------------------------------------

    def _sides(self, item: str) -> tuple[Sequence[str], Sequence[str]]:
        """An item's positive and negative inputs, as :func:`build_adf` lays them out."""
        links = self.index.relations.get(item)
        if links is not None:
            return links.premises, self.index.undercuts[item]
        if item in self._fixed:
            return (), ()
        return self.index.supports[item], self.index.attacks[item]
