"""An AIF nodeset normalised for reading: ids as strings, adjacency built once.

AIFdb and OVA disagree on small things (ids are strings or integers, timestamps and schemes
come and go, OVA wraps the nodeset in ``{"AIF": ...}``); this module takes them all and keeps
what is wrong as *problems* (broken structure) apart from *skips* (things argmap does not model).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.io.errors import FileFormatError

#: Node types argmap reads as its argument layer.
STATEMENT = "I"
SCHEME_TYPES = ("RA", "CA", "MA")
#: The dialogue layer (locutions, illocutions, transitions): kept as speakers and anchors.
DIALOGUE_TYPES = ("L", "YA", "TA")
#: Known AIF types argmap does not model (PA: preference application).
UNMODELLED_TYPES = ("PA",)
KNOWN_TYPES = frozenset((STATEMENT, *SCHEME_TYPES, *DIALOGUE_TYPES, *UNMODELLED_TYPES))


@dataclass
class AifGraph:
    """The nodes of a nodeset by id, in file order, with edges both ways."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    ins: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    outs: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    locutions: dict[str, dict[str, Any]] = field(default_factory=dict)
    participants: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    unknown: defaultdict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    skipped_ids: set[str] = field(default_factory=set)

    def of_type(self, *types: str) -> list[str]:
        """Ids of the nodes of these types, in file order."""
        return [node_id for node_id, t in self.types.items() if t in types]

    def text(self, node_id: str) -> str:
        value = self.nodes[node_id].get("text")
        return value if isinstance(value, str) else ""


@dataclass
class AifDocument:
    """A file's nodeset and what OVA and argmap wrapped around it."""

    aif: dict[str, Any]
    ova: dict[str, Any] | None
    text: str
    extension: dict[str, Any] | None


def unwrap(document: object, origin: str | Path | None) -> AifDocument:
    """Tell OVA's wrapped form from a plain AIFdb nodeset; refuse anything else."""
    if not isinstance(document, dict):
        raise FileFormatError(origin, "not AIF: expected a JSON object with nodes and edges")
    extension = document.get("argmap")
    ext = extension if isinstance(extension, dict) else None
    wrapped = document.get("AIF")
    if isinstance(wrapped, dict):
        ova = document.get("OVA")
        text = document.get("text")
        if isinstance(text, dict):  # some OVA versions wrap the text as {"txt": ...}
            text = text.get("txt")
        return AifDocument(
            wrapped,
            ova if isinstance(ova, dict) else None,
            text if isinstance(text, str) else "",
            ext,
        )
    if "nodes" in document:
        return AifDocument(document, None, "", ext)
    if document.get("format") == "argmap":
        raise FileFormatError(origin, "this is an argmap map, not AIF: open it directly")
    raise FileFormatError(
        origin, 'not AIF: expected "nodes" and "edges" (AIFdb) or an "AIF" object (OVA)'
    )


def _list(section: dict[str, Any], key: str, origin: str | Path | None) -> list[Any]:
    value = section.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise FileFormatError(origin, f'"{key}" must be a list, not {type(value).__name__}')
    return value


def _id(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | str) and str(value).strip():
        return str(value).strip()
    return None


def build_graph(aif: dict[str, Any], origin: str | Path | None) -> AifGraph:
    """Index the nodeset; malformed entries become problems, unknown types skips."""
    graph = AifGraph()
    for i, raw in enumerate(_list(aif, "nodes", origin)):
        _add_node(graph, i, raw)
    for i, raw in enumerate(_list(aif, "edges", origin)):
        _add_edge(graph, i, raw)
    for raw in _list(aif, "locutions", origin):
        node_id = _id(raw.get("nodeID")) if isinstance(raw, dict) else None
        if node_id is not None and isinstance(raw, dict):
            graph.locutions.setdefault(node_id, raw)
    for raw in _list(aif, "participants", origin):
        if isinstance(raw, dict) and (pid := _id(raw.get("participantID", raw.get("id")))):
            name = f"{raw.get('firstname') or ''} {raw.get('surname') or ''}".strip()
            if name:
                graph.participants[pid] = name
    return graph


def _add_node(graph: AifGraph, index: int, raw: object) -> None:
    where = f"$.nodes[{index}]"
    if not isinstance(raw, dict):
        graph.problems.append(f"{where} is not an object")
        return
    node_id = _id(raw.get("nodeID"))
    if node_id is None:
        graph.problems.append(f"{where} has no nodeID")
        return
    if node_id in graph.nodes or node_id in graph.skipped_ids:
        graph.problems.append(f"{where}: nodeID {node_id!r} is used twice")
        return
    node_type = str(raw.get("type") or "").strip().upper()
    if node_type not in KNOWN_TYPES:
        graph.unknown[node_type or "(none)"].append(node_id)
        graph.skipped_ids.add(node_id)
        return
    graph.nodes[node_id] = raw
    graph.types[node_id] = node_type


def _add_edge(graph: AifGraph, index: int, raw: object) -> None:
    where = f"$.edges[{index}]"
    if not isinstance(raw, dict):
        graph.problems.append(f"{where} is not an object")
        return
    source, target = _id(raw.get("fromID")), _id(raw.get("toID"))
    if source is None or target is None:
        graph.problems.append(f"{where} lacks fromID or toID")
        return
    skipped = graph.skipped_ids
    for end in (source, target):
        if end not in graph.nodes and end not in skipped:
            edge = raw.get("edgeID", index)
            graph.problems.append(
                f"edge {edge} ({where}) goes from {source!r} to {target!r}, "
                f"but there is no node {end!r}"
            )
            return
    if source in skipped or target in skipped:
        return
    graph.outs[source].append(target)
    graph.ins[target].append(source)
