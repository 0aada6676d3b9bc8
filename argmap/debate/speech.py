"""The order a speech presents the map in: the case, then the objections and their answers.

The derived order starts with the motion, then each reason for it followed by its own reasons
and evidence (depth first, in map order), then, for every step of the case in turn, the
objections to it, each followed by its evidence and the answers to it (and the answers to
those). Statements that bear on the motion some other way close the list; statements with
no way to the motion are left out.

A user may reorder the steps; the map keeps that order (``map.debate.speech_order``).
:func:`speech_order` is the order to present: the kept steps that still exist, then any step
the map gained since, in derived order.
"""

from __future__ import annotations

from argmap.debate.sides import computed_sides, motion_of
from argmap.debate.structure import Bearing
from argmap.model import ArgumentMap, DebateSide

__all__ = ["derived_speech_order", "speech_order"]


class _Speech:
    def __init__(self, argument_map: ArgumentMap) -> None:
        self.bearing = Bearing.of(argument_map)
        self.steps: list[str] = []
        self.placed: set[str] = set()

    def add(self, node_id: str) -> bool:
        if node_id in self.placed:
            return False
        self.placed.add(node_id)
        self.steps.append(node_id)
        return True

    def case(self, node_id: str) -> None:
        """The reasons and evidence for a statement, depth first."""
        for relation in self.bearing.supports[node_id]:
            for premise in relation.premises:
                if self.add(premise):
                    self.case(premise)

    def answers(self, node_id: str) -> None:
        """The objections to a statement, each with its evidence and the answers to it."""
        for relation in self.bearing.attacks[node_id]:
            for premise in relation.premises:
                if self.add(premise):
                    self.case(premise)
                    self.answers(premise)


def derived_speech_order(argument_map: ArgumentMap, motion: str | None = None) -> list[str]:
    """The speech order the map's relations give (see the module's rules).

    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id=i, kind=k) for i, k in [("m", "claim"), ("o", "counterargument"),
    ...            ("r", "claim"), ("e", "evidence"), ("a", "claim")]],
    ...     relations=[Relation(id="x", kind="attack", premises=["o"], target="m"),
    ...                Relation(id="s", kind="support", premises=["r"], target="m"),
    ...                Relation(id="t", kind="support", premises=["e"], target="r"),
    ...                Relation(id="y", kind="attack", premises=["a"], target="o")])
    >>> derived_speech_order(m, "m")
    ['m', 'r', 'e', 'o', 'a']
    """
    chosen = motion_of(argument_map, motion)
    speech = _Speech(argument_map)
    speech.add(chosen)
    speech.case(chosen)
    for step in list(speech.steps):
        speech.answers(step)
    reached = computed_sides(argument_map, chosen)
    for node in argument_map.nodes:
        if reached[node.id] is not DebateSide.NEITHER:
            speech.add(node.id)
    return speech.steps


def speech_order(argument_map: ArgumentMap, motion: str | None = None) -> list[str]:
    """The order to present: the steps the user kept, then new ones in derived order."""
    derived = derived_speech_order(argument_map, motion)
    node_ids = {node.id for node in argument_map.nodes}
    kept = [step for step in argument_map.debate.speech_order if step in node_ids]
    chosen = set(kept)
    return kept + [step for step in derived if step not in chosen]
