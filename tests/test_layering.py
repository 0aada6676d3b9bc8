"""The layers hold by machine: the core imports without Qt, and no core module names Qt.

Layers: model (pydantic + stdlib) <- editing <- layout, analysis, io <- ui (Qt), cli, app.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "argmap"
QT = ("PySide6", "shiboken6")
CORE = ("model", "editing", "layout", "analysis", "io", "collab")
#: What each core package may import besides the standard library (and itself).
ALLOWED = {
    "model": ("pydantic", "pydantic_core", "argmap.model"),
    "editing": ("pydantic", "pydantic_core", "argmap.model", "argmap.editing"),
}
_UPPER = ("argmap.ui", "argmap.app", "argmap.cli")

_BLOCKED_IMPORT = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class NoQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"{name} is blocked for this test")
            return None

    sys.meta_path.insert(0, NoQt())
    # The named core must import outright ...
    import argmap, argmap.model, argmap.editing, argmap.io.native, argmap.io.schema
    import argmap.analysis.graph, argmap.layout, argmap.cli
    from argmap.cli import command_modules

    names = [module.NAME for module in command_modules()]
    assert {"validate", "stats", "new", "schema"} <= set(names), names
    # ... and so must every other core module: any failure is reported, Qt or not (a
    # module that cannot be imported at all is broken for every user, not just this test).
    failures = []
    for package in ("model", "editing", "layout", "analysis", "io"):
        root = importlib.import_module(f"argmap.{package}")
        for info in pkgutil.walk_packages(root.__path__, f"argmap.{package}."):
            try:
                importlib.import_module(info.name)
            except Exception as exc:
                failures.append(f"{info.name}: {type(exc).__name__}: {exc}")
    assert not failures, "; ".join(failures)
    assert not [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")]
    print("imported", len([m for m in sys.modules if m.startswith("argmap")]))
    """
)


def test_the_core_and_cli_import_with_qt_unavailable() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _BLOCKED_IMPORT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("imported ")


def _modules(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (PACKAGE / package).rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, *, top_level_only: bool) -> list[tuple[int, str]]:
    """``(line, module)`` for each import; with ``top_level_only``, not those in functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if top_level_only and isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                found.append((child.lineno, _absolute(path, child)))
            visit(child)

    visit(tree)
    return found


def _absolute(path: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = _module_name(path).split(".")
    if path.name != "__init__.py":
        base = base[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def _is(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def test_no_core_module_imports_qt_or_an_upper_layer_anywhere() -> None:
    offences = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in _modules(*CORE)
        for line, module in _imports(path, top_level_only=False)
        if _is(module, QT + _UPPER)
    ]
    assert offences == []


def test_cli_modules_import_qt_only_inside_functions() -> None:
    offences = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in _modules("cli")
        for line, module in _imports(path, top_level_only=True)
        if _is(module, (*QT, "argmap.ui", "argmap.app"))
    ]
    assert offences == []


_STDLIB = frozenset(sys.stdlib_module_names) | {"__future__"}


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_model_and_editing_import_only_what_their_layer_allows(package: str) -> None:
    offences = [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for path in _modules(package)
        for line, module in _imports(path, top_level_only=False)
        if module.split(".")[0] not in _STDLIB and not _is(module, ALLOWED[package])
    ]
    assert offences == []


def test_the_checker_finds_imports_in_every_form(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        textwrap.dedent(
            """
            import os, PySide6.QtCore
            from typing import TYPE_CHECKING
            if TYPE_CHECKING:
                from shiboken6 import Shiboken
            class Item:
                from argmap.ui import theme
            def render():
                from PySide6.QtGui import QImage
            """
        ),
        encoding="utf-8",
    )
    top = [m for _, m in _imports(sample, top_level_only=True)]
    anywhere = [m for _, m in _imports(sample, top_level_only=False)]
    assert top == ["os", "PySide6.QtCore", "typing", "shiboken6", "argmap.ui"]
    assert anywhere == [*top, "PySide6.QtGui"]
    relative = ast.parse("from ..model import Node\nfrom . import changes").body
    here = PACKAGE / "editing" / "session.py"
    assert [_absolute(here, node) for node in relative] == [  # type: ignore[arg-type]
        "argmap.model",
        "argmap.editing",
    ]
