"""Auxiliary arguments that compute three-valued logic inside a Dung framework.

In any complete labelling an argument attacked by ``y`` alone is ``in`` exactly when ``y`` is
``out`` (and undecided when ``y`` is): it is *not y*. An argument attacked by ``y1 ... yk`` is
*neither y1 nor ... yk*. Negation and "neither" give "or" and "and" (Kleene's strong
three-valued connectives), which is all :mod:`argmap.analysis.framework` needs to say "this
attack holds while all its premises are in and no undercut of it holds". Because every
auxiliary argument's label is a function of its attackers' labels, adding them changes no
statement's label under the complete, grounded, preferred or stable semantics, provided they
form no cycle of their own (the framework builder unfolds the one recursion that could).
"""

from __future__ import annotations

__all__ = ["Circuit"]


class Circuit:
    """Builds auxiliary arguments (ids starting ``~``, unique against ``used``) and attacks."""

    def __init__(self, used: set[str]) -> None:
        self.arguments: list[str] = []
        self.attacks: list[tuple[str, str]] = []
        self._used = used
        self._negation: dict[str, str] = {}
        self._negated: dict[str, str] = {}
        self._nors: dict[tuple[str, ...], str] = {}

    def new(self, name: str, attackers: list[str] | tuple[str, ...] = ()) -> str:
        """A fresh auxiliary argument attacked by ``attackers`` (more may be added later)."""
        argument = "~" + name
        while argument in self._used:
            argument += "'"
        self._used.add(argument)
        self.arguments.append(argument)
        self.attacks.extend((attacker, argument) for attacker in attackers)
        return argument

    def attack(self, attacker: str, argument: str) -> None:
        """Add an attack on an argument made earlier (used to close cycles)."""
        self.attacks.append((attacker, argument))

    def not_(self, value: str) -> str:
        """*not value* (double negations cancel)."""
        if value in self._negated:
            return self._negated[value]
        found = self._negation.get(value)
        if found is None:
            found = self._negation[value] = self.new(f"not {value}", [value])
            self._negated[found] = value
        return found

    def nor(self, values: list[str], name: str) -> str:
        """*neither of values*."""
        key = tuple(dict.fromkeys(values))
        found = self._nors.get(key)
        if found is None:
            found = self._nors[key] = self.new(name, key)
        return found

    def or_(self, values: list[str], name: str) -> str:
        """*any of values* (a single value is itself)."""
        unique = list(dict.fromkeys(values))
        if len(unique) == 1:
            return unique[0]
        return self.not_(self.nor(unique, f"none of {name}"))

    def and_(self, values: list[str], name: str) -> str:
        """*all of values* (a single value is itself)."""
        unique = list(dict.fromkeys(values))
        if len(unique) == 1:
            return unique[0]
        return self.nor([self.not_(v) for v in unique], name)
