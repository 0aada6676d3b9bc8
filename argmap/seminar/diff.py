"""What differs between two maps: statements and relations same, changed, removed or added.

"Changed" means matched (see :mod:`argmap.seminar.matching`) with a different kind, text,
anchors, evidence type or citation (a relation: a different scheme); layout, timestamps,
authorship, tags and notes never count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.model import ArgumentMap, Node, Relation
from argmap.seminar.matching import Matching, match_maps, source_keys

__all__ = ["MapDiff", "Section", "diff_maps", "node_signature"]


@dataclass
class Section:
    """The pairs and the leftovers of one kind of item (ids of A, of B)."""

    same: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, list[Any]]:
        return {
            "same": [list(pair) for pair in self.same],
            "changed": [list(pair) for pair in self.changed],
            "removed": list(self.removed),
            "added": list(self.added),
        }

    @property
    def differs(self) -> bool:
        return bool(self.changed or self.removed or self.added)


@dataclass
class MapDiff:
    """The difference of map B from map A."""

    nodes: Section
    relations: Section
    matching: Matching

    def to_json(self) -> dict[str, dict[str, list[Any]]]:
        """``{"nodes": {"same", "changed", "removed", "added"}, "relations": {...}}``."""
        return {"nodes": self.nodes.to_json(), "relations": self.relations.to_json()}

    @property
    def differs(self) -> bool:
        return self.nodes.differs or self.relations.differs


def node_signature(node: Node, keys: dict[str, str]) -> tuple[object, ...]:
    """What "changed" compares: kind, text, anchors (by source text), evidence type, citation."""
    anchors = tuple(
        (keys.get(anchor.source_id, anchor.source_id), anchor.start, anchor.end)
        for anchor in node.anchors
    )
    return (node.kind, " ".join(node.text.split()), anchors, node.evidence_type, node.citation)


def _relation_signature(relation: Relation) -> tuple[object, ...]:
    return (relation.kind, relation.scheme)


def diff_maps(a: ArgumentMap, b: ArgumentMap, matching: Matching | None = None) -> MapDiff:
    """How ``b`` differs from ``a`` (in ``a``'s order, then ``b``'s for what it adds)."""
    matching = matching or match_maps(a, b)
    keys_a, keys_b = source_keys(a), source_keys(b)
    b_nodes = b.node_index()
    nodes = Section()
    for node in a.nodes:
        other_id = matching.nodes.get(node.id)
        if other_id is None:
            nodes.removed.append(node.id)
            continue
        other = b_nodes[other_id]
        same = node_signature(node, keys_a) == node_signature(other, keys_b)
        (nodes.same if same else nodes.changed).append((node.id, other_id))
    matched_b = set(matching.nodes.values())
    nodes.added = [n.id for n in b.nodes if n.id not in matched_b]
    b_relations = b.relation_index()
    relations = Section()
    for relation in a.relations:
        other_rel = matching.relations.get(relation.id)
        if other_rel is None:
            relations.removed.append(relation.id)
            continue
        same = _relation_signature(relation) == _relation_signature(b_relations[other_rel])
        (relations.same if same else relations.changed).append((relation.id, other_rel))
    matched_rel = set(matching.relations.values())
    relations.added = [r.id for r in b.relations if r.id not in matched_rel]
    return MapDiff(nodes, relations, matching)
