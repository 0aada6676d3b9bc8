"""Writing a map as a Kialo discussion export (see :mod:`argmap.io.kialo_read`).

The thesis is the motion, or each main claim in turn (``1.``, ``2.``, …). Under a statement
come the premises of its supports (``Pro:``) and attacks (``Con:``), in map order; an
undercut, which Kialo cannot express, is written as a ``Con:`` of the premise whose inference
it attacks. A statement reached a second time is written once and referenced with ``-> See``.
Linked premises become separate pros or cons. Kinds, anchors, citations and layout are not
part of the format.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from argmap.io.atomic import write_atomic
from argmap.io.kialo_read import ESCAPED_NUMBER
from argmap.model import ArgumentMap, NodeKind, Relation, RelationKind

__all__ = ["dumps_kialo", "write_kialo"]


class _Writer:
    def __init__(self, argument_map: ArgumentMap) -> None:
        self.nodes = argument_map.node_index()
        relations = {relation.id: relation for relation in argument_map.relations}
        self.children: defaultdict[str, list[tuple[str, RelationKind]]] = defaultdict(list)
        for relation in argument_map.relations:
            for parent in _parents(relation, relations):
                for premise in relation.premises:
                    self.children[parent].append((premise, relation.kind))
        self.numbers: dict[str, str] = {}
        self.lines: list[str] = []

    def write(self, node_id: str, number: str, role: RelationKind | None) -> None:
        """The statement and, depth first, what is under it (a stack: chains have no limit)."""
        stack: list[tuple[str, str, RelationKind | None]] = [(node_id, number, role)]
        while stack:
            node_id, number, role = stack.pop()
            prefix = "" if role is None else ("Pro: " if role is RelationKind.SUPPORT else "Con: ")
            if node_id in self.numbers:
                self.lines.append(f"{number} {prefix}-> See {self.numbers[node_id]}")
                continue
            self.numbers[node_id] = number
            text_lines = (self.nodes[node_id].text.strip() or node_id).splitlines()
            self.lines.append(f"{number} {prefix}{text_lines[0]}")
            self.lines += [_escaped(line) for line in text_lines[1:]]
            children = self.children[node_id]
            for index in range(len(children), 0, -1):
                child, kind = children[index - 1]
                stack.append((child, f"{number}{index}.", kind))


def _parents(relation: Relation, relations: dict[str, Relation]) -> list[str]:
    """The statements a relation's premises are written under."""
    if relation.target in relations:
        return list(relations[relation.target].premises)
    return [relation.target]


def _escaped(line: str) -> str:
    """A continuation line that would read as a numbered one gets a backslash first."""
    escaped = "\\" + line
    return escaped if ESCAPED_NUMBER.match(escaped) else line


def _theses(argument_map: ArgumentMap) -> list[str]:
    if argument_map.debate.motion is not None:
        return [argument_map.debate.motion]
    premises = {p for relation in argument_map.relations for p in relation.premises}
    tops = [node for node in argument_map.nodes if node.id not in premises]
    claims = [node.id for node in tops if node.kind is NodeKind.CLAIM]
    return claims or [node.id for node in tops]


def dumps_kialo(argument_map: ArgumentMap) -> str:
    """The map as Kialo export text."""
    writer = _Writer(argument_map)
    title = " ".join(argument_map.title.split())
    writer.lines += [f"Discussion Title: {title or 'Untitled map'}", ""]
    count = 0
    # The theses first; then whatever they do not reach (a cycle, a loose card) as a thesis too.
    for node_id in _theses(argument_map) + [node.id for node in argument_map.nodes]:
        if node_id not in writer.numbers:
            count += 1
            writer.write(node_id, f"{count}.", None)
    return "\n".join(writer.lines) + "\n"


def write_kialo(argument_map: ArgumentMap, path: str | Path) -> None:
    """Write the map as a Kialo discussion export, atomically."""
    write_atomic(path, dumps_kialo(argument_map).encode("utf-8"))
