"""AIF speakers as map participants: who said each statement becomes its author.

The dialogue layer (:mod:`argmap.io.aif_dialogue`) names the speaker of the locution that
anchors a statement in its citation; here each speaker becomes a participant (id and colour
from the name, see :mod:`argmap.seminar.people`) and the statement's author.
"""

from __future__ import annotations

from argmap.model import ArgumentMap
from argmap.seminar.people import participant_for

__all__ = ["speakers_as_participants"]


def speakers_as_participants(argument_map: ArgumentMap, speakers: dict[str, str]) -> None:
    """Add a participant per speaker (node id -> speaker name); stamp the unauthored nodes."""
    known = {p.id for p in argument_map.participants}
    by_name = {}
    for name in dict.fromkeys(s.strip() for s in speakers.values() if s.strip()):
        participant = participant_for(name, role="speaker")
        by_name[name] = participant.id
        if participant.id not in known:
            argument_map.participants.append(participant)
            known.add(participant.id)
    for node in argument_map.nodes:
        speaker = speakers.get(node.id, "").strip()
        if node.author is None and speaker in by_name:
            node.author = by_name[speaker]
