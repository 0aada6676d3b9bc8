"""The argumentation framework an argument map stands for.

:func:`build_framework` turns a map into a :class:`~argmap.analysis.dung.DungFramework`, on
which every semantics of :mod:`argmap.analysis.semantics` works. The construction:

1. **Statements are arguments.** Every node of the map is an argument with the node's id.

2. **Supports are taken into account as complex attacks**, the bipolar construction of Cayrol
   & Lagasquie-Schiex (2005; 2013, Definition 6). Besides each attack of the map there is

   * a *supported attack* from ``a`` to ``b`` when ``a`` supports ``x`` (through a chain of one
     or more supports) and ``x`` attacks ``b``: whoever vouches for an objection raises it;
   * a *secondary attack* from ``a`` to ``b`` when ``a`` attacks ``x`` and ``x`` supports ``b``
     (through a chain of one or more supports): knocking out a reason knocks out what rests on
     it.

   Supports create no attack of their own and chains are not mixed (support, attack, support is
   not an attack), as in the definition; acceptance is then Dung's, on the framework holding
   all three kinds of attack.

3. **Linked premises and undercuts.** A linked relation works only while *all* its premises
   are in (a linked attack fails once one premise is out; a linked support passes on a
   supported attack only while all its premises are backed). An *undercut* (an attack whose
   target is a relation ``R``) defeats ``R``'s inference: while the undercut holds, ``R``
   counts for nothing, neither as an attack nor, when ``R`` is a support, in any supported or
   secondary attack through it. When the undercut is itself answered (out), ``R`` counts again:
   reinstatement works for undercuts as for other attacks. Undercuts are attacks like others,
   so supported undercuts exist too (whoever supports the undercutter undercuts).

   This is made exact in plain Dung terms with auxiliary arguments (the flattening used for
   attacks on attacks in meta-argumentation, Modgil & Bench-Capon 2011): an argument attacked
   by ``y`` alone is in exactly when ``y`` is out, which gives three-valued "not", "and" and
   "or" (:mod:`argmap.analysis.circuit`). Each attack relation ``A`` gets an argument
   *holds(A)* (all premises backed and ``A`` not undercut) that attacks ``A``'s target; each
   undercut relation ``R`` an argument *uncut(R)* attacked by every undercut of ``R``. Chains
   of supports are shared, not multiplied out (:mod:`argmap.analysis.bipolar`), so the
   framework grows linearly with the map. Auxiliary arguments change no statement's label
   under any of the semantics; a single-premise attack on a statement, with no support or
   undercut involved, stays a plain edge from its premise.

Auxiliary arguments have ids starting with ``~``, made unique against the map's ids;
:attr:`MapFramework.statements` lists the arguments that are statements, and every result a
user sees is restricted to those.

References
----------
.. [1] P. M. Dung, "On the acceptability of arguments and its fundamental role in nonmonotonic
   reasoning, logic programming and n-person games", Artificial Intelligence 77(2), 1995.
.. [2] C. Cayrol, M.-C. Lagasquie-Schiex, "On the acceptability of arguments in bipolar
   argumentation frameworks", ECSQARU 2005, LNAI 3571, pp. 378-389.
.. [3] C. Cayrol, M.-C. Lagasquie-Schiex, "Bipolarity in argumentation graphs: towards a better
   understanding", International Journal of Approximate Reasoning 54(7), 2013.
.. [4] S. Modgil, T. Bench-Capon, "Metalevel argumentation", Journal of Logic and Computation
   21(6), 2011.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from argmap.analysis.bipolar import Conflict, ConflictKind, construct
from argmap.analysis.dung import DungFramework
from argmap.analysis.errors import FrameworkError
from argmap.analysis.labels import Label, Labelling
from argmap.model import ArgumentMap, RelationKind

__all__ = [
    "Conflict",
    "ConflictKind",
    "DungFramework",
    "MapFramework",
    "build_framework",
    "relation_labels",
]


@dataclass(frozen=True)
class MapFramework:
    """A map's framework, with what its auxiliary arguments stand for.

    ``conflicts`` are the attacks on statements and relations with their carriers; the
    mappings give the auxiliary argument (or statement) standing for *backed(x)*,
    *holds(A)* (the attack ``A`` holds), *direct(A)* (it holds with its premises themselves
    in), *undermined(x)* and *uncut(R)*, as described in :mod:`argmap.analysis.bipolar`.
    """

    framework: DungFramework
    statements: tuple[str, ...]
    conflicts: tuple[Conflict, ...]
    backed: Mapping[str, str] = field(default_factory=dict)
    holds: Mapping[str, str] = field(default_factory=dict)
    direct: Mapping[str, str] = field(default_factory=dict)
    undermined: Mapping[str, str] = field(default_factory=dict)
    uncut: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def _on(self) -> Mapping[str, tuple[Conflict, ...]]:
        found: dict[str, list[Conflict]] = {}
        for conflict in self.conflicts:
            found.setdefault(conflict.target, []).append(conflict)
        return {target: tuple(items) for target, items in found.items()}

    def conflicts_on(self, target: str) -> tuple[Conflict, ...]:
        """The conflicts on this statement, or (undercuts) on this relation."""
        return self._on.get(target, ())

    @cached_property
    def _statement_set(self) -> frozenset[str]:
        return frozenset(self.statements)

    def is_statement(self, argument: str) -> bool:
        """Whether an argument of the framework is a statement of the map."""
        return argument in self._statement_set


def build_framework(argument_map: ArgumentMap, exposed: Iterable[str] = ()) -> MapFramework:
    """The argumentation framework a map stands for (the construction is described above).

    ``exposed`` names statements that may be attacked from outside the map: build with the
    rejected statements of a what-if before applying it (as
    :func:`~argmap.analysis.evaluate.evaluate` does), so attacks backed through them are kept.

    Raises :class:`~argmap.analysis.errors.FrameworkError` when a relation names a premise or
    target that is not in the map.

    Examples
    --------
    A supported attack: ``e`` supports ``x``, which attacks ``c``; with ``x`` answered by
    ``y``, ``c`` is still out, because ``e`` stands behind the objection.

    >>> from argmap.analysis.semantics import grounded_labelling
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id=i, kind="claim") for i in ("c", "x", "e", "y")],
    ...     relations=[Relation(id="a", kind="attack", premises=["x"], target="c"),
    ...                Relation(id="s", kind="support", premises=["e"], target="x"),
    ...                Relation(id="b", kind="attack", premises=["y"], target="x")])
    >>> mf = build_framework(m)
    >>> labels = grounded_labelling(mf.framework)
    >>> [(s, str(labels[s])) for s in mf.statements]
    [('c', 'out'), ('x', 'out'), ('e', 'in'), ('y', 'in')]
    """
    _check_references(argument_map)
    made = construct(argument_map, exposed)
    statements = tuple(n.id for n in argument_map.nodes)
    return MapFramework(
        DungFramework(statements + tuple(made.arguments), tuple(made.attacks)),
        statements,
        tuple(made.conflicts),
        made.backed,
        made.holds,
        made.direct,
        made.undermined,
        made.uncut,
    )


def _check_references(argument_map: ArgumentMap) -> None:
    """Loud boundary: a relation naming what is not there is reported, never guessed at."""
    node_ids = {n.id for n in argument_map.nodes}
    relation_ids = {r.id for r in argument_map.relations}
    for relation in argument_map.relations:
        for premise in relation.premises:
            if premise not in node_ids:
                raise FrameworkError(f"relation {relation.id!r}: premise {premise!r} is not a node")
        target = relation.target
        if target in node_ids:
            continue
        if target not in relation_ids:
            raise FrameworkError(
                f"relation {relation.id!r}: target {target!r} is neither a node nor a relation"
            )
        if relation.kind != RelationKind.ATTACK:
            raise FrameworkError(
                f"relation {relation.id!r}: only an attack may target a relation ({target!r})"
            )


def relation_labels(
    argument_map: ArgumentMap, framework: MapFramework, labelling: Labelling
) -> dict[str, Label]:
    """Whether each relation's inference holds: ``in`` when all its premises are in and no
    undercut of it holds, ``out`` when a premise is out or an undercut holds, else undecided.
    """
    result: dict[str, Label] = {}
    uncuts = framework.uncut
    for relation in argument_map.relations:
        premises = relation.premises
        if len(premises) == 1 and relation.id not in uncuts:  # the common case, quickly
            result[relation.id] = labelling[premises[0]]
            continue
        labels = [labelling[p] for p in premises]
        uncut = uncuts.get(relation.id)
        if uncut is not None:
            labels.append(labelling[uncut])
        if all(label is Label.IN for label in labels):
            result[relation.id] = Label.IN
        elif any(label is Label.OUT for label in labels):
            result[relation.id] = Label.OUT
        else:
            result[relation.id] = Label.UNDECIDED
    return result
