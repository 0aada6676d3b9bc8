"""Maps for the interchange tests: hypothesis-generated ones with awkward text, and a way to
compare two maps by structure (what Argdown and foreign formats can carry)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

from hypothesis import strategies as st

from argmap.model import (
    ArgumentMap,
    Citation,
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

SCHEMES = [None, "expert_opinion", "statistics", "analogy", "rephrase", "Custom Scheme"]
#: Text with every character Argdown, Markdown or JSON might read as syntax.
_AWKWARD = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("[]<>#{}@*_/\\:\"'()-+.,;!? \u00e9\u2019\u4e2d")),
        st.characters(codec="utf-8", categories=("L", "N")),
    ),
    max_size=30,
).map(lambda text: " ".join(text.split()))
_TAG = st.from_regex(r"[a-z][a-z0-9 -]{0,8}[a-z0-9]", fullmatch=True).map(
    lambda tag: " ".join(tag.split())
)
_STAMP = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=0))
SOURCE = SourceDocument(id="src", title="Release", text="The UK and France agreed. Crossings rose.")


@st.composite
def nodes(draw: st.DrawFn, node_id: str) -> Node:
    fields: dict[str, Any] = {
        "id": node_id,
        "kind": draw(st.sampled_from(list(NodeKind))),
        "text": draw(_AWKWARD),
        "tags": draw(st.lists(_TAG, max_size=3, unique=True)),
        "evidence_type": draw(st.none() | st.sampled_from(list(EvidenceType))),
        "rating": draw(st.none() | st.floats(0, 1)),
        "notes": draw(st.sampled_from(["", "a note", "two\nlines"])),
        "created": draw(_STAMP),
        "modified": draw(_STAMP),
    }
    if draw(st.booleans()):
        start = draw(st.integers(0, 20))
        fields["anchors"] = [TextAnchor.of("src", SOURCE.text, start, start + 5)]
    if draw(st.booleans()):
        fields["citation"] = Citation(title=draw(_AWKWARD), author="A. Author", url="https://x.org")
    return Node.model_validate(fields)


@st.composite
def relations(draw: st.DrawFn, node_ids: list[str], count: int) -> list[Relation]:
    made: list[Relation] = []
    for number in range(count):
        kind = draw(st.sampled_from(list(RelationKind)))
        premises = draw(st.lists(st.sampled_from(node_ids), min_size=1, max_size=3, unique=True))
        candidates = [n for n in node_ids if n not in premises]
        if kind == RelationKind.ATTACK and made and draw(st.booleans()):
            target = draw(st.sampled_from([r.id for r in made]))
        elif candidates:
            target = draw(st.sampled_from(candidates))
        else:
            continue
        scheme = draw(st.sampled_from(SCHEMES))
        notes = draw(st.sampled_from(["", "because of X", "[weird] #note"]))
        made.append(
            Relation(
                id=f"R{number}",  # upper case: never a node id (those are lower case)
                kind=kind,
                premises=premises,
                target=target,
                scheme=scheme,
                notes=notes,
            )
        )
    return made


@st.composite
def argument_maps(draw: st.DrawFn, max_nodes: int = 7) -> ArgumentMap:
    """Valid maps with awkward text, linked premises, undercuts, schemes and anchors."""
    count = draw(st.integers(1, max_nodes))
    node_ids = draw(
        st.lists(
            st.from_regex(r"[a-z][a-z0-9_-]{0,6}", fullmatch=True),
            min_size=count,
            max_size=count,
            unique=True,
        )
    )
    made = [draw(nodes(node_id)) for node_id in node_ids]
    rels = draw(relations(node_ids, draw(st.integers(0, 2 * count))))
    placed = draw(st.lists(st.sampled_from(node_ids), unique=True))
    positions = {
        n: Point.rounded(draw(st.floats(-5e3, 5e3)), draw(st.floats(-5e3, 5e3))) for n in placed
    }
    return ArgumentMap(
        title=draw(_AWKWARD),
        description=draw(st.sampled_from(["", "About boats."])),
        sources=[SOURCE],
        nodes=made,
        relations=rels,
        layout=MapLayout(positions=positions, pinned=placed[:1]),
    )


def structure(argument_map: ArgumentMap) -> tuple[Any, ...]:
    """What Argdown keeps: statements (id, kind, text, tags, evidence type, rating) in order,
    and relations by shape (kind, premises, target, scheme, notes; an undercut's target by
    the shape of the relation it attacks), as a multiset."""
    statements = [
        (n.id, n.kind, " ".join(n.text.split()), n.tags, n.evidence_type, n.rating)
        for n in argument_map.nodes
    ]
    by_id = argument_map.relation_index()

    def shape(relation: Relation, depth: int = 0) -> tuple[Any, ...]:
        target: Any = relation.target
        if target in by_id and depth < 20:
            target = shape(by_id[target], depth + 1)
        notes = " ".join(relation.notes.split())
        return (relation.kind, tuple(relation.premises), target, relation.scheme, notes)

    return (
        argument_map.title,
        statements,
        Counter(shape(r) for r in argument_map.relations),
    )
