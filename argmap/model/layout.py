"""The drawing of a map, kept apart from its content."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

#: Positions are stored to this many decimals, so files diff well.
POSITION_DECIMALS = 1


class Point(BaseModel):
    """A node's centre in scene coordinates."""

    # NaN or infinity would be written as invalid JSON and could never be drawn.
    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True, allow_inf_nan=False)

    x: float
    y: float

    @classmethod
    def rounded(cls, x: float, y: float) -> Point:
        return cls(x=round(x, POSITION_DECIMALS), y=round(y, POSITION_DECIMALS))


class Direction(StrEnum):
    """Which way an automatic layout grows."""

    TOP_BOTTOM = "TB"
    LEFT_RIGHT = "LR"


class MapLayout(BaseModel):
    """Node positions and view settings."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    positions: dict[str, Point] = Field(default_factory=dict)
    algorithm: str | None = Field(default=None, description="Last automatic layout applied")
    direction: Direction = Direction.TOP_BOTTOM
    pinned: list[str] = Field(default_factory=list)
    collapsed: list[str] = Field(default_factory=list)
