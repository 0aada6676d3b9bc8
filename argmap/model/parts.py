"""The separate parts of a map: weakly connected sets of statements.

An undercut joins its premises to the argument it attacks (a relation's id stands for its
argument). Union-find over the relations, linear in the map: the layouts pack these parts as
blocks and the checklist lists the parts that hold no main claim.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.model.argument_map import ArgumentMap

__all__ = ["connected_parts"]


def connected_parts(
    argument_map: ArgumentMap, only: Mapping[str, object] | None = None
) -> list[list[str]]:
    """The map's weakly connected parts (node ids in map order), in the order of their first
    statement; ``only`` restricts to the nodes it holds."""
    ids = [node.id for node in argument_map.nodes if only is None or node.id in only]
    parent = {node_id: node_id for node_id in ids}

    def find(node_id: str) -> str:
        root = node_id
        while parent[root] != root:
            root = parent[root]
        while parent[node_id] != root:
            parent[node_id], node_id = root, parent[node_id]
        return root

    # A relation's id stands for its argument, so an undercut joins the part it attacks.
    ends: dict[str, str] = {}
    for relation in argument_map.relations:
        members = [p for p in relation.premises if p in parent]
        if relation.target in parent:
            members.append(relation.target)
        if members:
            ends[relation.id] = members[0]
    for relation in argument_map.relations:
        members = [p for p in relation.premises if p in parent]
        if relation.target in parent:
            members.append(relation.target)
        elif relation.target in ends:
            members.append(ends[relation.target])
        for other in members[1:]:
            a, b = find(members[0]), find(other)
            if a != b:
                parent[b] = a
    groups: dict[str, list[str]] = {}
    for node_id in ids:
        groups.setdefault(find(node_id), []).append(node_id)
    return list(groups.values())
