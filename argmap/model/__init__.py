"""The domain: pure data (pydantic and the standard library only; never Qt)."""

from argmap.model.anchor import TextAnchor
from argmap.model.argument_map import ArgumentMap
from argmap.model.debate import Debate, DebateSide
from argmap.model.errors import ArgmapError, MapValidationError, ValidationProblem
from argmap.model.layout import Direction, MapLayout, Point
from argmap.model.node import Citation, EvidenceType, Node, NodeKind, now
from argmap.model.participant import Participant, Position, Stance
from argmap.model.relation import CriticalQuestionState, QuestionStatus, Relation, RelationKind
from argmap.model.source import SourceDocument, text_sha256
from argmap.model.validation import AnchorMove, find_problems, reanchor, validate

__all__ = [
    "AnchorMove",
    "ArgmapError",
    "ArgumentMap",
    "Citation",
    "CriticalQuestionState",
    "Debate",
    "DebateSide",
    "Direction",
    "EvidenceType",
    "MapLayout",
    "MapValidationError",
    "Node",
    "NodeKind",
    "Participant",
    "Point",
    "Position",
    "QuestionStatus",
    "Relation",
    "RelationKind",
    "SourceDocument",
    "Stance",
    "TextAnchor",
    "ValidationProblem",
    "find_problems",
    "now",
    "reanchor",
    "text_sha256",
    "validate",
]
