"""A live evaluation, kept up to date edit by edit, always equals evaluating the map afresh.

Random edit sequences (fixed seeds) on random maps, through a real edit session: statements
and relations of every kind added and deleted (linked premises, undercuts, undercuts of
undercuts, cycles opened and closed), premises added and dropped, supports turned into attacks,
ratings set and cleared, statements conceded, rejected and released, undo and redo, and some
edits in bursts evaluated once. After every step the labels, relation statuses and strengths
must equal :func:`evaluate` and :func:`compute_strength` on the whole map, exactly (strengths
are summed in the same order, so not even the last bit may differ); the delta must name every
statement and relation whose result changed; and explanations must read the same.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

import pytest

from argmap.analysis.errors import OutdatedError
from argmap.analysis.evaluate import Evaluation, evaluate
from argmap.analysis.explain import explain
from argmap.analysis.live_evaluation import LiveDelta, LiveEvaluation
from argmap.analysis.live_framework import LiveFramework
from argmap.analysis.strength import StrengthResult, compute_strength
from argmap.analysis.whatif import WhatIf
from argmap.editing import (
    AddNode,
    AddRelation,
    Change,
    EditError,
    EditSession,
    MoveNodes,
    SetRelationFields,
    add_premise,
    add_related_node,
    change_relation_kind,
    delete_nodes,
    delete_relations,
    edit_text,
    remove_premise,
    set_rating,
)
from argmap.editing.command import Command
from argmap.model import ArgumentMap, Node, NodeKind, Point, Relation, RelationKind
from tests.analysis.random_maps import random_map


def same(found: Mapping[str, object], wanted: Mapping[str, object]) -> bool:
    """Equal mappings, by looking each key up (len and lookups only)."""
    return len(found) == len(wanted) and all(
        key in found and found[key] == value for key, value in wanted.items()
    )


class Walk:
    """A session on a random map, its live evaluation, and random edits to both."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.session = EditSession(random_map(self.rng, max_statements=7))
        self.whatif = WhatIf()
        self.live = LiveEvaluation(self.session.map, self.whatif)
        self.pending: list[Change] = []
        self.made = 0
        self.previous = self.expected()
        self.kept: list[tuple[Evaluation, Evaluation, Evaluation, StrengthResult]] = []

    @property
    def map(self) -> ArgumentMap:
        return self.session.map

    def expected(self) -> tuple[dict[str, object], dict[str, object]]:
        """Everything afresh: each statement's and each relation's (label, strength)."""
        labels = evaluate(self.map, whatif=self.whatif)
        strength = compute_strength(self.map, whatif=self.whatif)
        nodes = {n: (labels.labels[n], strength.strength[n]) for n in labels.labels}
        relations = {
            r: (labels.relation_labels[r], strength.contribution[r]) for r in labels.relation_labels
        }
        return nodes, relations

    # Edits -------------------------------------------------------------------------------

    def fresh(self, prefix: str) -> str:
        self.made += 1
        return f"{prefix}{self.made}"

    def statements(self) -> list[str]:
        return [n.id for n in self.map.nodes]

    def relations(self) -> list[str]:
        return [r.id for r in self.map.relations]

    def command(self) -> Command | None:
        rng, m = self.rng, self.map
        statements, relations = self.statements(), self.relations()
        choice = rng.randrange(13)
        if choice == 0 or not statements:
            return AddNode(Node(id=self.fresh("n"), kind=NodeKind.CLAIM, text="new"))
        if choice == 1:
            kind = rng.choice([RelationKind.SUPPORT, RelationKind.ATTACK])
            return add_related_node(m, rng.choice(statements), NodeKind.EVIDENCE, kind)
        if choice in (2, 3):  # a support or attack, sometimes linked, sometimes an undercut
            kind = rng.choice(["support", "attack"])
            size = 2 if len(statements) > 2 and rng.random() < 0.3 else 1
            premises = rng.sample(statements, size)
            target = rng.choice(statements)
            if relations and rng.random() < 0.3:
                kind, target = "attack", rng.choice(relations)  # an undercut
            if target in premises:
                return None
            relation = Relation(id=self.fresh("r"), kind=kind, premises=premises, target=target)
            return AddRelation(relation)
        if choice == 4:
            return delete_nodes(m, rng.sample(statements, min(len(statements), rng.choice([1, 2]))))
        if choice == 5 and relations:
            return delete_relations(m, [rng.choice(relations)])
        if choice == 6 and relations:
            relation = m.relation(rng.choice(relations))
            spare = [s for s in statements if s not in relation.premises]
            if rng.random() < 0.5 and spare:
                return add_premise(m, relation.id, rng.choice(spare))
            return remove_premise(m, relation.id, rng.choice(relation.premises))
        if choice == 7 and relations:
            relation = m.relation(rng.choice(relations))
            kind = "attack" if relation.kind == RelationKind.SUPPORT else "support"
            return change_relation_kind(relation.id, kind)
        if choice == 8 and relations:  # point a relation elsewhere
            relation = m.relation(rng.choice(relations))
            return SetRelationFields(relation.id, "Retarget", target=rng.choice(statements))
        if choice == 9:
            rating = rng.choice([None, 0.0, 0.2, 0.5, 0.9, 1.0])
            return set_rating(rng.choice(statements), rating)
        if choice == 10:
            return edit_text(rng.choice(statements), "reworded")
        if choice == 11:
            return MoveNodes({rng.choice(statements): Point(x=rng.random(), y=0.0)})
        return None

    def whatif_step(self) -> None:
        statements = self.statements()
        if not statements:
            return
        node = self.rng.choice(statements)
        how = self.rng.choice(["concede", "reject", "release", "release"])
        self.whatif = getattr(self.whatif, how)(node)

    def step(self) -> None:
        roll = self.rng.random()
        if roll < 0.12:
            self.pending += self.session.undo()
        elif roll < 0.2:
            self.pending += self.session.redo()
        elif roll < 0.3:
            self.whatif_step()
        else:
            try:  # an edit the rules refuse (a support of a relation, ...) changes nothing
                command = self.command()
                if command is not None:
                    self.pending += self.session.execute(command)
            except EditError:
                pass

    # Checks ------------------------------------------------------------------------------

    def evaluate_now(self) -> LiveDelta:
        """Hand the changes since the last time to the live evaluation, as a view would."""
        known = {n.id for n in self.map.nodes}
        self.whatif = WhatIf(self.whatif.conceded & known, self.whatif.rejected & known)
        delta = self.live.update(self.map, self.pending, self.whatif)
        self.pending = []
        return delta

    def check(self, delta: LiveDelta, explain_too: bool) -> None:
        live = self.live
        wanted = evaluate(self.map, whatif=self.whatif)
        strength = compute_strength(self.map, whatif=self.whatif)
        assert live.node_labels == wanted.labels
        assert live.relation_labels == wanted.relation_labels
        labels = live.label_evaluation()
        strengths = live.strength_evaluation()
        self.kept = [*self.kept[-2:], (labels, strengths, wanted, strength)]
        # What was handed out stays as it was (the results are snapshots, read here key by
        # key so that they are not copied).
        for old_labels, old_strengths, old_wanted, old_strength in reversed(self.kept):
            assert same(old_labels.labels, old_wanted.labels)
            assert same(old_labels.relation_labels, old_wanted.relation_labels)
            result = old_strengths.strength_result
            assert result is not None
            assert same(result.strength, old_strength.strength)
            assert same(result.contribution, old_strength.contribution)
            assert same(result.base, old_strength.base)
            assert (result.method, result.converged, result.iterations) == (
                old_strength.method,
                old_strength.converged,
                old_strength.iterations,
            )
        nodes, relations = self.expected()
        if not delta.everything:
            before_nodes, before_relations = self.previous
            changed = {
                k for k in nodes.keys() | before_nodes.keys() if nodes.get(k) != before_nodes.get(k)
            }
            assert changed <= delta.statements
            changed = {
                k
                for k in relations.keys() | before_relations.keys()
                if relations.get(k) != before_relations.get(k)
            }
            assert changed <= delta.relations
        self.previous = nodes, relations
        if explain_too:
            for node in self.map.nodes:
                assert explain(self.map, labels, node.id) == explain(self.map, wanted, node.id)


