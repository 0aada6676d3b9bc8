"""Argument schemes and their critical questions, from the catalogue in resources/schemes/.

A support (or attack) relation may name a scheme (``relation.scheme``); the scheme's critical
questions are then the standard ways to test it. A relation keeps the state of each question
it has dealt with (``relation.questions``: open, answered by a node, or dismissed with a
note); :func:`critical_questions` merges those states with the catalogue for display, and
:func:`placeholder_for_question` makes the counterargument an open question calls for, for the
editing layer to add in one command. Nothing here changes a map.

Each question says what a negative answer attacks: a premise, the conclusion, or the
inference itself (an undercut).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from argmap.analysis.errors import UnknownSchemeError
from argmap.model import (
    ArgmapError,
    ArgumentMap,
    CriticalQuestionState,
    Node,
    NodeKind,
    QuestionStatus,
    Relation,
    RelationKind,
)
from argmap.resources import resource

__all__ = [
    "PLACEHOLDER_TAG",
    "Catalogue",
    "CriticalQuestion",
    "QuestionTarget",
    "QuestionView",
    "Scheme",
    "catalogue",
    "critical_questions",
    "load_catalogue",
    "placeholder_for_question",
    "scheme",
    "with_question_state",
]

#: The tag on placeholder counterarguments, so they can be found until filled in.
PLACEHOLDER_TAG = "placeholder"


class QuestionTarget(StrEnum):
    """What a negative answer to a critical question attacks."""

    PREMISE = "premise"
    CONCLUSION = "conclusion"
    INFERENCE = "inference"


class CriticalQuestion(BaseModel):
    """One critical question of a scheme; its id is unique across the catalogue."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    attacks: QuestionTarget


class Scheme(BaseModel):
    """An argument scheme: its pattern and its critical questions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    name: str
    description: str
    premises: tuple[str, ...]
    conclusion: str
    questions: tuple[CriticalQuestion, ...] = Field(min_length=1)

    def question(self, question_id: str) -> CriticalQuestion:
        """The question with this id; :class:`UnknownSchemeError` when the scheme lacks it."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise UnknownSchemeError(f"scheme {self.id!r} has no critical question {question_id!r}")


