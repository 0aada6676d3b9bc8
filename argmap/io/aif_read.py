"""AIF JSON -> argument map: statements, relations, and the dialogue kept as anchors.

I nodes become statements; an I node that is a premise of an attack and of no support is a
counterargument, every other one a claim (argmap's own ``"argmap"`` key, written by
:mod:`argmap.io.aif_write`, restores kinds, anchors and everything else AIF cannot carry).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from argmap.io.aif_dialogue import read_dialogue, read_ova_text
from argmap.io.aif_graph import STATEMENT, AifDocument, AifGraph, build_graph, unwrap
from argmap.io.aif_relations import KIND_OF_TYPE, RelationDraft, read_relations
from argmap.io.aif_schemes import ova_centre_offset
from argmap.io.aif_speakers import speakers_as_participants
from argmap.io.aif_summary import broken_message, summarise
from argmap.io.errors import FileFormatError
from argmap.io.import_result import ImportResult
from argmap.io.validation_text import first_error
from argmap.model import (
    ArgumentMap,
    Debate,
    MapLayout,
    MapValidationError,
    Node,
    NodeKind,
    Participant,
    Point,
    Position,
    Relation,
    RelationKind,
    SourceDocument,
    validate,
)

#: The key under which argmap keeps, on nodes and at the top, what AIF cannot carry.
EXTENSION = "argmap"
DIALOGUE_SOURCE_ID = "aif-dialogue"
OVA_TEXT_SOURCE_ID = "ova-text"


def from_aif_document(
    document: object, origin: str | Path | None = None, *, skip_broken: bool = False
) -> ImportResult:
    """Read a parsed AIF document (plain AIFdb nodeset or OVA's wrapped form).

    Broken structure (an edge to a missing node, a scheme node with no conclusion, a cycle of
    scheme nodes) raises :class:`FileFormatError` saying what is wrong and what the rest of the
    file holds, unless ``skip_broken``: then the broken parts are left out and listed first in
    the summary.
    """
    doc = unwrap(document, origin)
    graph = build_graph(doc.aif, origin)
    reading = read_relations(graph)
    problems = graph.problems + reading.problems
    title = _title(doc, origin)
    try:
        argument_map = _assemble(graph, reading.drafts, doc, title, use_extension=True)
        extension_note = None
    except (MapValidationError, ValidationError, ValueError, TypeError, AttributeError) as exc:
        argument_map = _assemble(graph, reading.drafts, doc, title, use_extension=False)
        extension_note = f"ignored argmap's own data in the file ({_first_line(exc)})"
    if problems and not skip_broken:
        raise FileFormatError(origin, broken_message(problems, argument_map))
    summary = [f"skipped broken part: {p}" for p in problems]
    summary += summarise(graph, reading, argument_map, DIALOGUE_SOURCE_ID)
    if extension_note:
        summary.append(extension_note)
    return ImportResult(argument_map, summary)


def _first_line(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return first_error(exc)
    if isinstance(exc, (TypeError, AttributeError)):
        return "a part of it has the wrong type"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _title(doc: AifDocument, origin: str | Path | None) -> str:
    if doc.extension and isinstance(doc.extension.get("title"), str):
        return str(doc.extension["title"])
    if origin is None:
        return ""
    name = Path(origin).name
    return name[: -len(".json")] if name.lower().endswith(".json") else Path(origin).stem


def _assemble(
    graph: AifGraph,
    drafts: list[RelationDraft],
    doc: AifDocument,
    title: str,
    *,
    use_extension: bool,
) -> ArgumentMap:
    statement_ids = graph.of_type(STATEMENT)
    kinds = _kinds(statement_ids, drafts)
    nodes = [_node(graph, nid, kinds[nid], use_extension) for nid in statement_ids]
    relations = [_relation(graph, draft, use_extension) for draft in drafts]
    top = doc.extension if use_extension and doc.extension else {}
    argument_map = ArgumentMap(
        title=title,
        description=str(top.get("description") or ""),
        sources=[SourceDocument.model_validate(s) for s in top.get("sources") or []],
        nodes=nodes,
        relations=relations,
        participants=[Participant.model_validate(p) for p in top.get("participants") or []],
        positions=[Position.model_validate(p) for p in top.get("positions") or []],
        debate=Debate.model_validate(top.get("debate") or {}),
        layout=MapLayout.model_validate(top.get("layout") or {}),
    )
    _add_dialogue(graph, argument_map)
    if doc.text and not argument_map.sources:
        _add_ova_text(argument_map, doc.text)
    if not top.get("layout"):
        _place(argument_map, graph, doc.ova)
    validate(argument_map)
    return argument_map


def _kinds(statement_ids: list[str], drafts: list[RelationDraft]) -> dict[str, NodeKind]:
    attackers: set[str] = set()
    supporters: set[str] = set()
    for draft in drafts:
        group = attackers if KIND_OF_TYPE[draft.node_type] == RelationKind.ATTACK else supporters
        group.update(draft.premises)
    return {
        nid: NodeKind.COUNTERARGUMENT
        if nid in attackers and nid not in supporters
        else NodeKind.CLAIM
        for nid in statement_ids
    }


def _extension(raw: dict[str, Any], use_extension: bool, drop: tuple[str, ...]) -> dict[str, Any]:
    ext = raw.get(EXTENSION) if use_extension else None
    return {k: v for k, v in ext.items() if k not in drop} if isinstance(ext, dict) else {}


def _timestamp(raw: dict[str, Any]) -> datetime | None:
    value = raw.get("timestamp")
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        stamp = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp


def _node(graph: AifGraph, node_id: str, kind: NodeKind, use_extension: bool) -> Node:
    raw = graph.nodes[node_id]
    fields: dict[str, Any] = {"kind": kind}
    stamp = _timestamp(raw)
    if stamp is not None:
        fields.update(created=stamp, modified=stamp)
    fields.update(_extension(raw, use_extension, ("id", "text")))
    return Node.model_validate({**fields, "id": node_id, "text": graph.text(node_id)})


def _relation(graph: AifGraph, draft: RelationDraft, use_extension: bool) -> Relation:
    raw = graph.nodes[draft.node_id]
    fields: dict[str, Any] = {"scheme": draft.scheme}
    fields.update(_extension(raw, use_extension, ("id", "kind", "premises", "target")))
    return Relation.model_validate(
        {
            **fields,
            "id": draft.id,
            "kind": KIND_OF_TYPE[draft.node_type],
            "premises": draft.premises,
            "target": draft.target,
        }
    )


def _free_id(argument_map: ArgumentMap, wish: str) -> str:
    taken = {s.id for s in argument_map.sources} | {n.id for n in argument_map.nodes}
    taken |= {r.id for r in argument_map.relations}
    while wish in taken:
        wish += "-1"
    return wish


def _add_dialogue(graph: AifGraph, argument_map: ArgumentMap) -> None:
    """Anchor statements on their locutions, unless argmap's own data anchored them already."""
    if any(node.anchors for node in argument_map.nodes):
        return
    source_id = _free_id(argument_map, DIALOGUE_SOURCE_ID)
    title = f"Dialogue of {argument_map.title}" if argument_map.title else "Dialogue"
    reading = read_dialogue(graph, {n.id for n in argument_map.nodes}, source_id, title)
    if reading.source is None:
        return
    argument_map.sources.append(reading.source)
    for node in argument_map.nodes:
        node.anchors = reading.anchors.get(node.id, node.anchors)
        if node.citation is None:
            node.citation = reading.citations.get(node.id)
    speakers = {k: c.author for k, c in reading.citations.items() if c.author}
    speakers_as_participants(argument_map, speakers)


def _add_ova_text(argument_map: ArgumentMap, markup: str) -> None:
    texts = {node.id: node.text for node in argument_map.nodes}
    source_id = _free_id(argument_map, OVA_TEXT_SOURCE_ID)
    title = f"Analysed text of {argument_map.title}" if argument_map.title else "Analysed text"
    source, anchors = read_ova_text(markup, texts, source_id, title)
    if source is None:
        return
    argument_map.sources.append(source)
    for node in argument_map.nodes:
        if node.id in anchors:
            node.anchors = [anchors[node.id]]


def _place(argument_map: ArgumentMap, graph: AifGraph, ova: dict[str, Any] | None) -> None:
    """Card centres from OVA's layout block (x is a centre there, y the top of the text).

    Used only when argmap's own layout is absent: OVA drops unknown keys when it saves, so a
    file that still has them was not rearranged in OVA since argmap wrote it.
    """
    statement_ids = {n.id for n in argument_map.nodes}
    entries = ova.get("nodes") if ova else None
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or str(entry.get("nodeID")) not in statement_ids:
            continue
        node_id = str(entry.get("nodeID"))
        try:
            x, y = float(entry["x"]), float(entry["y"])
        except (KeyError, TypeError, ValueError):
            continue
        if not (math.isfinite(x) and math.isfinite(y)):
            continue  # NaN or Infinity: the card is placed with the unplaced ones
        offset = ova_centre_offset(graph.text(node_id), True)
        argument_map.layout.positions[node_id] = Point.rounded(x, y + offset)
