"""The examples in the layout engine's docstrings run and say what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import argmap.layout

MODULES = sorted(
    f"argmap.layout.{info.name}" for info in pkgutil.iter_modules(argmap.layout.__path__)
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
