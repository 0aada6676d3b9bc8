"""Deletes that take what depends on them along, built up front as one composite command.

Deleting a node deletes the relations it is the target of, the relations whose only premise
it is (it is dropped from the premises of linked arguments it shares with others), undercuts
of every relation deleted, and clears critical-question answers that pointed at it. One undo
restores all of it, in order. Positions taken on a deleted statement go with it, and the
debate forgets it (as motion, hand-set side or speech step).
"""

from __future__ import annotations

from collections.abc import Iterable
from heapq import heapify, heappop, heappush

from argmap.editing.command import Command, CompositeCommand, EditError
from argmap.editing.map_commands import SetMapFields
from argmap.editing.node_commands import RemoveNode
from argmap.editing.relation_commands import RemoveRelation, SetRelationFields
from argmap.model import ArgumentMap, CriticalQuestionState, QuestionStatus, Relation
from argmap.model.mentions import mentions_of


def _doomed_relations(
    argument_map: ArgumentMap, nodes: set[str], relations: Iterable[str] = ()
) -> list[str]:
    """The given relations plus every relation that loses its target or all its premises.

    Found through the relations that mention what goes (the map's index of mentions), in the
    order a scan of all relations, repeated until nothing more goes, would find them: pass
    after pass, each in map order. (Order does not matter to the map inside one composite,
    since removal restores positions exactly on undo; it is kept for the published changes.)
    """
    result = list(dict.fromkeys(relations))
    gone = nodes | set(result)
    mentions = mentions_of(argument_map)
    where = argument_map.relation_position
    pending = {rid: None for key in gone for rid in mentions.of(key)}
    while pending:  # one pass: the candidates in map order
        heap = [(where(rid) or 0, rid) for rid in pending]
        heapify(heap)
        queued, pending = set(pending), {}
        while heap:
            position, rid = heappop(heap)
            if rid in gone or not _loses_its_ends(argument_map.relation(rid), gone):
                continue
            result.append(rid)
            gone.add(rid)
            for other in mentions.of(rid):  # its undercuts
                later = (where(other) or 0) > position
                if later and other not in queued:  # met further on in this pass
                    heappush(heap, (where(other) or 0, other))
                    queued.add(other)
                elif not later:  # already passed: the next pass meets it
                    pending[other] = None
    return result


def _loses_its_ends(relation: Relation, gone: set[str]) -> bool:
    return relation.target in gone or all(p in gone for p in relation.premises)


def _detach_commands(
    argument_map: ArgumentMap, nodes: set[str], relations: set[str]
) -> list[Command]:
    """Drop the deleted statements from the premises and the answers of the relations that
    stay: only relations that mention one are looked at, in map order."""
    mentions = mentions_of(argument_map)
    touched = {rid for node_id in nodes for rid in mentions.of(node_id)} - relations
    where = argument_map.relation_position
    commands: list[Command] = []
    for rid in sorted(touched, key=lambda rid: where(rid) or 0):
        relation = argument_map.relation(rid)
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
    return _delete_nodes(argument_map, node_ids, [])


def delete_items(
    argument_map: ArgumentMap,
    node_ids: Iterable[str],
    relation_ids: Iterable[str],
    label: str | None = None,
) -> Command:
    """One command deleting these relations (with their undercuts), then these nodes with
    what depends on them: the same parts as ``delete_nodes`` built on the map once the
    relations are gone, found without making that map (a copy of all of it)."""
    nodes, relations = list(dict.fromkeys(node_ids)), list(dict.fromkeys(relation_ids))
    if not nodes:
        return delete_relations(argument_map, relations)
    if not relations:
        return delete_nodes(argument_map, nodes)
    first = delete_relations(argument_map, relations)
    gone = _doomed_relations(argument_map, set(), relations)
    second = _delete_nodes(argument_map, nodes, gone)
    label = label or f"Delete {len(nodes) + len(relations)} items"
    return CompositeCommand(label, [first, second])


def _delete_nodes(argument_map: ArgumentMap, node_ids: Iterable[str], gone: list[str]) -> Command:
    """``delete_nodes`` on the map as it will be once the relations ``gone`` (and all their
    undercuts) are removed."""
    nodes = list(dict.fromkeys(node_ids))
    if not nodes:
        raise EditError("no nodes to delete")
    unknown = [nid for nid in nodes if not argument_map.has_node(nid)]
    if unknown:
        raise EditError(f"no node with id {unknown[0]!r}")
    # Relations already gone are skipped as a scan of the map without them would skip them.
    doomed_relations = _doomed_relations(argument_map, set(nodes), gone)[len(gone) :]
    removed = {*gone, *doomed_relations}
    commands: list[Command] = _detach_commands(argument_map, set(nodes), removed)
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
