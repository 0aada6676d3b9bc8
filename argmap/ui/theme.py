"""Colours and styles shared by the canvas, the source panel and the exports."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from argmap.model import NodeKind, RelationKind

#: Card header / highlight colour of each node kind.
KIND_COLOURS: dict[NodeKind, QColor] = {
    NodeKind.CLAIM: QColor("#2f6fb5"),
    NodeKind.EVIDENCE: QColor("#2e8b57"),
    NodeKind.COUNTERARGUMENT: QColor("#c0392b"),
}
#: A counterargument that answers a counterargument is shown as a rebuttal.
REBUTTAL_COLOUR = QColor("#d68910")

KIND_LABELS: dict[NodeKind, str] = {
    NodeKind.CLAIM: "Claim",
    NodeKind.EVIDENCE: "Evidence",
    NodeKind.COUNTERARGUMENT: "Objection",
}
REBUTTAL_LABEL = "Rebuttal"

#: Relation colours; attacks are also dashed, so they differ by more than colour.
RELATION_COLOURS: dict[RelationKind, QColor] = {
    RelationKind.SUPPORT: QColor("#2e8b57"),
    RelationKind.ATTACK: QColor("#c0392b"),
}
RELATION_STYLES: dict[RelationKind, Qt.PenStyle] = {
    RelationKind.SUPPORT: Qt.PenStyle.SolidLine,
    RelationKind.ATTACK: Qt.PenStyle.DashLine,
}


def highlight_colour(kind: NodeKind, alpha: int = 70) -> QColor:
    """A translucent tint of a kind's colour, so overlapping highlights stay readable."""
    colour = QColor(KIND_COLOURS[kind])
    colour.setAlpha(alpha)
    return colour
