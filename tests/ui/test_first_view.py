"""The first view of a map and its overview: main claims whole, cards titled when small."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.analysis.sides import main_claims
from argmap.io import native
from argmap.model import ArgumentMap, Direction, MapLayout, Node, NodeKind, Point, Relation
from argmap.ui.canvas.card import CardMeasure, content_for, text_font
from argmap.ui.canvas.framing import OVERVIEW_SCALE
from argmap.ui.canvas.lod import TEXT_SCALE
from argmap.ui.canvas.node_item import NodeItem
from argmap.ui.canvas.overview_title import TITLE_INK, title_lines
from tests.ui.conftest import MakeWindow


def _white_pixels(image: QImage) -> int:
    white = TITLE_INK.rgb()
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).rgb() == white
    )


def _card_at(scale: float, text: str) -> QImage:
    node = Node(id="c1", kind=NodeKind.CLAIM, text=text)
    content = content_for(node)
    item = NodeItem("c1", content, CardMeasure().size(content))
    rect = item.boundingRect()
    image = QImage(
        int(rect.width() * scale) + 2, int(rect.height() * scale) + 2, QImage.Format.Format_RGB32
    )
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    painter.translate(-rect.topLeft())
    item.paint(painter, None)  # type: ignore[arg-type]
    painter.end()
    return image


def test_a_card_at_overview_zoom_shows_its_first_words_not_a_blank_block() -> None:
    scale = TEXT_SCALE * 0.8
    words = _white_pixels(_card_at(scale, "The new UK-France agreement will reduce crossings"))
    blank = _white_pixels(_card_at(scale, ""))
    assert blank == 0
    assert words > 40  # letters drawn on the block


def test_a_title_is_wrapped_at_words_and_the_rest_cut_with_an_ellipsis() -> None:
    metrics = QFontMetricsF(text_font())
    width = metrics.horizontalAdvance("The new UK-France") + 1
    lines = title_lines("The new UK-France agreement will reduce crossings", metrics, width, 2)
    assert lines[0] == "The new UK-France"
    assert lines[1].startswith("agree") and lines[1].endswith("…")
    assert title_lines("Short", metrics, width, 2) == ["Short"]


def test_the_bundled_map_opens_with_every_main_claim_whole(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    canvas = window.canvas
    claims = main_claims(window.session.map)
    assert len(claims) >= 2
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    for claim in claims:
        item = canvas.map_scene.node_item(claim)
        assert item is not None
        assert shown.contains(item.sceneBoundingRect()), claim
    assert canvas.zoom_level() >= OVERVIEW_SCALE
    assert canvas.zoom_level() <= 1.0


def _two_far_claims(b_row: float) -> ArgumentMap:
    """Claim a (one reason) and claim b (three), far apart: too wide to show together."""
    nodes = [Node(id="a", kind=NodeKind.CLAIM, text="a"), Node(id="b", kind=NodeKind.CLAIM)]
    relations = []
    positions = {"a": Point(x=0.0, y=0.0), "b": Point(x=30_000.0, y=b_row)}
    for claim, count, x in (("a", 1, 0.0), ("b", 3, 30_000.0)):
        for i in range(count):
            nodes.append(Node(id=f"{claim}{i}", kind=NodeKind.EVIDENCE, text=f"{claim}{i}"))
            relations.append(
                Relation(id=f"r{claim}{i}", kind="support", premises=[f"{claim}{i}"], target=claim)
            )
            positions[f"{claim}{i}"] = Point(x=x + 300.0 * i, y=b_row + 300.0)
    return ArgumentMap(
        nodes=nodes,
        relations=relations,
        layout=MapLayout(direction=Direction.TOP_BOTTOM, positions=positions),
    )


@pytest.mark.parametrize(("b_row", "first"), [(0.0, "b"), (600.0, "a")])
def test_a_wide_map_starts_at_the_highest_main_claim_and_of_a_row_the_biggest(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, b_row: float, first: str
) -> None:
    path = tmp_path / "far.argmap.json"
    native.save(_two_far_claims(b_row), path)
    window = make_window(path)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    canvas = window.canvas
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    for claim in ("a", "b"):
        item = canvas.map_scene.node_item(claim)
        assert item is not None
        assert shown.contains(item.sceneBoundingRect()) == (claim == first), claim
