"""The ``argmap`` command line.

``argmap`` with no command (or with a map file, or ``--new TEXT``) opens the editor; otherwise
the first word names a headless command. Commands are the modules of
:mod:`argmap.cli.commands`, found at start-up: each defines ``NAME``, ``HELP``,
``register(parser)`` and ``run(args) -> int``, and imports Qt only inside ``run`` if at all.

Exit codes: 0 success, 1 invalid input (one clear message on stderr, no traceback), 2 usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from argmap import __version__
from argmap.model import ArgmapError

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

GUI_USAGE = """the editor:
  argmap                     open the editor on the bundled example (a UK-France release)
  argmap FILE.argmap.json    open a map in the editor
  argmap --new TEXT_FILE     start a new map over a text (.txt or .md) in the editor

Every command that writes a file refuses to replace an existing one unless given --force.
Run "argmap COMMAND --help" for a command's options."""


def command_modules() -> list[ModuleType]:
    """Every command module, sorted by command name."""
    from argmap.cli import commands

    modules = [
        importlib.import_module(f"{commands.__name__}.{info.name}")
        for info in pkgutil.iter_modules(commands.__path__)
        if not info.name.startswith("_")
    ]
    return sorted(modules, key=lambda module: str(module.NAME))


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Map the arguments of a text. With no command, open the editor.",
        epilog=GUI_USAGE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    by_name: dict[str, ModuleType] = {}
    for module in command_modules():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.register(command)
        by_name[module.NAME] = module
    return parser, by_name


def _wants_gui(argv: Sequence[str]) -> bool:
    if not argv:
        return True
    first = argv[0]
    return first == "--new" or (not first.startswith("-") and _looks_like_file(first))


def _looks_like_file(word: str) -> bool:
    return "." in word or "/" in word or "\\" in word


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    _tolerate_narrow_terminals()
    parser, commands = build_parser()
    if _wants_gui(args_list) and (not args_list or args_list[0] not in commands):
        return _run_gui(args_list)
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(commands[args.command].run(args))
    except ArgmapError as exc:
        print(f"argmap {args.command}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (``| head``) stopped reading: not an error. Point stdout at devnull so
        # Python's own flush at exit does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _tolerate_narrow_terminals() -> None:
    """On a terminal that is not UTF-8 (``PYTHONIOENCODING=ascii``, a cp1252 console), print
    what it cannot show as ``\\u2013`` escapes instead of failing with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding not in ("utf8", "utf8sig") and reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _run_gui(argv: list[str]) -> int:
    gui = argparse.ArgumentParser(prog="argmap", description="Open the argmap editor.")
    gui.add_argument("file", nargs="?", help="a map (.argmap.json) to open")
    gui.add_argument("--new", metavar="TEXT_FILE", help="start an empty map over a text")
    args = gui.parse_args(argv)
    from argmap.cli.display import display_problem

    problem = display_problem()  # Qt would abort the process: say why in one line instead
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_INVALID
    try:
        from argmap.app import run_app
    except ImportError as exc:  # PySide6 or a system library missing: headless commands work
        needs = "a system library" if ".so" in str(exc) else "PySide6"
        print(f"argmap: the editor needs {needs} ({exc})", file=sys.stderr)
        return EXIT_INVALID
    return int(run_app(map_file=args.file, new_from_text=args.new))
