"""What a map knows of a debate: its motion, hand-set sides and the speech order."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class DebateSide(StrEnum):
    """Where a statement stands with respect to the motion."""

    FOR = "for"
    AGAINST = "against"
    BOTH = "both"
    NEITHER = "neither"


class Debate(BaseModel):
    """The motion (one of the map's claims), sides set by hand, and the order of the speech."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    motion: str | None = Field(default=None, description="Node id of the claim debated")
    side_overrides: dict[str, DebateSide] = Field(
        default_factory=dict, description="Sides set by hand, by node id"
    )
    speech_order: list[str] = Field(
        default_factory=list, description="Node ids in the order a speech presents them"
    )

    def is_empty(self) -> bool:
        return self.motion is None and not self.side_overrides and not self.speech_order
