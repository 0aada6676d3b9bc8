"""Positions: who agrees, disagrees or is unsure of what, and where the room disagrees.

* :func:`tally` counts the stances on each statement (what a card shows);
* :func:`participant_evaluation` evaluates the map as one participant sees it: what they agree
  with conceded, what they disagree with rejected (the what-if machinery), so that person's
  labels follow;
* :func:`disagreements` ranks statements by how far the participants' stances and labels
  spread: the seminar's agenda, most divided first;
* :func:`set_position` is the undoable edit of one participant's stance.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import pstdev

from argmap.analysis.evaluate import Evaluation, evaluate
from argmap.analysis.labels import Label
from argmap.analysis.whatif import WhatIf
from argmap.editing.map_commands import SetMapFields
from argmap.model import ArgumentMap, Participant, Position, Stance

__all__ = [
    "Disagreement",
    "disagreements",
    "participant_evaluation",
    "participants_with_positions",
    "set_position",
    "stances_on",
    "tally",
    "whatif_of",
]

_STANCE_VALUE = {Stance.AGREE: 1.0, Stance.UNSURE: 0.0, Stance.DISAGREE: -1.0}
_LABEL_VALUE = {Label.IN: 1.0, Label.UNDECIDED: 0.0, Label.OUT: -1.0}


def tally(argument_map: ArgumentMap) -> dict[str, Counter[Stance]]:
    """Statement id -> how many agree, disagree and are unsure (only statements with any)."""
    counts: dict[str, Counter[Stance]] = {}
    for position in argument_map.positions:
        counts.setdefault(position.statement, Counter())[position.stance] += 1
    return counts


def stances_on(argument_map: ArgumentMap, statement: str) -> list[Position]:
    """The positions taken on one statement, in the order they were taken."""
    return [p for p in argument_map.positions if p.statement == statement]


def participants_with_positions(argument_map: ArgumentMap) -> list[Participant]:
    """Participants who took at least one position, in the map's order."""
    holders = {p.participant for p in argument_map.positions}
    return [p for p in argument_map.participants if p.id in holders]


def whatif_of(argument_map: ArgumentMap, participant: str) -> WhatIf:
    """What the participant agrees with conceded, what they disagree with rejected."""
    mine = [p for p in argument_map.positions if p.participant == participant]
    return WhatIf(
        conceded=frozenset(p.statement for p in mine if p.stance is Stance.AGREE),
        rejected=frozenset(p.statement for p in mine if p.stance is Stance.DISAGREE),
    )


def participant_evaluation(argument_map: ArgumentMap, participant: str) -> Evaluation:
    """The grounded labels of the map as this participant sees it."""
    return evaluate(argument_map, "grounded", whatif_of(argument_map, participant))


@dataclass(frozen=True)
class Disagreement:
    """One statement, the stances and labels of each participant, and how far they spread."""

    statement: str
    stances: dict[str, Stance] = field(default_factory=dict)
    labels: dict[str, Label] = field(default_factory=dict)
    spread: float = 0.0


def disagreements(argument_map: ArgumentMap, *, minimum: float = 1e-9) -> list[Disagreement]:
    """Statements whose stances or labels differ across participants, most divided first.

    The spread is the population standard deviation of the stances (agree 1, unsure 0,
    disagree -1) plus that of the labels (in 1, undecided 0, out -1) across the participants
    who took any position; statements spread less than ``minimum`` are left out.
    """
    people = [p.id for p in participants_with_positions(argument_map)]
    if len(people) < 2:
        return []
    labels = {person: participant_evaluation(argument_map, person).labels for person in people}
    held: dict[str, dict[str, Stance]] = {}
    for position in argument_map.positions:
        held.setdefault(position.statement, {})[position.participant] = position.stance
    found: list[Disagreement] = []
    order = {node.id: i for i, node in enumerate(argument_map.nodes)}
    for node in argument_map.nodes:
        stances = held.get(node.id, {})
        node_labels = {p: labels[p][node.id] for p in people if node.id in labels[p]}
        spread = 0.0
        if len(stances) > 1:
            spread += pstdev(_STANCE_VALUE[s] for s in stances.values())
        if len(node_labels) > 1:
            spread += pstdev(_LABEL_VALUE[label] for label in node_labels.values())
        if spread >= minimum:
            found.append(Disagreement(node.id, stances, node_labels, round(spread, 6)))
    found.sort(key=lambda d: (-d.spread, order[d.statement]))
    return found


def set_position(
    argument_map: ArgumentMap,
    participant: Participant,
    statement: str,
    stance: Stance | None,
    reason: str = "",
) -> SetMapFields:
    """One undoable edit: the participant's stance on the statement (None: take it back).

    The participant joins the map's participants if they are not there yet.
    """
    others = [
        p
        for p in argument_map.positions
        if not (p.participant == participant.id and p.statement == statement)
    ]
    positions = list(others)
    if stance is not None:
        new = Position(
            participant=participant.id,
            statement=statement,
            stance=stance,
            reason=" ".join(reason.split()),
        )
        old_index = next(
            (
                i
                for i, p in enumerate(argument_map.positions)
                if p.participant == participant.id and p.statement == statement
            ),
            len(others),
        )
        positions.insert(min(old_index, len(positions)), new)
    values: dict[str, object] = {"positions": positions}
    if not any(p.id == participant.id for p in argument_map.participants):
        values["participants"] = [*argument_map.participants, participant]
    label = f"{stance.value.capitalize()}" if stance is not None else "Clear position"
    return SetMapFields(label, **values)
