"""The commands' names and one-line helps, read from their modules' source without importing
them: ``argmap --help`` and ``--version`` then start without pydantic, networkx or Qt, and
``argmap CMD`` imports only CMD's module."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

COMMANDS_PACKAGE = "argmap.cli.commands"
_FOLDER = Path(__file__).with_name("commands")


@dataclass(frozen=True)
class CommandEntry:
    """A command: its name, its help line and the module that runs it."""

    name: str
    help: str
    module: str

    def load(self) -> ModuleType:
        return importlib.import_module(self.module)


def catalogue() -> list[CommandEntry]:
    """Every command, sorted by name."""
    entries = []
    for info in pkgutil.iter_modules([str(_FOLDER)]):
        if info.name.startswith("_"):
            continue
        module = f"{COMMANDS_PACKAGE}.{info.name}"
        found = _constants(_FOLDER / f"{info.name}.py")
        if "NAME" in found and "HELP" in found:
            entries.append(CommandEntry(found["NAME"], found["HELP"], module))
        else:  # not plain strings: ask the module itself
            loaded = importlib.import_module(module)
            entries.append(CommandEntry(str(loaded.NAME), str(loaded.HELP), module))
    return sorted(entries, key=lambda entry: entry.name)


def _constants(path: Path) -> dict[str, str]:
    """The module-level ``NAME = "..."`` and ``HELP = "..."`` string constants of a file."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
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
