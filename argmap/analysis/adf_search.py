"""Complete, preferred and stable interpretations of a map's framework, by exact search.

The standard definitions for abstract dialectical frameworks (Brewka et al. 2013), on three
values ordered by information (undecided below in and out):

* **complete**: every node's label is its condition's value under the labels of its inputs
  (a fixed point of the characteristic operator; Kleene's logic computes it exactly here, see
  :mod:`argmap.analysis.adf`);
* **preferred**: a complete interpretation that no other complete one extends (maximal
  admissible interpretations are maximal complete ones);
* **stable**: a two-valued complete interpretation whose reduct confirms it: what is in must
  follow from the assumed statements through applying relations alone, so a circle of
  supports never holds itself up.

On a map with attacks only these are Dung's complete, preferred and stable labellings.

Everything the grounded interpretation settles is settled in every one of them, so the search
works only on what it leaves undecided, split into strongly connected components of the links
and solved one component at a time in dependency order: a component's labels depend only on
those of its inputs. Information order is kept componentwise (the characteristic operator is
monotone), so an interpretation is preferred exactly when each component's part is maximal
given its inputs; the reduct check, too, goes component by component. Inside a component each
node's possible values are bounded from its inputs' (unassigned inputs count as anything),
forced values are propagated after each choice, and the next choice is the node with the
fewest unassigned inputs. The search stops with :class:`~argmap.analysis.errors.TooLargeError`
past :attr:`Limits.max_extensions` interpretations or :attr:`Limits.max_steps` steps.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx

from argmap.analysis.adf import MapADF
from argmap.analysis.adf_grounded import grounded
from argmap.analysis.errors import TooLargeError
from argmap.analysis.labels import Label

__all__ = ["DEFAULT_LIMITS", "MODES", "Found", "Limits", "interpretations"]

MODES = ("complete", "preferred", "stable")

# Truth order, for bounds: false < undecided < true.
_F, _U, _T = 0, 1, 2
_VALUE = {Label.OUT: _F, Label.UNDECIDED: _U, Label.IN: _T}
_LABEL = {_F: Label.OUT, _U: Label.UNDECIDED, _T: Label.IN}


@dataclass(frozen=True)
class Limits:
    """Where exact enumeration gives up: interpretations found, and search steps taken."""

    max_extensions: int = 1000
    max_steps: int = 400_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Found:
    """What the search found: ``models`` (labels by node index), one per distinct set of
    accepted statements, which differ from the grounded labels ``base`` only at ``open``."""

    base: list[Label]
    open: list[int]
    models: list[list[Label]]


def interpretations(adf: MapADF, mode: str, limits: Limits = DEFAULT_LIMITS) -> Found:
    """Every complete, preferred or stable interpretation, one per distinct set of accepted
    statements, grounded choices first (``in`` before ``out`` before undecided).

    Examples
    --------
    Two statements attacking each other: three complete interpretations, two preferred.

    >>> from argmap.analysis.adf import build_adf
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id=i, kind="claim") for i in ("a", "b")],
    ...     relations=[Relation(id="r", kind="attack", premises=["a"], target="b"),
    ...                Relation(id="s", kind="attack", premises=["b"], target="a")])
    >>> found = interpretations(build_adf(m), "complete")
    >>> [[str(x) for x in model[:2]] for model in found.models]
    [['in', 'out'], ['out', 'in'], ['undecided', 'undecided']]
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    base = grounded(adf)
    open_nodes = [i for i, label in enumerate(base) if label is Label.UNDECIDED]
    if not open_nodes:
        return Found(base, [], [base])
    open_statements = [i for i in open_nodes if i < adf.statement_count]
    values = [_VALUE[label] for label in base]
    search = _Search(adf, mode, limits.max_steps)
    results: list[list[Label]] = []
    seen: set[tuple[bool, ...]] = set()
    for found in _walk(_components(adf, open_nodes), search, values):
        key = tuple(found[i] == _T for i in open_statements)
        if key in seen:
            continue
        seen.add(key)
        model = base.copy()  # only the open nodes differ from the grounded labels
        for i in open_nodes:
            model[i] = _LABEL[found[i]]
        results.append(model)
        if len(results) > limits.max_extensions:
            raise TooLargeError(
                f"more than {limits.max_extensions:,} {mode} extensions; "
                "use the grounded semantics or strength instead"
            )
    return Found(base, open_nodes, results)


