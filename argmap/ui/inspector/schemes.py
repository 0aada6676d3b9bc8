"""The argument schemes a relation may follow (ids shared with the scheme catalogue)."""

from __future__ import annotations

#: Scheme ids, fixed across the sample map and the catalogue.
SCHEME_IDS: tuple[str, ...] = (
    "expert_opinion",
    "position_to_know",
    "consequences",
    "cause_to_effect",
    "sign",
    "analogy",
    "example",
    "popular_opinion",
    "practical_reasoning",
    "statistics",
)


def scheme_label(scheme_id: str) -> str:
    """``"cause_to_effect"`` -> ``"Cause to effect"``."""
    return scheme_id.replace("_", " ").capitalize()
