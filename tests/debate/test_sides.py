"""Sides of the motion: every rule of the issue, one small map each."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.debate.sides import NoMotionError, computed_sides, sides
from argmap.io import native
from argmap.model import ArgumentMap, DebateSide, Node, Relation, validate
from tests.debate.maps import debate_map

FOR, AGAINST, BOTH, NEITHER = (
    DebateSide.FOR,
    DebateSide.AGAINST,
    DebateSide.BOTH,
    DebateSide.NEITHER,
)


def side_of(m: ArgumentMap) -> dict[str, str]:
    return {k: v.value for k, v in sides(m).items()}


def test_the_motion_and_its_reasons_are_for() -> None:
    m = debate_map("r1: a + m; r2: e1 + a")
    assert side_of(m) == {"a": "for", "m": "for", "e1": "for"}


def test_an_objection_is_against_and_its_evidence_too() -> None:
    m = debate_map("r1: o1 - m; r2: e1 + o1")
    assert sides(m) == {"o1": AGAINST, "m": FOR, "e1": AGAINST}


def test_parity_counts_attacks_along_a_chain() -> None:
    # a answers o1, which attacks m: two attacks, so a is for; b attacks a: three, against.
    m = debate_map("r1: o1 - m; r2: a - o1; r3: b - a; r4: e + b")
    assert side_of(m) == {"o1": "against", "m": "for", "a": "for", "b": "against", "e": "against"}


def test_ways_that_disagree_make_both() -> None:
    # x supports m directly and also supports the objection o1.
    m = debate_map("r1: x + m; r2: x + o1; r3: o1 - m")
    assert sides(m)["x"] is BOTH


def test_a_statement_with_no_way_to_the_motion_is_neither() -> None:
    m = debate_map("r1: a + m; r2: e + z", "m", "loose")
    assert sides(m)["z"] is NEITHER and sides(m)["e"] is NEITHER
    assert sides(m)["loose"] is NEITHER


def test_a_way_ends_at_the_motion() -> None:
    # m attacking its own reason a does not put a against: a's only way is its support of m.
    m = debate_map("r1: a + m; r2: m - a")
    assert sides(m)["m"] is FOR and sides(m)["a"] is FOR


def test_an_odd_cycle_behind_a_statement_puts_it_on_both_sides() -> None:
    # b attacks m; a and b: a supports b, b attacks a. Walks from a: a+b-m (odd) and
    # a+b-a+b-m (odd again)... and c, which supports a, reaches m both ways through the loop.
    m = debate_map("r1: b - m; r2: a + b; r3: b - a; r4: c + a; r5: c + m")
    assert sides(m)["c"] is BOTH


def test_an_undercut_stands_against_the_side_its_inference_serves() -> None:
    # r1 carries a's support to m (for): undercutting it is against.
    m = debate_map("r1: a + m; r2: u - r1")
    assert sides(m)["u"] is AGAINST
    # r2 carries o's attack on m (serving the opposition): undercutting it is for.
    m = debate_map("r1: a + m; r2: o - m; r3: u - r2")
    assert sides(m)["u"] is FOR
    # And an answer to the undercut flips again.
    m = debate_map("r1: a + m; r2: u - r1; r3: v - u")
    assert sides(m)["v"] is FOR


def test_linked_premises_share_their_side() -> None:
    m = debate_map("r1: a b + m; r2: c d - a")
    assert side_of(m) == {"a": "for", "b": "for", "m": "for", "c": "against", "d": "against"}


def test_an_override_wins_and_is_kept_in_the_file(tmp_path: Path) -> None:
    m = debate_map("r1: o1 - m; r2: z + y", "m")
    m.debate.side_overrides = {"o1": FOR, "z": AGAINST}
    validate(m)
    loaded = native.loads(native.dumps(m)).map
    assert sides(loaded)["o1"] is FOR and sides(loaded)["z"] is AGAINST
    assert computed_sides(loaded, "m")["o1"] is AGAINST


def test_a_map_without_a_motion_is_a_clear_error() -> None:
    with pytest.raises(NoMotionError, match="the map has no motion"):
        sides(debate_map("r1: a + b", None))
    with pytest.raises(NoMotionError, match="'e1' is evidence, not a claim"):
        sides(debate_map("r1: e1 + m"), "e1")


def test_the_command_prints_exactly_the_documented_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.argmap.json"
    m = debate_map("r1: a + m; r2: o - a", "m", "z")
    m.debate.motion = None
    native.save(m, path)
    assert main(["sides", str(path), "--motion", "m", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document == {
        "motion": "m",
        "sides": {"a": "for", "m": "for", "o": "against", "z": "neither"},
    }
    assert main(["sides", str(path)]) == 1
    assert "the map has no motion" in capsys.readouterr().err


def test_the_command_marks_sides_set_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.argmap.json"
    m = debate_map("r1: a + m")
    m.debate.side_overrides = {"a": AGAINST}
    native.save(m, path)
    assert main(["sides", str(path)]) == 0
    out = capsys.readouterr().out
    assert "against (1):\n  - a  [a] (set by hand)" in out


def _reference_sides(m: ArgumentMap, motion: str) -> dict[str, DebateSide]:
    """Every simple way to the motion, walked out one by one (exponential; small maps only)."""
    relations = {r.id: r for r in m.relations}

    def onward(node_id: str) -> list[tuple[str, int]]:
        """Where one step from ``node_id`` leads, and whether that step counts as an attack."""
        steps = []
        for r in m.relations:
            if node_id not in r.premises:
                continue
            if r.target in relations:  # undercut: stand against the inference's premises
                steps += [(p, 1) for p in relations[r.target].premises]
            else:
                steps.append((r.target, 1 if r.kind == "attack" else 0))
        return steps

    result = {}
    for node in m.nodes:
        parities: set[int] = set()
        stack = [(node.id, 0, frozenset([node.id]))]
        while stack:
            here, parity, seen = stack.pop()
            if here == motion:
                parities.add(parity)
                continue
            for nxt, flip in onward(here):
                if nxt not in seen:
                    stack.append((nxt, parity ^ flip, seen | {nxt}))
        if node.id == motion or parities == {0}:
            result[node.id] = FOR
        elif parities == {1}:
            result[node.id] = AGAINST
        else:
            result[node.id] = BOTH if parities else NEITHER
    return result


@st.composite
def small_maps(draw: st.DrawFn) -> ArgumentMap:
    count = draw(st.integers(2, 6))
    names = [f"n{i}" for i in range(count)]
    relations: list[Relation] = []
    for i in range(draw(st.integers(0, 8))):
        premise = draw(st.sampled_from(names))
        targets = [n for n in names if n != premise] + [r.id for r in relations]
        relations.append(
            Relation(
                id=f"r{i}",
                kind=draw(st.sampled_from(["support", "attack"])),
                premises=[premise],
                target=draw(st.sampled_from(targets)),
            )
        )
    m = ArgumentMap(nodes=[Node(id=n, kind="claim") for n in names], relations=relations)
    m.debate.motion = "n0"
    return m


@settings(max_examples=200, deadline=None, derandomize=True)
@given(small_maps())
def test_sides_agree_with_walking_every_way(m: ArgumentMap) -> None:
    # Without cycles, walks are simple paths, so the linear search must match the walk-out.
    if not nx.is_directed_acyclic_graph(_way_graph(m)):
        return
    assert computed_sides(m, "n0") == _reference_sides(m, "n0")


def _way_graph(m: ArgumentMap) -> nx.DiGraph:
    relations = {r.id: r for r in m.relations}
    graph = nx.DiGraph()
    for r in m.relations:
        ends = relations[r.target].premises if r.target in relations else [r.target]
        graph.add_edges_from((p, end) for p in r.premises for end in ends)
    return graph
