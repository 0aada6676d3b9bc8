"""``argmap validate FILE...``: check map files, each fully, and say what is wrong and where."""

from __future__ import annotations

import argparse
import sys

from argmap.io import native
from argmap.model import ArgmapError

NAME = "validate"
HELP = "check map files: 'FILE: ok (N nodes, M relations)' or the first problem and where it is"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", metavar="FILE", nargs="+", help="maps to check (.argmap.json)")


def run(args: argparse.Namespace) -> int:
    """Check every file (one bad file does not stop the rest); 1 if any is bad."""
    bad = 0
    for path in args.files:
        try:
            result = native.load(path)
        except ArgmapError as exc:
            print(str(exc), file=sys.stderr)  # already "FILE: what is wrong, where"
            bad += 1
            continue
        m = result.map
        print(f"{path}: ok ({len(m.nodes)} nodes, {len(m.relations)} relations)")
        for message in result.messages():
            print(f"{path}: {message}", file=sys.stderr)
    return 1 if bad else 0
