"""``argmap push FILE ws://HOST:PORT/ROOM --token T [--replace]``: put a map into a room."""

from __future__ import annotations

import argparse

import anyio

from argmap.cli.io_helpers import load_map
from argmap.collab.transfer import push

NAME = "push"
HELP = "put a map into an empty room of an argmap server (or replace what it holds)"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the map (.argmap.json)")
    parser.add_argument("url", metavar="URL", help="the room: ws://HOST:PORT/ROOM")
    parser.add_argument("--token", required=True, help="the server's token")
    parser.add_argument("--replace", action="store_true", help="replace a different map")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait (30)")


def run(args: argparse.Namespace) -> int:
    argument_map = load_map(args.file)
    print(anyio.run(push, argument_map, args.url, args.token, args.replace, args.timeout))
    return 0