class Catalogue(BaseModel):
    """The file resources/schemes/schemes.json."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: str = "argmap-schemes"
    version: int = 1
    description: str = ""
    schemes: tuple[Scheme, ...]

    def by_id(self) -> dict[str, Scheme]:
        return {s.id: s for s in self.schemes}


@dataclass(frozen=True)
class QuestionView:
    """A critical question of a relation with its state. ``known`` is False for a saved
    state whose question the catalogue does not hold (kept, so nothing is lost)."""

    question: CriticalQuestion
    status: QuestionStatus = QuestionStatus.OPEN
    answered_by: str | None = None
    note: str = ""
    known: bool = True


def load_catalogue(path: str | Path) -> Catalogue:
    """Read and check a catalogue file: ids unique, every scheme with questions."""
    try:
        found = Catalogue.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as exc:
        raise ArgmapError(f"{path}: not a valid scheme catalogue: {exc}") from None
    seen: set[str] = set()
    for item in found.schemes:
        for item_id in (item.id, *(q.id for q in item.questions)):
            if item_id in seen:
                raise ArgmapError(f"{path}: id {item_id!r} is used twice")
            seen.add(item_id)
    return found


@cache
def catalogue() -> Catalogue:
    """The bundled catalogue (read once)."""
    return load_catalogue(resource("schemes", "schemes.json"))


def scheme(scheme_id: str) -> Scheme:
    """The bundled scheme with this id.

    >>> scheme("expert_opinion").name
    'Argument from expert opinion'
    """
    found = catalogue().by_id().get(scheme_id)
    if found is None:
        raise UnknownSchemeError(f"no argument scheme {scheme_id!r} in the catalogue")
    return found


def critical_questions(relation: Relation) -> list[QuestionView]:
    """The critical questions of the relation's scheme, with the relation's saved states.

    Questions come in catalogue order; saved states of questions the catalogue lacks follow.
    A relation without a scheme, or with a scheme the catalogue lacks, has only the latter.

    >>> from argmap.model import Relation
    >>> r = Relation(id="r", kind="support", premises=["e"], target="c", scheme="sign")
    >>> [(v.question.id, v.status.value) for v in critical_questions(r)][:2]
    [('sign.reliable', 'open'), ('sign.other_explanation', 'open')]
    """
    saved = {state.question_id: state for state in relation.questions}
    known = catalogue().by_id().get(relation.scheme or "")
    views = []
    for question in known.questions if known else ():
        state = saved.pop(question.id, None)
        if state is None:
            views.append(QuestionView(question))
        else:
            views.append(QuestionView(question, state.status, state.answered_by, state.note))
    for state in saved.values():
        stranger = CriticalQuestion(
            id=state.question_id,
            text=f"(a question not in this catalogue: {state.question_id})",
            attacks=QuestionTarget.INFERENCE,
        )
        views.append(QuestionView(stranger, state.status, state.answered_by, state.note, False))
    return views


def with_question_state(
    relation: Relation, state: CriticalQuestionState
) -> list[CriticalQuestionState]:
    """The relation's question states with ``state`` replacing (or joining) its question's."""
    kept = [s for s in relation.questions if s.question_id != state.question_id]
    return [*kept, state]


def placeholder_for_question(
    argument_map: ArgumentMap,
    relation_id: str,
    question_id: str,
    as_undercut: bool,
    premise_id: str | None = None,
) -> tuple[Node, Relation]:
    """A placeholder counterargument raising an open critical question, and its relation.

    With ``as_undercut`` the new attack targets the relation itself (the inference); else it
    targets what the question is about: a premise (``premise_id``, by default the first) for a
    premise question, the conclusion otherwise. The node is tagged ``placeholder``, its text
    the question, ready to be filled in. Ids are fresh; the map is not changed.

    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(nodes=[Node(id="c", kind="claim"), Node(id="e", kind="evidence")],
    ...                 relations=[Relation(id="r", kind="support", premises=["e"], target="c",
    ...                                     scheme="expert_opinion")])
    >>> node, attack = placeholder_for_question(m, "r", "expert_opinion.expertise", True)
    >>> node.kind.value, attack.kind.value, attack.premises == [node.id], attack.target
    ('counterargument', 'attack', True, 'r')
    """
    try:
        relation = argument_map.relation(relation_id)
    except KeyError:
        raise UnknownSchemeError(f"no relation with id {relation_id!r}") from None
    if relation.scheme is None:
        raise UnknownSchemeError(f"relation {relation_id!r} has no scheme")
    question = scheme(relation.scheme).question(question_id)
    target = relation.id if as_undercut else _aim(relation, question, premise_id)
    node_id = argument_map.new_id("ca")
    node = Node(
        id=node_id,
        kind=NodeKind.COUNTERARGUMENT,
        text=question.text,
        tags=[PLACEHOLDER_TAG],
        notes=f"Raised from critical question {question.id} of {relation.scheme}; "
        "replace the text with the actual objection.",
    )
    attack_id = _fresh_relation_id(argument_map, node_id)
    return node, Relation(id=attack_id, kind=RelationKind.ATTACK, premises=[node_id], target=target)


def _aim(relation: Relation, question: CriticalQuestion, premise_id: str | None) -> str:
    if question.attacks is not QuestionTarget.PREMISE:
        return relation.target
    if premise_id is None:
        return relation.premises[0]
    if premise_id not in relation.premises:
        raise UnknownSchemeError(f"{premise_id!r} is not a premise of relation {relation.id!r}")
    return premise_id


def _fresh_relation_id(argument_map: ArgumentMap, taken: str) -> str:
    used = {n.id for n in argument_map.nodes} | {r.id for r in argument_map.relations}
    used |= {s.id for s in argument_map.sources} | {taken}
    number = len(argument_map.relations) + 1
    while f"r{number}" in used:
        number += 1
    return f"r{number}"
