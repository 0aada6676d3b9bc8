"""``argmap stats FILE [--json]``: what a map holds, counted."""

from __future__ import annotations

import argparse
import json
from typing import Any

import networkx as nx

from argmap.analysis.graph import statement_graph
from argmap.cli.io_helpers import load_map
from argmap.io.import_result import counted
from argmap.model import ArgumentMap, NodeKind, RelationKind

NAME = "stats"
HELP = "count a map's nodes, relations, anchors, citations and sources, and its deepest chain"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the map (.argmap.json)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def map_stats(argument_map: ArgumentMap) -> dict[str, Any]:
    """The figures ``argmap stats`` prints, as plain data.

    Relations are counted as support, attack (on a statement) and undercut (an attack on a
    relation), which partition them; ``linked`` counts those with several premises.
    """
    m = argument_map
    undercuts = sum(1 for r in m.relations if m.is_undercut(r))
    attacks = sum(1 for r in m.relations if r.kind == RelationKind.ATTACK)
    return {
        "title": m.title,
        "nodes": {
            "total": len(m.nodes),
            **{kind.value: sum(1 for n in m.nodes if n.kind == kind) for kind in NodeKind},
        },
        "relations": {
            "total": len(m.relations),
            "support": sum(1 for r in m.relations if r.kind == RelationKind.SUPPORT),
            "attack": attacks - undercuts,
            "undercut": undercuts,
            "linked": sum(1 for r in m.relations if len(r.premises) > 1),
        },
        "anchored_nodes": sum(1 for n in m.nodes if n.anchors),
        "evidence": sum(1 for n in m.nodes if n.kind == NodeKind.EVIDENCE),
        "evidence_with_citation": sum(
            1
            for n in m.nodes
            if n.kind == NodeKind.EVIDENCE and n.citation is not None and not n.citation.is_empty()
        ),
        "sources": len(m.sources),
        "depth": deepest_chain(m),
    }


def deepest_chain(argument_map: ArgumentMap) -> int:
    """Steps in the longest chain of reasons (premise -> target) in the statement graph.

    A lone statement has depth 0, a claim with a reason 1, a reason for that reason 2. The
    statements of a cycle count as one step (the graph is condensed first), so the figure is
    finite and does not depend on where one enters the cycle.
    """
    graph = nx.DiGraph(statement_graph(argument_map))
    if graph.number_of_nodes() == 0:
        return 0
    return int(nx.dag_longest_path_length(nx.condensation(graph)))


def run(args: argparse.Namespace) -> int:
    stats = map_stats(load_map(args.file))
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        print(_as_text(args.file, stats))
    return 0


def _as_text(path: str, stats: dict[str, Any]) -> str:
    nodes, relations = stats["nodes"], stats["relations"]
    lines = [
        f"{path}: {stats['title'] or '(untitled)'}",
        f"  nodes:      {nodes['total']} ({counted(nodes['claim'], 'claim')}, "
        f"{nodes['evidence']} evidence, {counted(nodes['counterargument'], 'counterargument')})",
        f"  relations:  {relations['total']} ({counted(relations['support'], 'support')}, "
        f"{counted(relations['attack'], 'attack')}, {counted(relations['undercut'], 'undercut')}; "
        f"{relations['linked']} linked)",
        f"  anchored:   {stats['anchored_nodes']} of {nodes['total']} nodes",
        f"  cited:      {stats['evidence_with_citation']} of {stats['evidence']} evidence",
        f"  sources:    {stats['sources']}",
        f"  depth:      {stats['depth']} (longest chain of reasons)",
    ]
    return "\n".join(lines)
