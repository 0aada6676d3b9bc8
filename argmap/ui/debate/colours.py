"""Bench colours: proposition (for the motion) and opposition (against it)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from argmap.model import DebateSide

PROPOSITION = QColor("#1f5fa8")
OPPOSITION = QColor("#b03a2e")
BOTH_SIDES = QColor("#7d3c98")
NEITHER_SIDE = QColor("#7f8c8d")

SIDE_COLOURS: dict[DebateSide, QColor] = {
    DebateSide.FOR: PROPOSITION,
    DebateSide.AGAINST: OPPOSITION,
    DebateSide.BOTH: BOTH_SIDES,
    DebateSide.NEITHER: NEITHER_SIDE,
}

SIDE_NAMES: dict[DebateSide, str] = {
    DebateSide.FOR: "For the motion (proposition)",
    DebateSide.AGAINST: "Against the motion (opposition)",
    DebateSide.BOTH: "Both sides",
    DebateSide.NEITHER: "Neither side (no way to the motion)",
}
