"""Participants made from a name: a stable id and a colour, the same on every machine.

The id is ``p-`` and the name in lower case with runs of other characters as ``-``
(``"Ana María"`` -> ``p-ana-maría``), so two people typing the same name are the same
participant, and a map merged from two students' files names each once.
"""

from __future__ import annotations

import hashlib
import re

from argmap.model import ArgumentMap, Participant

__all__ = ["PALETTE", "colour_for", "participant_for", "participant_id", "participant_names"]

#: Distinct colours that read on white cards (Paul Tol's "bright" and "muted" schemes).
PALETTE = (
    "#4477aa",
    "#ee6677",
    "#228833",
    "#ccbb44",
    "#66ccee",
    "#aa3377",
    "#882255",
    "#117733",
    "#999933",
    "#cc6677",
    "#332288",
    "#44aa99",
)


def participant_id(name: str) -> str:
    """``p-`` and the name folded to lower case, other characters as single dashes."""
    slug = re.sub(r"[\W_]+", "-", name.strip().lower()).strip("-")
    return f"p-{slug or 'someone'}"


def colour_for(name: str) -> str:
    """A palette colour picked by the name's hash (stable across runs and machines)."""
    digest = hashlib.sha256(name.strip().lower().encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def participant_for(name: str, role: str | None = None) -> Participant:
    """The participant a person of this name is.

    >>> participant_for("Ana María").id
    'p-ana-maría'
    """
    clean = " ".join(name.split()) or "Someone"
    return Participant(id=participant_id(clean), name=clean, colour=colour_for(clean), role=role)


def participant_names(argument_map: ArgumentMap) -> dict[str, str]:
    """Participant id -> name (the id itself for a name the map does not list)."""
    return {p.id: p.name for p in argument_map.participants}
