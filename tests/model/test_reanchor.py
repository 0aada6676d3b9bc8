"""Re-anchoring: a quote that moved in its source is found again, and the move reported."""

from __future__ import annotations

from argmap.model import AnchorMove, TextAnchor, find_problems, reanchor
from tests.model.factories import small_map


def test_a_moved_quote_is_re_anchored_at_its_nearest_occurrence() -> None:
    m = small_map()
    text = m.sources[0].text
    # "The agreement will stop the crossings" occurs twice (lines 1 and 4, the second as
    # "The agreement will stop the crossings, the minister..."); start near the second.
    quote = "agreement will stop the crossings"
    second = text.rindex(quote)
    m.nodes[3].anchors = [
        TextAnchor(source_id="s1", start=second - 3, end=second + 30, quote=quote)
    ]
    moves = reanchor(m)
    assert moves == [AnchorMove("e3", second - 3, second, quote)]
    assert m.nodes[3].anchors[0] == TextAnchor.of("s1", text, second, second + len(quote))
    assert find_problems(m) == []
    assert str(moves[0]) == (
        f"node 'e3': quote 'agreement will stop the crossings' moved from {second - 3} to {second}"
    )


def test_a_span_running_past_the_end_is_re_anchored_when_the_quote_is_there() -> None:
    m = small_map()
    text = m.sources[0].text
    start = text.index("Critics")
    m.nodes[3].anchors = [TextAnchor(source_id="s1", start=start, end=10_000, quote="Critics")]
    [move] = reanchor(m)
    assert (move.old_start, move.new_start) == (start, start)
    assert m.nodes[3].anchors[0].end == start + len("Critics")


def test_a_quote_found_nowhere_is_left_for_validation() -> None:
    m = small_map()
    lost = TextAnchor(source_id="s1", start=0, end=5, quote="Ghost")
    m.nodes[3].anchors = [lost]
    assert reanchor(m) == []
    assert m.nodes[3].anchors == [lost]
    [problem] = find_problems(m)
    assert problem.path == "$.nodes[3].anchors[0]" and "does not match" in problem.message


def test_matching_anchors_are_untouched() -> None:
    m = small_map()
    before = m.model_dump()
    assert reanchor(m) == []
    assert m.model_dump() == before


def test_only_the_moved_anchor_of_a_node_changes() -> None:
    m = small_map()
    good = m.nodes[1].anchors[0]
    text = m.sources[0].text
    where = text.index("twice as many")
    m.nodes[1].anchors = [good, TextAnchor(source_id="s1", start=0, end=13, quote="twice as many")]
    [move] = reanchor(m)
    assert move.node_id == "e1" and move.new_start == where
    assert m.nodes[1].anchors[0] is good
