"""The commands' names and one-line helps, read from their modules' source without importing
them: ``argmap --help`` and ``--version`` then start without pydantic, networkx or Qt, and
``argmap CMD`` imports only CMD's module."""

from __future__ import annotations

import ast
import importlib
import os
import re
from types import ModuleType

COMMANDS_PACKAGE = "argmap.cli.commands"
_FOLDER = os.path.join(os.path.dirname(__file__), "commands")


class CommandEntry:
    """A command: its name, its help line and the module that runs it.

    (A plain class: dataclasses would import inspect, a tenth of the start-up.)"""

    __slots__ = ("help", "module", "name")

    def __init__(self, name: str, help: str, module: str) -> None:
        self.name, self.help, self.module = name, help, module

    def load(self) -> ModuleType:
        return importlib.import_module(self.module)


_CACHE: list[CommandEntry] = []

#: Where a module's top-level constants end: its first top-level ``def``, ``class`` or decorator.
_FIRST_DEFINITION = re.compile(r"^(?:def|class|async def|@)\b", re.MULTILINE)


def catalogue() -> list[CommandEntry]:
    """Every command, sorted by name (read once per process)."""
    if not _CACHE:
        _CACHE.extend(_read_catalogue())
    return list(_CACHE)


def _read_catalogue() -> list[CommandEntry]:
    entries = []
    for file_name in os.listdir(_FOLDER):
        stem, extension = os.path.splitext(file_name)
        if extension != ".py" or stem.startswith("_"):
            continue
        module = f"{COMMANDS_PACKAGE}.{stem}"
        found = _constants(os.path.join(_FOLDER, file_name))
        if "NAME" in found and "HELP" in found:
            entries.append(CommandEntry(found["NAME"], found["HELP"], module))
        else:  # not plain strings: ask the module itself
            loaded = importlib.import_module(module)
            entries.append(CommandEntry(str(loaded.NAME), str(loaded.HELP), module))
    return sorted(entries, key=lambda entry: entry.name)


def _constants(path: str) -> dict[str, str]:
    """The module-level ``NAME = "..."`` and ``HELP = "..."`` string constants of a file.

    Only the part before the first top-level definition is parsed (a sixth of the time): the
    constants sit above the functions. If they are not found there, the whole file is read."""
    try:
        with open(path, encoding="utf-8") as file:
            source = file.read()
    except (OSError, UnicodeDecodeError):
        return {}
    first = _FIRST_DEFINITION.search(source)
    if first is not None:
        found = _string_constants(source[: first.start()])
        if "NAME" in found and "HELP" in found:
            return found
    return _string_constants(source)


def _string_constants(source: str) -> dict[str, str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    found: dict[str, str] = {}
    for statement in tree.body:
        if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
            continue
        target, value = statement.targets[0], statement.value
        if (
            isinstance(target, ast.Name)
            and target.id in ("NAME", "HELP")
            and isinstance(value, ast.Constant)
            and isinstance(value.value, str)
        ):
            found[target.id] = value.value
    return found
