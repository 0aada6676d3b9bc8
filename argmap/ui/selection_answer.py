"""A card made from selected words answers the selected card: evidence supports it (unless it
is evidence itself), an objection attacks it or the selected arrow (an undercut); one undo
step. A claim made from words stands alone, as before."""

from __future__ import annotations

from argmap.editing import AddNode, AddRelation, Command, CompositeCommand, fresh_ids
from argmap.model import ArgumentMap, NodeKind, Relation, RelationKind

#: The relation a new card of a kind takes to the selected card.
ANSWERS = {NodeKind.EVIDENCE: RelationKind.SUPPORT, NodeKind.COUNTERARGUMENT: RelationKind.ATTACK}


def answering(argument_map: ArgumentMap, command: AddNode, target: str | None) -> Command:
    """``command`` alone, or with the relation to ``target`` (a node or an arrow), as one step."""
    kind = ANSWERS.get(command.node.kind)
    if kind is None or target is None:
        return command
    if argument_map.has_node(target):
        if kind == RelationKind.SUPPORT and argument_map.node(target).kind == NodeKind.EVIDENCE:
            return command  # evidence is not backed by evidence: the new card stands alone
    elif not (argument_map.has_relation(target) and kind == RelationKind.ATTACK):
        return command
    relation = Relation(
        id=fresh_ids(argument_map, "r")[0], kind=kind, premises=[command.node.id], target=target
    )
    label = f"{command.label} ({'supporting' if kind == RelationKind.SUPPORT else 'attacking'})"
    return CompositeCommand(label, [command, AddRelation(relation)])
