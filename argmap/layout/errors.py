"""Errors of the layout engine: what was asked, and why it cannot be done."""

from __future__ import annotations

from argmap.model import ArgmapError

__all__ = ["LayoutError"]


class LayoutError(ArgmapError):
    """A layout cannot be computed as asked (unknown algorithm or node, Graphviz missing)."""
