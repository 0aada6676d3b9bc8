"""What an importer hands back: the map it built and what it has to say about the file."""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.model import ArgumentMap


@dataclass
class ImportResult:
    """A map read from a foreign format, with one summary line per thing the user should know.

    ``summary`` says what was left out, merged or guessed, e.g. ``"skipped 120 L nodes and 95
    YA nodes (dialogue layer); speakers kept on 40 statements"``. It is empty when the file
    mapped exactly.
    """

    map: ArgumentMap
    summary: list[str] = field(default_factory=list)

    def counts(self) -> str:
        """A one-line tally of what was read, for the command line and status bars."""
        m = self.map
        supports = sum(1 for r in m.relations if r.kind == "support")
        relation_ids = {r.id for r in m.relations}
        undercuts = sum(1 for r in m.relations if r.target in relation_ids)
        attacks = len(m.relations) - supports
        return (
            f"{counted(len(m.nodes), 'statement')}, {counted(supports, 'support')}, "
            f"{counted(attacks, 'attack')} ({counted(undercuts, 'undercut')})"
        )


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """``"1 statement"``, ``"3 statements"``: a count with its noun in the right number."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
