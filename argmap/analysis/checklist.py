"""The preparation checklist: the gaps a debater should close before facing the other side.

:func:`find_gaps` lists, kind by kind and in map order:

* ``unsupported_claim``: a claim no support relation leads to;
* ``unanswered_counterargument``: an attack from the other side (see
  :mod:`argmap.analysis.sides`) on one of your statements or inferences, with no attack on its
  premises and no undercut of it: what they will say that you have no reply to. Statements no
  chain of relations ties to a main claim count as the other side's when they are
  counterarguments;
* ``evidence_without_anchor`` and ``evidence_without_citation``;
* ``single_source``: a claim whose evidence, followed back through supports, all comes from one
  source (its citation, else the source document it is anchored in);
* ``circular_support``: statements that support each other in a circle;
* ``stale_anchor``: an anchor whose quote no longer matches its source text;
* ``disconnected``: statements no relation ties, directly or not, to a main claim.

Each :class:`Gap` names the nodes (and relations) to select and says what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

import networkx as nx

from argmap.analysis.quote import quote, quote_all
from argmap.analysis.sides import Side, main_claims, sides
from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind
from argmap.model.parts import connected_parts
from argmap.model.validation import anchor_problem

__all__ = ["GAP_TITLES", "Gap", "GapKind", "circle_gap", "find_gaps"]


class GapKind(StrEnum):
    """The kinds of gap, in the order the checklist shows them."""

    UNSUPPORTED_CLAIM = "unsupported_claim"
    UNANSWERED_COUNTERARGUMENT = "unanswered_counterargument"
    EVIDENCE_WITHOUT_ANCHOR = "evidence_without_anchor"
    EVIDENCE_WITHOUT_CITATION = "evidence_without_citation"
    SINGLE_SOURCE = "single_source"
    CIRCULAR_SUPPORT = "circular_support"
    STALE_ANCHOR = "stale_anchor"
    DISCONNECTED = "disconnected"


#: A heading for each kind, for the checklist panel and ``argmap check``.
GAP_TITLES: dict[GapKind, str] = {
    GapKind.UNSUPPORTED_CLAIM: "Claims with no support",
    GapKind.UNANSWERED_COUNTERARGUMENT: "Counterarguments with no answer",
    GapKind.EVIDENCE_WITHOUT_ANCHOR: "Evidence with no anchor in the source",
    GapKind.EVIDENCE_WITHOUT_CITATION: "Evidence with no citation",
    GapKind.SINGLE_SOURCE: "Claims resting on a single source",
    GapKind.CIRCULAR_SUPPORT: "Circular support",
    GapKind.STALE_ANCHOR: "Anchors that no longer match the source",
    GapKind.DISCONNECTED: "Statements not connected to any main claim",
}


@dataclass(frozen=True)
class Gap:
    """One gap: its kind, the nodes (and relations) to select, and what is wrong."""

    kind: GapKind
    node_ids: tuple[str, ...]
    message: str
    relation_ids: tuple[str, ...] = ()


def find_gaps(argument_map: ArgumentMap) -> list[Gap]:
    """Every gap in the map, kind by kind (in :class:`GapKind` order), each in map order.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id="c", kind="claim", text="Crossings will fall"),
    ...            Node(id="x", kind="counterargument", text="Patrols only displace them")],
    ...     relations=[Relation(id="r", kind="attack", premises=["x"], target="c")])
    >>> [(g.kind.value, g.node_ids) for g in find_gaps(m)]
    [('unsupported_claim', ('c',)), ('unanswered_counterargument', ('x',))]
    """
    m = argument_map
    return [
        *_unsupported(m),
        *_unanswered(m),
        *_evidence(m),
        *_single_source(m),
        *_circular(m),
        *_stale(m),
        *_disconnected(m),
    ]


def _unsupported(m: ArgumentMap) -> Iterator[Gap]:
    supported = {r.target for r in m.relations if r.kind == RelationKind.SUPPORT}
    for node in m.nodes:
        if node.kind == NodeKind.CLAIM and node.id not in supported:
            yield Gap(
                GapKind.UNSUPPORTED_CLAIM, (node.id,), f"{quote(node)} has no supporting reason"
            )


def _unanswered(m: ArgumentMap) -> Iterator[Gap]:
    side = sides(m)
    nodes, relations = m.node_index(), m.relation_index()
    answered = {r.target for r in m.relations if r.kind == RelationKind.ATTACK}
    for relation in m.relations:
        if relation.kind != RelationKind.ATTACK or relation.id in answered:
            continue
        if any(p in answered for p in relation.premises):
            continue
        if not all(_theirs(nodes[p], side) for p in relation.premises):
            continue
        yield Gap(
            GapKind.UNANSWERED_COUNTERARGUMENT,
            tuple(relation.premises),
            f"no answer to {quote_all(nodes[p] for p in relation.premises)} "
            f"(it {_aim(nodes, relations, relation.target)})",
            (relation.id,),
        )


def _aim(nodes: dict[str, Node], relations: dict[str, Relation], target: str) -> str:
    """'attacks 'X'', or for an undercut 'undercuts the step from 'P' to 'Q''."""
    if target in nodes:
        return f"attacks {quote(nodes[target])}"
    inference = relations[target]
    end = nodes.get(inference.target)
    to = quote(end) if end else "another inference"
    return f"undercuts the step from {quote_all(nodes[p] for p in inference.premises)} to {to}"


def _theirs(node: Node, side: dict[str, Side]) -> bool:
    found = side.get(node.id)
    if found is None:
        return node.kind == NodeKind.COUNTERARGUMENT
    return found is Side.CON


def _evidence(m: ArgumentMap) -> Iterator[Gap]:
    evidence = [n for n in m.nodes if n.kind == NodeKind.EVIDENCE]
    for node in evidence:
        if not node.anchors:
            yield Gap(
                GapKind.EVIDENCE_WITHOUT_ANCHOR,
                (node.id,),
                f"{quote(node)} is not anchored to any words of a source",
            )
    for node in evidence:
        if node.citation is None or node.citation.is_empty():
            yield Gap(
                GapKind.EVIDENCE_WITHOUT_CITATION, (node.id,), f"{quote(node)} has no citation"
            )


def _source_of(node: Node, titles: dict[str, str]) -> tuple[str, str] | None:
    """(key, name) of where a piece of evidence comes from, or None when it does not say."""
    citation = node.citation
    if citation is not None and not citation.is_empty():
        name = citation.title or citation.url or citation.publisher or citation.author or ""
        key = (
            (citation.url or "")
            + "|"
            + citation.title.casefold()
            + "|"
            + (citation.publisher or "")
        )
        return "citation:" + key, name
    if node.anchors:
        source_id = node.anchors[0].source_id
        return "source:" + source_id, titles.get(source_id) or source_id
    return None


def _single_source(m: ArgumentMap) -> Iterator[Gap]:
    titles = {s.id: s.title for s in m.sources}
    nodes = m.node_index()
    supports_into: dict[str, list[str]] = {}
    for relation in m.relations:
        if relation.kind == RelationKind.SUPPORT:
            supports_into.setdefault(relation.target, []).extend(relation.premises)
    for node in m.nodes:
        if node.kind != NodeKind.CLAIM:
            continue
        found: dict[str, str] = {}
        for reason in _behind(node.id, supports_into):
            if nodes[reason].kind == NodeKind.EVIDENCE:
                source = _source_of(nodes[reason], titles)
                if source is not None:  # one source under two names: the first name
                    found[source[0]] = min(found.get(source[0], source[1]), source[1])
        if len(found) == 1:
            name = next(iter(found.values()))
            yield Gap(
                GapKind.SINGLE_SOURCE,
                (node.id,),
                f"all the evidence for {quote(node)} comes from one source: {name!r}",
            )


def _behind(start: str, supports_into: dict[str, list[str]]) -> set[str]:
    """Every statement that supports ``start``, directly or through others."""
    seen: set[str] = set()
    stack = [start]
    while stack:
        for premise in supports_into.get(stack.pop(), ()):
            if premise not in seen:
                seen.add(premise)
                stack.append(premise)
    seen.discard(start)
    return seen


def _circular(m: ArgumentMap) -> Iterator[Gap]:
    if _acyclic_support(m):
        return  # the usual case, found in linear time without building a graph
    graph = nx.DiGraph()
    for relation in m.relations:
        if relation.kind == RelationKind.SUPPORT:
            graph.add_edges_from((p, relation.target) for p in relation.premises)
    nodes = m.node_index()
    order = {n.id: i for i, n in enumerate(m.nodes)}
    circles = [c for c in nx.strongly_connected_components(graph) if len(c) > 1]
    for circle in sorted(circles, key=lambda c: min(order[i] for i in c)):
        members = sorted(circle, key=order.__getitem__)
        inside = [r for r in m.relations if r.kind == RelationKind.SUPPORT and r.target in circle]
        yield circle_gap([nodes[i] for i in members], inside)


def circle_gap(members: list[Node], supports: Iterable[Relation]) -> Gap:
    """The gap of one circle of support: its statements in map order, and the supports into
    them in map order (those from outside the circle are left out). The circle it shows is
    the one a depth-first search from the first statement finds, going through the supports
    in map order: the same whatever else the map holds."""
    ids = {node.id for node in members}
    graph = nx.DiGraph()
    graph.add_nodes_from(node.id for node in members)
    relations = []
    for relation in supports:
        inner = [p for p in relation.premises if p in ids and relation.target in ids]
        if inner:
            graph.add_edges_from((p, relation.target) for p in inner)
            relations.append(relation.id)
    by_id = {node.id: node for node in members}
    cycle = nx.find_cycle(graph, source=members[0].id)
    path = " → ".join(quote(by_id[a]) for a, _ in cycle) + " → " + quote(by_id[cycle[0][0]])
    return Gap(
        GapKind.CIRCULAR_SUPPORT,
        tuple(node.id for node in members),
        f"support goes round in a circle: {path}",
        tuple(relations),
    )


def _acyclic_support(m: ArgumentMap) -> bool:
    """Whether support never goes round in a circle (Kahn's algorithm on the support edges)."""
    into: dict[str, int] = {}
    out: dict[str, list[str]] = {}
    for relation in m.relations:
        if relation.kind == RelationKind.SUPPORT:
            for premise in relation.premises:
                out.setdefault(premise, []).append(relation.target)
                into[relation.target] = into.get(relation.target, 0) + 1
                into.setdefault(premise, 0)
    ready = [item for item, count in into.items() if count == 0]
    left = len(into)
    while ready:
        item = ready.pop()
        left -= 1
        for target in out.get(item, ()):
            into[target] -= 1
            if into[target] == 0:
                ready.append(target)
    return left == 0


def _stale(m: ArgumentMap) -> Iterator[Gap]:
    for node in m.nodes:
        for anchor in node.anchors:
            problem = anchor_problem(m, anchor)
            if problem is not None:
                yield Gap(
                    GapKind.STALE_ANCHOR, (node.id,), f"the anchor of {quote(node)}: {problem}"
                )


def _disconnected(m: ArgumentMap) -> Iterator[Gap]:
    roots = set(main_claims(m))
    nodes = m.node_index()
    # Parts come in map order, each listing its statements in map order.
    for part in connected_parts(m):
        if roots.intersection(part):
            continue
        members = tuple(part)
        others = f" and {len(members) - 1} more" if len(members) > 1 else ""
        yield Gap(
            GapKind.DISCONNECTED,
            members,
            f"{quote(nodes[members[0]])}{others} not connected to any main claim",
        )
