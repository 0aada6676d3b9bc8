"""Which side of the motion every statement is on.

The motion is one of the map's claims. A statement's *ways* to the motion are the chains of
relations from it to the motion (premise -> target, through supports and attacks). A way
that crosses an even number of attacks makes it **for** the motion, an odd number
**against**; a statement with ways of both kinds is on **both** sides, one with none on
**neither**. An undercut attacks an inference, so it stands against the side that inference
serves (the side of the inference's premises). The motion itself is always *for*. Sides set by
hand (``map.debate.side_overrides``) win over computed ones.

The computation is a breadth-first search over (statement, parity) pairs from the motion:
linear in the size of the map. Ways are walks: a way may go round a cycle (never through the
motion), so a cycle with an odd number of attacks puts what lies behind it on both sides.
"""

from __future__ import annotations

from collections import defaultdict, deque

from argmap.model import ArgmapError, ArgumentMap, DebateSide, NodeKind, RelationKind

__all__ = ["NoMotionError", "computed_sides", "motion_of", "sides"]


class NoMotionError(ArgmapError):
    """The map names no motion (or names one that is not a claim of it)."""


def motion_of(argument_map: ArgumentMap, motion: str | None = None) -> str:
    """The motion to use: ``motion`` if given, else the map's; an error when there is none.

    >>> from argmap.model import ArgumentMap
    >>> motion_of(ArgumentMap())
    Traceback (most recent call last):
    ...
    argmap.debate.sides.NoMotionError: the map has no motion: choose one of its claims (Map > Set as Motion, or --motion ID)
    """  # noqa: E501
    chosen = motion if motion is not None else argument_map.debate.motion
    if chosen is None:
        raise NoMotionError(
            "the map has no motion: choose one of its claims (Map > Set as Motion, or --motion ID)"
        )
    kinds = {node.id: node.kind for node in argument_map.nodes}
    if chosen not in kinds:
        raise NoMotionError(f"the motion {chosen!r} is not a statement of the map")
    if kinds[chosen] is not NodeKind.CLAIM:
        kind = kinds[chosen].value
        what = kind if kind == "evidence" else f"a {kind}"
        raise NoMotionError(f"the motion {chosen!r} is {what}, not a claim")
    return chosen


def computed_sides(argument_map: ArgumentMap, motion: str) -> dict[str, DebateSide]:
    """Every statement's side as the relations give it (overrides ignored), in map order.

    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id=i, kind=k) for i, k in
    ...            [("m", "claim"), ("r", "claim"), ("o", "counterargument"), ("x", "claim")]],
    ...     relations=[Relation(id="s", kind="support", premises=["r"], target="m"),
    ...                Relation(id="a", kind="attack", premises=["o"], target="r")])
    >>> {k: v.value for k, v in computed_sides(m, "m").items()}
    {'m': 'for', 'r': 'for', 'o': 'against', 'x': 'neither'}
    """
    parities = _parities(argument_map, motion)
    result: dict[str, DebateSide] = {}
    for node in argument_map.nodes:
        found = parities.get(node.id, set())
        if node.id == motion or found == {0}:
            result[node.id] = DebateSide.FOR
        elif found == {1}:
            result[node.id] = DebateSide.AGAINST
        elif found:
            result[node.id] = DebateSide.BOTH
        else:
            result[node.id] = DebateSide.NEITHER
    return result


def sides(argument_map: ArgumentMap, motion: str | None = None) -> dict[str, DebateSide]:
    """Every statement's side, with the sides set by hand applied (see the module's rules)."""
    chosen = motion_of(argument_map, motion)
    result = computed_sides(argument_map, chosen)
    for node_id, side in argument_map.debate.side_overrides.items():
        if node_id in result:
            result[node_id] = side
    return result


def _parities(argument_map: ArgumentMap, motion: str) -> dict[str, set[int]]:
    """For each statement, the parities (0 even, 1 odd) of the attacks on its ways."""
    node_ids = {node.id for node in argument_map.nodes}
    relations = {relation.id: relation for relation in argument_map.relations}
    # Who bears on a node, and which undercuts bear on the inference of a relation.
    into_node: defaultdict[str, list[tuple[list[str], int]]] = defaultdict(list)
    undercuts_of: defaultdict[str, list[list[str]]] = defaultdict(list)
    for relation in argument_map.relations:
        flip = 1 if relation.kind is RelationKind.ATTACK else 0
        if relation.target in node_ids:
            into_node[relation.target].append((relation.premises, flip))
        elif relation.target in relations:
            undercuts_of[relation.target].append(relation.premises)
    # An undercut's way goes through the premises of the inference it attacks.
    undercut_from: defaultdict[str, list[list[str]]] = defaultdict(list)
    for relation_id, undercutters in undercuts_of.items():
        for premise in relations[relation_id].premises:
            undercut_from[premise] += undercutters
    found: defaultdict[str, set[int]] = defaultdict(set)
    found[motion].add(0)
    queue: deque[tuple[str, int]] = deque([(motion, 0)])
    while queue:
        node_id, parity = queue.popleft()
        steps = [(premises, parity ^ flip) for premises, flip in into_node[node_id]]
        steps += [(premises, parity ^ 1) for premises in undercut_from[node_id]]
        for premises, reached in steps:
            for premise in premises:
                # A way ends at the motion: going on through it would be another way's tail.
                if premise != motion and reached not in found[premise]:
                    found[premise].add(reached)
                    queue.append((premise, reached))
    return found
