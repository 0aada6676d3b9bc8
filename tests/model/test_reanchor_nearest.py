"""Re-anchoring finds the nearest occurrence by searching outward, not by walking them all."""

from __future__ import annotations

import random

from argmap.model import ArgumentMap, Node, SourceDocument, TextAnchor, reanchor
from argmap.model.validation import _nearest_occurrence


def _every_occurrence_nearest(text: str, quote: str, near: int) -> int | None:
    """The definition: of all occurrences, the one nearest ``near``, the earlier on a tie."""
    starts = [i for i in range(len(text) - len(quote) + 1) if text.startswith(quote, i)]
    return min(starts, key=lambda i: (abs(i - near), i)) if starts else None


def test_outward_search_agrees_with_the_definition_everywhere() -> None:
    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choice("ab") for _ in range(rng.randint(0, 14)))
        quote = "".join(rng.choice("ab") for _ in range(rng.randint(1, 3)))
        near = rng.randint(0, 18)
        assert _nearest_occurrence(text, quote, near) == _every_occurrence_nearest(
            text, quote, near
        ), (text, quote, near)


def test_many_anchors_on_a_very_common_quote_move_to_their_nearest_copy() -> None:
    text = "ab " * 300_000  # "ab" occurs 300,000 times
    anchors = [
        TextAnchor(source_id="s", start=i * 3000 + 1, end=i * 3000 + 3, quote="ab")
        for i in range(200)
    ]
    m = ArgumentMap(
        sources=[SourceDocument(id="s", text=text)],
        nodes=[
            Node(id=f"n{i}", kind="evidence", text="x", anchors=[a]) for i, a in enumerate(anchors)
        ],
    )
    moves = reanchor(m)
    assert len(moves) == 200
    # each is one character past an occurrence: the nearest is the one just before it
    assert [move.new_start for move in moves] == [i * 3000 for i in range(200)]
