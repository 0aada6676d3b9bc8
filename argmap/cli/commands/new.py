"""``argmap new --source TEXT_FILE [--title T] -o OUT``: an empty map over a text."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from argmap.cli.io_helpers import add_force_option, refuse_overwrite
from argmap.io import native
from argmap.io.text import read_source_text
from argmap.model import ArgumentMap, SourceDocument

NAME = "new"
HELP = "start an empty map over a UTF-8 text file (the source id comes from the file name)"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source", metavar="TEXT_FILE", required=True, help="the text to map (UTF-8)"
    )
    parser.add_argument("--title", metavar="T", help="the map's title (default: first line)")
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the map to write (.argmap.json)"
    )
    add_force_option(parser)


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    # Checked first, so a refused overwrite costs nothing and changes nothing.
    refuse_overwrite(out, args.force)
    source_file = Path(args.source)
    argument_map = new_map(source_file, read_text(source_file), args.title)
    native.save(argument_map, out)
    source = argument_map.sources[0]
    print(f"wrote {out} (source {source.id!r}, {len(source.text)} characters)")
    return 0


def new_map(source_file: Path, text: str, title: str | None = None) -> ArgumentMap:
    """A map with no nodes over ``text``, its source named after ``source_file``."""
    name = source_file.name.split(".")[0] or source_file.name
    title = title if title is not None else _first_line(text) or name
    source = SourceDocument(id=source_id(source_file), title=title, text=text)
    return ArgumentMap(title=title, sources=[source])


def source_id(source_file: Path) -> str:
    """``uk-france-small-boats`` for ``UK France small boats.txt``: lower case, dashes."""
    stem = source_file.name.split(".")[0]
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "source"


def read_text(path: Path) -> str:
    """The source text (see :func:`argmap.io.text.read_source_text`)."""
    return read_source_text(path)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if any(c.isalnum() for c in stripped):
            return stripped if len(stripped) <= 120 else stripped[:119] + "…"
    return ""
