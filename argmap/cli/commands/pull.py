"""``argmap pull ws://HOST:PORT/ROOM --token T -o OUT``: a snapshot of a room's map."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import anyio

from argmap.collab.transfer import describe_room, pull
from argmap.io import native
from argmap.model import ArgmapError

NAME = "pull"
HELP = "write a snapshot of a shared room's map to a .argmap.json file"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", metavar="URL", help="the room: ws://HOST:PORT/ROOM")
    parser.add_argument("--token", required=True, help="the server's token")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the file to write")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait (30)")


def run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.exists() and not args.force:
        raise ArgmapError(f"{out}: already exists; use --force to replace it")
    read = anyio.run(pull, args.url, args.token, args.timeout)
    for problem in read.problems:
        print(f"{describe_room(args.url)}: repaired: {problem}", file=sys.stderr)
    native.save(read.argument_map, out)
    print(f"wrote {out} ({len(read.argument_map.nodes)} statements)")
    return 0
