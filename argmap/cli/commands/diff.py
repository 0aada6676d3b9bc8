"""``argmap diff A B [--json]``: what differs between two maps of the same reading."""

from __future__ import annotations

import argparse
import json

NAME = "diff"
HELP = "compare two maps: statements and relations the same, changed, removed or added"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("first", metavar="A", help="a map (.argmap.json)")
    parser.add_argument("second", metavar="B", help="another map of the same text")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"nodes": {"same": [[idA, idB], ...], "changed": [...], "removed": [idA, ...],'
        ' "added": [idB, ...]}, "relations": {...}}',
    )


def run(args: argparse.Namespace) -> int:
    from argmap.cli.io_helpers import load_map
    from argmap.seminar.diff import diff_maps
    from argmap.seminar.report import diff_lines

    first = load_map(args.first, quiet=args.json)
    second = load_map(args.second, quiet=args.json)
    result = diff_maps(first, second)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        for line in diff_lines(first, second, result):
            print(line)
    return 0
