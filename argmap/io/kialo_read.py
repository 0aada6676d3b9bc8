"""Reading Kialo's discussion export: numbered pro/con trees as plain text.

The format::

    Discussion Title: Should the agreement be renewed?

    1. The agreement should be renewed.
    1.1. Pro: Crossings prevented doubled.
    1.1.1. Con: Crossings moved up the coast.
    1.2. Con: It costs too much.
    1.2.1. Pro: -> See 1.1.1.

``1.`` is the thesis (``2.``, … further theses); a child's number extends its parent's and
says ``Pro:`` (a support) or ``Con:`` (an attack). A statement may continue on the following
unnumbered lines. ``-> See 1.1.1.`` re-uses that statement: a relation from it, no new card.
Markdown links and backslash escapes such as ``\\(`` are kept as text. Numbering that skips
(``1.3.`` with no ``1.2.``) or a child before its parent is an error naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from argmap.io.errors import FileFormatError
from argmap.io.import_result import ImportResult
from argmap.io.reading import decode_text, read_bytes
from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind

__all__ = ["loads_kialo", "read_kialo"]

_NUMBERED = re.compile(r"^((?:\d+\.)+)[ \t]+(.*)$")
_ROLE = re.compile(r"^(Pro|Con):[ \t]*(.*)$")
_SEE = re.compile(r"^->[ \t]*See[ \t]+((?:\d+\.)+)[ \t]*$")
_TITLE = re.compile(r"^Discussion Title:[ \t]*(.*)$")
#: A continuation line that would read as a numbered one is written with a backslash first.
ESCAPED_NUMBER = re.compile(r"^\\((?:\d+\.)+[ \t])")


@dataclass
class _Entry:
    number: str
    line: int
    role: RelationKind | None  # None for a thesis
    lines: list[str] = field(default_factory=list)
    see: str | None = None

    @property
    def parent(self) -> str | None:
        parts = self.number.split(".")[:-1]
        return ".".join(parts[:-1]) + "." if len(parts) > 1 else None


#: Larger Kialo exports are refused unread: about 10,000 statements are read a second, and a
#: real discussion export is well under a megabyte.
MAX_KIALO_BYTES = 20_000_000


def read_kialo(path: str | Path) -> ImportResult:
    """Import a Kialo discussion export (``.txt``)."""
    return loads_kialo(read_bytes(path, MAX_KIALO_BYTES, "Kialo"), origin=path)


def loads_kialo(data: bytes | str, origin: str | Path | None = None) -> ImportResult:
    """Import Kialo export text; malformed numbering names its line."""
    text = decode_text(data, origin)
    title, entries = _parse(text, origin)
    if not entries:
        raise FileFormatError(origin, "no numbered statements (expected '1. ' and the thesis)")
    return _to_map(title, entries, origin)


def _parse(text: str, origin: str | Path | None) -> tuple[str, dict[str, _Entry]]:
    title = ""
    entries: dict[str, _Entry] = {}
    current: _Entry | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        found = _NUMBERED.match(line)
        if found is None:
            heading = _TITLE.match(line)
            if current is None and heading is not None:
                title = heading.group(1).strip()
            elif current is not None:
                current.lines.append(ESCAPED_NUMBER.sub(r"\1", line))
            elif line.strip():
                raise FileFormatError(
                    origin,
                    f"line {number}: text before the thesis ('1. …'); "
                    "a .txt file is read as a Kialo discussion export",
                )
            continue
        current = _entry(found.group(1), found.group(2), number, entries, origin)
        entries[current.number] = current
    return title, entries


def _entry(
    label: str, rest: str, line: int, entries: dict[str, _Entry], origin: str | Path | None
) -> _Entry:
    def fail(message: str) -> FileFormatError:
        return FileFormatError(origin, f"line {line}: {label} {message}")

    if label in entries:
        raise fail(f"appears twice (first on line {entries[label].line})")
    parts = label.split(".")[:-1]
    if int(parts[-1]) < 1:
        raise fail("is numbered from 0; Kialo numbers from 1")
    entry = _Entry(label, line, None)
    parent = entry.parent
    if parent is not None and parent not in entries:
        raise fail(f"comes before its parent {parent}")
    if int(parts[-1]) > 1:
        previous = ".".join([*parts[:-1], str(int(parts[-1]) - 1)]) + "."
        if previous not in entries:
            raise fail(f"skips {previous}")
    if parent is None:
        entry.lines.append(rest)
        return entry
    role = _ROLE.match(rest)
    if role is None:
        raise fail("must say 'Pro:' or 'Con:'")
    entry.role = RelationKind.SUPPORT if role.group(1) == "Pro" else RelationKind.ATTACK
    if entries[parent].see is not None:
        raise fail(f"answers {parent}, which only refers to another statement")
    see = _SEE.match(role.group(2))
    if see is not None:
        entry.see = see.group(1)
    else:
        entry.lines.append(role.group(2))
    return entry


def _node_id(number: str) -> str:
    return "k" + number.rstrip(".").replace(".", "_")


def _to_map(title: str, entries: dict[str, _Entry], origin: str | Path | None) -> ImportResult:
    nodes: list[Node] = []
    relations: list[Relation] = []
    references = 0
    for entry in entries.values():
        if entry.see is None:
            kind = NodeKind.COUNTERARGUMENT if entry.role is RelationKind.ATTACK else NodeKind.CLAIM
            text = "\n".join(entry.lines).strip()
            nodes.append(Node(id=_node_id(entry.number), kind=kind, text=text))
        if entry.parent is None:
            continue
        source = entry.number
        if entry.see is not None:
            references += 1
            source = _resolve(entry, entries, origin)
        assert entry.role is not None
        relations.append(
            Relation(
                id="r" + _node_id(entry.number)[1:],
                kind=entry.role,
                premises=[_node_id(source)],
                target=_node_id(_resolve(entries[entry.parent], entries, origin)),
            )
        )
    argument_map = ArgumentMap(title=title, nodes=nodes, relations=relations)
    summary = [f"{references} '-> See' references kept as relations"] if references else []
    return ImportResult(argument_map, summary)


def _resolve(entry: _Entry, entries: dict[str, _Entry], origin: str | Path | None) -> str:
    """The number of the statement an entry stands for (following ``-> See``)."""
    seen = {entry.number}
    while entry.see is not None:
        target = entries.get(entry.see)
        if target is None:
            raise FileFormatError(origin, f"line {entry.line}: -> See {entry.see}: no such line")
        if target.number in seen:
            raise FileFormatError(origin, f"line {entry.line}: -> See {entry.see} goes round")
        seen.add(target.number)
        entry = target
    return entry.number
