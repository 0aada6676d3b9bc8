"""Dung's abstract argumentation frameworks: arguments and who attacks whom."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from argmap.analysis.errors import FrameworkError

__all__ = ["DungFramework"]


@dataclass(frozen=True)
class DungFramework:
    """Arguments and a binary attack relation: ``(a, b)`` in ``attacks`` means a attacks b.

    Attacks are kept in the order given, without duplicates, so results are reproducible.

    Examples
    --------
    >>> af = DungFramework.of(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> af.attackers["c"], af.targets["a"]
    (('b',), ('b',))
    """

    arguments: tuple[str, ...]
    attacks: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        known = set(self.arguments)
        if len(known) != len(self.arguments):
            twice = next(a for a, n in Counter(self.arguments).items() if n > 1)
            raise FrameworkError(f"argument {twice!r} is listed twice")
        unique = tuple(dict.fromkeys(self.attacks))
        for source, target in unique:
            if source not in known or target not in known:
                missing = source if source not in known else target
                raise FrameworkError(
                    f"attack ({source!r}, {target!r}) names {missing!r}, which is not an argument"
                )
        object.__setattr__(self, "attacks", unique)

    @classmethod
    def of(cls, arguments: Iterable[str], attacks: Iterable[tuple[str, str]]) -> DungFramework:
        """A framework from any iterables of arguments and attack pairs."""
        return cls(tuple(arguments), tuple(attacks))

    @cached_property
    def attackers(self) -> Mapping[str, tuple[str, ...]]:
        """For each argument, the arguments that attack it."""
        result: dict[str, list[str]] = {a: [] for a in self.arguments}
        for source, target in self.attacks:
            result[target].append(source)
        return {a: tuple(found) for a, found in result.items()}

    @cached_property
    def targets(self) -> Mapping[str, tuple[str, ...]]:
        """For each argument, the arguments it attacks."""
        result: dict[str, list[str]] = {a: [] for a in self.arguments}
        for source, target in self.attacks:
            result[source].append(target)
        return {a: tuple(found) for a, found in result.items()}
