"""The commands' names and one-line helps, read from their modules' source without importing
them: ``argmap --help`` and ``--version`` then start without pydantic, networkx or Qt, and
``argmap CMD`` imports only CMD's module."""

from __future__ import annotations

import ast
import importlib
import os
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


def catalogue() -> list[CommandEntry]:
    """Every command, sorted by name."""
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
    """The module-level ``NAME = "..."`` and ``HELP = "..."`` string constants of a file."""
    try:
        with open(path, encoding="utf-8") as file:
            tree = ast.parse(file.read())
    except (OSError, SyntaxError, UnicodeDecodeError):
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
