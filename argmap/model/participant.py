"""The people of a map: participants, and the positions they take on statements.

A seminar or a debate team is several people. Each statement and relation may name the
participant who made it (``author``) and those who edited it since (``editors``); a position is
one participant's stance on one statement, with an optional one-line reason.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

#: A colour as files store it: ``#rrggbb``.
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"


class Participant(BaseModel):
    """Someone who contributes to the map: a leader, a student, a team member."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    colour: str = Field(default="#4477aa", pattern=COLOUR_PATTERN)
    role: str | None = Field(
        default=None, description="Free text such as leader, student, proposition, team"
    )


class Stance(StrEnum):
    """What a participant holds of a statement."""

    AGREE = "agree"
    DISAGREE = "disagree"
    UNSURE = "unsure"


class Position(BaseModel):
    """One participant's stance on one statement (at most one per pair)."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    participant: str = Field(min_length=1, description="Participant id")
    statement: str = Field(min_length=1, description="Node id")
    stance: Stance
    reason: str = Field(default="", description="An optional one-line reason")
