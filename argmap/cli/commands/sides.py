"""``argmap sides FILE [--motion ID] [--json]``: which side of the motion each statement is on."""

from __future__ import annotations

import argparse
import json

NAME = "sides"
HELP = "say which side of the motion every statement is on: for, against, both or neither"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a map (.argmap.json)")
    parser.add_argument(
        "--motion", metavar="ID", help="the claim debated (default: the map's motion)"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"motion": ID, "sides": {id: "for"|"against"|"both"|"neither"}}',
    )


def run(args: argparse.Namespace) -> int:
    from argmap.cli.io_helpers import load_map
    from argmap.debate.sides import motion_of, sides

    argument_map = load_map(args.file, quiet=args.json)
    motion = motion_of(argument_map, args.motion)
    result = sides(argument_map, motion)
    if args.json:
        document = {"motion": motion, "sides": {k: v.value for k, v in result.items()}}
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    nodes = argument_map.node_index()
    overridden = argument_map.debate.side_overrides
    print(f"motion: {_short(nodes[motion].text)}  [{motion}]")
    for side in ("for", "against", "both", "neither"):
        ids = [node_id for node_id, value in result.items() if value.value == side]
        if not ids:
            continue
        print(f"{side} ({len(ids)}):")
        for node_id in ids:
            mark = " (set by hand)" if node_id in overridden else ""
            print(f"  - {_short(nodes[node_id].text)}  [{node_id}]{mark}")
    return 0


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
