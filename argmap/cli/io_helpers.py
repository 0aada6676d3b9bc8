"""Shared by the commands: load a map with its notes reported, write output safely."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap.io import native
from argmap.model import ArgmapError, ArgumentMap


def load_map(path: str | Path, *, quiet: bool = False) -> ArgumentMap:
    """Load a native map, printing what the loader re-anchored or migrated to stderr."""
    result = native.load(path)
    if not quiet:
        for message in result.messages():
            print(f"{path}: {message}", file=sys.stderr)
    return result.map


#: What ``--paper`` takes (see argmap.ui.render_pdf; named here so --help needs no Qt).
PAPERS = ("a4", "a3", "letter", "legal", "map")


def add_paper_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--paper",
        choices=PAPERS,
        default="a4",
        help="PDF page: a paper size with the title on top (default: a4, landscape for a wide "
        "map), or 'map' for one page the map's size",
    )


def add_force_option(parser: argparse.ArgumentParser) -> None:
    """``--force``: the one rule for every command that writes a file."""
    parser.add_argument(
        "--force", action="store_true", help="replace the output file if it already exists"
    )


def refuse_overwrite(out: str | Path, force: bool) -> None:
    """Refuse to replace an existing file unless ``--force`` (checked before any work)."""
    path = Path(out)
    if path.is_dir():
        raise ArgmapError(f"{path}: is a folder; name a file to write")
    if path.exists() and not force:
        raise ArgmapError(f"{path}: already exists; use --force to replace it")
