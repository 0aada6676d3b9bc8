"""What-ifs: statements the user concedes or rejects for a moment, without editing the map.

A :class:`WhatIf` is a value applied before evaluation; the map is never changed, so clearing
every what-if is one action: evaluate with :data:`NO_WHATIF`.

* A **conceded** statement is taken as accepted whatever is said against it: its acceptance
  condition becomes *true* (:mod:`argmap.analysis.adf`), so it is ``in`` under every
  semantics; its strength is fixed at 1 (as if its base score were 1 and nothing spoke for or
  against it).
* A **rejected** statement is taken as refuted: its condition becomes *false*, so it is
  ``out`` and the relations it is a premise of no longer apply; its strength is fixed at 0.

Everything else is then evaluated as usual, so every label and strength that depends on the
conceded or rejected statements changes at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.errors import UnknownIdError, WhatIfError
from argmap.model import ArgumentMap

__all__ = ["NO_WHATIF", "WhatIf", "check_whatif"]


@dataclass(frozen=True)
class WhatIf:
    """The statements conceded and rejected for the moment (ids of nodes).

    Examples
    --------
    >>> w = WhatIf().concede("a").reject("b")
    >>> sorted(w.conceded), sorted(w.rejected), w.status("b")
    (['a'], ['b'], 'rejected')
    >>> w.release("a").reject("b") == WhatIf(rejected=frozenset({"b"}))
    True
    """

    conceded: frozenset[str] = frozenset()
    rejected: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        both = self.conceded & self.rejected
        if both:
            raise WhatIfError(
                f"statement {min(both)!r} cannot be both conceded and rejected in one what-if"
            )

    @property
    def is_empty(self) -> bool:
        """Whether nothing is conceded or rejected."""
        return not (self.conceded or self.rejected)

    def concede(self, node_id: str) -> WhatIf:
        """This what-if with ``node_id`` conceded (no longer rejected)."""
        return WhatIf(self.conceded | {node_id}, self.rejected - {node_id})

    def reject(self, node_id: str) -> WhatIf:
        """This what-if with ``node_id`` rejected (no longer conceded)."""
        return WhatIf(self.conceded - {node_id}, self.rejected | {node_id})

    def release(self, node_id: str) -> WhatIf:
        """This what-if with ``node_id`` neither conceded nor rejected."""
        return WhatIf(self.conceded - {node_id}, self.rejected - {node_id})

    def status(self, node_id: str) -> str | None:
        """``"conceded"``, ``"rejected"`` or ``None``."""
        if node_id in self.conceded:
            return "conceded"
        if node_id in self.rejected:
            return "rejected"
        return None


#: No what-if: evaluate the map as it is.
NO_WHATIF = WhatIf()


def check_whatif(argument_map: ArgumentMap, whatif: WhatIf) -> None:
    """Raise :class:`~argmap.analysis.errors.UnknownIdError` for an id that is not a node."""
    node_ids = {n.id for n in argument_map.nodes}
    for action, ids in (("concede", whatif.conceded), ("reject", whatif.rejected)):
        unknown = sorted(ids - node_ids)
        if unknown:
            raise UnknownIdError(f"cannot {action} {unknown[0]!r}: the map has no such node")
