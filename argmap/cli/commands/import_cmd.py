"""``argmap import FILE [--from aif|argdown|graphml] -o OUT.argmap.json``: bring a map in."""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap.cli.io_helpers import add_force_option, refuse_overwrite
from argmap.io import native
from argmap.io.formats import get_format, import_file, import_formats, infer_format
from argmap.layout.best import best_layout
from argmap.model import ArgmapError, ArgumentMap, Point

NAME = "import"
HELP = (
    "read a map made elsewhere (AIF JSON from OVA/AIFdb, Argdown, GraphML, a Kialo export) "
    "into argmap's format"
)


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument(
        "--from",
        dest="source_format",
        metavar="FORMAT",
        choices=[f.name for f in import_formats()],
        help="its format: "
        + ", ".join(f.name for f in import_formats())
        + " (default: from the extension, and for .json the content)",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the map to write (.argmap.json)"
    )
    parser.add_argument(
        "--skip-broken",
        action="store_true",
        help="import what can be read from a file with broken parts (they are listed)",
    )
    parser.add_argument(
        "--no-layout", action="store_true", help="leave a map without positions unplaced"
    )
    add_force_option(parser)


def run(args: argparse.Namespace) -> int:
    source, out = Path(args.file), Path(args.output)
    if not out.name.lower().endswith(native.SUFFIX):
        raise ArgmapError(f"{out}: the output is an argmap map; name it ...{native.SUFFIX}")
    if out.resolve() == source.resolve():
        raise ArgmapError(f"{out}: would overwrite the file being imported")
    refuse_overwrite(out, args.force)
    if args.source_format:
        fmt = get_format(args.source_format, for_import=True)
    else:
        fmt = infer_format(source, for_import=True)
    result = import_file(source, fmt.name, skip_broken=args.skip_broken)
    notes = list(result.summary)
    if not args.no_layout and result.map.nodes and not result.map.layout.positions:
        notes.append(lay_out(result.map))
    native.save(result.map, out)
    print(f"imported {source} as {fmt.label}: {result.counts()}")
    for line in notes:
        print(f"  {line}")
    print(f"wrote {out}")
    return 0


def lay_out(argument_map: ArgumentMap) -> str:
    """Place the map's nodes with the best layout for its shape (card sizes estimated, no
    screen, a 16:9 page) and say which was chosen and why."""
    try:
        choice = best_layout(argument_map)
    except ArgmapError as exc:  # the map is still worth having: the editor can place it
        return f"left without positions (the automatic layout failed: {exc})"
    positions = choice.positions
    argument_map.layout.positions = {
        node.id: Point.rounded(positions[node.id].x, positions[node.id].y)
        for node in argument_map.nodes
        if node.id in positions
    }
    argument_map.layout.algorithm = choice.algorithm
    argument_map.layout.direction = choice.direction
    return f"laid out with {choice.label}, the best for this map: {choice.reason}"
