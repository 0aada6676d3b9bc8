"""The R-tree of arrow pieces that scheme labels keep off: long pieces are found wherever
they pass, short ones only near where they are."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from argmap.ui.canvas.segment_index import SegmentIndex


def test_finds_the_pieces_whose_boxes_meet_the_rect_in_the_order_added() -> None:
    long = (QPointF(0, 100), QPointF(1_000_000, 140))  # across a very wide map
    short = (QPointF(500_000, 0), QPointF(500_010, 10))
    far = (QPointF(0, 5_000), QPointF(10, 5_010))
    index = SegmentIndex([long, short, far])

    assert index.near(QRectF(499_990, 0, 50, 200)) == [long, short]
    assert index.near(QRectF(20, 90, 10, 10)) == [long]
    assert index.near(QRectF(900_000, 0, 10, 10)) == []
    # Touching counts, as for the rects it replaces.
    assert index.near(QRectF(10, 5_010, 5, 5)) == [far]


def test_an_empty_index_finds_nothing() -> None:
    assert SegmentIndex([]).near(QRectF(0, 0, 100, 100)) == []
