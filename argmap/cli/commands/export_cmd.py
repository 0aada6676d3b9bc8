"""``argmap export FILE --to FORMAT -o OUT``: write a map for other tools, or for the room."""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap.cli.io_helpers import (
    add_force_option,
    add_paper_option,
    load_map,
    refuse_overwrite,
)
from argmap.io.aif import write_aif
from argmap.io.brief import write_brief
from argmap.io.brief_verdicts import grounded_verdicts
from argmap.io.formats import export_file, export_formats, get_format, infer_format
from argmap.model import ArgmapError

NAME = "export"
HELP = (
    "write a map as AIF JSON, Argdown, GraphML or Kialo text, a Markdown debate brief, speaking "
    "notes or blocks, a PNG/SVG/PDF image, a flow sheet or slides"
)


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the map to export (.argmap.json)")
    parser.add_argument(
        "--to",
        dest="target_format",
        metavar="FORMAT",
        choices=[f.name for f in export_formats()],
        help="the format: "
        + ", ".join(f.name for f in export_formats())
        + " (default: from the output's extension)",
    )
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the file to write")
    parser.add_argument(
        "--width", metavar="PX", type=int, default=None, help="image width (png, svg, pdf)"
    )
    parser.add_argument(
        "--scale", metavar="N", type=float, default=None, help="image scale, 1 to 4 (png at 2x)"
    )
    parser.add_argument(
        "--plain-aif",
        action="store_true",
        help="write AIF as a plain AIFdb nodeset instead of OVA's wrapped form",
    )
    parser.add_argument(
        "--verdicts",
        action="store_true",
        help="in a debate brief (markdown), mark each statement stands/falls/undecided",
    )
    add_paper_option(parser)
    add_force_option(parser)


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if args.target_format:
        fmt = get_format(args.target_format, for_import=False)
    else:
        fmt = infer_format(out, for_import=False)
    # Checked before loading, so a typo fails fast.
    if fmt.image and out.suffix.lower() not in fmt.extensions:
        names = " or ".join(f"…{ext}" for ext in fmt.extensions)
        raise ArgmapError(f"{out}: a {fmt.label} must be named {names}")
    refuse_overwrite(out, args.force)
    if args.verdicts and fmt.name != "markdown":
        raise ArgmapError("--verdicts is for the debate brief (--to markdown)")
    argument_map = load_map(args.file)
    if fmt.name in ("flow", "slides"):
        from argmap.ui.debate.export import DRAWINGS  # Qt is imported only to draw

        DRAWINGS[fmt.name](argument_map, out)
    elif fmt.image:
        from argmap.ui.render import render_map  # Qt is imported only to draw

        render_map(argument_map, out, width=args.width, paper=args.paper, scale=args.scale)
    elif fmt.name == "markdown" and args.verdicts:
        write_brief(argument_map, out, grounded_verdicts(argument_map))
    elif fmt.name == "aif":
        write_aif(argument_map, out, plain=args.plain_aif)
    else:
        export_file(argument_map, out, fmt.name)
    print(f"wrote {out} ({fmt.label}, {len(argument_map.nodes)} statements)")
    return 0
