"""Views of a map: what collapsing hides, what a focus shows, and the map reduced to a view.

These are projections: they read the map and never change it. The editor keeps the collapsed
ids in ``map.layout.collapsed`` and lays out and draws only what stays visible.

Collapsing a statement hides everything that bears on it, directly or through other
statements (undercutters of its incoming inferences included), except what is still in view
by another path: a statement that also bears on something visible stays visible, with all
that bears on it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable

from argmap.layout.edges import statement_edges
from argmap.model import ArgumentMap

__all__ = ["collapsed_hiding", "focus_nodes", "hidden_counts", "hidden_nodes", "project"]


def _premises_of(argument_map: ArgumentMap) -> dict[str, list[str]]:
    """Each statement's premises: the statements bearing on it (through any relation)."""
    premises: dict[str, list[str]] = {node.id: [] for node in argument_map.nodes}
    for edge in statement_edges(argument_map):
        if edge.target in premises and edge.premise in premises:
            premises[edge.target].append(edge.premise)
    return premises


def _below(
    starts: Iterable[str], premises: dict[str, list[str]], stop: Collection[str]
) -> set[str]:
    """Everything reached from ``starts`` through premises, not walking on from ``stop``."""
    reached: set[str] = set()
    queue = deque(starts)
    while queue:
        node = queue.popleft()
        if node in stop:
            continue
        for premise in premises.get(node, ()):
            if premise not in reached:
                reached.add(premise)
                queue.append(premise)
    return reached


def hidden_nodes(argument_map: ArgumentMap, collapsed: Iterable[str]) -> set[str]:
    """The statements hidden when the ``collapsed`` statements are collapsed.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(nodes=[Node(id=i, kind="claim") for i in "abcd"],
    ...                 relations=[Relation(id="r", kind="support", premises=["b"], target="a"),
    ...                            Relation(id="s", kind="support", premises=["c"], target="b"),
    ...                            Relation(id="t", kind="attack", premises=["c"], target="d")])
    >>> sorted(hidden_nodes(m, ["a"]))  # c also bears on d, which stays visible
    ['b']
    """
    premises = _premises_of(argument_map)
    folded = {node_id for node_id in collapsed if node_id in premises}
    below = _below(folded, premises, ())
    # Visible: everything not below a collapsed statement, and whatever a visible, expanded
    # statement shows in turn.
    visible = set(premises) - below
    visible |= _below(visible - folded, premises, folded)
    return set(premises) - visible


def hidden_counts(argument_map: ArgumentMap, collapsed: Iterable[str]) -> dict[str, int]:
    """For each collapsed, visible statement: how many hidden statements lie below it.

    A hidden statement below two collapsed ones counts for both. Collapsed statements that are
    themselves hidden are left out (their badge is not on screen).
    """
    folded = [node_id for node_id in dict.fromkeys(collapsed)]
    hidden = hidden_nodes(argument_map, folded)
    premises = _premises_of(argument_map)
    counts: dict[str, int] = {}
    for node_id in folded:
        if node_id in premises and node_id not in hidden:
            counts[node_id] = len(_below([node_id], premises, ()) & hidden)
    return counts


def collapsed_hiding(
    argument_map: ArgumentMap, node_id: str, collapsed: Iterable[str]
) -> list[str]:
    """The collapsed statements to expand so that ``node_id`` shows; [] when it already does.

    Only collapsed statements above ``node_id`` (that it bears on, directly or through others)
    are candidates; of those, as few as needed, nearest first.

    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(nodes=[Node(id=i, kind="claim") for i in "abcd"],
    ...                 relations=[Relation(id="r", kind="support", premises=["b"], target="a"),
    ...                            Relation(id="s", kind="support", premises=["c"], target="b"),
    ...                            Relation(id="t", kind="support", premises=["d"], target="a")])
    >>> collapsed_hiding(m, "c", ["a", "b", "d"])  # folded away twice: under b, and b under a
    ['b', 'a']
    >>> collapsed_hiding(m, "b", ["a", "b", "d"])
    ['a']
    >>> collapsed_hiding(m, "a", ["a"])
    []
    """
    folded = list(dict.fromkeys(collapsed))
    if node_id not in hidden_nodes(argument_map, folded):
        return []
    targets: dict[str, list[str]] = {}
    for target, premises in _premises_of(argument_map).items():
        for premise in premises:
            targets.setdefault(premise, []).append(target)
    # Collapsed statements above the node, nearest first (breadth-first up the map).
    folded_set = set(folded)
    above: list[str] = []
    seen = {node_id}
    queue = deque([node_id])
    while queue:
        for target in targets.get(queue.popleft(), ()):
            if target not in seen:
                seen.add(target)
                queue.append(target)
                if target in folded_set:
                    above.append(target)
    expand: list[str] = []
    for candidate in above:
        expand.append(candidate)
        rest = [c for c in folded if c not in expand]
        if node_id not in hidden_nodes(argument_map, rest):
            break
    # Drop any expansion the others make unnecessary.
    for candidate in list(expand):
        trial = [c for c in expand if c != candidate]
        rest = [c for c in folded if c not in trial]
        if node_id not in hidden_nodes(argument_map, rest):
            expand = trial
    return expand


