"""The checklist kept up to date edit by edit lists exactly what ``find_gaps`` finds from
scratch, in the same order, after every step of random edit sequences made through the
session (statements and relations of every kind added and deleted, texts, kinds, citations,
anchors and premises edited, sources edited, undo and redo)."""

from __future__ import annotations

import random

import pytest

from argmap.analysis.checklist import find_gaps
from argmap.analysis.live_checklist import LiveChecklist, RowChange, touched
from argmap.analysis.sides import sides
from argmap.editing import (
    AddNode,
    Change,
    Command,
    EditError,
    EditSession,
    SetMapFields,
    add_related_node,
    change_kind,
    change_relation_kind,
    delete_nodes,
    delete_relations,
    edit_text,
    link,
    set_anchors,
    set_citation,
)
from argmap.editing.relation_commands import add_premise, remove_premise
from argmap.model import (
    ArgumentMap,
    Citation,
    Node,
    NodeKind,
    RelationKind,
    SourceDocument,
    TextAnchor,
)
from tests.generators import generate_map

TEXT = "France prevented twice as many crossings as last year, the Home Secretary said."
CITATIONS = [
    None,
    Citation(title="Press release"),
    Citation(title="PRESS RELEASE", author="Someone else"),  # the same source, another name
    Citation(title="Hansard", url="https://example.org/h"),
]


def _start(size: int, seed: int) -> ArgumentMap:
    m = generate_map(size, seed)
    m.sources = [
        SourceDocument(id="s1", title="Release", text=TEXT),
        SourceDocument(id="s2", title="", text=TEXT),
    ]
    rng = random.Random(seed)
    for node in m.nodes:
        if node.kind == NodeKind.EVIDENCE and rng.random() < 0.6:
            node.citation = rng.choice(CITATIONS)
        if rng.random() < 0.3:
            node.anchors = [_anchor(rng)]
    m.nodes += [Node(id="lone1", kind=NodeKind.EVIDENCE), Node(id="lone2", kind=NodeKind.CLAIM)]
    return m


def _anchor(rng: random.Random) -> TextAnchor:
    start = rng.randrange(0, 30)
    end = start + rng.randrange(1, 20)
    return TextAnchor(
        source_id=rng.choice(["s1", "s2"]), start=start, end=end, quote=TEXT[start:end]
    )


def _edit(m: ArgumentMap, rng: random.Random) -> Command:
    nodes = [n.id for n in m.nodes]
    relations = [r.id for r in m.relations]
    node = rng.choice(nodes) if nodes else None
    choice = rng.randrange(15)
    kinds = list(NodeKind)
    if choice == 0 or node is None:
        return AddNode(Node(id=m.new_id("n"), kind=rng.choice(kinds), text="a new statement"))
    if choice == 1:
        target = rng.choice(relations) if relations and rng.random() < 0.3 else node
        return add_related_node(
            m, target, rng.choice(kinds), rng.choice(list(RelationKind)), "a reason"
        )
    if choice == 2:
        premises = rng.sample(nodes, min(len(nodes), rng.choice([1, 1, 2])))
        target = rng.choice(relations) if relations and rng.random() < 0.2 else rng.choice(nodes)
        return link(m, premises, target, rng.choice(list(RelationKind)))
    if choice == 3:
        return delete_nodes(m, rng.sample(nodes, min(len(nodes), rng.choice([1, 1, 3]))))
    if choice == 4 and relations:
        return delete_relations(m, [rng.choice(relations)])
    if choice == 5:
        return edit_text(node, rng.choice(["", "short", f"text {rng.random()}", "short"]))
    if choice == 6:
        return change_kind(node, rng.choice(kinds).value)
    if choice == 7:
        return set_citation(node, rng.choice(CITATIONS))
    if choice == 8:
        return set_anchors(node, [_anchor(rng) for _ in range(rng.choice([0, 1, 2]))])
    if choice == 9 and relations:
        return change_relation_kind(rng.choice(relations), rng.choice(list(RelationKind)).value)
    if choice == 10 and relations:
        relation = m.relation(rng.choice(relations))
        if len(relation.premises) > 1 and rng.random() < 0.5:
            return remove_premise(m, relation.id, rng.choice(relation.premises))
        return add_premise(m, relation.id, node)
    if choice == 11:
        # Edit the source text: anchors into it go stale (or match again).
        text = TEXT if rng.random() < 0.5 else TEXT.replace("France", "Spain")
        sources = [s.model_copy(update={"text": text}) for s in m.sources]
        try:
            return SetMapFields("Edit source", sources=sources)
        except EditError:
            pass
    if choice == 12:
        # A support circle: the target supports, through others, the new premise.
        supports = [r for r in m.relations if r.kind == RelationKind.SUPPORT]
        if supports:
            relation = rng.choice(supports)
            target = m.node(relation.premises[0]).id if m.has_node(relation.premises[0]) else node
            return link(m, [relation.target], target, RelationKind.SUPPORT)
    return edit_text(node, f"edited {rng.random()}")


