"""The layout tree of a map: claims on top, what bears on each claim beneath it.

Roots are the statements that bear on nothing (the main claims), in map order. The children
of a statement are the premises of the relations that target it, in three groups, left to
right: supports, then undercutters (attacks on one of its incoming inferences: they stand
nearest the supports whose arrows they attack), then direct attacks. Within a group the order
is the map's relation order, and the co-premises of a linked argument stay adjacent.

A statement that bears on several others (a cross link) is placed once, under the target of
the first relation (in map order) it is a premise of; its other edges are drawn as extra lines
and never move the tree. So adding a cross link never rearranges the tree, and a statement
stays under the claim it was first written for. Where following first targets runs in a
circle, the cycle's first node in map order becomes a root, so cycles break
deterministically.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from argmap.layout.edges import conclusion_of
from argmap.model import ArgumentMap, RelationKind

__all__ = ["ATTACK", "SUPPORT", "UNDERCUT", "LayoutForest", "build_forest"]

#: Groups of children, left to right.
SUPPORT, UNDERCUT, ATTACK = 0, 1, 2


@dataclass
class LayoutForest:
    """Parent and children by node index (``ids[i]`` is node i's id, in map order)."""

    ids: list[str]
    roots: list[int] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    children: list[list[int]] = field(default_factory=list)
    depth: list[int] = field(default_factory=list)
    #: The group (:data:`SUPPORT`, :data:`UNDERCUT`, :data:`ATTACK`) of a node under its parent.
    group: list[int] = field(default_factory=list)
    #: The relation joining a node to its parent ("" for roots); co-premises share one.
    relation: list[str] = field(default_factory=list)
    #: Every statement edge (premise, target), tree edges and cross links alike.
    edges: list[tuple[int, int]] = field(default_factory=list)

    def tree_edges(self) -> list[tuple[int, int]]:
        """(child, parent) for every non-root node."""
        return [(child, p) for child, p in enumerate(self.parent) if p >= 0]

    def cross_links(self) -> list[tuple[int, int]]:
        """Statement edges (premise, target) that are not tree edges, each once, sorted."""
        return sorted({(a, b) for a, b in self.edges if self.parent[a] != b})

    def subtree(self, top: int) -> list[int]:
        """``top`` and all its descendants, in pre-order."""
        order: list[int] = []
        stack = [top]
        while stack:
            node = stack.pop()
            order.append(node)
            stack.extend(reversed(self.children[node]))
        return order


#: Per target: (group, relation order, premise, relation id); sorting groups them stably.
_Incoming = list[list[tuple[int, int, int, str]]]


def _read_edges(
    ids: list[str], argument_map: ArgumentMap
) -> tuple[_Incoming, list[int], list[tuple[int, int]]]:
    """What bears on each node (in display order), each node's first target, and all edges.

    The edges are those of :func:`~argmap.layout.edges.statement_edges`, read straight from the
    relations (making the edge tuples first cost a quarter of the tree layout's time).
    """
    index = {node_id: i for i, node_id in enumerate(ids)}
    relations = argument_map.relations
    targets = {relation.id: relation.target for relation in relations}
    incoming: _Incoming = [[] for _ in ids]
    first_target = [-1] * len(ids)
    pairs: list[tuple[int, int]] = []
    get, pair = index.get, pairs.append
    order = 0
    for relation in relations:
        target_id = relation.target
        group = ATTACK if relation.kind == RelationKind.ATTACK else SUPPORT
        if target_id in targets:  # an undercut: it bears on the inference's conclusion
            conclusion = conclusion_of(target_id, targets)
            if conclusion is None:
                continue
            target_id = conclusion
            if group == ATTACK:
                group = UNDERCUT
        target = get(target_id)
        for premise_id in relation.premises:
            order += 1
            premise = get(premise_id)
            if premise is None or target is None or premise == target:
                continue
            incoming[target].append((group, order, premise, relation.id))
            if first_target[premise] < 0:
                first_target[premise] = target
            pair((premise, target))
    for entries in incoming:
        if len(entries) > 1:
            entries.sort()
    return incoming, first_target, pairs


def _break_cycles(parent: list[int]) -> None:
    """Make the first node (in map order) of every parent cycle a root."""
    state = [0] * len(parent)  # 0 unseen, else the walk that reached it (1-based)
    for start in range(len(parent)):
        walk = start + 1
        node = start
        path: list[int] = []
        while node >= 0 and state[node] == 0:
            state[node] = walk
            path.append(node)
            node = parent[node]
        if node >= 0 and state[node] == walk:  # came back into this walk: a cycle
            cycle = path[path.index(node) :]
            parent[min(cycle)] = -1


def build_forest(argument_map: ArgumentMap, root: str | None = None) -> LayoutForest:
    """The layout forest of ``argument_map``; ``root`` (a node id) becomes the first root."""
    ids = [node.id for node in argument_map.nodes]
    count = len(ids)
    incoming, parent, pairs = _read_edges(ids, argument_map)
    first = ids.index(root) if root is not None and root in ids else -1
    if first >= 0:
        parent[first] = -1
    _break_cycles(parent)
    forest = LayoutForest(
        ids=ids,
        roots=([first] if first >= 0 else [])
        + [i for i in range(count) if parent[i] < 0 and i != first],
        parent=parent,
        children=[[] for _ in range(count)],
        depth=[0] * count,
        group=[SUPPORT] * count,
        relation=[""] * count,
        edges=pairs,
    )
    children, group, relation = forest.children, forest.group, forest.relation
    for target, entries in enumerate(incoming):
        for kind, _, premise, relation_id in entries:
            # A premise hangs under its parent once, at the first place it appears there.
            if parent[premise] == target and not relation[premise]:
                children[target].append(premise)
                group[premise] = kind
                relation[premise] = relation_id
    _set_depths(forest)
    return forest


def _set_depths(forest: LayoutForest) -> None:
    queue = deque(forest.roots)
    while queue:
        node = queue.popleft()
        for child in forest.children[node]:
            forest.depth[child] = forest.depth[node] + 1
            queue.append(child)
