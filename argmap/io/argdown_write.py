"""Argument map -> Argdown that reads back to the same structure.

Each statement is written once as ``[Title]: text #tags {id: ..., kind: ...}`` (the data
keeps argmap's id, kind, evidence type and rating). A relation with one premise, no scheme and
no notes that nothing undercuts is a relation line under its premise (``+>``, ``->``, or
``_>`` for an undercut). Every other relation is an argument with a premise-conclusion
structure: a support concludes in its target; an attack (linked, with a scheme or notes, or
itself undercut) concludes in a statement that only carries the attack (``-> [Target]`` or
``_> <Argument>``) and is marked ``{relation: "attack"}``, so argmap reads it back as one
attack while Argdown draws it as one. The scheme is the inference rule and data; notes are
the argument's description. Everything else (anchors, citations, notes, authorship, sources
and their texts, critical questions, participants, debate settings, layout) goes into argmap's
own ``argmap`` data and front-matter entry (see :mod:`argmap.io.argdown_extras`), so the file
reads back exactly.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from argmap.io.argdown_extras import KEY, json_value, map_extras, node_extras, relation_extras
from argmap.io.argdown_text import escape, tag_text
from argmap.model import ArgumentMap, Node, Relation, RelationKind

_TITLE_WORDS = 6


def _unique(wish: str, taken: set[str]) -> str:
    candidate, number = wish, 1
    while candidate.lower() in taken:
        number += 1
        candidate = f"{wish} {number}"
    taken.add(candidate.lower())
    return candidate


def statement_titles(argument_map: ArgumentMap) -> dict[str, str]:
    """A short, unique, syntax-free title for every node, from its first words."""
    taken: set[str] = set()
    titles = {}
    for node in argument_map.nodes:
        words = re.findall(r"[^\W_]+", node.text)[:_TITLE_WORDS]
        titles[node.id] = _unique(" ".join(words) or "Statement", taken)
    return titles


def _data(values: dict[str, Any]) -> str:
    parts = [f"{key}: {json_value(value)}" for key, value in values.items()]
    return "{" + ", ".join(parts) + "}"


def _statement(node: Node, title: str) -> str:
    data: dict[str, Any] = {"id": node.id, "kind": node.kind.value}
    if node.evidence_type is not None:
        data["evidence_type"] = node.evidence_type.value
    if node.rating is not None:
        data["rating"] = node.rating
    tags = [tag_text(t) for t in node.tags]
    extras = node_extras(node, [t.removeprefix("#").strip("()") for t in tags])
    if extras:
        data[KEY] = extras
    parts = [f"[{title}]:", escape(node.text), *tags, _data(data)]
    return " ".join(p for p in parts if p)


def _needs_argument(argument_map: ArgumentMap) -> set[str]:
    """Relations that cannot be a plain relation line."""
    signature = Counter((r.kind, frozenset(r.premises), r.target) for r in argument_map.relations)
    undercut_targets = {r.target for r in argument_map.relations}
    return {
        r.id
        for r in argument_map.relations
        if len(r.premises) > 1
        or r.scheme is not None
        or " ".join(r.notes.split())
        or r.id in undercut_targets
        or relation_extras(r)
        or signature[(r.kind, frozenset(r.premises), r.target)] > 1
    }


def _argument_titles(argument_map: ArgumentMap, wanted: set[str]) -> dict[str, str]:
    relation_ids = {r.id for r in argument_map.relations}
    taken: set[str] = set()
    titles: dict[str, str] = {}
    for relation in argument_map.relations:
        if relation.id in wanted:
            if relation.kind == RelationKind.SUPPORT:
                word = "Argument"
            else:
                word = "Undercut" if relation.target in relation_ids else "Objection"
            titles[relation.id] = _unique(f"{word} {len(titles) + 1}", taken)
    return titles


def _target_ref(relation: Relation, statements: dict[str, str], arguments: dict[str, str]) -> str:
    if relation.target in statements:
        return f"[{statements[relation.target]}]"
    return f"<{arguments[relation.target]}>"


def _relation_line(
    relation: Relation, statements: dict[str, str], arguments: dict[str, str]
) -> str:
    if relation.target not in statements:
        marker = "_>"
    else:
        marker = "+>" if relation.kind == RelationKind.SUPPORT else "->"
    return f"  {marker} {_target_ref(relation, statements, arguments)}"


def _argument(
    relation: Relation, title: str, statements: dict[str, str], arguments: dict[str, str]
) -> list[str]:
    data: dict[str, Any] = {"id": relation.id}
    if relation.scheme is not None:
        data["scheme"] = relation.scheme
    if relation.kind == RelationKind.ATTACK:
        data["relation"] = "attack"
    extras = relation_extras(relation)
    if extras:
        data[KEY] = extras
    head = " ".join(p for p in (f"<{title}>:", escape(relation.notes), _data(data)) if p)
    lines = [head, ""]
    lines += [f"({i}) [{statements[p]}]" for i, p in enumerate(relation.premises, start=1)]
    lines += ["--", escape(relation.scheme), "--"] if relation.scheme else ["----"]
    number = len(relation.premises) + 1
    if relation.kind == RelationKind.SUPPORT:
        lines.append(f"({number}) [{statements[relation.target]}]")
    else:
        ref = _target_ref(relation, statements, arguments)
        if relation.target in statements:
            lines.append(f"({number}) {escape(title)} speaks against @{ref}")
        else:
            lines.append(f"({number}) {escape(title)}: the inference of @{ref} does not hold")
        lines.append(_relation_line(relation, statements, arguments))
    return lines


def dumps_argdown(argument_map: ArgumentMap) -> str:
    """The map as Argdown text."""
    statements = statement_titles(argument_map)
    wanted = _needs_argument(argument_map)
    arguments = _argument_titles(argument_map, wanted)
    lines: list[str] = []
    plain = [r for r in argument_map.relations if r.id not in wanted]
    extension = map_extras(argument_map, plain)
    if argument_map.title or extension:
        lines.append("===")
        if argument_map.title:
            lines.append(f"title: {json.dumps(argument_map.title, ensure_ascii=False)}")
        if extension:
            lines.append(f"{KEY}: {json_value(extension)}")
        lines += ["===", ""]
    lines += [
        "// Written by argmap: the {data} after each statement and argument lets argmap "
        "read this file back exactly.",
        "",
    ]
    sketched: dict[str, list[Relation]] = {}
    for relation in argument_map.relations:
        if relation.id not in wanted:
            sketched.setdefault(relation.premises[0], []).append(relation)
    for node in argument_map.nodes:
        lines.append(_statement(node, statements[node.id]))
        lines += [_relation_line(r, statements, arguments) for r in sketched.get(node.id, [])]
        lines.append("")
    for relation in argument_map.relations:
        if relation.id in wanted:
            lines += _argument(relation, arguments[relation.id], statements, arguments)
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
