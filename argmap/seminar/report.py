"""A diff as lines a person reads: what B adds, removes and words differently."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.model import ArgumentMap, Relation
from argmap.seminar.diff import MapDiff

__all__ = ["diff_lines", "short"]


def short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _relation(m: ArgumentMap, relation: Relation) -> str:
    nodes = m.node_index()
    premises = " + ".join(short(nodes[p].text, 30) for p in relation.premises if p in nodes)
    target = nodes[relation.target].text if relation.target in nodes else relation.target
    return f"{premises} --{relation.kind.value}--> {short(target, 30)}"


def diff_lines(a: ArgumentMap, b: ArgumentMap, diff: MapDiff) -> Iterator[str]:
    """A summary line, then each change: ``-`` removed, ``+`` added, ``~`` changed."""
    n, r = diff.nodes, diff.relations
    yield (
        f"statements: {len(n.same)} same, {len(n.changed)} changed, {len(n.removed)} removed, "
        f"{len(n.added)} added; relations: {len(r.same)} same, {len(r.changed)} changed, "
        f"{len(r.removed)} removed, {len(r.added)} added"
    )
    nodes_a, nodes_b = a.node_index(), b.node_index()
    for a_id, b_id in n.changed:
        yield f"~ [{a_id}] {short(nodes_a[a_id].text)}"
        yield f"    now [{b_id}] {short(nodes_b[b_id].text)}"
    for a_id in n.removed:
        yield f"- [{a_id}] {short(nodes_a[a_id].text)}"
    for b_id in n.added:
        yield f"+ [{b_id}] {short(nodes_b[b_id].text)}"
    rels_a, rels_b = a.relation_index(), b.relation_index()
    for a_id, b_id in r.changed:
        yield f"~ [{a_id}] {_relation(a, rels_a[a_id])} (scheme now {rels_b[b_id].scheme})"
    for a_id in r.removed:
        yield f"- [{a_id}] {_relation(a, rels_a[a_id])}"
    for b_id in r.added:
        yield f"+ [{b_id}] {_relation(b, rels_b[b_id])}"
