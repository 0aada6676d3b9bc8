"""``argmap serve [--host H] [--port P] [--store DIR] [--token T]``: run a room server."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from argmap.collab.server import RoomServer
from argmap.model import ArgmapError

NAME = "serve"
HELP = "run a server for live shared maps (rooms are URL paths); runs until interrupted"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765, 0: any)")
    parser.add_argument("--store", metavar="DIR", help="keep every room's updates in DIR")
    parser.add_argument(
        "--token", metavar="TOKEN", help="the token clients must give (default: a new one)"
    )


def run(args: argparse.Namespace) -> int:
    store = Path(args.store) if args.store else None
    server = RoomServer(host=args.host, port=args.port, token=args.token, store=store)

    def ready(server: RoomServer) -> None:
        print(f"argmap room server on {server.url()}ROOM", flush=True)
        room = server.url("seminar")
        print(f"  share a map:  argmap push MAP.argmap.json {room} --token {server.token}")
        print(f"  join it:      File > Join Shared Map..., address {server.url('seminar')}")
        print(f"  token:        {server.token}")
        print("  rooms are kept in " + (str(store) if store else "memory only (use --store DIR)"))
        print("Ctrl+C stops the server.", flush=True)

    try:
        asyncio.run(server.run(on_ready=ready))
    except KeyboardInterrupt:
        print("stopped")
    except OSError as exc:
        raise ArgmapError(
            f"cannot serve on {args.host}:{args.port}: {exc.strerror or exc}"
        ) from None
    return 0
