"""Argument map -> AIF JSON that OVA and AIFdb load, plus argmap's own data alongside.

Statements become I nodes; each relation one RA (support), CA (attack) or MA (a support with
scheme ``rephrase``) node with an edge in from every premise and one edge out to its target
(an undercut's CA points at the attacked relation's node). Node ids are the map's ids, so an
undercut, a scheme or a position is found again on import.

What AIF cannot carry (a statement's kind, anchors, citation, tags, notes, rating and dates; a
relation's critical questions and notes; the sources and the layout settings) is written under
the key ``"argmap"`` on each node and at the top of the file; other tools ignore unknown keys.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from typing import Any

from argmap.io.aif_schemes import (
    DEFAULT_SCHEME_IDS,
    REPHRASE,
    ova_centre_offset,
    scheme_to_aif,
)
from argmap.io.ova_layout import centres
from argmap.model import ArgumentMap, Node, Relation, RelationKind

EXTENSION = "argmap"
EXTENSION_FORMAT = "argmap-aif"
EXTENSION_VERSION = 1


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def node_type(relation: Relation) -> str:
    """The AIF type of a relation's scheme node."""
    if relation.kind == RelationKind.ATTACK:
        return "CA"
    return "MA" if relation.scheme == REPHRASE else "RA"


def _statement(node: Node) -> dict[str, Any]:
    return {
        "nodeID": node.id,
        "text": node.text,
        "type": "I",
        "timestamp": _stamp(node.modified),
        EXTENSION: node.model_dump(mode="json", exclude={"id", "text"}),
    }


def _scheme_node(relation: Relation, stamp: str) -> dict[str, Any]:
    kind = node_type(relation)
    name = scheme_to_aif(relation.scheme, kind)
    entry: dict[str, Any] = {
        "nodeID": relation.id,
        "text": name,
        "type": kind,
        "timestamp": stamp,
        "scheme": name,
    }
    if relation.scheme is None or kind == "MA":
        entry["schemeID"] = DEFAULT_SCHEME_IDS[kind]
    entry[EXTENSION] = relation.model_dump(
        mode="json", include={"scheme", "questions", "notes", "author", "editors"}
    )
    return entry


def _nodes_and_edges(
    argument_map: ArgumentMap,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nodes = [_statement(node) for node in argument_map.nodes]
    modified = {node.id: node.modified for node in argument_map.nodes}
    edges: list[dict[str, Any]] = []

    def edge(source: str, target: str) -> None:
        edges.append(
            {"edgeID": len(edges) + 1, "fromID": source, "toID": target, "formEdgeID": None}
        )

    for relation in argument_map.relations:
        times = [modified[p] for p in relation.premises if p in modified]
        stamp = _stamp(max(times)) if times else _stamp(datetime.now(UTC))
        nodes.append(_scheme_node(relation, stamp))
        for premise in relation.premises:
            edge(premise, relation.id)
        edge(relation.id, relation.target)
    return nodes, edges


def _top_extension(argument_map: ArgumentMap) -> dict[str, Any]:
    return {
        "format": EXTENSION_FORMAT,
        "version": EXTENSION_VERSION,
        **argument_map.model_dump(
            mode="json",
            include={
                "title",
                "description",
                "sources",
                "participants",
                "positions",
                "debate",
                "layout",
            },
        ),
    }


def _ova_block(argument_map: ArgumentMap, edges: list[dict[str, Any]]) -> dict[str, Any]:
    placed = centres(argument_map)
    texts = {n.id: (n.text, True) for n in argument_map.nodes}
    texts.update(
        {r.id: (scheme_to_aif(r.scheme, node_type(r)), False) for r in argument_map.relations}
    )
    layout = []
    for item_id, (x, y) in placed.items():
        text, is_statement = texts[item_id]
        top = y - ova_centre_offset(text, is_statement)
        layout.append(
            {
                "nodeID": item_id,
                "visible": True,
                "x": round(x, 1),
                "y": round(top, 1),
                "timestamp": "",
            }
        )
    return {
        "firstname": "",
        "surname": "",
        "url": "",
        "nodes": layout,
        "edges": [{"fromID": e["fromID"], "toID": e["toID"], "visible": True} for e in edges],
    }


def _ova_text(argument_map: ArgumentMap) -> str:
    # OVA shows "text" as HTML in its left pane.
    parts = [html.escape(s.text).replace("\n", "<br>") for s in argument_map.sources]
    return "<br><br>".join(parts)


def to_aif_document(argument_map: ArgumentMap, *, plain: bool = False) -> dict[str, Any]:
    """The AIF document: OVA's wrapped form, or with ``plain`` an AIFdb nodeset."""
    nodes, edges = _nodes_and_edges(argument_map)
    if plain:
        return {
            "nodes": nodes,
            "edges": edges,
            "locutions": [],
            EXTENSION: _top_extension(argument_map),
        }
    fulfilments = [
        {"nodeID": n["nodeID"], "schemeID": n["schemeID"]} for n in nodes if "schemeID" in n
    ]
    aif = {
        "nodes": nodes,
        "edges": edges,
        "schemefulfillments": fulfilments,
        "participants": [],
        "locutions": [],
        "descriptorfulfillments": [],
        "cqdescriptorfulfillments": [],
    }
    return {
        "AIF": aif,
        "text": _ova_text(argument_map),
        "OVA": _ova_block(argument_map, edges),
        EXTENSION: _top_extension(argument_map),
    }


def dumps_aif(argument_map: ArgumentMap, *, plain: bool = False) -> str:
    """The map as AIF JSON text (UTF-8, indented)."""
    document = to_aif_document(argument_map, plain=plain)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
