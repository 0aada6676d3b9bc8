"""Relations: support and attack, AIF-shaped (premises -> target)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from argmap.model.item_list import note_set

#: Fields the indexes of relations read: ids (ItemList) and what a relation mentions
#: (argmap.model.mentions); a set in place is reported so that they follow it.
_INDEXED_FIELDS = frozenset({"id", "premises", "target", "questions"})


class RelationKind(StrEnum):
    """Whether the premises speak for or against the target."""

    SUPPORT = "support"
    ATTACK = "attack"


class QuestionStatus(StrEnum):
    """Where a critical question of a relation's scheme stands."""

    OPEN = "open"
    ANSWERED = "answered"
    DISMISSED = "dismissed"


class CriticalQuestionState(BaseModel):
    """The state of one critical question of the relation's scheme."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True)

    question_id: str = Field(min_length=1)
    status: QuestionStatus = QuestionStatus.OPEN
    answered_by: str | None = Field(default=None, description="Node id that answers it")
    note: str = ""


class Relation(BaseModel):
    """An inference (support) or a conflict (attack) from premises to a target.

    Several premises form a linked argument: co-premises that only work together. The target is
    a node id, or, for an undercut (an attack on the inference itself), a relation id.
    """

    model_config = ConfigDict(defer_build=True, extra="forbid")

    id: str = Field(min_length=1)
    kind: RelationKind
    premises: list[str] = Field(min_length=1)
    target: str = Field(min_length=1)
    scheme: str | None = None
    questions: list[CriticalQuestionState] = Field(default_factory=list)
    notes: str = ""
    author: str | None = Field(default=None, description="Participant id of who made it")
    editors: list[str] = Field(
        default_factory=list, description="Participant ids of others who edited it, in order"
    )

    def __setattr__(self, name: str, value: Any) -> None:
        old = self.__dict__.get(name)
        super().__setattr__(name, value)
        if name in _INDEXED_FIELDS:
            note_set(self, name, old)
