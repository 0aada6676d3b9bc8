"""Errors that a person can act on: each says what is wrong and where."""

from __future__ import annotations


class ArgmapError(Exception):
    """Base of every error argmap raises about user data or input."""


class ValidationProblem:
    """One problem found in a map: where it is (a JSON path) and what is wrong."""

    __slots__ = ("item_id", "message", "path")

    def __init__(self, path: str, message: str, item_id: str | None = None) -> None:
        self.path = path
        self.message = message
        self.item_id = item_id

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    def __repr__(self) -> str:
        return f"ValidationProblem({self.path!r}, {self.message!r}, {self.item_id!r})"


class MapValidationError(ArgmapError):
    """A map breaks a rule of the model (dangling reference, duplicate id, bad anchor...)."""

    def __init__(self, problems: list[ValidationProblem]) -> None:
        self.problems = problems
        first = problems[0] if problems else None
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{first}{more}" if first else "invalid map")
