"""``argmap schema [-o FILE]``: write the JSON Schema of the native file format."""

from __future__ import annotations

import argparse

from argmap.cli.io_helpers import add_force_option, refuse_overwrite
from argmap.io.atomic import write_atomic
from argmap.io.schema import schema_text

NAME = "schema"
HELP = (
    "print the JSON Schema of .argmap.json files, generated from the models "
    "(argmap schema -o resources/schema/argmap-2.schema.json --force regenerates the shipped copy)"
)


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the schema to FILE instead of printing it"
    )
    add_force_option(parser)


def run(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.output is None:
        print(text, end="")
        return 0
    refuse_overwrite(args.output, args.force)
    write_atomic(args.output, text.encode("utf-8"))
    print(f"wrote {args.output}")
    return 0
