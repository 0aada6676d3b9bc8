"""Which statements and relations of two maps are "the same": the matching diff and merge use.

Statements match, one to one and best pairs first, by

1. the same id;
2. else anchors in the same source (same text, whatever its id) that overlap by at least half
   of the shorter span (the larger that share, the better the pair);
3. else texts similar after folding case, punctuation and whitespace: a
   :class:`difflib.SequenceMatcher` ratio of :data:`TEXT_RATIO` or more.

Relations match when their kind and their matched ends (premises as a set, and the target)
agree; the same id wins a tie. Undercuts match once the relations they attack have.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from argmap.model import ArgumentMap, Node, Relation

__all__ = [
    "TEXT_RATIO",
    "Matching",
    "dependency_order",
    "match_maps",
    "normalise",
    "source_keys",
]

#: How similar two normalised texts must be to count as one statement.
TEXT_RATIO = 0.8
#: How much of the shorter of two spans must overlap.
ANCHOR_SHARE = 0.5

#: A word in more statements than this (or a quarter of them) does not make a candidate pair.
_COMMON_FLOOR = 50

_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower case, punctuation dropped, whitespace single.

    >>> normalise("  The patrols -- WORK!  ")
    'the patrols work'
    """
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def source_keys(argument_map: ArgumentMap) -> dict[str, str]:
    """Source id -> what identifies the source across maps (its text's SHA-256)."""
    return {s.id: s.sha256 for s in argument_map.sources}


@dataclass
class Matching:
    """Node and relation pairs (ids in A -> ids in B), and how each node pair was found."""

    nodes: dict[str, str] = field(default_factory=dict)
    relations: dict[str, str] = field(default_factory=dict)
    how: dict[str, str] = field(default_factory=dict)

    def nodes_back(self) -> dict[str, str]:
        return {b: a for a, b in self.nodes.items()}

    def relations_back(self) -> dict[str, str]:
        return {b: a for a, b in self.relations.items()}


def match_maps(a: ArgumentMap, b: ArgumentMap) -> Matching:
    """The one-to-one matching of ``a``'s statements and relations with ``b``'s."""
    matching = Matching()
    b_ids = {n.id for n in b.nodes}
    for node in a.nodes:
        if node.id in b_ids:
            matching.nodes[node.id] = node.id
            matching.how[node.id] = "id"
    rest_a = [n for n in a.nodes if n.id not in matching.nodes]
    taken = set(matching.nodes.values())
    rest_b = [n for n in b.nodes if n.id not in taken]
    if rest_a and rest_b:
        for a_id, b_id in _by_anchors(rest_a, rest_b, source_keys(a), source_keys(b)):
            matching.nodes[a_id] = b_id
            matching.how[a_id] = "anchor"
        taken = set(matching.nodes.values())
        rest_a = [n for n in rest_a if n.id not in matching.nodes]
        rest_b = [n for n in rest_b if n.id not in taken]
    if rest_a and rest_b:
        for a_id, b_id in _by_text(rest_a, rest_b):
            matching.nodes[a_id] = b_id
            matching.how[a_id] = "text"
    matching.relations = _relations(a.relations, b.relations, matching.nodes)
    return matching


def _greedy(scored: Iterable[tuple[float, str, str]]) -> list[tuple[str, str]]:
    """Best pairs first, each id used once; ties broken by the ids (so results are stable)."""
    pairs: list[tuple[str, str]] = []
    used_a: set[str] = set()
    used_b: set[str] = set()
    for _, a_id, b_id in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if a_id not in used_a and b_id not in used_b:
            used_a.add(a_id)
            used_b.add(b_id)
            pairs.append((a_id, b_id))
    return pairs


