"""Collapse and focus: which statements a view hides or shows, never changing the map."""

from __future__ import annotations

from argmap.io import native
from argmap.layout import (
    collapsed_hiding,
    compute_layout,
    focus_nodes,
    hidden_counts,
    hidden_nodes,
    project,
)
from argmap.model import ArgumentMap, validate
from tests.generators import generate_map
from tests.layout.strategies import node, relation


def sample() -> ArgumentMap:
    """c <- a <- a1, a2;  c <- b (attack);  a2 also attacks b;  u undercuts a -> c."""
    return ArgumentMap(
        nodes=[node(i) for i in ("c", "a", "a1", "a2", "b", "u", "other")],
        relations=[
            relation("ra", ["a"], "c"),
            relation("rb", ["b"], "c", attack=True),
            relation("ra1", ["a1"], "a"),
            relation("ra2", ["a2"], "a"),
            relation("rx", ["a2"], "b", attack=True),
            relation("ru", ["u"], "ra", attack=True),
        ],
    )


def test_collapsing_hides_what_bears_on_the_claim_except_what_is_shown_elsewhere() -> None:
    m = sample()
    assert hidden_nodes(m, ["a"]) == {"a1"}  # a2 also attacks b, which is visible
    assert hidden_nodes(m, ["a", "b"]) == {"a1", "a2"}
    assert hidden_nodes(m, ["c"]) == {"a", "a1", "a2", "b", "u"}
    assert hidden_nodes(m, []) == set()


def test_hidden_counts_are_per_visible_collapsed_node() -> None:
    m = sample()
    assert hidden_counts(m, ["a", "b"]) == {"a": 2, "b": 1}
    assert hidden_counts(m, ["c", "a"]) == {"c": 5}


def test_focus_shows_the_claim_what_bears_on_it_and_what_bears_on_that() -> None:
    m = sample()
    assert focus_nodes(m, "c") == {"c", "a", "b", "u", "a1", "a2"}
    assert focus_nodes(m, "a") == {"a", "a1", "a2"}
    assert focus_nodes(m, "c", depth=1) == {"c", "a", "b", "u"}


def test_views_do_not_change_the_map() -> None:
    m = generate_map(80, seed=6)
    m.layout.positions = compute_layout(m)
    m.layout.collapsed = ["n1"]
    before = native.dumps(m)
    visible = {n.id for n in m.nodes} - hidden_nodes(m, m.layout.collapsed)
    hidden_counts(m, m.layout.collapsed)
    focus_nodes(m, "n2")
    view = project(m, visible)
    compute_layout(m, "tree", only=visible)
    assert native.dumps(m) == before
    validate(view)


def test_laying_out_a_view_places_only_its_statements() -> None:
    m = sample()
    shown = focus_nodes(m, "a")
    positions = compute_layout(m, "tree", only=shown)
    assert set(positions) == shown
    assert positions["a"].y < positions["a1"].y


def test_a_projection_keeps_undercuts_only_with_their_relation() -> None:
    m = sample()
    kept = project(m, {"c", "a", "u"})
    assert [r.id for r in kept.relations] == ["ra", "ru"]
    without_premise = project(m, {"c", "u"})
    assert [r.id for r in without_premise.relations] == []
    linked = ArgumentMap(
        nodes=[node("t"), node("p"), node("q")], relations=[relation("r", ["p", "q"], "t")]
    )
    assert project(linked, {"t", "q"}).relations[0].premises == ["q"]
    assert linked.relations[0].premises == ["p", "q"]


def test_collapsed_hiding_names_the_fewest_collapsed_cards_above_the_node() -> None:
    m = sample()
    assert collapsed_hiding(m, "a1", ["a"]) == ["a"]
    assert collapsed_hiding(m, "a1", ["c", "a"]) == ["a", "c"]  # folded twice over
    assert collapsed_hiding(m, "a2", ["a", "b"]) == ["a"]  # one way in is enough
    assert collapsed_hiding(m, "u", ["c"]) == ["c"]  # an undercutter, under the claim
    assert collapsed_hiding(m, "a", ["a"]) == []  # the collapsed card itself shows
    assert collapsed_hiding(m, "other", ["c"]) == []
    for folded in (["a"], ["c", "a"], ["a", "b"], ["c"]):
        for node_id in hidden_nodes(m, folded):
            rest = [c for c in folded if c not in collapsed_hiding(m, node_id, folded)]
            assert node_id not in hidden_nodes(m, rest)
