"""AIF scheme names <-> argmap scheme ids, and where OVA draws its boxes.

AIFdb and OVA name schemes in words ("Expert Opinion", "Argument From Position To Know",
"PositionToKnow"); argmap uses fixed ids (``expert_opinion``). Names are compared without case,
spaces or a leading "Argument from", so every spelling seen in the wild matches. The default
schemes ("Default Inference", "Default Conflict") mean "no scheme"; "Default Rephrase" marks an
MA node, which argmap keeps as a support with scheme :data:`REPHRASE`.
"""

from __future__ import annotations

import re

#: The scheme argmap gives the support relation an MA (rephrase) node becomes.
REPHRASE = "rephrase"

DEFAULT_NAMES = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
#: AIFdb's ids for the default schemes (as in the QT30 corpus); other ids are not invented.
DEFAULT_SCHEME_IDS = {"RA": "72", "CA": "71", "MA": "144"}

#: argmap scheme id -> the name written to AIF.
SCHEME_NAMES = {
    "expert_opinion": "Expert Opinion",
    "position_to_know": "Position To Know",
    "consequences": "Consequences",
    "cause_to_effect": "Cause To Effect",
    "sign": "Sign",
    "analogy": "Analogy",
    "example": "Example",
    "popular_opinion": "Popular Opinion",
    "practical_reasoning": "Practical Reasoning",
    "statistics": "Statistical Generalisation",
}

_EXTRA_SPELLINGS = {
    "positiveconsequences": "consequences",
    "negativeconsequences": "consequences",
    "expertopinion": "expert_opinion",
    "statistics": "statistics",
    "statisticalgeneralization": "statistics",
    "defaultinference": None,
    "defaultconflict": None,
    "defaultrephrase": REPHRASE,
}


def _key(name: str) -> str:
    key = re.sub(r"[^a-z]", "", name.lower())
    for prefix in ("argumentfrom", "argfrom"):
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


_BY_KEY: dict[str, str | None] = {_key(name): sid for sid, name in SCHEME_NAMES.items()}
_BY_KEY.update(_EXTRA_SPELLINGS)


def scheme_from_aif(name: str | None) -> str | None:
    """The argmap scheme for an AIF scheme name: a catalogue id, ``None``, or the name kept."""
    if name is None or not name.strip():
        return None
    key = _key(name)
    if key in _BY_KEY:
        return _BY_KEY[key]
    return name.strip()


def scheme_to_aif(scheme: str | None, node_type: str) -> str:
    """The AIF scheme name for an argmap scheme on an RA, CA or MA node."""
    if scheme is None or (node_type == "MA" and scheme == REPHRASE):
        return DEFAULT_NAMES[node_type]
    return SCHEME_NAMES.get(scheme, scheme)


# OVA draws a node's text centred on x, in lines of at most 36 characters, 14 px apart; the box
# of an I node starts 2 px above y and is 14 px taller than its text, the box of an RA/CA/MA
# starts 7 px above y and is 24 px taller (OVA3 res/js/ova-draw.js, DrawNode).
_LINE_CHARS = 36
_LINE_HEIGHT = 14.0


def ova_line_count(text: str) -> int:
    """How many lines OVA wraps ``text`` into."""
    if len(text) <= _LINE_CHARS:
        return 1
    lines = 0
    line = ""
    for word in text.split(" "):
        if not line:
            line = word
        elif len(line) + len(word) <= _LINE_CHARS:
            line = f"{line} {word}"
        else:
            lines += 1
            line = word
    return lines + (1 if line else 0)


def ova_centre_offset(text: str, is_statement: bool) -> float:
    """How far below OVA's ``y`` the centre of the node's box lies."""
    text_height = _LINE_HEIGHT * ova_line_count(text)
    if is_statement:
        return -2.0 + (text_height + 14.0) / 2
    return -7.0 + (text_height + 24.0) / 2
