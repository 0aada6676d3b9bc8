"""``argmap merge A B [C ...] -o OUT``: one map from several maps of the same reading."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argmap.cli.io_helpers import add_force_option

NAME = "merge"
HELP = "merge maps: matched statements once (A's wording, others' in the notes), the rest united"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("maps", metavar="MAP", nargs="+", help="two or more maps; A's wording wins")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the map to write")
    add_force_option(parser)


def run(args: argparse.Namespace) -> int:
    from argmap.cli import EXIT_USAGE
    from argmap.cli.io_helpers import load_map, refuse_overwrite
    from argmap.io import native
    from argmap.seminar.merge import merge_maps

    if len(args.maps) < 2:
        print("argmap merge: give at least two maps to merge", file=sys.stderr)
        return EXIT_USAGE
    refuse_overwrite(args.output, args.force)  # the one rule, before any work
    maps = [load_map(path) for path in args.maps]
    labels = [Path(path).name.removesuffix(".argmap.json") for path in args.maps]
    result = merge_maps(maps[0], *maps[1:], labels=labels)
    native.save(result.map, args.output)
    print(
        f"merged {len(maps)} maps into {args.output}: {len(result.map.nodes)} statements "
        f"({len(result.added_nodes)} added), {len(result.map.relations)} relations "
        f"({len(result.added_relations)} added), {len(result.conflicts)} conflicts"
    )
    for conflict in result.conflicts:
        print(f"  conflict: {conflict.describe()}")
    return 0
