"""Shared by the commands: load a map with its notes reported, write output safely."""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.io import native
from argmap.model import ArgumentMap


def load_map(path: str | Path, *, quiet: bool = False) -> ArgumentMap:
    """Load a native map, printing what the loader re-anchored or migrated to stderr."""
    result = native.load(path)
    if not quiet:
        for message in result.messages():
            print(f"{path}: {message}", file=sys.stderr)
    return result.map
