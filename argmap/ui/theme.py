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


# Canvas and rendering (added for the map canvas) ---------------------------------------------

#: The canvas background and the colour of the scene's ink (text, outlines).
CANVAS_BACKGROUND = QColor("#f7f7f4")
INK = QColor("#1e1e1e")
MUTED_INK = QColor("#6b6b6b")
#: Outline of a selected card or relation.
SELECTION_COLOUR = QColor("#1a73e8")
#: Fill of a card body: white, so text is readable whatever the kind colour.
CARD_FILL = QColor("#ffffff")
CARD_BORDER = QColor("#9a9a9a")
#: The small drag handle that starts a relation.
HANDLE_COLOUR = QColor("#555555")
#: The sign drawn in the middle of a relation's arrow, so kinds read without colour too.
RELATION_SIGNS: dict[RelationKind, str] = {
    RelationKind.SUPPORT: "+",
    RelationKind.ATTACK: "\u2212",
}
RELATION_LABELS: dict[RelationKind, str] = {
    RelationKind.SUPPORT: "Support",
    RelationKind.ATTACK: "Attack",
}


def card_tint(colour: QColor, alpha: int = 28) -> QColor:
    """A pale wash of ``colour`` for a card body, so kinds are told apart at a glance."""
    tint = QColor(colour)
    tint.setAlpha(alpha)
    return tint
