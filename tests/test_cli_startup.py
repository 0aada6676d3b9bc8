"""``argmap --version`` and ``--help`` start light: neither pydantic nor Qt (nor networkx) is
imported, and a command loads only its own module."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

_PROBE = textwrap.dedent(
    """
    import contextlib, io, sys
    from argmap.cli import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        main(sys.argv[1:])
    heavy = sorted({m.split(".")[0] for m in sys.modules} & {"pydantic", "PySide6", "networkx"})
    commands = sorted(m for m in sys.modules if m.startswith("argmap.cli.commands."))
    print(repr((out.getvalue(), heavy, commands)))
    """
)


def _probe(*argv: str) -> tuple[str, list[str], list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, check=True
    )
    result: tuple[str, list[str], list[str]] = ast.literal_eval(done.stdout)
    return result


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_import_neither_pydantic_nor_qt(flag: str) -> None:
    printed, heavy, commands = _probe(flag)
    assert heavy == []
    assert commands == []
    assert "argmap" in printed


def test_help_still_lists_every_command_with_its_help_line() -> None:
    from argmap.cli import command_modules

    printed, _heavy, _commands = _probe("--help")
    for module in command_modules():
        assert module.NAME in printed
        assert str(module.HELP).split()[0] in printed


def test_a_command_loads_its_own_module_only() -> None:
    printed, heavy, commands = _probe("validate", "--help")
    assert commands == ["argmap.cli.commands.validate"]
    assert "FILE" in printed
    assert "PySide6" not in heavy


def test_the_catalogue_reads_what_each_module_says() -> None:
    from argmap.cli.catalogue import catalogue

    for entry in catalogue():
        module = entry.load()
        assert (entry.name, entry.help) == (module.NAME, module.HELP)


@pytest.mark.parametrize(
    "source",
    [
        'NAME = "x"\nHELP = "the help"\n\ndef register(p): ...\n',
        # the constants below a definition: the whole file is read
        'def helper(): ...\n\nNAME = "x"\nHELP = "the help"\n',
        # a docstring line that starts with "def" does not cut the file mid-string
        '"""Doc.\n\ndef is only a word here\n"""\nNAME = "x"\nHELP = (\n    "the help"\n)\n',
    ],
)
def test_command_constants_are_found_wherever_they_sit(tmp_path: Path, source: str) -> None:
    from argmap.cli.catalogue import _constants

    path = tmp_path / "cmd.py"
    path.write_text(source, encoding="utf-8")
    assert _constants(str(path)) == {"NAME": "x", "HELP": "the help"}
