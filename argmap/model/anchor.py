"""Text anchors: a node's link to the exact words of a source."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class TextAnchor(BaseModel):
    """The span ``[start, end)`` of source ``source_id``, whose text is ``quote``."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    source_id: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str

    @classmethod
    def of(cls, source_id: str, text: str, start: int, end: int) -> TextAnchor:
        """An anchor on ``text[start:end]``."""
        return cls(source_id=source_id, start=start, end=end, quote=text[start:end])
