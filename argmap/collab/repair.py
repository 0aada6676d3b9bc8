"""The deterministic repair of a map merged from concurrent edits.

Two edits that are each valid can merge into an invalid map: one person deletes a card while
another links to it. Every client derives its map from the same shared document with the same
rule, so all of them show the same repaired map, and nobody's client crashes:

- a relation loses premises that are no longer nodes; with no premise left, or with a target
  that is neither a node nor a (kept) relation, or when it now supports or undercuts itself,
  it is left out;
- a critical question answered by a deleted node goes back to unanswered;
- positions, pinned and collapsed cards, stances and debate references to deleted nodes (or
  people) are dropped; a deleted motion is cleared.

The document keeps everything, so undoing the deletion brings the relation back everywhere.
"""

from __future__ import annotations

from argmap.model import ArgumentMap, Relation


def repair(argument_map: ArgumentMap) -> list[str]:
    """Repair ``argument_map`` in place; one plain sentence per repair made."""
    messages = repair_relations(argument_map)
    messages += repair_references(argument_map)
    return messages


def repair_relations(m: ArgumentMap) -> list[str]:
    messages: list[str] = []
    node_ids = {node.id for node in m.nodes}
    changed = True
    while changed:  # an undercut of a dropped relation goes too: repeat to a fixed point
        changed = False
        relation_ids = {relation.id for relation in m.relations}
        kept: list[Relation] = []
        for relation in m.relations:
            fixed, why = _repaired(relation, node_ids, relation_ids)
            if fixed is None:
                messages.append(f"relation {relation.id!r} left out: {why}")
                changed = True
                continue
            if fixed is not relation:
                messages.append(f"relation {relation.id!r}: {why}")
            kept.append(fixed)
        m.relations = kept
    return messages


def _repaired(
    relation: Relation, node_ids: set[str], relation_ids: set[str]
) -> tuple[Relation | None, str]:
    premises = list(dict.fromkeys(p for p in relation.premises if p in node_ids))
    target = relation.target
    if not premises:
        return None, "none of its premises is on the map any more"
    if target not in node_ids and target not in relation_ids:
        return None, f"its target {target!r} is not on the map any more"
    if target in premises or target == relation.id:
        return None, "it would support or attack itself"
    if target in relation_ids and relation.kind != "attack":
        return None, "only an attack may target a relation"
    questions = [
        q.model_copy(update={"answered_by": None})
        if q.answered_by is not None and q.answered_by not in node_ids
        else q
        for q in relation.questions
    ]
    if premises == relation.premises and questions == relation.questions:
        return relation, ""
    dropped = [p for p in relation.premises if p not in premises]
    why = f"premises {dropped} dropped" if dropped else "answers by deleted cards cleared"
    return relation.model_copy(update={"premises": premises, "questions": questions}), why


def repair_references(m: ArgumentMap) -> list[str]:
    messages: list[str] = []
    nodes = {node.id for node in m.nodes}
    people = {participant.id for participant in m.participants}
    layout = m.layout
    stale = [node_id for node_id in layout.positions if node_id not in nodes]
    for node_id in stale:
        del layout.positions[node_id]
    layout.pinned = [node_id for node_id in layout.pinned if node_id in nodes]
    layout.collapsed = [node_id for node_id in layout.collapsed if node_id in nodes]
    seen: set[tuple[str, str]] = set()
    positions = []
    for position in m.positions:
        pair = (position.participant, position.statement)
        if position.participant in people and position.statement in nodes and pair not in seen:
            seen.add(pair)
            positions.append(position)
    if len(positions) != len(m.positions):
        messages.append(f"{len(m.positions) - len(positions)} stance(s) on deleted cards dropped")
        m.positions = positions
    debate = m.debate
    if debate.motion is not None and debate.motion not in nodes:
        messages.append(f"the motion {debate.motion!r} was deleted")
        debate.motion = None
    debate.side_overrides = {k: v for k, v in debate.side_overrides.items() if k in nodes}
    debate.speech_order = [node_id for node_id in debate.speech_order if node_id in nodes]
    return messages
