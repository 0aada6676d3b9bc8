"""Dung semantics: the grounded labelling, and complete, preferred and stable extensions.

These work on abstract frameworks (TGF files, :mod:`argmap.analysis.tgf`). Argument maps are
evaluated by their acceptance conditions instead (:mod:`argmap.analysis.adf`), which give
these same answers on a map of attacks only.

Labellings follow Caminada (2006): an argument is ``in`` when all its attackers are ``out``,
``out`` when some attacker is ``in``, and ``undecided`` otherwise. A complete labelling keeps
these rules everywhere; the grounded labelling is the complete one with the fewest ``in``;
preferred labellings have a maximal ``in`` set; stable ones have nothing ``undecided``. An
extension is the ``in`` set of such a labelling.

The grounded labelling takes time linear in the size of the framework. The others are found
by exact search, pruned in the standard ways: everything the grounded labelling decides is
fixed, and the rest is split into strongly connected components solved one at a time in
the order of the attacks between them (SCC-recursiveness, Baroni, Giacomin & Guida 2005):
a component's labels depend only on those of the components attacking it, and a labelling is
preferred exactly when each component's part is ``in``-maximal given what attacks it. The
search stops with :class:`~argmap.analysis.errors.TooLargeError` once it has found more than
:attr:`Limits.max_extensions` extensions or taken :attr:`Limits.max_steps` steps (about one
second), rather than hang; maps of a few hundred statements with the usual short cycles stay
far below both.

References
----------
.. [1] M. Caminada, "On the issue of reinstatement in argumentation", JELIA 2006.
.. [2] P. Baroni, M. Giacomin, G. Guida, "SCC-recursiveness: a general schema for
   argumentation semantics", Artificial Intelligence 168(1-2), 2005.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

import networkx as nx

from argmap.analysis.components import ComponentSearch
from argmap.analysis.dung import DungFramework
from argmap.analysis.errors import TooLargeError
from argmap.analysis.labels import Label, Labelling

__all__ = [
    "DEFAULT_LIMITS",
    "ExtensionSemantics",
    "Label",
    "Labelling",
    "Limits",
    "complete_extensions",
    "extensions",
    "grounded_extension",
    "grounded_labelling",
    "labellings",
    "preferred_extensions",
    "stable_extensions",
]


class ExtensionSemantics(StrEnum):
    """The semantics whose extensions are found by search."""

    COMPLETE = "complete"
    PREFERRED = "preferred"
    STABLE = "stable"


@dataclass(frozen=True)
class Limits:
    """Where exact enumeration gives up: extensions found, and search steps taken."""

    max_extensions: int = 1000
    max_steps: int = 400_000


DEFAULT_LIMITS = Limits()


def grounded_labelling(framework: DungFramework) -> Labelling:
    """The grounded labelling: the least committed complete labelling, in linear time.

    Examples
    --------
    Reinstatement: ``c`` attacks ``b``, which attacks ``a``; ``a`` is back in.

    >>> from argmap.analysis.dung import DungFramework
    >>> af = DungFramework.of("abc", [("b", "a"), ("c", "b")])
    >>> {a: str(label) for a, label in grounded_labelling(af).items()}
    {'a': 'in', 'b': 'out', 'c': 'in'}
    """
    targets = framework.targets
    live = dict.fromkeys(framework.arguments, 0)
    for _, attacked in framework.attacks:
        live[attacked] += 1
    labels: dict[str, Label] = {}
    queue = [a for a, count in live.items() if count == 0]
    for argument in queue:
        labels[argument] = Label.IN
    while queue:
        argument = queue.pop()
        for beaten in targets[argument]:
            if beaten in labels:
                continue
            labels[beaten] = Label.OUT
            for freed in targets[beaten]:
                live[freed] -= 1
                if live[freed] == 0 and freed not in labels:
                    labels[freed] = Label.IN
                    queue.append(freed)
    return {a: labels.get(a, Label.UNDECIDED) for a in framework.arguments}


def grounded_extension(framework: DungFramework) -> frozenset[str]:
    """The grounded extension: the arguments ``in`` in the grounded labelling."""
    return frozenset(a for a, label in grounded_labelling(framework).items() if label is Label.IN)


def labellings(
    framework: DungFramework,
    semantics: ExtensionSemantics | str,
    limits: Limits = DEFAULT_LIMITS,
) -> list[Labelling]:
    """Every complete, preferred or stable labelling, in a reproducible order.

    Raises :class:`~argmap.analysis.errors.TooLargeError` past ``limits``.

    Examples
    --------
    >>> from argmap.analysis.dung import DungFramework
    >>> af = DungFramework.of("ab", [("a", "b"), ("b", "a")])
    >>> [sorted(a for a, label in lab.items() if label is Label.IN)
    ...  for lab in labellings(af, "complete")]
    [['a'], ['b'], []]
    """
    mode = ExtensionSemantics(semantics)
    base = grounded_labelling(framework)
    open_args = [a for a, label in base.items() if label is Label.UNDECIDED]
    if not open_args:
        return [base]
    components = _components(framework, open_args)
    search = ComponentSearch(framework, mode.value, limits.max_steps)
    results: list[Labelling] = []
    for found in _walk(components, search, dict(base)):
        results.append(found)
        if len(results) > limits.max_extensions:
            raise TooLargeError(
                f"more than {limits.max_extensions:,} {mode.value} extensions; "
                "use the grounded semantics or strength instead"
            )
    return results


def _walk(
    components: list[list[str]], search: ComponentSearch, labelling: dict[str, Label]
) -> Iterator[Labelling]:
    """Every combination of per-component labellings, depth first (iterative: no recursion
    limit on long chains of components)."""
    stack = [iter(search.solve(components[0], labelling))]
    while stack:
        local = next(stack[-1], None)
        if local is None:
            stack.pop()
            continue
        labelling.update(local)
        if len(stack) == len(components):
            yield dict(labelling)
        else:
            stack.append(iter(search.solve(components[len(stack)], labelling)))


def _components(framework: DungFramework, open_args: list[str]) -> list[list[str]]:
    """Strongly connected components of the undecided part, attackers before attacked."""
    members = set(open_args)
    graph = nx.DiGraph()
    graph.add_nodes_from(open_args)
    graph.add_edges_from((s, t) for s, t in framework.attacks if s in members and t in members)
    condensed = nx.condensation(graph)
    order = {a: i for i, a in enumerate(open_args)}
    return [
        sorted(condensed.nodes[c]["members"], key=order.__getitem__)
        for c in nx.lexicographical_topological_sort(
            condensed, key=lambda c: min(order[a] for a in condensed.nodes[c]["members"])
        )
    ]


def extensions(
    framework: DungFramework,
    semantics: ExtensionSemantics | str,
    limits: Limits = DEFAULT_LIMITS,
) -> list[frozenset[str]]:
    """The extensions (``in`` sets) of the complete, preferred or stable labellings.

    Examples
    --------
    An odd cycle has no stable extension and the empty preferred one.

    >>> from argmap.analysis.dung import DungFramework
    >>> odd = DungFramework.of("abc", [("a", "b"), ("b", "c"), ("c", "a")])
    >>> extensions(odd, "stable"), extensions(odd, "preferred")
    ([], [frozenset()])
    """
    return [
        frozenset(a for a, label in lab.items() if label is Label.IN)
        for lab in labellings(framework, semantics, limits)
    ]


def complete_extensions(
    framework: DungFramework, limits: Limits = DEFAULT_LIMITS
) -> list[frozenset[str]]:
    """Every complete extension."""
    return extensions(framework, ExtensionSemantics.COMPLETE, limits)


def preferred_extensions(
    framework: DungFramework, limits: Limits = DEFAULT_LIMITS
) -> list[frozenset[str]]:
    """Every preferred extension (maximal admissible sets)."""
    return extensions(framework, ExtensionSemantics.PREFERRED, limits)


def stable_extensions(
    framework: DungFramework, limits: Limits = DEFAULT_LIMITS
) -> list[frozenset[str]]:
    """Every stable extension (conflict-free sets attacking everything outside)."""
    return extensions(framework, ExtensionSemantics.STABLE, limits)
