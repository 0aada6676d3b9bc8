"""RA, CA and MA nodes as argmap relations.

An RA becomes a support (several I premises = a linked argument), a CA an attack (a CA whose
conclusion is an RA, CA or MA is an undercut), an MA (rephrase) a support with scheme
``rephrase``. Structure that cannot be read (a scheme node with no conclusion, a cycle of
scheme nodes) is a *problem*; structure argmap does not model (a scheme node without premises,
an RA supporting an inference) is skipped and reported.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from argmap.io.aif_graph import SCHEME_TYPES, STATEMENT, AifGraph
from argmap.io.aif_schemes import REPHRASE, scheme_from_aif
from argmap.model import RelationKind

KIND_OF_TYPE = {"RA": RelationKind.SUPPORT, "CA": RelationKind.ATTACK, "MA": RelationKind.SUPPORT}
_ARGUMENT_TYPES = (STATEMENT, *SCHEME_TYPES)


@dataclass
class RelationDraft:
    """A relation before it becomes a model object: ids and the AIF node it came from."""

    id: str
    node_id: str
    node_type: str
    premises: list[str]
    target: str
    scheme: str | None


@dataclass
class RelationReading:
    drafts: list[RelationDraft] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    split: list[str] = field(default_factory=list)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def read_relations(graph: AifGraph) -> RelationReading:
    """Every RA, CA and MA as drafts, undercuts pointing at the drafts of their targets."""
    reading = RelationReading()
    for node_id in graph.of_type(*SCHEME_TYPES):
        reading.drafts.extend(_drafts_of(graph, node_id, reading))
    _resolve_undercuts(graph, reading)
    _break_cycles(reading)
    return reading


def _drafts_of(graph: AifGraph, node_id: str, reading: RelationReading) -> list[RelationDraft]:
    node_type = graph.types[node_id]
    premises = _unique([n for n in graph.ins[node_id] if graph.types[n] == STATEMENT])
    conclusions = _unique([n for n in graph.outs[node_id] if graph.types[n] in _ARGUMENT_TYPES])
    if not conclusions:
        also = ", or to an RA for an undercut" if node_type == "CA" else ""
        reading.problems.append(
            f"{node_type} node {node_id!r} has no conclusion "
            f"(expected an edge from it to an I node{also})"
        )
        return []
    if not premises:
        reading.skipped["no premise"].append(node_id)
        return []
    scheme = _scheme(graph, node_id, node_type)
    drafts = []
    for number, target in enumerate(conclusions, start=1):
        if graph.types[target] != STATEMENT and node_type != "CA":
            reading.skipped["supports an inference"].append(node_id)
            continue
        if target in premises:
            reading.skipped["concludes its own premise"].append(node_id)
            continue
        draft_id = node_id if number == 1 else f"{node_id}~{number}"
        drafts.append(RelationDraft(draft_id, node_id, node_type, premises, target, scheme))
    if len(drafts) > 1:
        reading.split.append(node_id)
    return drafts


def _scheme(graph: AifGraph, node_id: str, node_type: str) -> str | None:
    if node_type == "MA":
        return REPHRASE
    raw = graph.nodes[node_id]
    name = raw.get("scheme")
    return scheme_from_aif(name if isinstance(name, str) else graph.text(node_id))


def _resolve_undercuts(graph: AifGraph, reading: RelationReading) -> None:
    """Drop undercuts whose target inference was not kept, then point the rest at relation ids."""

    def undercuts(draft: RelationDraft) -> bool:
        return graph.types.get(draft.target) in SCHEME_TYPES

    while True:
        kept = {d.node_id for d in reading.drafts}
        orphans = [d for d in reading.drafts if undercuts(d) and d.target not in kept]
        if not orphans:
            break
        for draft in orphans:
            reading.drafts.remove(draft)
            reading.skipped["undercuts a skipped inference"].append(draft.node_id)
    first_draft: dict[str, str] = {}
    for draft in reading.drafts:
        first_draft.setdefault(draft.node_id, draft.id)
    for draft in reading.drafts:
        if undercuts(draft):
            draft.target = first_draft[draft.target]


def _break_cycles(reading: RelationReading) -> None:
    """Scheme nodes that target each other in a ring have no foundation: a problem each."""
    by_id = {d.id: d for d in reading.drafts}
    on_cycle: set[str] = set()
    # Each draft has one target, so every walk is a path that ends or closes a ring: a walk
    # stops at anything already walked, and each draft is walked once (a chain of thousands
    # of undercuts took a minute when every start walked its whole chain again).
    done: set[str] = set()
    for start in by_id:
        path: dict[str, int] = {}
        current: str | None = start
        while current in by_id and current not in done and current not in path:
            path[current] = len(path)
            current = by_id[current].target
        if current is not None and current in path:
            on_cycle.update(list(path)[path[current] :])
        done.update(path)
    order = {draft_id: i for i, draft_id in enumerate(by_id)}
    for draft_id in sorted(on_cycle, key=order.__getitem__):
        reading.problems.append(
            f"{by_id[draft_id].node_type} node {by_id[draft_id].node_id!r} is part of a cycle "
            "of scheme nodes (each targets the next): none of them has a statement to stand on"
        )
    reading.drafts = [d for d in reading.drafts if d.id not in on_cycle]
