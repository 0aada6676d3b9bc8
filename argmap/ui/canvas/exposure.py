"""The parts of the scene a view is repainting at this moment, for arrows to skip those they
miss.

Qt tells an item only the bounding rect of what is redrawn (``exposedRect``), but clips the
painting to the parts themselves: a new card and its parent, far apart, make one tall rect
that a thousand long arrows cross, while none of them reaches either card. An arrow asks
:func:`parts` and paints only if it reaches one of them (see ``EdgeItem.paint``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QRectF

#: A part as (left, top, right, bottom) in scene coordinates.
Part = tuple[float, float, float, float]

_parts: list[Part] | None = None


@contextmanager
def repainting(rects: Iterable[QRectF]) -> Iterator[None]:
    """While a view repaints exactly these scene rects (and clips to them)."""
    global _parts
    previous = _parts
    _parts = [(r.left(), r.top(), r.right(), r.bottom()) for r in rects]
    try:
        yield
    finally:
        _parts = previous


def parts() -> list[Part] | None:
    """The scene rects being repainted; None: not known (an export, a single rect)."""
    return _parts
