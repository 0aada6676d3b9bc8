"""Debate settings change through commands: one undo step each, checked like the rest."""

from __future__ import annotations

import pytest

from argmap.editing import EditError, EditSession
from argmap.editing.debate_commands import set_motion, set_side_override, set_speech_order
from argmap.model import DebateSide, validate
from tests.debate.maps import debate_map


def test_motion_sides_and_speech_order_each_undo_in_one_step() -> None:
    m = debate_map("r1: a + m; r2: o - a", None)
    session = EditSession(m)
    session.execute(set_motion(m, "m"))
    session.execute(set_side_override(m, "o", DebateSide.FOR))
    session.execute(set_speech_order(m, ["m", "o", "a"]))
    validate(m)
    assert (m.debate.motion, m.debate.side_overrides, m.debate.speech_order) == (
        "m",
        {"o": DebateSide.FOR},
        ["m", "o", "a"],
    )
    session.undo()
    assert m.debate.speech_order == []
    session.undo()
    assert m.debate.side_overrides == {}
    session.undo()
    assert m.debate.motion is None
    session.redo()
    assert m.debate.motion == "m"
    session.execute(set_side_override(m, "o", DebateSide.FOR))
    session.execute(set_side_override(m, "o", None))
    assert m.debate.side_overrides == {}


def test_only_a_claim_can_be_the_motion_and_steps_must_exist() -> None:
    m = debate_map("r1: e1 + m; r2: o - m", None)
    with pytest.raises(EditError, match="only a claim can be the motion"):
        set_motion(m, "e1")
    with pytest.raises(EditError, match="no node with id 'zz'"):
        set_speech_order(m, ["m", "zz"])
    with pytest.raises(EditError, match="appears twice"):
        set_speech_order(m, ["m", "m"])
