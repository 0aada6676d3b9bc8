"""Maps for the layout tests: generated trees and DAGs, plus cycles, isolated nodes, odd sizes."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.layout.geometry import Size
from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind
from tests.generators import STAMP, generate_map

ALGORITHMS = ("tree", "layered", "compact", "radial")
DIRECTIONS = ("TB", "LR")


def node(node_id: str, kind: NodeKind = NodeKind.CLAIM, text: str = "") -> Node:
    return Node(
        id=node_id, kind=kind, text=text or f"Statement {node_id}.", created=STAMP, modified=STAMP
    )


def relation(relation_id: str, premises: list[str], target: str, attack: bool = False) -> Relation:
    kind = RelationKind.ATTACK if attack else RelationKind.SUPPORT
    return Relation(id=relation_id, kind=kind, premises=premises, target=target)


def with_extras(
    base: ArgumentMap, links: list[tuple[int, int, bool]], isolated: int
) -> ArgumentMap:
    """``base`` plus relations between existing nodes (cycles allowed) and isolated nodes."""
    nodes = list(base.nodes)
    relations = list(base.relations)
    for i, (a, b, attack) in enumerate(links):
        if nodes and a % len(nodes) != b % len(nodes):
            premise, target = nodes[a % len(nodes)].id, nodes[b % len(nodes)].id
            relations.append(relation(f"x{i}", [premise], target, attack))
    nodes += [node(f"iso{i}") for i in range(isolated)]
    return ArgumentMap(title=base.title, nodes=nodes, relations=relations)


@st.composite
def maps(draw: st.DrawFn, max_nodes: int = 40) -> ArgumentMap:
    """Generated trees and DAGs, sometimes with cycles and isolated nodes (or empty)."""
    size = draw(st.integers(0, max_nodes))
    base = generate_map(
        size,
        seed=draw(st.integers(0, 10_000)),
        cross_link_share=draw(st.sampled_from([0.0, 0.05, 0.3])),
        attack_share=draw(st.sampled_from([0.0, 0.3, 0.7])),
    )
    links = draw(
        st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99), st.booleans()), max_size=4)
    )
    return with_extras(base, links, draw(st.integers(0, 3)))


@st.composite
def sizes_for_map(draw: st.DrawFn, argument_map: ArgumentMap) -> dict[str, Size]:
    """Card sizes as a canvas might measure them: mostly alike, some odd."""
    sizes: dict[str, Size] = {}
    for n in argument_map.nodes:
        width = draw(st.sampled_from([240.0, 240.0, 120.0, 400.0]))
        sizes[n.id] = (width, draw(st.floats(30.0, 320.0)))
    return sizes
