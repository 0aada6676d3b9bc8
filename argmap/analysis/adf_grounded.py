"""The grounded interpretation of a map's framework, by linear-time propagation.

The grounded interpretation is the least fixed point of the acceptance conditions in three
values: start with everything undecided and settle a node once its condition's value no longer
depends on what is still undecided. Counters make that one pass over the nodes and links
(each link is looked at once, when its source is settled): a node is ``in`` when its positive
part holds (all premises in, or one support applying) and every negative input is out, and
``out`` as soon as its positive part fails or one negative input is in. What no chain of
settled nodes reaches (cycles not decided from outside) stays undecided.
"""

from __future__ import annotations

from argmap.analysis.adf import MapADF
from argmap.analysis.labels import Label

__all__ = ["grounded"]

_IN, _OUT, _UNDECIDED = Label.IN, Label.OUT, Label.UNDECIDED


def grounded(adf: MapADF) -> list[Label]:
    """Each node's grounded label, by index (statements, then relations).

    Examples
    --------
    Two independent reasons for ``c``; one is blocked by an objection, the other carries.

    >>> from argmap.analysis.adf import build_adf
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id=i, kind="claim") for i in ("c", "r1", "r2", "x")],
    ...     relations=[Relation(id="s1", kind="support", premises=["r1"], target="c"),
    ...                Relation(id="s2", kind="support", premises=["r2"], target="c"),
    ...                Relation(id="a", kind="attack", premises=["x"], target="r1")])
    >>> [str(label) for label in grounded(build_adf(m))]
    ['in', 'out', 'in', 'in', 'out', 'in', 'in']
    """
    count = adf.statement_count
    needs_all = adf.needs_all
    premise_of, targets, is_support = adf.premise_of, adf.target, adf.is_support
    # Positive inputs still missing: not yet in ("all of"), or not yet out ("any of").
    pending = [len(p) for p in adf.positive]
    holds = [a and not p for a, p in zip(needs_all, pending, strict=True)]
    live_negative = [len(n) for n in adf.negative]
    labels = [_UNDECIDED] * len(pending)
    queue: list[int] = []
    for i, positive_holds in enumerate(holds):
        if positive_holds and not live_negative[i]:
            labels[i] = _IN
            queue.append(i)
        elif not needs_all[i] and not pending[i]:  # "any of" nothing: a rejected statement
            labels[i] = _OUT
            queue.append(i)
    pop, push = queue.pop, queue.append
    while queue:
        node = pop()
        accepted = labels[node] is _IN
        if node < count:  # a statement: read, as a premise, by relations ("all of")
            for relation in premise_of[node]:
                if labels[relation] is not _UNDECIDED:
                    continue
                if not accepted:
                    labels[relation] = _OUT
                    push(relation)
                    continue
                pending[relation] -= 1
                if not pending[relation]:
                    holds[relation] = True
                    if not live_negative[relation]:
                        labels[relation] = _IN
                        push(relation)
            continue
        target = targets[node - count]  # a relation: read by its one target
        if target < 0 or labels[target] is not _UNDECIDED:
            continue
        if is_support[node - count]:  # its target is a statement with supports ("any of")
            if accepted:
                holds[target] = True
            else:
                pending[target] -= 1
                if not pending[target] and not holds[target]:
                    labels[target] = _OUT
                    push(target)
                continue
        elif accepted:
            labels[target] = _OUT
            push(target)
            continue
        else:
            live_negative[target] -= 1
        if holds[target] and not live_negative[target]:
            labels[target] = _IN
            push(target)
    return labels
