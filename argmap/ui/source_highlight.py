"""Anchored spans of a source, and their highlighting in the source text.

Every anchor is painted as a translucent tint of its node's kind colour, so where spans overlap
the tints add up and the text stays readable; the selected nodes' spans are stronger and
underlined.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from argmap.model import ArgumentMap, NodeKind
from argmap.ui.roles import rebuttal_ids, role_colour
from argmap.ui.text_positions import TextPositions

#: Tint strength of ordinary and of selected highlights (0-255).
NORMAL_ALPHA = 60
SELECTED_ALPHA = 150


@dataclass(frozen=True)
class AnchorSpan:
    """One anchor of one node, as offsets into its source."""

    node_id: str
    kind: NodeKind
    start: int
    end: int
    #: an objection answering an objection: tinted in the rebuttal colour, as its card
    rebuttal: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


def spans_in(argument_map: ArgumentMap, source_id: str) -> list[AnchorSpan]:
    """Every anchored span in one source, longest first (so short spans paint on top)."""
    rebuttals = rebuttal_ids(argument_map)
    spans = [
        AnchorSpan(node.id, node.kind, anchor.start, anchor.end, node.id in rebuttals)
        for node in argument_map.nodes
        for anchor in node.anchors
        if anchor.source_id == source_id and anchor.end > anchor.start
    ]
    return sorted(spans, key=lambda span: (-span.length, span.start))


def spans_at(spans: list[AnchorSpan], offset: int) -> list[AnchorSpan]:
    """The spans covering the character at ``offset``, innermost (shortest) first."""
    hits = [span for span in spans if span.start <= offset < span.end]
    return sorted(hits, key=lambda span: span.length)


def span_selections(
    document: QTextDocument, spans: list[AnchorSpan], positions: TextPositions, selected: bool
) -> list[QTextEdit.ExtraSelection]:
    """Extra selections painting ``spans`` (the document itself is never changed).

    Built once per change of the spans; the selected nodes' stronger tint is a second, small
    list laid on top, so a click does not rebuild thousands of these.
    """
    selections: list[QTextEdit.ExtraSelection] = []
    formats = {
        (kind, rebuttal): _format(role_colour(kind, rebuttal), selected)
        for kind in NodeKind
        for rebuttal in (False, True)
    }
    cursor = QTextCursor(document)
    for span in spans:
        selection = QTextEdit.ExtraSelection()
        cursor.setPosition(positions.to_qt(span.start))
        cursor.setPosition(positions.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = QTextCursor(cursor)
        selection.format = formats[span.kind, span.rebuttal]
        selections.append(selection)
    return selections


def _format(colour: QColor, selected: bool) -> QTextCharFormat:
    text_format = QTextCharFormat()
    tint = QColor(colour)
    tint.setAlpha(SELECTED_ALPHA if selected else NORMAL_ALPHA)
    text_format.setBackground(tint)
    if selected:
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        text_format.setUnderlineColor(colour)
    return text_format