@pytest.mark.parametrize("seed", range(40))
def test_live_evaluation_equals_a_fresh_one_after_every_edit(seed: int) -> None:
    walk = Walk(seed)
    for number in range(80):
        burst = walk.rng.choice([1, 1, 1, 2, 3])
        for _ in range(burst):
            walk.step()
        delta = walk.evaluate_now()
        walk.check(delta, explain_too=number % 10 == 0)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(1000, 1100))
def test_live_evaluation_equals_a_fresh_one_on_many_walks(seed: int) -> None:
    walk = Walk(seed)
    for _ in range(300):
        for _ in range(walk.rng.choice([1, 1, 2, 4])):
            walk.step()
        walk.check(walk.evaluate_now(), explain_too=True)


def test_an_edit_far_from_a_claim_leaves_it_alone() -> None:
    """Work follows the change: adding a reason to one leaf touches only the path above it."""
    nodes = [Node(id=f"n{i}", kind=NodeKind.CLAIM) for i in range(200)]
    relations = [
        Relation(id=f"r{i}", kind="support", premises=[f"n{i}"], target=f"n{(i - 1) // 2}")
        for i in range(1, 200)
    ]
    session = EditSession(ArgumentMap(nodes=nodes, relations=relations))
    live = LiveEvaluation(session.map)
    changes = session.execute(
        add_related_node(session.map, "n150", NodeKind.COUNTERARGUMENT, RelationKind.ATTACK)
    )
    delta = live.update(session.map, changes)
    path = {"n150", "n74", "n36", "n17", "n8", "n3", "n1", "n0"}
    assert delta.statements <= path | {"ca1"}
    assert {"n150", "ca1"} <= delta.statements
    assert live.node_labels["n150"].value == "out"


