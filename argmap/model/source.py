"""Source documents: the texts a map takes apart, embedded so a map file is self-contained."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict, Field


def text_sha256(text: str) -> str:
    """The SHA-256 of a source text (UTF-8), as lowercase hex."""
    # surrogatepass: a lone surrogate (which no valid file holds) must not crash a checksum
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class SourceDocument(BaseModel):
    """A document the map's anchors point into."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    id: str = Field(min_length=1)
    title: str = ""
    publisher: str | None = None
    date: str | None = Field(default=None, description="Publication date, ISO 8601 when known")
    url: str | None = None
    text: str
    sha256: str = Field(default="", description="SHA-256 of `text`; filled in when empty")

    def model_post_init(self, __context: object) -> None:
        if not self.sha256:
            self.sha256 = text_sha256(self.text)
