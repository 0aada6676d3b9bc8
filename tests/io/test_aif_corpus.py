"""Every AIF file of the shared corpus imports, with the claims, supports, attacks and
undercuts its I, RA, MA and CA structure holds (MA nodes count as supports: argmap keeps a
rephrase as a support with scheme 'rephrase')."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from argmap.io.aif import read_aif
from argmap.model import RelationKind

pytestmark = pytest.mark.corpus

_FILES = [
    "dialam-test_map10.json",
    "nodeset17921.json",
    "nodeset18817.json",
    "nodeset19746.json",
    "nodeset21269.json",
    "nodeset21469.json",
    "nodeset25045.json",
]
_SCHEMES = {"RA", "CA", "MA"}


def expected_counts(document: dict[str, Any]) -> dict[str, int]:
    """Counted straight from the JSON, without argmap's reader."""
    aif = document.get("AIF", document)
    types = {str(n["nodeID"]): n["type"] for n in aif["nodes"]}
    ins: defaultdict[str, set[str]] = defaultdict(set)
    outs: defaultdict[str, set[str]] = defaultdict(set)
    for edge in aif["edges"]:
        ins[str(edge["toID"])].add(str(edge["fromID"]))
        outs[str(edge["fromID"])].add(str(edge["toID"]))
    counts = {"statements": sum(t == "I" for t in types.values())}
    counts.update(supports=0, attacks=0, undercuts=0)
    for node_id, node_type in types.items():
        if node_type not in _SCHEMES or not any(types[p] == "I" for p in ins[node_id]):
            continue
        for target in outs[node_id]:
            if types[target] == "I":
                counts["supports" if node_type != "CA" else "attacks"] += 1
            elif types[target] in _SCHEMES and node_type == "CA":
                counts["attacks"] += 1
                counts["undercuts"] += 1
    return counts


@pytest.mark.parametrize("name", _FILES)
def test_corpus_file_imports_with_its_structure(shared_data: Path, name: str) -> None:
    path = shared_data / "aif" / name
    if not path.exists():
        pytest.skip(f"{name} is not in the corpus")
    document = json.loads(path.read_text(encoding="utf-8"))
    result = read_aif(path)
    m = result.map
    relation_ids = {r.id for r in m.relations}
    found = {
        "statements": len(m.nodes),
        "supports": sum(r.kind == RelationKind.SUPPORT for r in m.relations),
        "attacks": sum(r.kind == RelationKind.ATTACK for r in m.relations),
        "undercuts": sum(r.target in relation_ids for r in m.relations),
    }
    assert found == expected_counts(document)
    texts = {str(n["nodeID"]): n.get("text", "") for n in document.get("AIF", document)["nodes"]}
    assert all(node.text == texts[node.id] for node in m.nodes)
    assert any("(the dialogue layer)" in line for line in result.summary)


def test_speakers_are_kept_on_the_statements_they_anchor(shared_data: Path) -> None:
    path = shared_data / "aif" / "nodeset17921.json"
    if not path.exists():
        pytest.skip("nodeset17921.json is not in the corpus")
    m = read_aif(path).map
    speakers = {n.citation.author for n in m.nodes if n.citation and n.citation.author}
    assert "Helle Thorning-Schmidt" in speakers
    assert all(node.anchors for node in m.nodes)
    transcript = m.sources[0].text
    assert all(transcript[a.start : a.end] == a.quote for n in m.nodes for a in n.anchors)


def test_dialam_map_with_odd_ids_and_no_schemes(shared_data: Path) -> None:
    path = shared_data / "aif" / "dialam-test_map10.json"
    if not path.exists():
        pytest.skip("dialam-test_map10.json is not in the corpus")
    m = read_aif(path).map
    linked = [r for r in m.relations if len(r.premises) == 6]
    assert len(linked) == 1 and linked[0].scheme is None
