"""A map as an abstract dialectical framework: one acceptance condition per statement.

The rules (issue 11), in the style of Carneades and ASPIC+ argument maps:

* A statement that no support targets is **assumed**: it stands unless attacked.
* A relation (support or attack, all its premises together) **applies** when every premise is
  accepted and no undercut of it (an attack whose target is the relation) applies.
* A statement is **accepted** exactly when (it is assumed, or at least one of its supports
  applies) and none of the attacks on it applies.

So independent reasons add up (any one applying is enough), linked premises hold together (a
relation needs all of them), and an answered objection drops out (an attack whose premise is
out no longer applies). Relations are nodes of the framework too, so undercuts (and undercuts
of undercuts) are ordinary attacking links, and every acceptance condition has the same shape::

    accepted(n) = POSITIVE(n) and not any(negative inputs of n)

where POSITIVE is "all of" the premises for a relation (true for an assumed statement: all of
nothing) and "any of" the supports for a statement with supports. Each input occurs once and
with one sign, so Kleene's three-valued logic evaluates a condition exactly as the ADF's
characteristic operator does (the framework is bipolar: supports are supporting links,
attacks and undercuts attacking ones).

What-ifs change conditions: a conceded statement's condition is *true* (accepted whatever
attacks it), a rejected one's *false*.

References
----------
.. [1] G. Brewka, S. Woltran, "Abstract dialectical frameworks", KR 2010.
.. [2] G. Brewka, H. Strass, S. Ellmauthaler, J. P. Wallner, S. Woltran, "Abstract
   dialectical frameworks revisited", IJCAI 2013.
.. [3] T. F. Gordon, H. Prakken, D. Walton, "The Carneades model of argument and burden of
   proof", Artificial Intelligence 171(10-15), 2007.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Protocol

from argmap.analysis.errors import FrameworkError
from argmap.analysis.labels import Label
from argmap.analysis.whatif import NO_WHATIF, WhatIf
from argmap.model import ArgumentMap, Relation, RelationKind

__all__ = ["Framework", "MapADF", "RelationStatus", "build_adf", "relation_status"]


class RelationStatus(StrEnum):
    """Whether a relation's inference carries: it applies, is blocked, or neither is settled."""

    APPLIES = "applies"
    BLOCKED = "blocked"
    UNDECIDED = "undecided"


_STATUS = {
    Label.IN: RelationStatus.APPLIES,
    Label.OUT: RelationStatus.BLOCKED,
    Label.UNDECIDED: RelationStatus.UNDECIDED,
}


#: A relation node's label, in the words used for relations (a dict lookup, for speed).
relation_status = _STATUS.__getitem__


class Framework(Protocol):
    """What explanations read of a framework: each node's name and inputs, by index (a
    :class:`MapADF`, or one built only as far as it is read)."""

    @property
    def names(self) -> Sequence[str]: ...

    @property
    def statements(self) -> Sequence[str]: ...

    @property
    def positive(self) -> Sequence[Sequence[int]]: ...

    @property
    def negative(self) -> Sequence[Sequence[int]]: ...

    def is_relation(self, index: int) -> bool: ...


@dataclass(frozen=True)
class MapADF:
    """The framework, by index: statements ``0 .. S-1`` (map order), then relations.

    ``positive[i]`` and ``negative[i]`` are the inputs of node ``i``'s condition;
    ``needs_all[i]`` says whether its positive part is "all of" (relations, assumed or
    conceded statements: all of nothing is true) or "any of" (statements with supports, and
    rejected statements: any of nothing is false). Who reads a node: a statement is read only
    as a premise, by the relations in ``premise_of[i]``; relation ``r`` is read by the one node
    ``target[r - S]`` (-1 when a what-if took that node's inputs away), positively when
    ``is_support[r - S]``. ``outputs`` gives the same for every node as ``(reader, positive)``
    pairs. Built once per evaluation and not to be changed.
    """

    names: tuple[str, ...]
    statement_count: int
    positive: Sequence[Sequence[int]]
    negative: Sequence[Sequence[int]]
    needs_all: Sequence[bool]
    premise_of: Sequence[Sequence[int]]
    target: Sequence[int]
    is_support: Sequence[bool]

    @cached_property
    def outputs(self) -> list[list[tuple[int, bool]]]:
        """For each node, the nodes whose conditions read it, and whether positively."""
        found: list[list[tuple[int, bool]]] = [[(r, True) for r in p] for p in self.premise_of]
        for target, support in zip(self.target, self.is_support, strict=True):
            found.append([(target, support)] if target >= 0 else [])
        return found

    @property
    def statements(self) -> tuple[str, ...]:
        """The statements' ids, in map order."""
        return self.names[: self.statement_count]

    @property
    def relations(self) -> tuple[str, ...]:
        """The relations' ids, in map order."""
        return self.names[self.statement_count :]

    def is_relation(self, index: int) -> bool:
        return index >= self.statement_count


