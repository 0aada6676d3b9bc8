"""Property: any sequence of edits, undone, gives back the original map; redone, the final one.

Each example draws a list of edit choices (an operation and a few numbers that pick its
targets in the map as it is when the edit runs), so the sequences mix every command: adds,
cascading deletes, undercuts, linked premises, anchors, moves, layouts and field edits.
Refused edits must leave the map untouched; every map along the way must validate.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import event, given, settings
from hypothesis import strategies as st

from argmap.editing import (
    AddNode,
    ApplyLayout,
    Command,
    EditError,
    EditSession,
    MoveNodes,
    SetFlag,
    SetRelationFields,
    add_anchor,
    add_premise,
    add_related_node,
    add_source,
    change_kind,
    change_relation_kind,
    delete_nodes,
    delete_relations,
    edit_text,
    link,
    remove_anchor,
    remove_premise,
    set_anchors,
    set_citation,
    set_evidence_type,
    set_notes,
    set_rating,
    set_scheme,
    set_tags,
    set_title,
)
from argmap.model import (
    ArgumentMap,
    Citation,
    CriticalQuestionState,
    Direction,
    EvidenceType,
    Node,
    NodeKind,
    Point,
    RelationKind,
    SourceDocument,
    TextAnchor,
    find_problems,
)
from tests.model.factories import small_map

Pick = tuple[int, int, int]
Builder = Callable[[ArgumentMap, Pick], Command]
KINDS = list(NodeKind)
SCHEMES = ["expert_opinion", "statistics", "analogy", None]


def _node(m: ArgumentMap, i: int) -> str:
    if not m.nodes:
        raise EditError("no nodes")
    return m.nodes[i % len(m.nodes)].id


def _relation(m: ArgumentMap, i: int) -> str:
    if not m.relations:
        raise EditError("no relations")
    return m.relations[i % len(m.relations)].id


def _span(m: ArgumentMap, a: int, b: int) -> TextAnchor:
    source = m.sources[a % len(m.sources)]
    start = a % len(source.text)
    end = min(len(source.text), start + 1 + b % 30)
    return TextAnchor.of(source.id, source.text, start, end)


def _add_node(m: ArgumentMap, p: Pick) -> Command:
    a, b, c = p
    node = Node(id=m.new_id("n"), kind=KINDS[a % 3], text=f"node {a}")
    if b % 2:
        node.anchors = [_span(m, a, c)]
    return AddNode(node, Point(x=a % 500, y=c % 500) if c % 3 else None)


def _add_related(m: ArgumentMap, p: Pick) -> Command:
    a, b, c = p
    on_relation = bool(m.relations) and b % 3 == 0
    target = _relation(m, c) if on_relation else _node(m, c)
    kind = RelationKind.ATTACK if on_relation or a % 2 else RelationKind.SUPPORT
    return add_related_node(m, target, KINDS[a % 3], kind, text="reason")


def _link(m: ArgumentMap, p: Pick) -> Command:
    a, b, c = p
    premises = list(dict.fromkeys([_node(m, a), _node(m, b)]))
    return link(m, premises, _node(m, c), RelationKind.SUPPORT if a % 2 else RelationKind.ATTACK)


def _delete_nodes(m: ArgumentMap, p: Pick) -> Command:
    a, b, _ = p
    return delete_nodes(m, [_node(m, a), _node(m, b)] if b % 2 else [_node(m, a)])


def _field_edit(m: ArgumentMap, p: Pick) -> Command:
    a, b, c = p
    nid = _node(m, a)
    choices: list[Callable[[], Command]] = [
        lambda: edit_text(nid, f"text {b}"),
        lambda: change_kind(nid, KINDS[b % 3].value),
        lambda: set_tags(nid, [f"t{b % 4}", f"t{c % 4}"]),
        lambda: set_notes(nid, f"note {c}"),
        lambda: set_rating(nid, None if b % 5 == 0 else (b % 101) / 100),
        lambda: set_citation(nid, Citation(title=f"c{b}") if c % 2 else None),
        lambda: set_evidence_type(nid, list(EvidenceType)[b % 7].value if c % 3 else None),
    ]
    return choices[(b + c) % len(choices)]()


def _anchor_edit(m: ArgumentMap, p: Pick) -> Command:
    a, b, c = p
    nid = _node(m, a)
    anchors = m.node(nid).anchors
    if anchors and c % 3 == 0:
        return remove_anchor(m, nid, b % len(anchors))
    if c % 3 == 1:
        return set_anchors(nid, [_span(m, b, c)])
    return add_anchor(m, nid, _span(m, b, c))


def _premise_edit(m: ArgumentMap, p: Pick) -> Command:
    a, b, _ = p
    rid = _relation(m, a)
    premises = m.relation(rid).premises
    if len(premises) > 1 and b % 2:
        return remove_premise(m, rid, premises[b % len(premises)])
    return add_premise(m, rid, _node(m, b))


def _relation_edit(m: ArgumentMap, p: Pick) -> Command:
    a, b, c = p
    rid = _relation(m, a)
    if b % 4 == 0:
        return delete_relations(m, [rid])
    if b % 4 == 1:
        return change_relation_kind(rid, "support" if c % 2 else "attack")
    if b % 4 == 2:
        return set_scheme(rid, SCHEMES[c % len(SCHEMES)])
    question = CriticalQuestionState(question_id=f"q{c % 3}", answered_by=_node(m, c))
    return SetRelationFields(rid, "Answer question", questions=[question])


def _move(m: ArgumentMap, p: Pick) -> Command:
    a, b, c = p
    ids = {_node(m, a + k * b) for k in range(1 + c % 3)}
    return MoveNodes({nid: Point(x=(a + i) * 1.25, y=(b - i) * 0.5) for i, nid in enumerate(ids)})


def _layout(m: ArgumentMap, p: Pick) -> Command:
    a, b, _ = p
    positions = {n.id: Point(x=i * 40.0, y=(i * a) % 300) for i, n in enumerate(m.nodes)}
    return ApplyLayout(positions, "layered" if b % 2 else None, list(Direction)[a % 2])


def _flag(m: ArgumentMap, p: Pick) -> Command:
    a, b, c = p
    return SetFlag("pinned" if a % 2 else "collapsed", [_node(m, b)], on=bool(c % 2))


def _map_edit(m: ArgumentMap, p: Pick) -> Command:
    a, b, _ = p
    if b % 2:
        return set_title(f"Title {a}")
    text = f"Another source, number {a}, with some words."
    return add_source(m, SourceDocument(id=m.new_id("src"), title="more", text=text))


BUILDERS: list[Builder] = [
    _add_node, _add_related, _link, _delete_nodes, _field_edit, _anchor_edit,
    _premise_edit, _relation_edit, _move, _layout, _flag, _map_edit,
]  # fmt: skip

edits = st.lists(
    st.tuples(
        st.integers(0, len(BUILDERS) - 1),
        st.tuples(st.integers(0, 10_000), st.integers(0, 10_000), st.integers(0, 10_000)),
    ),
    min_size=1,
    max_size=30,
)


def _run(session: EditSession, choice: int, pick: Pick) -> bool:
    """Build and execute one edit; a refused edit must leave the map exactly as it was."""
    before = session.map.model_dump()
    try:
        command = BUILDERS[choice](session.map, pick)
        session.execute(command)
    except EditError:
        assert session.map.model_dump() == before
        event(f"refused {BUILDERS[choice].__name__}")
        return False
    event(f"applied {BUILDERS[choice].__name__}")
    return True


@settings(max_examples=75, deadline=None)
@given(edits)
def test_undo_all_then_redo_all_gives_back_every_state(sequence: list[tuple[int, Pick]]) -> None:
    session = EditSession(small_map())
    states = [session.map.model_dump()]
    for choice, pick in sequence:
        if _run(session, choice, pick):
            assert find_problems(session.map) == []
            states.append(session.map.model_dump())
    assert session.history.index == len(states) - 1
    for state in reversed(states[:-1]):
        session.undo()
        assert find_problems(session.map) == []
        assert session.map.model_dump() == state
    assert not session.is_dirty
    for state in states[1:]:
        session.redo()
        assert session.map.model_dump() == state
    assert session.map.model_dump() == states[-1]