def test_a_map_replaced_is_evaluated_afresh() -> None:
    session = EditSession(ArgumentMap(nodes=[Node(id="a", kind=NodeKind.CLAIM)]))
    live = LiveEvaluation(session.map)
    other = ArgumentMap(
        nodes=[Node(id="b", kind=NodeKind.CLAIM), Node(id="x", kind=NodeKind.CLAIM)],
        relations=[Relation(id="r", kind="attack", premises=["x"], target="b")],
    )
    session.replace(other)
    delta = live.update(session.map, [Change(kind="map_replaced")])  # type: ignore[arg-type]
    assert delta.everything
    assert {k: v.value for k, v in live.node_labels.items()} == {"b": "out", "x": "in"}


def test_explaining_the_main_claim_reads_only_what_the_sentence_needs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The framework an explanation reads is built as far as it is read, not for everything
    the claim rests on (the whole map, for a main claim); once the live evaluation has moved
    on, an older evaluation says so instead of explaining from a newer map."""
    nodes = [Node(id=f"n{i}", kind=NodeKind.CLAIM, text=f"Statement {i}") for i in range(400)]
    relations = [
        Relation(id=f"r{i}", kind="support", premises=[f"n{i}"], target=f"n{(i - 1) // 2}")
        for i in range(1, 400)
    ]
    session = EditSession(ArgumentMap(nodes=nodes, relations=relations))
    m = session.map
    live = LiveEvaluation(m)
    evaluation = live.label_evaluation()
    read: list[int] = []
    original = LiveFramework.inputs

    def counting(framework: LiveFramework, index: int) -> tuple[list[int], list[int]]:
        read.append(index)
        return original(framework, index)

    monkeypatch.setattr(LiveFramework, "inputs", counting)
    assert explain(m, evaluation, "n0") == explain(m, evaluate(m), "n0")
    assert 0 < len(set(read)) <= 10  # of 799 nodes it rests on
    live.update(m, session.execute(set_rating("n5", 0.9)))
    with pytest.raises(OutdatedError):
        explain(m, evaluation, "n0")