def focus_nodes(argument_map: ArgumentMap, claim: str, depth: int = 2) -> set[str]:
    """The claim, what bears on it, and what bears on that (``depth`` steps of premises).

    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(nodes=[Node(id=i, kind="claim") for i in "abcd"],
    ...                 relations=[Relation(id="r", kind="support", premises=["b"], target="a"),
    ...                            Relation(id="s", kind="support", premises=["c"], target="b"),
    ...                            Relation(id="t", kind="support", premises=["d"], target="c")])
    >>> sorted(focus_nodes(m, "a"))
    ['a', 'b', 'c']
    """
    premises = _premises_of(argument_map)
    if claim not in premises:
        raise KeyError(f"no node with id {claim!r}")
    shown = {claim}
    ring = {claim}
    for _ in range(depth):
        ring = {p for node in ring for p in premises[node]} - shown
        shown |= ring
    return shown


def _kept_relations(argument_map: ArgumentMap, keep: set[str]) -> set[str]:
    """Relations with a kept premise whose target (through undercut chains) is kept."""
    by_id = argument_map.relation_index()
    verdict: dict[str, bool] = {}
    for relation in argument_map.relations:
        chain: list[str] = []
        current: str | None = relation.id
        result = False
        while current is not None:
            if current in verdict:
                result = verdict[current]
                break
            if current in chain:  # an undercut cycle never reaches a statement
                break
            chain.append(current)
            rel = by_id[current]
            if not any(p in keep for p in rel.premises):
                break
            if rel.target in keep:
                result = True
                break
            current = rel.target if rel.target in by_id else None
        # Along the chain each relation is kept exactly when the one it attacks is.
        for rel_id in chain:
            verdict[rel_id] = result and any(p in keep for p in by_id[rel_id].premises)
    return {rel_id for rel_id, kept in verdict.items() if kept}


def project(argument_map: ArgumentMap, keep: Collection[str]) -> ArgumentMap:
    """A new map of only the statements in ``keep``, for laying out or drawing a view.

    Relations keep their premises that are kept; a relation with no kept premise, or whose
    target (a statement, or for an undercut the attacked relation) is not kept, is left out.
    The layout keeps the kept statements' positions and flags. Nodes and unchanged relations
    are shared with the original, not copied: treat the projection as read-only. The original
    map is not changed.
    """
    keep_set = set(keep)
    kept = _kept_relations(argument_map, keep_set)
    relations = []
    for relation in argument_map.relations:
        if relation.id not in kept:
            continue
        premises = [p for p in relation.premises if p in keep_set]
        if len(premises) != len(relation.premises):
            relation = relation.model_copy(update={"premises": premises})
        relations.append(relation)
    layout = argument_map.layout
    view_layout = layout.model_copy(
        update={
            "positions": {n: p for n, p in layout.positions.items() if n in keep_set},
            "pinned": [n for n in layout.pinned if n in keep_set],
            "collapsed": [n for n in layout.collapsed if n in keep_set],
        }
    )
    return argument_map.model_copy(
        update={
            "nodes": [node for node in argument_map.nodes if node.id in keep_set],
            "relations": relations,
            "layout": view_layout,
        }
    )
