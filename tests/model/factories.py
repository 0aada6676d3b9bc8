"""Maps for the core tests: one small hand-made map, and random valid maps of any size."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from argmap.model import (
    ArgumentMap,
    Citation,
    CriticalQuestionState,
    EvidenceType,
    MapLayout,
    Node,
    NodeKind,
    Point,
    Relation,
    RelationKind,
    SourceDocument,
    TextAnchor,
)

SOURCE_TEXT = (
    "The Home Secretary said the agreement will stop the crossings.\n"
    "French patrols doubled in 2020, and twice as many crossings were prevented.\n"
    "Critics say more patrols only push the crossings further up the coast.\n"
    "The agreement will stop the crossings, the minister repeated.\n"
)
#: Fixed times, so maps built twice are equal.
T0 = datetime(2021, 7, 20, 12, 0, tzinfo=UTC)


def anchor(quote: str, source_id: str = "s1", text: str = SOURCE_TEXT) -> TextAnchor:
    """An anchor on the first occurrence of ``quote``."""
    start = text.index(quote)
    return TextAnchor.of(source_id, text, start, start + len(quote))


def node(node_id: str, kind: str = "claim", text: str = "", **fields: object) -> Node:
    return Node.model_validate(
        {"id": node_id, "kind": kind, "text": text or node_id, "created": T0, "modified": T0}
        | fields
    )


def small_map() -> ArgumentMap:
    """A claim with a linked support, a plain support, an objection, an undercut and anchors.

    c1 <- r1 (e1 + e2, linked, scheme) ; c1 <- r2 (e3) ; c1 <-x r3 (ca1) ; r1 <-x u1 (ca2)
    """
    source = SourceDocument(id="s1", title="Release", publisher="Home Office", text=SOURCE_TEXT)
    nodes = [
        node("c1", "claim", "The agreement will stop the crossings", anchors=[anchor("stop")]),
        node(
            "e1",
            "evidence",
            "Patrols doubled",
            anchors=[anchor("French patrols doubled in 2020")],
            evidence_type=EvidenceType.STATISTIC,
            citation=Citation(title="Release", publisher="Home Office", date="2021-07-20"),
            tags=["figure"],
            rating=0.8,
        ),
        node("e2", "evidence", "Twice as many prevented", anchors=[anchor("twice as many")]),
        node("e3", "evidence", "The minister repeated it"),
        node("ca1", "counterargument", "Patrols displace crossings", anchors=[anchor("Critics")]),
        node("ca2", "counterargument", "Prevented counts attempts, not people"),
    ]
    relations = [
        Relation(
            id="r1",
            kind=RelationKind.SUPPORT,
            premises=["e1", "e2"],
            target="c1",
            scheme="statistics",
            questions=[CriticalQuestionState(question_id="q1", answered_by="e3")],
        ),
        Relation(id="r2", kind=RelationKind.SUPPORT, premises=["e3"], target="c1"),
        Relation(id="r3", kind=RelationKind.ATTACK, premises=["ca1"], target="c1"),
        Relation(id="u1", kind=RelationKind.ATTACK, premises=["ca2"], target="r1"),
    ]
    positions = {n.id: Point(x=100.0 * i, y=50.0 * (i % 3)) for i, n in enumerate(nodes)}
    layout = MapLayout(positions=positions, pinned=["c1", "e1"], collapsed=["ca2"])
    return ArgumentMap(
        title="Small",
        description="A test map",
        sources=[source],
        nodes=nodes,
        relations=relations,
        layout=layout,
    )


_WORDS = [
    "the",
    "agreement",
    "patrols",
    "crossings",
    "France",
    "Britain",
    "boats",
    "smugglers",
    "coast",
    "minister",
    "figures",
    "prevented",
    "doubled",
    "policy",
    "routes",
    "asylum",
    "court",
    "evidence",
    "said",
    "critics",
    "year",
]
_KINDS = list(NodeKind)


def source_text(rng: random.Random, words: int) -> str:
    lines = []
    for _ in range(max(1, words // 12)):
        lines.append(" ".join(rng.choice(_WORDS) for _ in range(12)) + ".")
    return "\n".join(lines)


def random_map(n_nodes: int, seed: int = 0, *, undercut_rate: float = 0.1) -> ArgumentMap:
    """A valid map of ``n_nodes`` statements over one source, all model features in use.

    About 60% of nodes are anchored, a fifth of relations are linked, some attacks are
    undercuts, evidence carries citations, and every node has a position.
    """
    rng = random.Random(seed)
    text = source_text(rng, max(60, n_nodes * 6))
    source = SourceDocument(id="src", title="Generated", text=text)
    nodes: list[Node] = []
    for i in range(n_nodes):
        kind = _KINDS[i % 3] if i else NodeKind.CLAIM
        fields: dict[str, object] = {}
        if rng.random() < 0.6:
            start = rng.randrange(len(text) - 40)
            fields["anchors"] = [TextAnchor.of("src", text, start, start + rng.randrange(1, 40))]
        if kind == NodeKind.EVIDENCE:
            fields["evidence_type"] = rng.choice(list(EvidenceType))
            fields["citation"] = Citation(title=f"Report {i}", date="2021-07-20")
        if rng.random() < 0.3:
            fields["tags"] = [rng.choice(_WORDS)]
        if rng.random() < 0.3:
            fields["rating"] = round(rng.random(), 2)
        nodes.append(node(f"n{i}", kind, f"Statement {i} " + rng.choice(_WORDS), **fields))
    relations = _random_relations(rng, nodes, undercut_rate)
    positions = {n.id: Point.rounded(rng.uniform(0, 8000), rng.uniform(0, 8000)) for n in nodes}
    return ArgumentMap(
        title=f"Generated map {seed}",
        sources=[source],
        nodes=nodes,
        relations=relations,
        layout=MapLayout(positions=positions, algorithm="layered"),
    )


def _random_relations(
    rng: random.Random, nodes: list[Node], undercut_rate: float
) -> list[Relation]:
    relations: list[Relation] = []
    for i in range(1, len(nodes)):
        premises = [nodes[i].id]
        if i > 2 and rng.random() < 0.2:
            partner = nodes[rng.randrange(1, i)].id
            premises.append(partner)
        target = nodes[rng.randrange(i)].id
        if target in premises:
            premises.remove(target)
        if relations and rng.random() < undercut_rate:
            kind, target = RelationKind.ATTACK, rng.choice(relations).id
        else:
            kind = rng.choice([RelationKind.SUPPORT, RelationKind.ATTACK])
        relations.append(Relation(id=f"r{i}", kind=kind, premises=premises, target=target))
    return relations
