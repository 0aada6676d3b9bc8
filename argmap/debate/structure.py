"""Who bears on whom, indexed once: the supports and attacks into each statement.

An undercut (an attack on an inference) is counted as an attack on the statement the
inference concludes: that is what it endangers, and where a debater answers it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from argmap.model import ArgumentMap, Relation, RelationKind


@dataclass
class Bearing:
    """For each statement, the relations supporting it and those attacking it, in map order."""

    supports: defaultdict[str, list[Relation]] = field(default_factory=lambda: defaultdict(list))
    attacks: defaultdict[str, list[Relation]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, argument_map: ArgumentMap) -> Bearing:
        bearing = cls()
        relations = {relation.id: relation for relation in argument_map.relations}
        for relation in argument_map.relations:
            target = relation.target
            if target in relations:  # an undercut: it endangers the inference's conclusion
                target = relations[target].target
                if target in relations:
                    continue  # an undercut of an undercut: no statement to hang it on
                bearing.attacks[target].append(relation)
            elif relation.kind is RelationKind.SUPPORT:
                bearing.supports[target].append(relation)
            else:
                bearing.attacks[target].append(relation)
        return bearing