def _run(seed: int, steps: int, size: int) -> None:
    rng = random.Random(seed)
    session = EditSession(_start(size, seed))
    live = LiveChecklist(session.map)
    published: list[Change] = []
    session.subscribe(published.extend)
    for step in range(steps):
        roll = rng.random()
        try:
            if roll < 0.15:
                session.undo()
            elif roll < 0.25:
                session.redo()
            else:
                session.execute(_edit(session.map, rng))
        except EditError:
            continue  # an edit the map refuses (a circle of one, a premise listed twice)
        gone: set[str] = set()
        nodes, relations, again = touched(published, gone)
        published.clear()
        if again:
            live.rebuild(session.map)
        else:
            live.update(session.map, nodes, relations, gone)
        expected = find_gaps(session.map)
        assert live.gaps() == expected, f"seed {seed}, step {step}"
        assert live.sides() == sides(session.map), f"seed {seed}, step {step}"


@pytest.mark.parametrize("seed", range(16))
def test_the_live_checklist_matches_a_fresh_one_after_every_edit(seed: int) -> None:
    _run(seed, steps=120, size=30 + 5 * seed)


def test_rows_changes_turn_the_old_rows_into_the_new_ones() -> None:
    """Applied in turn, the row changes an update reports make its rows (as a view holds
    them) the new gaps of each kind."""
    rng = random.Random(7)
    session = EditSession(_start(60, 7))
    live = LiveChecklist(session.map)
    rows = {kind: [g.message for g in live.of_kind(kind)] for kind in live._rows}
    published: list[Change] = []
    session.subscribe(published.extend)
    for _ in range(150):
        try:
            if rng.random() < 0.2:
                session.undo()
            else:
                session.execute(_edit(session.map, rng))
        except EditError:
            continue
        nodes, relations, again = touched(published)
        published.clear()
        changes: list[RowChange] | None = None
        if not again:
            changes = live.update(session.map, nodes, relations)
        if changes is None:
            live.rebuild(session.map)
            rows = {kind: [g.message for g in live.of_kind(kind)] for kind in live._rows}
            continue
        for change in changes:
            shown = rows[change.kind]
            if change.action == "remove":
                del shown[change.row]
            elif change.action == "insert":
                assert change.gap is not None
                shown.insert(change.row, change.gap.message)
            else:
                assert change.gap is not None
                shown[change.row] = change.gap.message
        assert rows == {kind: [g.message for g in live.of_kind(kind)] for kind in rows}
        assert [m for kind in rows for m in rows[kind]] == [
            g.message for g in find_gaps(session.map)
        ]


def test_a_map_put_in_another_order_is_worked_out_again() -> None:
    m = _start(40, 2)
    live = LiveChecklist(m)
    # As a shared map sorts its cards when another's arrive: two swap places, one comes.
    m.nodes[0], m.nodes[30] = m.nodes[30], m.nodes[0]
    m.nodes.insert(10, Node(id="arrived", kind=NodeKind.CLAIM, text="Just arrived"))
    assert live.update(m, {"arrived"}, set()) is None  # started again
    assert live.gaps() == find_gaps(m)
