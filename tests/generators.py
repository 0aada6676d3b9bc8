"""Random argument maps for tests and benchmarks, deterministic per seed.

``generate_map(n, seed)`` grows a tree from one main claim by giving a randomly chosen open
statement 2 to 4 premises, again and again, until the map has ``n`` statements (statements at
the depth limit of 8 stay leaves; if none is left open, a new main claim starts another
tree). About ``attack_share`` of the relations are attacks (counterarguments), some supports
are linked arguments of two co-premises, some attacks are undercuts (they attack the
inference of a support instead of its conclusion), and ``cross_link_share`` of the relations
are cross links: an extra relation from a statement to a shallower one, so the map is a DAG
(never a cycle). Texts have 5 to 40 words.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind

__all__ = ["generate_map"]

#: Every generated node has this time stamp, so equal seeds give equal maps.
STAMP = datetime(2024, 1, 1, tzinfo=UTC)
MAX_DEPTH = 8
LINKED_SHARE = 0.1
UNDERCUT_SHARE = 0.15

_TEXT = (
    "the government said crossings fell after France agreed to new patrols on the coast "
    "while critics argue that smugglers simply moved routes and that returns remain rare "
    "official statistics show arrests rose but asylum claims kept growing as funding of "
    "four hundred eighty million pounds paid for drones officers and intelligence sharing "
    "experts doubt deterrence works when people fleeing war have no safe legal route"
)
_WORDS = _TEXT.split()


def _text(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(5, 40))]
    return " ".join(words).capitalize() + "."


class _Builder:
    def __init__(self, seed: int, attack_share: float) -> None:
        self.rng = random.Random(seed)
        self.attack_share = attack_share
        self.nodes: list[Node] = []
        self.relations: list[Relation] = []
        self.depth: list[int] = []
        self.supports_into: dict[str, list[str]] = {}  # target id -> its support relation ids

    def node(self, kind: NodeKind, depth: int) -> str:
        node_id = f"n{len(self.nodes)}"
        self.nodes.append(
            Node(id=node_id, kind=kind, text=_text(self.rng), created=STAMP, modified=STAMP)
        )
        self.depth.append(depth)
        return node_id

    def relation(self, kind: RelationKind, premises: list[str], target: str) -> str:
        relation_id = f"r{len(self.relations)}"
        self.relations.append(Relation(id=relation_id, kind=kind, premises=premises, target=target))
        return relation_id

    def premises_of(self, target: str, depth: int, room: int) -> list[str]:
        """Give ``target`` 2 to 4 premises (at most ``room``); returns the new node ids."""
        made: list[str] = []
        count = min(room, self.rng.randint(2, 4))
        while len(made) < count:
            if self.rng.random() < self.attack_share:
                made.append(self.attack(target, depth))
                continue
            linked = count - len(made) >= 2 and self.rng.random() < LINKED_SHARE
            kind = NodeKind.EVIDENCE if self.rng.random() < 0.5 else NodeKind.CLAIM
            premises = [self.node(kind, depth) for _ in range(2 if linked else 1)]
            relation_id = self.relation(RelationKind.SUPPORT, premises, target)
            self.supports_into.setdefault(target, []).append(relation_id)
            made += premises
        return made

    def attack(self, target: str, depth: int) -> str:
        attacker = self.node(NodeKind.COUNTERARGUMENT, depth)
        supports = self.supports_into.get(target, [])
        undercut = bool(supports) and self.rng.random() < UNDERCUT_SHARE
        self.relation(RelationKind.ATTACK, [attacker], supports[0] if undercut else target)
        return attacker

    def cross_links(self, count: int) -> None:
        """``count`` extra relations, each from a node to a strictly shallower one."""
        tries = 0
        while count > 0 and tries < count * 20:
            tries += 1
            premise = self.rng.randrange(len(self.nodes))
            target = self.rng.randrange(len(self.nodes))
            if self.depth[target] >= self.depth[premise]:
                continue
            kind = (
                RelationKind.ATTACK
                if self.rng.random() < self.attack_share
                else (RelationKind.SUPPORT)
            )
            self.relation(kind, [f"n{premise}"], f"n{target}")
            count -= 1


def generate_map(
    n_nodes: int, seed: int, cross_link_share: float = 0.05, attack_share: float = 0.3
) -> ArgumentMap:
    """A random map of ``n_nodes`` statements (see the module docstring); same seed, same map."""
    builder = _Builder(seed, attack_share)
    frontier: list[str] = []  # statements without premises yet, above the depth limit
    while len(builder.nodes) < n_nodes:
        if not frontier:
            frontier.append(builder.node(NodeKind.CLAIM, 0))
            continue
        # Expanding a random open statement (not breadth-first) gives branches of uneven
        # depth, as real maps have, instead of a complete tree cut off at one level.
        pick = builder.rng.randrange(len(frontier))
        frontier[pick], frontier[-1] = frontier[-1], frontier[pick]
        target = frontier.pop()
        depth = builder.depth[int(target[1:])] + 1
        made = builder.premises_of(target, depth, n_nodes - len(builder.nodes))
        if depth < MAX_DEPTH:
            frontier.extend(made)
    builder.cross_links(round(cross_link_share * len(builder.relations)))
    return ArgumentMap(
        title=f"Generated map ({n_nodes} statements, seed {seed})",
        nodes=builder.nodes,
        relations=builder.relations,
    )
