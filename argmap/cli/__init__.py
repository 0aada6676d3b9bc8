"""The ``argmap`` command line.

``argmap`` with no command (or with a map file, or ``--new TEXT``) opens the editor; otherwise
the first word names a headless command. Commands are the modules of
:mod:`argmap.cli.commands`, found at start-up: each defines ``NAME``, ``HELP``,
``register(parser)`` and ``run(args) -> int``, and imports Qt only inside ``run`` if at all.

Exit codes: 0 success, 1 invalid input (one clear message on stderr, no traceback), 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from argmap import __version__
from argmap.cli.catalogue import catalogue

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
    return [entry.load() for entry in catalogue()]


def build_parser(
    argv: Sequence[str] | None = None,
) -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    """The parser; a command's options (and its module) are loaded only for the command that
    ``argv`` names, or for every command when ``argv`` is None."""
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Map the arguments of a text. With no command, open the editor.",
        epilog=GUI_USAGE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    by_name: dict[str, ModuleType] = {}
    wanted = next((word for word in argv if not word.startswith("-")), None) if argv else None
    for entry in catalogue():
        command = sub.add_parser(entry.name, help=entry.help, description=entry.help)
        if argv is None or entry.name == wanted:
            module = entry.load()
            module.register(command)
            by_name[entry.name] = module
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
    parser, commands = build_parser(args_list)
    names = {entry.name for entry in catalogue()}
    if _wants_gui(args_list) and (not args_list or args_list[0] not in names):
        return _run_gui(args_list)
    args = parser.parse_args(args_list)
    from argmap.model import ArgmapError  # pydantic: only once a command is to run

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