def _components(adf: MapADF, open_nodes: list[int]) -> list[list[int]]:
    """Strongly connected components of the undecided part, inputs before what reads them."""
    members = set(open_nodes)
    graph = nx.DiGraph()
    graph.add_nodes_from(open_nodes)
    for i in open_nodes:
        graph.add_edges_from((i, j) for j, _ in adf.outputs[i] if j in members)
    condensed = nx.condensation(graph)
    return [
        sorted(condensed.nodes[c]["members"])
        for c in nx.lexicographical_topological_sort(
            condensed, key=lambda c: min(condensed.nodes[c]["members"])
        )
    ]


def _walk(components: list[list[int]], search: _Search, values: list[int]) -> Iterator[list[int]]:
    """Every combination of per-component solutions, depth first (iteratively); each one is
    ``values`` itself, updated in place (read it before asking for the next)."""
    stack = [iter(search.solve(components[0], values))]
    while stack:
        local = next(stack[-1], None)
        if local is None:
            stack.pop()
            continue
        for node, value in local.items():
            values[node] = value
        if len(stack) == len(components):
            yield values
        else:
            stack.append(iter(search.solve(components[len(stack)], values)))


class _Search:
    """Solves one component at a time, remembering answers for the same inputs."""

    def __init__(self, adf: MapADF, mode: str, max_steps: int) -> None:
        self.adf = adf
        self.mode = mode
        self.max_steps = max_steps
        self.steps = 0
        self.memo: dict[tuple[int, tuple[int, ...]], list[dict[int, int]]] = {}

    def solve(self, members: list[int], values: list[int]) -> list[dict[int, int]]:
        inside = set(members)
        outside = sorted(
            {
                j
                for i in members
                for j in (*self.adf.positive[i], *self.adf.negative[i])
                if j not in inside
            }
        )
        key = (members[0], tuple(values[j] for j in outside))
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._search(members, inside, values)
        return found

    def _search(
        self, members: list[int], inside: set[int], values: list[int]
    ) -> list[dict[int, int]]:
        adf = self.adf
        readers = {i: [j for j, _ in adf.outputs[i] if j in inside] for i in members}
        inputs = {
            i: [j for j in (*adf.positive[i], *adf.negative[i]) if j in inside] for i in members
        }
        options = (_T, _F) if self.mode == "stable" else (_T, _F, _U)
        found: list[dict[int, int]] = []
        start: dict[int, int | None] = dict.fromkeys(members)
        stack: list[tuple[dict[int, int | None], list[int]]] = [(start, list(members))]
        while stack:
            state, changed = stack.pop()
            if not self._propagate(state, changed, readers, values):
                continue
            free = _most_constrained(state, members, inputs)
            if free is None:
                solution = {i: v for i, v in state.items() if v is not None}
                if self.mode != "stable" or self._confirmed(members, solution, values):
                    found.append(solution)
                continue
            for value in reversed(options):  # the stack pops "in" first
                stack.append(({**state, free: value}, [free, *readers[free]]))
        if self.mode == "preferred":
            found = _maximal(found)
        return found

    def _propagate(
        self,
        state: dict[int, int | None],
        changed: list[int],
        readers: dict[int, list[int]],
        values: list[int],
    ) -> bool:
        """Force values until none changes; False when some condition cannot hold."""
        queue = list(changed)
        queued = set(queue)
        while queue:
            node = queue.pop()
            queued.discard(node)
            self._step()
            low, high = self._bounds(node, state, values)
            if self.mode == "stable":
                low = _T if low == _U else low
                high = _F if high == _U else high
                if low > high:
                    return False
            current = state[node]
            if current is None:
                if low != high:
                    continue
                state[node] = current = low
                forced = [node]
            elif not low <= current <= high:
                return False
            else:
                forced = []
            backward = self._backward(node, current, state, values)
            if backward is None:
                return False
            for changed_node in (*forced, *backward):
                for reader in (changed_node, *readers[changed_node]):
                    if reader not in queued:
                        queued.add(reader)
                        queue.append(reader)
        return True

    def _backward(
        self, node: int, value: int, state: dict[int, int | None], values: list[int]
    ) -> list[int] | None:
        """Inputs of a node with a value that only one choice leaves consistent with it (as
        in Dung's rules: everything attacking an accepted argument is rejected, and an
        argument is rejected by its one remaining candidate attacker). None: no choice is."""
        if value == _U:
            return []
        adf = self.adf

        def current(j: int) -> int | None:
            return state[j] if j in state else values[j]

        forced: list[int] = []

        def force(j: int, v: int) -> bool:
            found = current(j)
            if found is None:
                state[j] = v
                forced.append(j)
                return True
            return found == v

        positive, negative = adf.positive[node], adf.negative[node]
        if value == _T:
            if not all(force(j, _F) for j in negative):
                return None
            if adf.needs_all[node]:
                return forced if all(force(j, _T) for j in positive) else None
            can_hold = [j for j in positive if current(j) in (None, _T)]
            if not can_hold:
                return None
            if len(can_hold) == 1 and not force(can_hold[0], _T):
                return None
            return forced
        can_fail = [j for j in positive if current(j) in (None, _F)]
        positive_can_fail = (
            bool(can_fail) if adf.needs_all[node] else len(can_fail) == len(positive)
        )
        can_attack = [j for j in negative if current(j) in (None, _T)]
        if not positive_can_fail:
            if not can_attack:
                return None
            if len(can_attack) == 1 and not force(can_attack[0], _T):
                return None
        elif not can_attack:
            if adf.needs_all[node]:
                if len(can_fail) == 1 and not force(can_fail[0], _F):
                    return None
            elif not all(force(j, _F) for j in positive):
                return None
        return forced

    def _bounds(
        self, node: int, state: dict[int, int | None], values: list[int]
    ) -> tuple[int, int]:
        """The least and greatest value (truth order) the node's condition can take."""
        adf = self.adf

        def bounds(j: int) -> tuple[int, int]:
            if j in state:
                v = state[j]
                return (_F, _T) if v is None else (v, v)
            return values[j], values[j]

        positive = adf.positive[node]
        if adf.needs_all[node]:
            low = high = _T
            for j in positive:
                a, b = bounds(j)
                low, high = min(low, a), min(high, b)
        else:
            low = high = _F
            for j in positive:
                a, b = bounds(j)
                low, high = max(low, a), max(high, b)
        for j in adf.negative[node]:
            a, b = bounds(j)
            # and not(j): the negation of [a, b] is [T - b, T - a]
            low, high = min(low, _T - b), min(high, _T - a)
        return low, high

    def _confirmed(self, members: list[int], solution: dict[int, int], values: list[int]) -> bool:
        """The reduct check: what is in inside the component follows from what is in outside
        through positive links alone (a false input counts as false; a true one outside is
        already confirmed)."""
        adf = self.adf
        derived: set[int] = set()

        def holds(j: int) -> bool:
            return j in derived if j in solution else values[j] == _T

        changed = True
        while changed:
            changed = False
            for i in members:
                if solution[i] != _T or i in derived:
                    continue
                positive = adf.positive[i]
                ok = all(map(holds, positive)) if adf.needs_all[i] else any(map(holds, positive))
                if ok:
                    derived.add(i)
                    changed = True
        return all(solution[i] != _T or i in derived for i in members)

    def _step(self) -> None:
        self.steps += 1
        if self.steps > self.max_steps:
            raise TooLargeError(
                f"the search for {self.mode} extensions passed {self.max_steps:,} steps "
                "(the map has large cycles); use the grounded semantics or strength instead"
            )


def _most_constrained(
    state: dict[int, int | None], members: list[int], inputs: dict[int, list[int]]
) -> int | None:
    """The unassigned node with the fewest unassigned inputs: choosing it forces most."""
    best, fewest = None, 0
    for node in members:
        if state[node] is None:
            count = sum(1 for j in inputs[node] if state[j] is None)
            if best is None or count < fewest:
                best, fewest = node, count
                if count == 0:
                    break
    return best


def _maximal(found: list[dict[int, int]]) -> list[dict[int, int]]:
    """The solutions no other one extends in information (undecided below in and out)."""

    def below(a: dict[int, int], b: dict[int, int]) -> bool:
        return a != b and all(v == _U or b[k] == v for k, v in a.items())

    return [a for a in found if not any(below(a, b) for b in found)]
