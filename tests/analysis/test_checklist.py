"""The preparation checklist finds each kind of gap, and names what to select (checklist.py)."""

from __future__ import annotations

from argmap.analysis.checklist import GAP_TITLES, GapKind, find_gaps
from argmap.analysis.sides import Side, sides
from argmap.model import ArgumentMap, Citation, Node, Relation, SourceDocument, TextAnchor

TEXT = "Patrols doubled in 2020. Crossings rose anyway."


def anchored(node_id: str, kind: str, quote: str = "Patrols doubled", **fields: object) -> Node:
    start = TEXT.index(quote)
    anchor = TextAnchor.of("s1", TEXT, start, start + len(quote))
    return Node.model_validate(
        {"id": node_id, "kind": kind, "text": node_id, "anchors": [anchor]} | fields
    )


def cited(title: str) -> Citation:
    return Citation(title=title, publisher="Home Office")


def prepared() -> ArgumentMap:
    """A claim with cited, anchored evidence from two sources, an objection and its answer."""
    return ArgumentMap(
        sources=[SourceDocument(id="s1", title="Release", text=TEXT)],
        nodes=[
            Node(id="c", kind="claim", text="The deal works"),
            anchored("e1", "evidence", citation=cited("Release")),
            anchored("e2", "evidence", "Crossings rose", citation=cited("Border statistics")),
            Node(id="x", kind="counterargument", text="Crossings rose"),
            Node(id="y", kind="counterargument", text="They rose less than elsewhere"),
        ],
        relations=[
            Relation(id="r1", kind="support", premises=["e1"], target="c"),
            Relation(id="r2", kind="support", premises=["e2"], target="c"),
            Relation(id="r3", kind="attack", premises=["x"], target="c"),
            Relation(id="r4", kind="attack", premises=["y"], target="x"),
        ],
    )


def gaps_of(m: ArgumentMap, kind: GapKind) -> list[tuple[str, ...]]:
    return [g.node_ids for g in find_gaps(m) if g.kind is kind]


def test_a_well_prepared_map_has_no_gaps() -> None:
    assert find_gaps(prepared()) == []


def test_claims_with_no_support() -> None:
    m = prepared()
    m.relations = [r for r in m.relations if r.kind == "attack"]
    assert gaps_of(m, GapKind.UNSUPPORTED_CLAIM) == [("c",)]


def test_the_other_sides_unanswered_objections_but_not_our_own_replies() -> None:
    m = prepared()
    assert sides(m) == {"c": Side.PRO, "e1": Side.PRO, "e2": Side.PRO, "x": Side.CON, "y": Side.PRO}
    m.relations.pop()  # drop our answer to x
    gaps = [g for g in find_gaps(m) if g.kind is GapKind.UNANSWERED_COUNTERARGUMENT]
    assert [(g.node_ids, g.relation_ids) for g in gaps] == [(("x",), ("r3",))]
    assert gaps[0].message == "no answer to 'Crossings rose' (it attacks 'The deal works')"


def test_an_unanswered_undercut_of_our_inference_is_a_gap_and_an_undercut_answers() -> None:
    m = prepared()
    m.nodes.append(Node(id="u", kind="counterargument", text="The release counts attempts"))
    m.relations.append(Relation(id="cut", kind="attack", premises=["u"], target="r1"))
    gaps = [g for g in find_gaps(m) if g.kind is GapKind.UNANSWERED_COUNTERARGUMENT]
    assert [g.node_ids for g in gaps] == [("u",)]
    assert "undercuts the step from 'e1' to 'The deal works'" in gaps[0].message
    m.nodes.append(Node(id="v", kind="claim", text="It also counts people"))
    m.relations.append(Relation(id="ans", kind="attack", premises=["v"], target="cut"))
    assert gaps_of(m, GapKind.UNANSWERED_COUNTERARGUMENT) == []


def test_evidence_with_no_anchor_or_no_citation() -> None:
    m = prepared()
    m.nodes[1] = m.nodes[1].model_copy(update={"anchors": []})
    m.nodes[2] = m.nodes[2].model_copy(update={"citation": Citation()})
    assert gaps_of(m, GapKind.EVIDENCE_WITHOUT_ANCHOR) == [("e1",)]
    assert gaps_of(m, GapKind.EVIDENCE_WITHOUT_CITATION) == [("e2",)]


def test_a_claim_resting_on_a_single_source_even_through_other_claims() -> None:
    m = prepared()
    m.nodes[2] = m.nodes[2].model_copy(update={"citation": cited("Release")})
    m.nodes.append(Node(id="top", kind="claim", text="Sign the deal"))
    m.relations.append(Relation(id="r5", kind="support", premises=["c"], target="top"))
    gaps = [g for g in find_gaps(m) if g.kind is GapKind.SINGLE_SOURCE]
    assert [g.node_ids for g in gaps] == [("c",), ("top",)]
    assert gaps[0].message.endswith("comes from one source: 'Release'")


def test_circular_support_names_the_circle_and_its_relations() -> None:
    m = prepared()
    m.nodes.append(Node(id="d", kind="claim", text="d"))
    m.relations += [
        Relation(id="r5", kind="support", premises=["c"], target="d"),
        Relation(id="r6", kind="support", premises=["d"], target="c"),
    ]
    gaps = [g for g in find_gaps(m) if g.kind is GapKind.CIRCULAR_SUPPORT]
    assert [(g.node_ids, set(g.relation_ids)) for g in gaps] == [(("c", "d"), {"r5", "r6"})]
    assert "'The deal works' → 'd' → 'The deal works'" in gaps[0].message


def test_anchors_whose_quote_no_longer_matches_the_source() -> None:
    m = prepared()
    m.sources[0] = SourceDocument(id="s1", title="Release", text="Rewritten. " + TEXT)
    assert gaps_of(m, GapKind.STALE_ANCHOR) == [("e1",), ("e2",)]


def test_statements_not_connected_to_any_main_claim() -> None:
    m = prepared()
    m.nodes += [Node(id="p", kind="evidence", text="p"), Node(id="q", kind="counterargument")]
    m.relations.append(Relation(id="r5", kind="attack", premises=["q"], target="p"))
    gaps = [g for g in find_gaps(m) if g.kind is GapKind.DISCONNECTED]
    assert [g.node_ids for g in gaps] == [("p", "q")]
    assert gaps[0].message == "'p' and 1 more not connected to any main claim"


def test_every_kind_has_a_title_and_gaps_come_in_kind_order() -> None:
    assert set(GAP_TITLES) == set(GapKind)
    m = prepared()
    m.relations = []
    kinds = [g.kind for g in find_gaps(m)]
    assert kinds == sorted(kinds, key=list(GapKind).index)
