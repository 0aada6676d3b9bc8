"""Nodes: the statements of a map (claims, evidence, counterarguments)."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from argmap.model.anchor import TextAnchor
from argmap.model.item_list import note_set


class NodeKind(StrEnum):
    """What a statement is in the argument."""

    CLAIM = "claim"
    EVIDENCE = "evidence"
    COUNTERARGUMENT = "counterargument"


class EvidenceType(StrEnum):
    """The kind of evidence, as a debater would cite it."""

    STATISTIC = "statistic"
    OFFICIAL_STATEMENT = "official_statement"
    TESTIMONY = "testimony"
    DOCUMENT = "document"
    EVENT = "event"
    EXPERT_OPINION = "expert_opinion"
    OTHER = "other"


class Citation(BaseModel):
    """Where a piece of evidence comes from, fully enough to cite it."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    title: str = ""
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    page: str | None = None

    def is_empty(self) -> bool:
        return not any((self.title, self.author, self.publisher, self.date, self.url, self.page))


def now() -> datetime:
    """The current time, UTC, to the second (what files store)."""
    return datetime.now(UTC).replace(microsecond=0)


class Node(BaseModel):
    """One statement of the map, optionally anchored to the source words it comes from."""

    model_config = ConfigDict(defer_build=True, extra="forbid")

    id: str = Field(min_length=1)
    kind: NodeKind
    text: str = ""
    anchors: list[TextAnchor] = Field(default_factory=list)
    evidence_type: EvidenceType | None = None
    citation: Citation | None = None
    tags: list[str] = Field(default_factory=list)
    notes: str = ""
    rating: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="The user's own judgement of the statement on its own (0-1); "
        "evaluation uses it as the base score",
    )
    author: str | None = Field(default=None, description="Participant id of who made it")
    editors: list[str] = Field(
        default_factory=list, description="Participant ids of others who edited it, in order"
    )
    created: datetime = Field(default_factory=now)
    modified: datetime = Field(default_factory=now)

    def __setattr__(self, name: str, value: Any) -> None:
        old = self.__dict__.get(name)
        super().__setattr__(name, value)
        if name == "id":  # the lists indexing nodes by id follow a rename (see ItemList)
            note_set(self, name, old)
