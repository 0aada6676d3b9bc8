"""Deletes that take what depends on them along, built up front as one composite command.

Deleting a node deletes the relations it is the target of, the relations whose only premise
it is (it is dropped from the premises of linked arguments it shares with others), undercuts
of every relation deleted, and clears critical-question answers that pointed at it. One undo
restores all of it, in order. Positions taken on a deleted statement go with it, and the
debate forgets it (as motion, hand-set side or speech step).
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.editing.command import Command, CompositeCommand, EditError
from argmap.editing.map_commands import SetMapFields
from argmap.editing.node_commands import RemoveNode
from argmap.editing.relation_commands import RemoveRelation, SetRelationFields
from argmap.model import ArgumentMap, CriticalQuestionState, QuestionStatus


def _doomed_relations(
    argument_map: ArgumentMap, nodes: set[str], relations: Iterable[str] = ()
) -> list[str]:
    """The given relations plus every relation that loses its target or all its premises.

    Order does not matter inside one composite (removal restores positions exactly on undo).
    """
    result = list(dict.fromkeys(relations))
    changed = True
    while changed:
        changed = False
        gone = nodes | set(result)
        for relation in argument_map.relations:
            if relation.id in gone:
                continue
            if relation.target in gone or all(p in gone for p in relation.premises):
                result.append(relation.id)
                gone.add(relation.id)
                changed = True
    return result


def _detach_commands(
    argument_map: ArgumentMap, nodes: set[str], relations: set[str]
) -> list[Command]:
    commands: list[Command] = []
    for relation in argument_map.relations:
        if relation.id in relations:
            continue
        premises = [p for p in relation.premises if p not in nodes]
        questions = [
            CriticalQuestionState(
                question_id=q.question_id, status=QuestionStatus.OPEN, note=q.note
            )
            if q.answered_by in nodes
            else q
            for q in relation.questions
        ]
        values: dict[str, object] = {}
        if premises != relation.premises:
            values["premises"] = premises
        if questions != relation.questions:
            values["questions"] = questions
        if values:
            commands.append(SetRelationFields(relation.id, "Detach", **values))
    return commands


def delete_relations(argument_map: ArgumentMap, relation_ids: Iterable[str]) -> Command:
    """One command deleting these relations and every undercut of them."""
    requested = list(dict.fromkeys(relation_ids))
    unknown = [rid for rid in requested if not argument_map.has_relation(rid)]
    if unknown or not requested:
        raise EditError(f"no relation with id {unknown[0]!r}" if unknown else "nothing to delete")
    doomed = _doomed_relations(argument_map, set(), requested)
    label = "Delete relation" if len(requested) == 1 else f"Delete {len(requested)} relations"
    return CompositeCommand(label, [RemoveRelation(rid) for rid in doomed])


def delete_nodes(argument_map: ArgumentMap, node_ids: Iterable[str]) -> Command:
    """One command deleting these nodes with everything that depends on them."""
    nodes = list(dict.fromkeys(node_ids))
    if not nodes:
        raise EditError("no nodes to delete")
    unknown = [nid for nid in nodes if not argument_map.has_node(nid)]
    if unknown:
        raise EditError(f"no node with id {unknown[0]!r}")
    doomed_relations = _doomed_relations(argument_map, set(nodes))
    commands: list[Command] = _detach_commands(argument_map, set(nodes), set(doomed_relations))
    commands += [RemoveRelation(rid) for rid in doomed_relations]
    commands += _forget_commands(argument_map, set(nodes))
    commands += [RemoveNode(nid) for nid in nodes]
    if len(nodes) == 1:
        label = f"Delete {argument_map.node(nodes[0]).kind.value}"
    else:
        label = f"Delete {len(nodes)} nodes"
    return CompositeCommand(label, commands)


def _forget_commands(argument_map: ArgumentMap, nodes: set[str]) -> list[Command]:
    """Drop positions on the deleted statements and the debate's references to them."""
    values: dict[str, object] = {}
    positions = [p for p in argument_map.positions if p.statement not in nodes]
    if len(positions) != len(argument_map.positions):
        values["positions"] = positions
    debate = argument_map.debate
    if not debate.is_empty():
        forgotten = debate.model_copy(
            update={
                "motion": None if debate.motion in nodes else debate.motion,
                "side_overrides": {
                    k: v for k, v in debate.side_overrides.items() if k not in nodes
                },
                "speech_order": [s for s in debate.speech_order if s not in nodes],
            }
        )
        if forgotten != debate:
            values["debate"] = forgotten
    return [SetMapFields("Forget deleted statements", **values)] if values else []
