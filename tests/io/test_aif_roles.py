"""Which statements an AIF import calls counterarguments: those that only ever attack.

The README promises "A statement that only ever attacks becomes a counterargument, everything
else a claim": one that both supports and attacks is a claim, whatever order the edges come in.
"""

from __future__ import annotations

from typing import Any

import pytest

from argmap.io.aif import from_aif_document
from argmap.model import NodeKind


def _nodeset(edges: list[tuple[str, str]]) -> dict[str, Any]:
    statements = {
        "both": "Patrols move boats up the coast",
        "attacker": "The coast is patrolled too",
        "target": "Crossings will fall",
        "other": "Smugglers adapt",
        "quiet": "A statement nobody links",
    }
    nodes = [{"nodeID": k, "text": v, "type": "I"} for k, v in statements.items()]
    nodes += [
        {"nodeID": "ra", "text": "Default Inference", "type": "RA"},
        {"nodeID": "ca", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "ca2", "text": "Default Conflict", "type": "CA"},
    ]
    return {
        "nodes": nodes,
        "edges": [{"edgeID": i, "fromID": a, "toID": b} for i, (a, b) in enumerate(edges)],
        "locutions": [],
    }


SUPPORTS = [("both", "ra"), ("ra", "other")]
ATTACKS = [("both", "ca"), ("ca", "target"), ("attacker", "ca2"), ("ca2", "both")]


@pytest.mark.parametrize("order", ["supports first", "attacks first"])
def test_a_statement_that_both_supports_and_attacks_is_a_claim(order: str) -> None:
    edges = SUPPORTS + ATTACKS if order == "supports first" else ATTACKS + SUPPORTS
    m = from_aif_document(_nodeset(edges)).map
    kinds = {n.id: n.kind for n in m.nodes}
    assert kinds == {
        "both": NodeKind.CLAIM,  # supports "other" and attacks "target"
        "attacker": NodeKind.COUNTERARGUMENT,  # only ever attacks
        "target": NodeKind.CLAIM,
        "other": NodeKind.CLAIM,
        "quiet": NodeKind.CLAIM,
    }
    roles = {(r.kind.value, tuple(r.premises), r.target) for r in m.relations}
    assert roles == {
        ("support", ("both",), "other"),
        ("attack", ("both",), "target"),
        ("attack", ("attacker",), "both"),
    }
