"""``argmap layout FILE --algorithm tree|layered|compact|radial -o OUT``: new positions, headless.

Card sizes are estimated from each statement's text with the canvas's font model (no screen
is needed); pinned nodes keep their place. The algorithm and direction are stored in the
map's layout section, so the editor knows how the map was laid out.
"""

from __future__ import annotations

import argparse

from argmap.cli.io_helpers import add_force_option, load_map, refuse_overwrite
from argmap.io import native
from argmap.layout import ALGORITHMS, DEFAULT_ALGORITHM, compute_layout
from argmap.layout.best import best_layout
from argmap.model import Direction

NAME = "layout"
HELP = "lay out a map automatically and write it with the new positions"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the map to lay out (.argmap.json)")
    parser.add_argument(
        "-a",
        "--algorithm",
        choices=[*ALGORITHMS, "best"],
        default=DEFAULT_ALGORITHM,
        help=f"the layout (default: {DEFAULT_ALGORITHM}); best: the best for the map's shape; "
        "dot needs Graphviz installed",
    )
    parser.add_argument(
        "-d",
        "--direction",
        choices=[d.value for d in Direction],
        default=None,
        help="TB: main claims on top; LR: on the left (default: the map's own)",
    )
    parser.add_argument(
        "--root",
        metavar="ID",
        default=None,
        help="node drawn first (tree, compact) or at the centre (radial)",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="where to write the laid-out map"
    )
    add_force_option(parser)


def run(args: argparse.Namespace) -> int:
    refuse_overwrite(args.output, args.force)
    argument_map = load_map(args.file)
    direction = Direction(args.direction or argument_map.layout.direction)
    if args.algorithm == "best":
        choice = best_layout(argument_map)
        print(f"the best for this map: {choice.label}: {choice.reason}")
        args.algorithm, direction, positions = choice.algorithm, choice.direction, choice.positions
    else:
        positions = compute_layout(argument_map, args.algorithm, direction, root=args.root)
    argument_map.layout.positions = {n.id: positions[n.id] for n in argument_map.nodes}
    argument_map.layout.algorithm = args.algorithm
    argument_map.layout.direction = direction
    native.save(argument_map, args.output)
    # Radial places rings around a centre: a direction means nothing to it.
    how = args.algorithm if args.algorithm == "radial" else f"{args.algorithm}, {direction.value}"
    print(f"wrote {args.output}: {len(positions)} nodes laid out ({how})")
    return 0
