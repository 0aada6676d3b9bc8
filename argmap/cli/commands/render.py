"""``argmap render FILE -o OUT.png|.svg|.pdf [--width PX]``: draw a map without a screen."""

from __future__ import annotations

import argparse
from pathlib import Path

from argmap.cli.io_helpers import (
    add_force_option,
    add_paper_option,
    load_map,
    refuse_overwrite,
)
from argmap.model import ArgmapError

NAME = "render"
HELP = "draw a map to PNG, SVG or PDF as the editor's canvas shows it (no screen needed)"

_FORMATS = (".png", ".svg", ".pdf")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the map to draw (.argmap.json)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="the image to write; its extension (.png, .svg, .pdf) chooses the format",
    )
    parser.add_argument(
        "--width",
        metavar="PX",
        type=int,
        default=None,
        help="image width in pixels (PDF: points, with --paper map); default: the map's size",
    )
    parser.add_argument(
        "--scale",
        metavar="N",
        type=float,
        default=None,
        help="draw N pixels per point of the map at 100%% (2 or 3: a sharp PNG); not with --width",
    )
    parser.add_argument(
        "--no-legend", action="store_true", help="leave out the key to kinds and arrows"
    )
    add_paper_option(parser)
    add_force_option(parser)


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    # Checked before loading or starting Qt, so a typo fails fast and clearly.
    if out.suffix.lower() not in _FORMATS:
        raise ArgmapError(
            f"{out}: cannot render to {out.suffix or 'no extension'}; use .png, .svg or .pdf"
        )
    refuse_overwrite(out, args.force)
    argument_map = load_map(args.file)
    from argmap.ui.render import render_map  # Qt is imported only when drawing

    written = render_map(
        argument_map,
        out,
        width=args.width,
        legend=not args.no_legend,
        paper=args.paper,
        scale=args.scale,
    )
    print(f"wrote {written} ({len(argument_map.nodes)} nodes)")
    return 0
