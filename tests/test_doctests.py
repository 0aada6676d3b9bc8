"""The examples in the core's docstrings run and say what they show.

Every module of the Qt-free packages is collected, so a new module's examples are checked
without anyone listing it here.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

PACKAGES = ("model", "editing", "io", "analysis", "layout", "cli")
MODULES = sorted(
    info.name
    for package in PACKAGES
    for info in pkgutil.walk_packages(
        importlib.import_module(f"argmap.{package}").__path__, f"argmap.{package}."
    )
)


def test_every_core_package_is_collected() -> None:
    assert {name.split(".")[1] for name in MODULES} == set(PACKAGES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
