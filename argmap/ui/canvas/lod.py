"""Level-of-detail thresholds: below these scales the canvas draws less, so big maps stay smooth."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

#: Below this scale card text is unreadable (under ~5 px): cards become plain boxes.
TEXT_SCALE = 0.4
#: Below this scale arrowheads, signs and scheme labels are dropped (lines stay).
DETAIL_SCALE = 0.25


_forced = False


def scale_of(painter: QPainter) -> float:
    """How many device pixels one scene pixel takes in this paint (at least 1 while
    :func:`full_detail` is on)."""
    scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
    return max(scale, 1.0) if _forced else scale


@contextmanager
def full_detail() -> Iterator[None]:
    """Draw everything whatever the scale: exports are read zoomed in (SVG, PDF) or printed."""
    global _forced
    previous, _forced = _forced, True
    try:
        yield
    finally:
        _forced = previous
