"""AIF JSON: what OVA and AIFdb files become, what argmap writes, and that both directions meet."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings

from argmap.io import native
from argmap.io.aif import dumps_aif, from_aif_document, loads_aif, to_aif_document
from argmap.io.aif_read import DIALOGUE_SOURCE_ID
from argmap.io.errors import FileFormatError
from argmap.model import ArgumentMap, NodeKind, RelationKind
from argmap.resources import DEFAULT_MAP
from tests.io.interchange_maps import argument_maps
from tests.model.factories import random_map, small_map


def nodeset() -> dict[str, Any]:
    """A QT30-like nodeset: a linked RA, a CA, an undercut, an MA and a locution."""
    nodes = [
        {
            "nodeID": "1",
            "text": "Crossings will fall",
            "type": "I",
            "timestamp": "2021-07-20 10:00:00",
        },
        {"nodeID": "2", "text": "France doubles patrols", "type": "I"},
        {"nodeID": 3, "text": "Patrols stop boats", "type": "I"},
        {"nodeID": "4", "text": "Boats just move up the coast", "type": "I"},
        {"nodeID": "5", "text": "The coast is patrolled too", "type": "I"},
        {"nodeID": "6", "text": "Patrols will double", "type": "I"},
        {"nodeID": "10", "text": "Expert Opinion", "type": "RA", "scheme": "Expert Opinion"},
        {"nodeID": "11", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "12", "text": "Default Conflict", "type": "CA", "schemeID": "71"},
        {"nodeID": "13", "text": "Default Rephrase", "type": "MA"},
        {"nodeID": "20", "text": "Priti Patel : France doubles patrols", "type": "L"},
        {"nodeID": "21", "text": "Asserting", "type": "YA"},
        {"nodeID": "30", "text": "?", "type": "XYZ"},
    ]
    edges = [
        ("2", "10"),
        (3, "10"),
        ("10", "1"),  # linked support
        ("4", "11"),
        ("11", "1"),  # attack
        ("5", "12"),
        ("12", "10"),  # undercut of the RA
        ("6", "13"),
        ("13", "2"),  # rephrase
        ("20", "21"),
        ("21", "2"),  # locution anchors statement 2
        ("30", "1"),  # from a node of unknown type
    ]
    return {
        "nodes": nodes,
        "edges": [{"edgeID": i, "fromID": a, "toID": b} for i, (a, b) in enumerate(edges)],
        "locutions": [{"nodeID": "20", "personID": 7, "start": "2021-07-20 09:00:00"}],
    }


def test_plain_nodeset_becomes_statements_and_relations() -> None:
    result = from_aif_document(nodeset(), "qt.json")
    m = result.map
    assert [n.id for n in m.nodes] == ["1", "2", "3", "4", "5", "6"]
    relations = {r.id: r for r in m.relations}
    assert relations["10"].kind == RelationKind.SUPPORT
    assert relations["10"].premises == ["2", "3"]  # a linked argument, ids made strings
    assert relations["10"].target == "1"
    assert relations["10"].scheme == "expert_opinion"
    assert (relations["11"].kind, relations["11"].target) == (RelationKind.ATTACK, "1")
    assert relations["12"].target == "10" and m.is_undercut(relations["12"])
    assert (relations["13"].kind, relations["13"].scheme) == (RelationKind.SUPPORT, "rephrase")
    assert m.node("4").kind == NodeKind.COUNTERARGUMENT
    assert m.node("5").kind == NodeKind.COUNTERARGUMENT
    assert m.node("2").kind == NodeKind.CLAIM
    assert m.title == "qt"


def test_dialogue_layer_is_kept_as_anchors_and_speakers_and_reported() -> None:
    result = from_aif_document(nodeset())
    m = result.map
    transcript = m.source(DIALOGUE_SOURCE_ID)
    anchored = m.node("2")
    assert [a.quote for a in anchored.anchors] == ["France doubles patrols"]
    assert transcript.text[anchored.anchors[0].start :].startswith("France doubles")
    assert anchored.citation is not None
    assert (anchored.citation.author, anchored.citation.date) == (
        "Priti Patel",
        "2021-07-20 09:00:00",
    )
    summary = " | ".join(result.summary)
    assert "skipped 1 L node and 1 YA node (the dialogue layer)" in summary
    assert "speakers kept on 1 statement" in summary
    assert "unknown type 'XYZ': 30" in summary
    assert "MA (rephrase) node" in summary


def test_ova_wrapped_form_gives_card_centres() -> None:
    document = {
        "AIF": nodeset(),
        "text": "<p>analysed</p>",
        "OVA": {"nodes": [{"nodeID": "1", "x": 400, "y": 100}, {"nodeID": "10", "x": 1, "y": 2}]},
    }
    m = from_aif_document(document).map
    # OVA's y is the top of a one-line I node: the box centre lies 12 px below it.
    assert m.layout.positions["1"].model_dump() == {"x": 400.0, "y": 112.0}
    assert set(m.layout.positions) == {"1"}


def test_liberal_input_missing_optional_fields() -> None:
    document = {
        "nodes": [
            {"nodeID": 1, "text": "a", "type": "I"},
            {"nodeID": 2, "text": "b", "type": "I"},
            {"nodeID": 3, "type": "RA"},
        ],
        "edges": [{"fromID": 2, "toID": 3}, {"fromID": 3, "toID": 1}],
    }
    m = from_aif_document(document).map
    assert [(r.premises, r.target, r.scheme) for r in m.relations] == [(["2"], "1", None)]


def test_scheme_node_without_premise_is_skipped_and_reported() -> None:
    document = nodeset()
    document["edges"] = [e for e in document["edges"] if e["toID"] != "13"]
    result = from_aif_document(document)
    assert "13" not in {r.id for r in result.map.relations}
    assert any("with no premise" in line and "13" in line for line in result.summary)


def _broken(change: str) -> dict[str, Any]:
    document = nodeset()
    if change == "missing node":
        document["edges"].append({"edgeID": 99, "fromID": "4", "toID": "404"})
    elif change == "no conclusion":
        document["edges"] = [e for e in document["edges"] if e["fromID"] != "11"]
    elif change == "cycle":  # two conflicts, each attacking the other
        document["nodes"] += [
            {"nodeID": "14", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "15", "text": "Default Conflict", "type": "CA"},
        ]
        document["edges"] += [
            {"fromID": "4", "toID": "14"},
            {"fromID": "14", "toID": "15"},
            {"fromID": "5", "toID": "15"},
            {"fromID": "15", "toID": "14"},
        ]
    return document


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            "missing node",
            "edge 99 ($.edges[12]) goes from '4' to '404', but there is no node '404'",
        ),
        ("no conclusion", "CA node '11' has no conclusion (expected an edge from it to an I node"),
        ("cycle", "CA node '14' is part of a cycle of scheme nodes (each targets the next)"),
    ],
)
def test_broken_structure_is_named_with_what_the_rest_holds(change: str, expected: str) -> None:
    with pytest.raises(FileFormatError) as caught:
        from_aif_document(_broken(change), "bad.json")
    message = str(caught.value)
    assert message.startswith("bad.json: ")
    assert expected in message
    assert "The rest of the file reads: 6 statements" in message
    assert "--skip-broken" in message


def test_skip_broken_keeps_the_rest_and_lists_what_was_left_out() -> None:
    result = from_aif_document(_broken("no conclusion"), skip_broken=True)
    assert "11" not in {r.id for r in result.map.relations}
    assert len(result.map.relations) == 3
    assert result.summary[0].startswith("skipped broken part: CA node '11' has no conclusion")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"nodes": [', "not valid JSON at line 1, column 12"),
        ("[1, 2]", "not AIF"),
        ('{"format": "argmap", "version": 1}', "this is an argmap map, not AIF"),
        ('{"nodes": {}, "edges": []}', '"nodes" must be a list'),
        ("", "the file is empty"),
    ],
)
def test_unreadable_files_are_refused_clearly(text: str, expected: str) -> None:
    with pytest.raises(FileFormatError, match=r"x\.json: ") as caught:
        loads_aif(text, origin="x.json")
    assert expected in str(caught.value)


def test_export_has_scheme_nodes_with_edges_in_and_out_and_an_ova_block() -> None:
    m = small_map()
    document = to_aif_document(m)
    nodes = {n["nodeID"]: n for n in document["AIF"]["nodes"]}
    edges = [(e["fromID"], e["toID"]) for e in document["AIF"]["edges"]]
    assert nodes["r1"]["type"] == "RA" and nodes["r1"]["scheme"] == "Statistical Generalisation"
    assert ("e1", "r1") in edges and ("e2", "r1") in edges and ("r1", "c1") in edges
    assert nodes["r3"]["type"] == "CA" and ("r3", "c1") in edges
    assert nodes["u1"]["type"] == "CA" and ("u1", "r1") in edges  # the undercut
    assert nodes["r2"]["schemeID"] == "72"  # no scheme: AIFdb's Default Inference
    assert all(isinstance(e["edgeID"], int) for e in document["AIF"]["edges"])
    placed = {n["nodeID"] for n in document["OVA"]["nodes"]}
    assert placed == set(nodes)  # OVA draws only what its layout block places
    assert document["OVA"]["nodes"][0] == {
        "nodeID": "c1",
        "visible": True,
        "x": 0.0,
        "y": -12.0,  # the centre (0, 0) of a one-line I node, as OVA's top
        "timestamp": "",
    }
    assert document["argmap"]["format"] == "argmap-aif"
    plain = to_aif_document(m, plain=True)
    assert set(plain) == {"nodes", "edges", "locutions", "argmap"}


def test_round_trip_small_map_exactly() -> None:
    m = small_map()
    assert loads_aif(dumps_aif(m)).map == m
    assert loads_aif(dumps_aif(m, plain=True)).map == m


def test_round_trip_without_argmap_data_keeps_structure() -> None:
    m = small_map()
    document = json.loads(dumps_aif(m))

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "argmap"}
        return [strip(v) for v in value] if isinstance(value, list) else value

    back = from_aif_document(strip(document)).map
    assert [(n.id, n.text) for n in back.nodes] == [(n.id, n.text) for n in m.nodes]
    assert [(r.id, r.kind, r.premises, r.target, r.scheme) for r in back.relations] == [
        (r.id, r.kind, r.premises, r.target, r.scheme) for r in m.relations
    ]
    assert back.layout.positions == m.layout.positions  # through OVA's block


def test_round_trip_random_maps() -> None:
    for seed in range(3):
        m = random_map(60, seed)
        assert loads_aif(dumps_aif(m)).map == m


@settings(max_examples=40, deadline=None)
@given(argument_maps())
def test_round_trip_generated_maps(m: ArgumentMap) -> None:
    assert loads_aif(dumps_aif(m)).map == m


def test_round_trip_bundled_map() -> None:
    if not DEFAULT_MAP.exists():
        pytest.skip("the bundled map is not there yet")
    m = native.load(DEFAULT_MAP).map
    assert loads_aif(dumps_aif(m)).map == m


def test_ova_analysed_text_becomes_a_source_with_anchors() -> None:
    document = {
        "AIF": {"nodes": [{"nodeID": "1", "text": "Crossings fell", "type": "I"}], "edges": []},
        "text": "<p>In July: Crossings fell &amp; rose.</p>",
        "OVA": {"nodes": []},
    }
    result = from_aif_document(document)
    source = result.map.sources[0]
    assert source.text == "In July: Crossings fell & rose."
    assert [a.quote for a in result.map.nodes[0].anchors] == ["Crossings fell"]
    assert "kept OVA's analysed text as a source; 1 statement anchored" in result.summary[0]
