"""A node's role in the map: its kind, or "Rebuttal" for an objection that answers an objection.

One naming and one colour everywhere (card header, inspector, outline, text highlights): a
counterargument attacking another counterargument (or an undercut's inference) is a rebuttal;
when what it answered is deleted it is a plain objection again, and the window says so.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor

from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind
from argmap.ui import theme

#: What the role names mean, for tooltips and messages.
REBUTTAL_MEANING = (
    "A rebuttal is an objection that answers another objection; "
    "it is a plain objection again if what it answers is deleted."
)


def rebuttal_ids(argument_map: ArgumentMap) -> set[str]:
    """Counterarguments attacking a counterargument."""
    nodes = argument_map.node_index()
    found: set[str] = set()
    for relation in argument_map.relations:
        target = nodes.get(relation.target)
        if relation.kind != RelationKind.ATTACK or target is None:
            continue
        if target.kind == NodeKind.COUNTERARGUMENT:
            found.update(p for p in relation.premises if _is_counter(nodes.get(p)))
    return found


def answers_an_objection(
    argument_map: ArgumentMap, node_id: str, relations: Iterable[Relation]
) -> bool:
    """Whether ``node_id`` is a rebuttal, judged by ``relations`` (those touching it: an edit
    rechecks the few cards it touched instead of the whole map)."""
    if not argument_map.has_node(node_id):
        return False
    if argument_map.node(node_id).kind != NodeKind.COUNTERARGUMENT:
        return False
    for relation in relations:
        if relation.kind != RelationKind.ATTACK or node_id not in relation.premises:
            continue
        target = relation.target
        if argument_map.has_node(target) and _is_counter(argument_map.node(target)):
            return True
    return False


def _is_counter(node: Node | None) -> bool:
    return node is not None and node.kind == NodeKind.COUNTERARGUMENT


def role_label(kind: NodeKind, rebuttal: bool) -> str:
    if rebuttal and kind == NodeKind.COUNTERARGUMENT:
        return theme.REBUTTAL_LABEL
    return theme.KIND_LABELS[kind]


def role_colour(kind: NodeKind, rebuttal: bool) -> QColor:
    if rebuttal and kind == NodeKind.COUNTERARGUMENT:
        return theme.REBUTTAL_COLOUR
    return theme.KIND_COLOURS[kind]


def node_role_label(argument_map: ArgumentMap, node: Node) -> str:
    """The name of ``node``'s role in ``argument_map`` (looks at every relation: not in loops)."""
    if node.kind != NodeKind.COUNTERARGUMENT:
        return role_label(node.kind, False)
    rebuttal = answers_an_objection(argument_map, node.id, argument_map.relations)
    return role_label(node.kind, rebuttal)
