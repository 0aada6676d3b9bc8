"""A delete's cascade, found through the map's index of which relations mention which ids, is
the one a scan of every relation finds (the same parts, in the same order), whatever edits,
undos and redos came before: random sessions compared with the scan after every step."""

from __future__ import annotations

import random
from collections.abc import Iterable
from contextlib import suppress

import pytest

from argmap.editing import (
    Command,
    CompositeCommand,
    EditError,
    EditSession,
    SetRelationFields,
    add_premise,
    add_related_node,
    delete_nodes,
    delete_relations,
    link,
    remove_premise,
    set_scheme,
)
from argmap.editing.map_commands import SetMapFields
from argmap.editing.node_commands import RemoveNode
from argmap.editing.relation_commands import RemoveRelation
from argmap.model import (
    ArgumentMap,
    CriticalQuestionState,
    NodeKind,
    QuestionStatus,
    Relation,
    RelationKind,
)
from argmap.model.mentions import mentioned_by, mentions_of
from tests.model.factories import random_map, small_map

# The cascade as it was found before the index: by reading every relation, pass after pass.


def _scan_doomed(m: ArgumentMap, nodes: set[str], relations: Iterable[str] = ()) -> list[str]:
    result = list(dict.fromkeys(relations))
    changed = True
    while changed:
        changed = False
        gone = nodes | set(result)
        for relation in m.relations:
            if relation.id in gone:
                continue
            if relation.target in gone or all(p in gone for p in relation.premises):
                result.append(relation.id)
                gone.add(relation.id)
                changed = True
    return result


def _scan_detached(m: ArgumentMap, nodes: set[str], doomed: set[str]) -> list[tuple[object, ...]]:
    parts: list[tuple[object, ...]] = []
    for relation in m.relations:
        if relation.id in doomed:
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
            parts.append(("detach", relation.id, values))
    return parts


def _parts(command: Command) -> list[tuple[object, ...]]:
    assert isinstance(command, CompositeCommand)
    parts: list[tuple[object, ...]] = []
    for part in command.commands:
        if isinstance(part, SetRelationFields):
            parts.append(("detach", part.relation_id, part.values))
        elif isinstance(part, RemoveRelation):
            parts.append(("relation", part.relation_id))
        elif isinstance(part, RemoveNode):
            parts.append(("node", part.node_id))
        else:
            assert isinstance(part, SetMapFields)
    return parts


def _assert_cascades_as_a_scan(m: ArgumentMap, rng: random.Random) -> None:
    for relation in m.relations:  # the index itself: exactly what each relation mentions
        for key in mentioned_by(relation):
            assert relation.id in mentions_of(m).of(key)
    mentions = mentions_of(m)  # and nothing else
    assert sum(len(mentions.of(k)) for k in {*m.node_index(), *m.relation_index()}) == sum(
        len(mentioned_by(r)) for r in m.relations
    )
    for _ in range(3):
        if not m.nodes:
            break
        chosen = {n.id for n in rng.sample(m.nodes, min(len(m.nodes), rng.randint(1, 3)))}
        ordered = [n.id for n in m.nodes if n.id in chosen]
        doomed = _scan_doomed(m, set(ordered))
        expected = _scan_detached(m, set(ordered), set(doomed))
        expected += [("relation", rid) for rid in doomed]
        expected += [("node", nid) for nid in ordered]
        assert _parts(delete_nodes(m, ordered)) == expected
    if m.relations:
        rid = rng.choice(m.relations).id
        expected = [("relation", r) for r in _scan_doomed(m, set(), [rid])]
        assert _parts(delete_relations(m, [rid])) == expected


def _random_edit(m: ArgumentMap, rng: random.Random) -> Command:
    nodes = [n.id for n in m.nodes]
    relations = [r.id for r in m.relations]
    choice = rng.randrange(9)
    if choice == 0 or not relations:
        target = rng.choice(nodes + relations)
        kind = rng.choice([RelationKind.SUPPORT, RelationKind.ATTACK])
        if target in relations:
            kind = RelationKind.ATTACK  # an undercut
        return add_related_node(m, target, NodeKind.EVIDENCE, kind)
    rid = rng.choice(relations)
    if choice == 1:
        return link(
            m, rng.sample(nodes, rng.randint(1, 2)), rng.choice(nodes), RelationKind.SUPPORT
        )
    if choice == 2:
        return add_premise(m, rid, rng.choice(nodes))
    if choice == 3:
        premises = m.relation(rid).premises
        return remove_premise(m, rid, rng.choice(premises))
    if choice == 4:
        return set_scheme(rid, "expert_opinion")
    if choice == 5:
        question = CriticalQuestionState(question_id="q1", answered_by=rng.choice(nodes))
        return SetRelationFields(rid, "Answer question", questions=[question])
    if choice == 6:
        return delete_relations(m, [rid])
    return delete_nodes(m, rng.sample(nodes, rng.randint(1, 2)))


@pytest.mark.parametrize("seed", range(6))
def test_the_cascade_is_the_scans_after_random_edits_undo_and_redo(seed: int) -> None:
    rng = random.Random(seed)
    session = EditSession(random_map(40, seed=seed, undercut_rate=0.3))
    for _ in range(120):
        roll = rng.random()
        if roll < 0.2:
            session.undo()
        elif roll < 0.3:
            session.redo()
        elif len(session.map.nodes) > 3:
            with suppress(EditError):  # refused: the map is as it was
                session.execute(_random_edit(session.map, rng))
        _assert_cascades_as_a_scan(session.map, rng)


def test_the_cascade_follows_relations_changed_in_place_and_replaced_lists() -> None:
    m = small_map()
    rng = random.Random(3)
    _assert_cascades_as_a_scan(m, rng)
    relation = m.relations[1]
    relation.premises = ["e1"]  # set in place: the index follows
    relation.target = "e3"
    _assert_cascades_as_a_scan(m, rng)
    relation.id = "renamed"  # its mentions now go with the new id
    relation.premises = ["e2"]
    _assert_cascades_as_a_scan(m, rng)
    m.relations = [r.model_copy(deep=True) for r in reversed(m.relations)]
    _assert_cascades_as_a_scan(m, rng)
    m.relations.append(Relation(id="x1", kind=RelationKind.ATTACK, premises=["e3"], target="u1"))
    _assert_cascades_as_a_scan(m, rng)
    plain = m.model_copy(update={"relations": list(m.relations)})
    _assert_cascades_as_a_scan(plain, rng)