def build_adf(argument_map: ArgumentMap, whatif: WhatIf = NO_WHATIF) -> MapADF:
    """The map's framework, with the what-if's conditions in place.

    Raises :class:`~argmap.analysis.errors.FrameworkError` when a relation names a premise or
    target that is not in the map, or a support targets a relation.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id=i, kind="claim") for i in ("c", "e")],
    ...     relations=[Relation(id="s", kind="support", premises=["e"], target="c")])
    >>> adf = build_adf(m)
    >>> adf.names, adf.positive, adf.needs_all
    (('c', 'e', 's'), [[2], [], [1]], [False, True, True])
    """
    nodes = [n.id for n in argument_map.nodes]
    relations = argument_map.relations
    count = len(nodes)
    index = {name: i for i, name in enumerate(nodes)}
    relation_ids = [r.id for r in relations]
    # The first of two relations with one id wins (as a validated map has none).
    relation_index = {rid: count + k for k, rid in reversed(list(enumerate(relation_ids)))}
    total = count + len(relations)
    try:
        premises = [[index[p] for p in r.premises] for r in relations]
    except KeyError:
        _missing_premise(relations, index)
        raise
    get = index.get
    targets = [get(r.target, -1) for r in relations]  # -1: a relation, resolved below
    support = RelationKind.SUPPORT
    is_support = [r.kind is support for r in relations]
    positive: list[list[int]] = [[] for _ in range(count)]
    positive += premises
    negative: list[list[int]] = [[] for _ in range(total)]
    premise_of: list[list[int]] = [[] for _ in range(count)]
    me = count
    for k, found in enumerate(premises):
        if len(found) > 1 and len(set(found)) < len(found):
            found[:] = dict.fromkeys(found)
        for premise in found:
            premise_of[premise].append(me)
        target = targets[k]
        if target < 0:
            target = targets[k] = _relation_target(relations[k], relation_index)
        (positive if is_support[k] else negative)[target].append(me)
        me += 1
    needs_all = [not positive[i] for i in range(count)] + [True] * len(relations)
    for statement, accepted in [(c, True) for c in whatif.conceded] + [
        (r, False) for r in whatif.rejected
    ]:
        i = index[statement]
        for source in (*positive[i], *negative[i]):
            targets[source - count] = -1
        positive[i], negative[i], needs_all[i] = [], [], accepted
    return MapADF(
        (*nodes, *relation_ids),
        count,
        positive,
        negative,
        needs_all,
        premise_of,
        targets,
        is_support,
    )


def _missing_premise(relations: list[Relation], index: dict[str, int]) -> None:
    """Raise the named error for the first premise that is not a node."""
    for relation in relations:
        for premise in relation.premises:
            if premise not in index:
                raise FrameworkError(f"relation {relation.id!r}: premise {premise!r} is not a node")


def _relation_target(relation: Relation, relation_index: dict[str, int]) -> int:
    """The node index of an undercut's target relation, or a named error."""
    target = relation_index.get(relation.target)
    if target is None:
        raise FrameworkError(
            f"relation {relation.id!r}: target {relation.target!r} is neither a node nor a relation"
        )
    if relation.kind != RelationKind.ATTACK:
        raise FrameworkError(
            f"relation {relation.id!r}: only an attack may target a relation ({relation.target!r})"
        )
    return target
