"""What Argdown cannot say, carried in argmap's own data so an Argdown export reads back exactly.

Argdown has statements (text, tags), arguments (premises, conclusion, an inference rule, a
description) and relations. Everything else argmap keeps goes into an ``argmap`` data key:

* on each statement, ``{argmap: {...}}`` holds the node's other fields (anchors, citation,
  notes, author, editors, times; the exact text when Argdown's one-line text would change it);
* on each argument, the relation's other fields (critical questions, author, editors);
* in the front matter, one line ``argmap: {...}`` holds the map's description, sources (with
  their texts), participants, positions, debate settings and layout, and the ids of the
  relations written as plain relation lines (``relation_ids``: "kind premise target" -> id),
  which have no data of their own, and the map's order of relations (``relation_order``).

The values are JSON (which is YAML flow style, so other Argdown tools read the file too), with
``/`` and ``<`` escaped so no comment marker can appear inside them.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.model import ArgumentMap, Node, Relation

KEY = "argmap"
_NODE_NATIVE = {"id", "kind", "text", "tags", "evidence_type", "rating"}
_RELATION_NATIVE = {"id", "kind", "premises", "target", "scheme", "notes"}
_MAP_NATIVE = {"title", "nodes", "relations"}
RELATION_IDS = "relation_ids"
RELATION_ORDER = "relation_order"


def relation_key(relation: Relation) -> str:
    """What identifies a relation written as a plain line: its kind, premise and target."""
    return f"{relation.kind.value} {relation.premises[0]} {relation.target}"


def json_value(value: Any) -> str:
    """``value`` as one line of JSON that no Argdown comment marker can cut short."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    # "/" and "<" only occur inside JSON strings, where \/ and \u003c mean the same.
    return text.replace("/", "\\/").replace("<", "\\u003c")


def _flat(text: str) -> str:
    return " ".join(text.split())


def node_extras(node: Node, tags_written: list[str]) -> dict[str, Any]:
    """The node's fields that its Argdown statement does not carry as it is."""
    extras = node.model_dump(mode="json", exclude=_NODE_NATIVE, exclude_defaults=True)
    if _flat(node.text) != node.text:
        extras["text"] = node.text
    if tags_written != node.tags:
        extras["tags"] = list(node.tags)
    return extras


def relation_extras(relation: Relation) -> dict[str, Any]:
    """The relation's fields that an Argdown argument does not carry as it is."""
    extras = relation.model_dump(mode="json", exclude=_RELATION_NATIVE, exclude_defaults=True)
    if _flat(relation.notes) != relation.notes:
        extras["notes"] = relation.notes
    return extras


def map_extras(argument_map: ArgumentMap, plain: list[Relation]) -> dict[str, Any]:
    """The map's fields beyond its title, statements and relations; the ids of ``plain``."""
    extras = argument_map.model_dump(mode="json", exclude=_MAP_NATIVE, exclude_defaults=True)
    if plain:
        extras[RELATION_IDS] = {relation_key(r): r.id for r in plain}
    if argument_map.relations:
        extras[RELATION_ORDER] = [r.id for r in argument_map.relations]
    return extras


def with_plain_relation_ids(
    relations: list[Relation], extension: dict[str, Any] | None, named: set[str]
) -> list[Relation]:
    """Relations read from plain lines (not in ``named``) get back the ids argmap wrote."""
    wanted = (extension or {}).get(RELATION_IDS)
    if not isinstance(wanted, dict):
        wanted = {}
    taken = {r.id for r in relations}
    result = []
    for relation in relations:
        new_id = wanted.get(relation_key(relation)) if relation.id not in named else None
        if isinstance(new_id, str) and new_id and new_id not in taken:
            taken.add(new_id)
            relation = relation.model_copy(update={"id": new_id})
        result.append(relation)
    order = (extension or {}).get(RELATION_ORDER)
    if isinstance(order, list):
        rank = {rid: i for i, rid in enumerate(order) if isinstance(rid, str)}
        result.sort(key=lambda r: rank.get(r.id, len(rank)))
    return result


def with_node_extras(node: Node, data: dict[str, Any]) -> Node:
    """The node with the fields of its ``argmap`` data (validated like a map file's)."""
    extras = data.get(KEY)
    if not isinstance(extras, dict) or not extras:
        return node
    fields = {k: v for k, v in extras.items() if k not in _NODE_NATIVE - {"text", "tags"}}
    return Node.model_validate({**node.model_dump(), **fields})


def with_relation_extras(relation: Relation, extras: object) -> Relation:
    if not isinstance(extras, dict) or not extras:
        return relation
    fields = {k: v for k, v in extras.items() if k not in _RELATION_NATIVE - {"notes"}}
    return Relation.model_validate({**relation.model_dump(), **fields})


def with_map_extras(argument_map: ArgumentMap, extension: dict[str, Any] | None) -> ArgumentMap:
    if not extension:
        return argument_map
    skip = _MAP_NATIVE | {RELATION_IDS, RELATION_ORDER}
    fields = {k: v for k, v in extension.items() if k not in skip}
    base = {k: getattr(argument_map, k) for k in _MAP_NATIVE}
    return ArgumentMap.model_validate(
        {**argument_map.model_dump(exclude=_MAP_NATIVE), **fields, **base}
    )
