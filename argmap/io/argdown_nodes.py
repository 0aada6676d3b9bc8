"""The nodes of an Argdown import: statements, and arguments that have no reconstruction.

A node's id is argmap's own (from ``{id: ...}`` data, which argmap writes) or a slug of its
title or text. Its kind comes from ``{kind: ...}`` data or a ``#claim``, ``#evidence`` or
``#counterargument`` tag; nodes without either get their kind from their role once the
relations are known. A heading (a group in Argdown) becomes a tag of what is defined under it.
"""

from __future__ import annotations

from typing import Any

from argmap.io.argdown_doc import ArgdownDocument, Ref
from argmap.io.argdown_extras import with_node_extras
from argmap.io.argdown_text import slug
from argmap.model import EvidenceType, Node, NodeKind

KIND_TAGS = {kind.value: kind for kind in NodeKind}


class IdMaker:
    """Unique ids: the wished-for one, or it with -2, -3, ... appended."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, wish: str) -> str:
        wish = wish or "item"
        candidate, number = wish, 1
        while candidate in self.used:
            number += 1
            candidate = f"{wish}-{number}"
        self.used.add(candidate)
        return candidate


def _wished_id(data: dict[str, Any], fallback: str, default: str) -> str:
    value = data.get("id")
    if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return slug(fallback) or default


def _node(
    ids: IdMaker, data: dict[str, Any], tags: list[str], group: str | None, **fields: Any
) -> tuple[Node, bool]:
    """A node with what data and tags say; the flag tells whether its kind was given."""
    kind = KIND_TAGS.get(str(data.get("kind")))
    kept = list(tags)
    if kind is None:  # a kind tag only counts when argmap's data does not say
        kind = next((KIND_TAGS[t] for t in tags if t in KIND_TAGS), None)
        kept = [t for t in tags if t not in KIND_TAGS]
    if group and group not in kept:
        kept.append(group)
    extra: dict[str, Any] = {}
    if data.get("evidence_type") in {e.value for e in EvidenceType}:
        extra["evidence_type"] = data["evidence_type"]
    rating = data.get("rating")
    if isinstance(rating, int | float) and not isinstance(rating, bool) and 0 <= rating <= 1:
        extra["rating"] = float(rating)
    node = Node(kind=kind or NodeKind.CLAIM, tags=kept, **fields, **extra)
    return with_node_extras(node, data), kind is not None


def _aliases(doc: ArgdownDocument) -> dict[str, str]:
    """Untitled statements whose text is that of a titled one: they are that one."""
    by_text: dict[str, str] = {}
    for key, statement in doc.statements.items():
        if statement.title is not None:
            for text in statement.texts:
                by_text.setdefault(text, key)
    return {
        key: by_text[s.texts[0]]
        for key, s in doc.statements.items()
        if s.title is None and s.texts and s.texts[0] in by_text
    }


class _Made:
    """Nodes as they are made, with where each was defined and which kinds were given."""

    def __init__(self, ids: IdMaker) -> None:
        self.ids = ids
        self.placed: list[tuple[int, Node]] = []
        self.node_of: dict[Ref, str] = {}
        self.given: set[str] = set()

    def add(self, ref: Ref, line: int, data: dict[str, Any], tags: list[str], **kw: Any) -> None:
        wish = _wished_id(data, kw.pop("name"), ref.kind)
        group = kw.pop("group")
        node, kind_given = _node(self.ids, data, tags, group, id=self.ids.make(wish), **kw)
        self.placed.append((line, node))
        self.node_of[ref] = node.id
        if kind_given:
            self.given.add(node.id)


def build_nodes(
    doc: ArgdownDocument, ids: IdMaker, synthetic: set[str], used: set[str]
) -> tuple[list[Node], dict[Ref, str], set[str], int]:
    """Nodes in document order, the node of each statement and argument, the ids whose kind
    was given, and how many untitled statements were left out for taking part in nothing."""
    alias = _aliases(doc)
    made = _Made(ids)
    skipped = 0
    for key, st in doc.statements.items():
        if key in alias or key in synthetic:
            continue
        if st.title is None and key not in used:
            skipped += 1
            continue
        # A titled statement without text reads as its title, unless argmap wrote it.
        untold = "" if "id" in st.data else (st.title or "")
        text = st.texts[0] if st.texts else untold
        line = st.defined_line or st.line
        made.add(
            Ref("statement", key),
            line,
            st.data,
            st.tags,
            name=st.title or text,
            group=st.group,
            text=text,
        )
    for key, target in alias.items():
        made.node_of[Ref("statement", key)] = made.node_of[Ref("statement", target)]
    for key, arg in doc.arguments.items():
        if not arg.steps:
            text = arg.descriptions[0] if arg.descriptions else key
            line = arg.defined_line or arg.line
            made.add(
                Ref("argument", key), line, arg.data, arg.tags, name=key, group=arg.group, text=text
            )
    made.placed.sort(key=lambda pair: pair[0])
    return [node for _, node in made.placed], made.node_of, made.given, skipped
