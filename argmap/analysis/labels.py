"""The three labels of an argument (Caminada labellings), shared by every semantics."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Label", "Labelling"]


class Label(StrEnum):
    """Whether an argument is accepted (``in``), rejected (``out``) or neither."""

    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"


#: A label for each argument of a framework.
Labelling = dict[str, Label]
