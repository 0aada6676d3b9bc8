"""What an Argdown import says about how Argdown's notions became argmap's."""

from __future__ import annotations

from argmap.io.argdown_doc import ArgdownDocument
from argmap.io.import_result import counted

#: count key -> (noun, what happened)
_MESSAGES = {
    "restated": ("relation", "repeating what a premise-conclusion structure says: kept once"),
    "duplicate": ("relation", "appearing more than once: kept once"),
    "support of reconstruction": (
        "relation",
        "supporting a reconstructed argument: attached to its conclusion (noted on each)",
    ),
    "attack on reconstruction": (
        "relation",
        "attacking a reconstructed argument: read as undercuts of its last inference",
    ),
    "contradiction": ("contradiction", "(><): read as attacks both ways"),
    "undercut read as attack": (
        "relation",
        "undercutting something with no single inference: read as attacks on it",
    ),
    "self": ("relation", "relating a statement to itself: left out"),
    "attack argument without target": (
        "argument",
        "marked as an attack without a single target: left out",
    ),
}


def summarise(doc: ArgdownDocument, counts: dict[str, int], skipped: int) -> list[str]:
    """One line per mapping decision the user should know about."""
    lines: list[str] = []
    if doc.front_matter and doc.extension is not None:
        lines.append("written by argmap: its sources, anchors, citations and layout were read")
    elif doc.front_matter:
        kept = "; its title was kept" if doc.title else ""
        lines.append(f"front matter (=== ... ===) ignored{kept}")
    if skipped:
        lines.append(
            f"left out {counted(skipped, 'untitled paragraph')} that take part in no relation "
            "(Argdown leaves them out of its maps too)"
        )
    plain = sum(1 for a in doc.arguments.values() if not a.steps)
    if plain:
        lines.append(
            f"{counted(plain, 'argument')} without premise-conclusion structure became "
            "statements (the description is the text)"
        )
    if doc.groups:
        lines.append(f"{counted(doc.groups, 'heading')} became tags of what is defined under them")
    for key, (noun, message) in _MESSAGES.items():
        if counts.get(key):
            lines.append(f"{counted(counts[key], noun)} {message}")
    return lines
