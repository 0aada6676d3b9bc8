"""GraphML: what yEd and Gephi get, and reading it back (exactly when argmap wrote it)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

from argmap.io.errors import FileFormatError
from argmap.io.graphml import read_graphml, write_graphml
from argmap.model import ArgumentMap, RelationKind
from tests.io.interchange_maps import argument_maps
from tests.model.factories import small_map


def test_written_graph_has_kinds_texts_and_only_scalars(tmp_path: Path) -> None:
    out = tmp_path / "map.graphml"
    write_graphml(small_map(), out)
    graph = nx.read_graphml(out)
    assert graph.nodes["e1"]["role"] == "statement"
    assert graph.nodes["e1"]["kind"] == "evidence"
    assert graph.nodes["e1"]["label"] == "Patrols doubled"
    assert graph.nodes["e1"]["evidence_type"] == "statistic"
    assert graph.nodes["r1"]["role"] == "relation"
    assert graph.nodes["r1"]["label"] == "support (statistics)"
    assert graph.edges["e2", "r1"] == {"role": "premise", "order": 1}
    assert graph.edges["u1", "r1"]["role"] == "conclusion"  # the undercut
    assert (graph.nodes["c1"]["x"], graph.nodes["c1"]["y"]) == (0.0, 0.0)
    assert graph.graph["title"] == "Small"


def test_round_trip_small_map(tmp_path: Path) -> None:
    out = tmp_path / "map.graphml"
    m = small_map()
    write_graphml(m, out)
    result = read_graphml(out)
    assert result.map == m
    assert result.summary == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(argument_maps())
def test_round_trip_generated_maps(tmp_path: Path, m: ArgumentMap) -> None:
    out = tmp_path / "generated.graphml"
    write_graphml(m, out)
    assert read_graphml(out).map == m


_FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
         xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" yfiles.type="nodegraphics"/>
  <key id="d1" for="edge" attr.name="label" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"><data key="d0"><y:ShapeNode><y:Geometry x="10" y="20" width="30" height="30"/>
      <y:NodeLabel>Boats will stop</y:NodeLabel></y:ShapeNode></data></node>
    <node id="b"><data key="d0"><y:ShapeNode>
      <y:NodeLabel>Patrols doubled</y:NodeLabel></y:ShapeNode></data></node>
    <node id="c"/>
    <edge source="b" target="a"/>
    <edge source="c" target="a"><data key="d1">attack</data></edge>
  </graph>
</graphml>
"""


def test_foreign_graphml_is_read_as_a_plain_graph(tmp_path: Path) -> None:
    path = tmp_path / "yed.graphml"
    path.write_text(_FOREIGN, encoding="utf-8")
    result = read_graphml(path)
    m = result.map
    assert [(n.id, n.text) for n in m.nodes] == [
        ("a", "Boats will stop"),
        ("b", "Patrols doubled"),
        ("c", "c"),
    ]
    assert [(r.kind, r.premises, r.target) for r in m.relations] == [
        (RelationKind.SUPPORT, ["b"], "a"),
        (RelationKind.ATTACK, ["c"], "a"),
    ]
    assert m.layout.positions["a"].model_dump() == {"x": 10.0, "y": 20.0}
    assert "read as a plain graph" in result.summary[0]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<graphml><graph>", "not valid XML at line 1, column 17"),
        (
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
            '<key id="r" for="node" attr.name="role" attr.type="string"/>'
            '<graph edgedefault="directed"><node id="s"><data key="r">statement</data></node>'
            '<node id="x"><data key="r">relation</data></node>'
            '<edge source="s" target="x"/></graph></graphml>',
            "relation node 'x' has 0 targets",
        ),
        (
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
            '<key id="r" for="node" attr.name="role" attr.type="string"/>'
            '<graph edgedefault="directed"><node id="s"><data key="r">statement</data></node>'
            '<edge source="s" target="ghost"/></graph></graphml>',
            "an edge refers to node 'ghost', which the file does not declare",
        ),
    ],
)
def test_malformed_graphml_is_refused_clearly(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "bad.graphml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"bad\.graphml: ") as caught:
        read_graphml(path)
    assert expected in str(caught.value)