def _by_anchors(
    rest_a: list[Node], rest_b: list[Node], keys_a: dict[str, str], keys_b: dict[str, str]
) -> list[tuple[str, str]]:
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for node in rest_b:
        for anchor in node.anchors:
            key = keys_b.get(anchor.source_id, anchor.source_id)
            spans[key].append((anchor.start, anchor.end, node.id))
    longest: dict[str, int] = {}
    starts: dict[str, list[int]] = {}
    for key, listed in spans.items():
        listed.sort()
        starts[key] = [s for s, _, _ in listed]
        longest[key] = max(e - s for s, e, _ in listed)
    best: dict[tuple[str, str], float] = {}
    for node in rest_a:
        for anchor in node.anchors:
            key = keys_a.get(anchor.source_id, anchor.source_id)
            if key not in spans:
                continue
            low = bisect_left(starts[key], anchor.start - longest[key])
            high = bisect_left(starts[key], anchor.end)
            for start, end, b_id in spans[key][low:high]:
                overlap = min(end, anchor.end) - max(start, anchor.start)
                shorter = min(end - start, anchor.end - anchor.start)
                if overlap > 0 and shorter > 0 and overlap >= ANCHOR_SHARE * shorter:
                    share = overlap / max(end - start, anchor.end - anchor.start)
                    pair = (node.id, b_id)
                    best[pair] = max(best.get(pair, 0.0), share)
    return _greedy((score, a_id, b_id) for (a_id, b_id), score in best.items())


def _by_text(rest_a: list[Node], rest_b: list[Node]) -> list[tuple[str, str]]:
    """Pairs of similar texts. An identical normalised text is the best pair there is; other
    candidates must share a word that most statements do not have (a word in nearly every
    statement, such as "the", says nothing), and pass difflib's cheap upper bounds first."""
    texts_a = {n.id: normalise(n.text) for n in rest_a}
    texts_b = {n.id: normalise(n.text) for n in rest_b}
    scored: list[tuple[float, str, str]] = []
    exact: dict[str, list[str]] = defaultdict(list)
    postings: dict[str, set[str]] = defaultdict(set)
    for b_id, text in texts_b.items():
        exact[text].append(b_id)
        for word in set(text.split()):
            postings[word].add(b_id)
    common = max(_COMMON_FLOOR, len(texts_b) // 4)
    matcher = SequenceMatcher(autojunk=False)
    for a_id, text in texts_a.items():
        if not text:
            continue
        if text in exact:
            scored += [(1.0, a_id, b_id) for b_id in exact[text]]
            continue
        candidates: set[str] = set()
        for word in set(text.split()):
            listed = postings.get(word, set())
            if len(listed) <= common:
                candidates |= listed
        matcher.set_seq2(text)
        for b_id in sorted(candidates):
            other = texts_b[b_id]
            # The ratio cannot beat 2*min/(sum): skip pairs whose lengths rule it out.
            if 2 * min(len(text), len(other)) < TEXT_RATIO * (len(text) + len(other)):
                continue
            matcher.set_seq1(other)
            if matcher.real_quick_ratio() < TEXT_RATIO or matcher.quick_ratio() < TEXT_RATIO:
                continue
            ratio = matcher.ratio()
            if ratio >= TEXT_RATIO:
                scored.append((ratio, a_id, b_id))
    return _greedy(scored)


def _relations(
    rels_a: list[Relation], rels_b: list[Relation], node_pairs: dict[str, str]
) -> dict[str, str]:
    """Relations paired by kind and matched ends; undercuts once their targets are paired."""
    pairs: dict[str, str] = {}
    keyed_b: dict[tuple[str, frozenset[str], str], list[str]] = defaultdict(list)
    for relation in rels_b:
        keyed_b[(relation.kind.value, frozenset(relation.premises), relation.target)].append(
            relation.id
        )
    for relation in dependency_order(rels_a):
        mapped = [node_pairs.get(p) for p in relation.premises]
        premises = frozenset(p for p in mapped if p is not None)
        target = node_pairs.get(relation.target) or pairs.get(relation.target)
        if target is None or len(premises) != len(mapped):
            continue
        free = keyed_b.get((relation.kind.value, premises, target))
        if not free:
            continue
        chosen = relation.id if relation.id in free else free[0]
        free.remove(chosen)
        pairs[relation.id] = chosen
    return pairs


def dependency_order(relations: list[Relation]) -> list[Relation]:
    """The relations with each undercut after the relation it attacks (else in their order)."""
    by_id = {r.id: r for r in relations}
    state: dict[str, int] = {}  # 1: being placed, 2: placed
    order: list[Relation] = []
    for first in relations:
        stack = [first]
        while stack:
            current = stack[-1]
            if state.get(current.id) == 2:
                stack.pop()
                continue
            target = by_id.get(current.target)
            if current.id not in state:
                state[current.id] = 1
                if target is not None and target.id not in state:
                    stack.append(target)
                    continue
            state[current.id] = 2
            order.append(current)
            stack.pop()
    return order
