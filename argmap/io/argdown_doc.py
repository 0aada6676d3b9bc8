"""What an Argdown text says, before it becomes a map: statements, arguments, relations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ElementKind = Literal["statement", "argument"]
RelationType = Literal["support", "attack", "undercut", "contradiction"]


@dataclass(frozen=True)
class Ref:
    """A statement (by title, or by text when untitled) or an argument (by title)."""

    kind: ElementKind
    key: str


@dataclass
class StatementDef:
    key: str
    title: str | None
    line: int  # where it first appears; defined_line: where it first gets its text
    defined_line: int | None = None
    texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    group: str | None = None


@dataclass
class Step:
    """One inference of a premise-conclusion structure."""

    premises: list[str]
    conclusion: str
    rule: str
    data: dict[str, Any]
    line: int


@dataclass
class ArgumentDef:
    key: str
    line: int
    defined_line: int | None = None
    descriptions: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    group: str | None = None
    steps: list[Step] = field(default_factory=list)
    pcs_line: int | None = None


@dataclass
class RelationSpec:
    kind: RelationType
    source: Ref
    target: Ref
    line: int
    column: int


@dataclass
class ArgdownDocument:
    title: str | None = None
    front_matter: bool = False
    extension: dict[str, Any] | None = None
    statements: dict[str, StatementDef] = field(default_factory=dict)
    arguments: dict[str, ArgumentDef] = field(default_factory=dict)
    relations: list[RelationSpec] = field(default_factory=list)
    groups: int = 0
