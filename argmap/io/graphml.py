"""GraphML: the map as the bipartite statement/relation graph, for yEd, Gephi and networkx.

Written through :func:`argmap.analysis.graph.to_networkx` and networkx's GraphML writer: every
statement and every relation is a GraphML node (``role`` says which) with its kind, text and
a ``label``; edges run premise -> relation (``role="premise"``, ``order``) and relation ->
target (``role="conclusion"``). Only scalar attributes go out; each node also carries its full
argmap record as JSON in ``argmap`` (and the graph its sources and layout), so reading an
argmap-made file gives back the same map. A GraphML file from elsewhere is read as a plain
graph: each node a claim (text from its ``label``, ``text`` or ``name``), each edge a support,
or an attack where the edge's ``kind`` or ``label`` says so.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import networkx as nx
from pydantic import ValidationError

from argmap.analysis.graph import RELATION, from_networkx, to_networkx
from argmap.io.atomic import write_atomic
from argmap.io.errors import FileFormatError
from argmap.io.import_result import ImportResult, counted
from argmap.io.json_text import loads_json
from argmap.io.reading import read_bytes
from argmap.io.validation_text import first_error
from argmap.model import (
    ArgumentMap,
    MapLayout,
    MapValidationError,
    Node,
    Point,
    Relation,
    SourceDocument,
    validate,
)

__all__ = ["MAX_GRAPHML_BYTES", "graphml_graph", "read_graphml", "write_graphml"]

#: Larger GraphML is refused unread: networkx parses about 2 MB a second (a 5,000-statement
#: map argmap wrote is 6.7 MB), so 50 MB is half a minute.
MAX_GRAPHML_BYTES = 50_000_000

_SCALARS = (str, int, float, bool)
_ATTACK_WORDS = {"attack", "attacks", "con", "-", "contra", "against", "objection"}


def _scalar(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if isinstance(v, _SCALARS)}


def graphml_graph(argument_map: ArgumentMap) -> nx.DiGraph:
    """The graph written to GraphML: :func:`to_networkx` with scalar attributes only."""
    graph = to_networkx(argument_map)
    positions = argument_map.layout.positions
    for _, data in graph.nodes(data=True):
        extra: dict[str, Any] = {}
        if isinstance(node := data.get("node"), Node):
            extra = _statement_attributes(node)
            if (point := positions.get(node.id)) is not None:
                extra.update(x=point.x, y=point.y)
        elif isinstance(relation := data.get("relation"), Relation):
            extra = {
                "label": relation.kind.value + (f" ({relation.scheme})" if relation.scheme else ""),
                "argmap": relation.model_dump_json(exclude={"id", "premises", "target"}),
            }
        kept = _scalar({**data, **extra})
        data.clear()
        data.update(kept)
    for _, _, data in graph.edges(data=True):
        kept = _scalar(data)
        data.clear()
        data.update(kept)
    graph.graph = {
        "title": argument_map.title,
        "description": argument_map.description,
        "argmap_sources": json.dumps([s.model_dump(mode="json") for s in argument_map.sources]),
        "argmap_layout": argument_map.layout.model_dump_json(),
    }
    return graph


def _statement_attributes(node: Node) -> dict[str, Any]:
    return {
        "label": node.text,
        "evidence_type": node.evidence_type.value if node.evidence_type else None,
        "tags": "; ".join(node.tags),
        "rating": node.rating,
        "argmap": node.model_dump_json(exclude={"id"}),
    }


def write_graphml(argument_map: ArgumentMap, path: str | Path) -> None:
    """Write the map as GraphML, atomically."""
    text = "\n".join(nx.generate_graphml(graphml_graph(argument_map))) + "\n"
    write_atomic(path, text.encode("utf-8"))


def read_graphml(path: str | Path) -> ImportResult:
    """Import GraphML: exactly when argmap wrote it, as a plain graph otherwise."""
    data = read_bytes(path, MAX_GRAPHML_BYTES, "GraphML")
    try:
        graph = nx.parse_graphml(data.decode("utf-8", errors="replace"))
    except ParseError as exc:
        line, column = exc.position
        raise FileFormatError(
            path, f"not valid XML at line {line}, column {column + 1} (nothing could be read)"
        ) from None
    except (nx.NetworkXError, ValueError, KeyError) as exc:
        raise FileFormatError(path, f"not GraphML that argmap can read: {exc}") from None
    directed = nx.DiGraph(**graph.graph)
    directed.add_nodes_from(graph.nodes(data=True))
    directed.add_edges_from(graph.edges(data=True))
    try:
        if any("role" in d for _, d in directed.nodes(data=True)):
            return _read_argmap_graph(directed, path)
        return _read_plain_graph(directed, undirected=not graph.is_directed())
    except MapValidationError as exc:
        raise FileFormatError(path, f"the graph is not a valid map: {exc}") from None
    except ValidationError as exc:
        raise FileFormatError(path, f"the graph is not a valid map: {first_error(exc)}") from None


def _record(data: dict[str, Any], node_id: object, path: str | Path) -> dict[str, Any] | None:
    raw = data.get("argmap")
    if not isinstance(raw, str):
        return None
    what = f"the argmap attribute of node {str(node_id)!r}"
    record = loads_json(raw, path, what=what)
    if not isinstance(record, dict):
        raise FileFormatError(path, f"{what}: expected a JSON object, not {_json_type(record)}")
    return record


def _embedded_list(raw: str, path: str | Path, what: str) -> list[Any]:
    value = loads_json(raw, path, what=what)
    if not isinstance(value, list):
        raise FileFormatError(path, f"{what}: expected a JSON list, not {_json_type(value)}")
    return value


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _read_argmap_graph(graph: nx.DiGraph, path: str | Path) -> ImportResult:
    unmarked = [str(n) for n, d in graph.nodes(data=True) if "role" not in d]
    if unmarked:
        raise FileFormatError(
            path, f"an edge refers to node {unmarked[0]!r}, which the file does not declare"
        )
    for node_id, data in graph.nodes(data=True):
        record = _record(data, node_id, path)
        if data["role"] == RELATION and record is not None:
            # from_networkx fills in premises and target from the edges
            data["relation"] = Relation.model_validate(
                {**record, "id": str(node_id), "premises": ["?"], "target": "?"}
            )
        elif data["role"] == RELATION:
            data["relation"] = None
        elif record is not None:
            data["node"] = Node.model_validate({**record, "id": str(node_id)})
        else:
            text = data.get("text", data.get("label", ""))
            data["node"] = Node(id=str(node_id), kind=data.get("kind", "claim"), text=str(text))
    try:
        argument_map = from_networkx(graph, title=str(graph.graph.get("title", "")))
    except ValueError as exc:
        raise FileFormatError(path, f"{exc} (expected one edge from it to its target)") from None
    argument_map.description = str(graph.graph.get("description", ""))
    sources = graph.graph.get("argmap_sources")
    if isinstance(sources, str):
        listed = _embedded_list(sources, path, "the graph's argmap_sources attribute")
        argument_map.sources = [SourceDocument.model_validate(s) for s in listed]
    layout = graph.graph.get("argmap_layout")
    if isinstance(layout, str):
        argument_map.layout = MapLayout.model_validate_json(layout)
    else:
        argument_map.layout.positions = _positions(graph)
    validate(argument_map)
    return ImportResult(argument_map, [])


def _positions(graph: nx.DiGraph) -> dict[str, Point]:
    positions = {}
    for node_id, data in graph.nodes(data=True):
        try:
            positions[str(node_id)] = Point.rounded(float(data["x"]), float(data["y"]))
        except (KeyError, TypeError, ValueError):
            continue
    return positions


def _read_plain_graph(graph: nx.DiGraph, undirected: bool) -> ImportResult:
    nodes = []
    for node_id, data in graph.nodes(data=True):
        text = next((data[k] for k in ("label", "text", "name") if k in data), node_id)
        nodes.append(Node(id=str(node_id), kind="claim", text=str(text)))
    relations = []
    used = {str(n) for n in graph.nodes}
    loops = 0
    for number, (source, target, data) in enumerate(graph.edges(data=True), start=1):
        if source == target:
            loops += 1
            continue
        word = str(data.get("kind") or data.get("label") or "").strip().lower()
        relation_id = f"e{number}"
        while relation_id in used:
            relation_id += "_"
        used.add(relation_id)
        kind = "attack" if word in _ATTACK_WORDS else "support"
        relations.append(
            Relation(id=relation_id, kind=kind, premises=[str(source)], target=str(target))
        )
    argument_map = ArgumentMap(
        title=str(graph.graph.get("title", graph.graph.get("name", ""))),
        nodes=nodes,
        relations=relations,
        layout=MapLayout(positions=_positions(graph)),
    )
    validate(argument_map)
    attacks = sum(1 for r in relations if r.kind == "attack")
    summary = [
        "no argmap attributes: read as a plain graph, "
        f"{counted(len(nodes), 'node')} as claims and {counted(len(relations), 'edge')} as "
        f"relations ({counted(attacks, 'attack')}, where an edge's kind or label says so)"
    ]
    if undirected:
        summary.append("the graph is undirected: each edge was read in the order it is written")
    if loops:
        summary.append(f"left out {counted(loops, 'edge')} from a node to itself")
    return ImportResult(argument_map, summary)
