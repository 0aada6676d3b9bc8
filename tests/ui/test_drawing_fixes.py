"""Drawing details a coach tripped over: signs on signs, the handle on an arrowhead, the editor
spilling out of its card, a cut evidence type, and arrows too short to show their direction."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsScene
from pytestqt.qtbot import QtBot

from argmap.model import (
    ArgumentMap,
    MapLayout,
    Node,
    NodeKind,
    Point,
    Relation,
    RelationKind,
)
from argmap.ui import theme
from argmap.ui.canvas.card import CARD_WIDTH, PADDING, header_font
from argmap.ui.canvas.edge_item import HEAD_HALF_WIDTH, EdgeItem
from argmap.ui.canvas.geometry import SIGN_RADIUS, EdgeGeometry
from argmap.ui.canvas.node_item import HANDLE_RADIUS, header_parts
from argmap.ui.canvas.sign_spacing import CLEARANCE, space_signs
from tests.ui.test_canvas import Canvas, canvas_map, make_canvas


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[Canvas]:
    result = make_canvas(qtbot, canvas_map())
    yield result
    result.view.bridge.detach()


def _edge(relation_id: str, start: QPointF, end: QPointF) -> EdgeItem:
    edge = EdgeItem(relation_id, RelationKind.ATTACK, None)
    edge.set_geometry(EdgeGeometry(start, end))
    return edge


def test_two_signs_leaving_one_card_are_drawn_apart() -> None:
    scene = QGraphicsScene()
    attack = _edge("r2", QPointF(0, 0), QPointF(200, 0))
    undercut = _edge("r3", QPointF(0, 0), QPointF(200, 12))
    for edge in (attack, undercut):
        scene.addItem(edge)
    relations = {
        "r2": Relation(id="r2", kind=RelationKind.ATTACK, premises=["ca1"], target="c2"),
        "r3": Relation(id="r3", kind=RelationKind.ATTACK, premises=["ca1"], target="r1"),
    }
    edges = {"r2": attack, "r3": undercut}
    gap = attack.sign_point() - undercut.sign_point()
    assert math.hypot(gap.x(), gap.y()) < CLEARANCE  # on top of each other, as drawn before
    assert space_signs(edges, relations) == 1
    gap = attack.sign_point() - undercut.sign_point()
    assert math.hypot(gap.x(), gap.y()) >= CLEARANCE
    # An arrow an undercut points at keeps its sign where the undercut ends.
    relations["r9"] = Relation(id="r9", kind=RelationKind.ATTACK, premises=["x"], target="r3")
    space_signs(edges, relations)
    assert undercut.sign_t == 0.5 and attack.sign_t != 0.5


def test_an_edit_spaces_only_the_signs_near_what_it_routed() -> None:
    """The pass after an edit looks at the arrows leaving the routed arrows' premise cards:
    it spaces them as a whole pass would, and leaves signs elsewhere alone."""
    scene = QGraphicsScene()
    attack = _edge("r2", QPointF(0, 0), QPointF(200, 0))
    undercut = _edge("r3", QPointF(0, 0), QPointF(200, 12))
    far_a = _edge("f1", QPointF(900, 0), QPointF(1100, 0))
    far_b = _edge("f2", QPointF(900, 0), QPointF(1100, 12))
    for edge in (attack, undercut, far_a, far_b):
        scene.addItem(edge)
    relations = {
        "r2": Relation(id="r2", kind=RelationKind.ATTACK, premises=["ca1"], target="c2"),
        "r3": Relation(id="r3", kind=RelationKind.ATTACK, premises=["ca1"], target="r1"),
        "f1": Relation(id="f1", kind=RelationKind.ATTACK, premises=["z"], target="y"),
        "f2": Relation(id="f2", kind=RelationKind.ATTACK, premises=["z"], target="w"),
    }
    touching: dict[str, set[str]] = {}
    for relation in relations.values():
        for end in (*relation.premises, relation.target):
            touching.setdefault(end, set()).add(relation.id)
    edges = {"r2": attack, "r3": undercut, "f1": far_a, "f2": far_b}
    assert space_signs(edges, relations, {"r3"}, touching) == 1  # r2 shares its premise
    gap = attack.sign_point() - undercut.sign_point()
    assert math.hypot(gap.x(), gap.y()) >= CLEARANCE
    assert far_a.sign_t == far_b.sign_t == 0.5  # not looked at: still on top of each other


def test_the_handle_is_clear_of_an_arrow_arriving_from_below(canvas: Canvas) -> None:
    edge = canvas.edge("r1")  # c2, right below c1, supports it
    assert edge.geometry is not None
    tip = edge.geometry.end
    handle = canvas.node("c1").handle_center()
    assert math.hypot(tip.x() - handle.x(), tip.y() - handle.y()) > (
        HANDLE_RADIUS + HEAD_HALF_WIDTH + 4
    )
    assert canvas.node("c1").scene_card_rect().contains(handle - QPointF(0, 1))  # still on it


def test_the_editor_stays_inside_its_card_as_the_text_grows(canvas: Canvas) -> None:
    canvas.selection.set(["x1"])
    canvas.view.edit_current()
    editor = canvas.view.editor.widget()
    assert editor is not None
    QTest.keyClicks(editor, " and then a much longer statement that runs over several lines")
    card = canvas.node("x1")
    proxy = canvas.view.editor._proxy
    assert proxy is not None
    assert card.scene_card_rect().contains(proxy.sceneBoundingRect())
    editor_height = proxy.sceneBoundingRect().height()
    assert editor_height > 3 * editor.fontMetrics().lineSpacing()  # the card grew with it
    QTest.keyClick(editor, Qt.Key.Key_Escape)  # Esc: the card is the map's again
    assert card.content.text == "A claim on its own"


def test_evidence_type_is_not_cut_beside_badges_and_marks() -> None:
    width = CARD_WIDTH - 2 * PADDING - 42 - 26  # the badge and the two marks
    bold, small = header_parts("EVIDENCE", "official statement", width)
    assert (bold, small) == ("EVIDENCE · ", "official statement")
    assert header_parts("CLAIM", "", width) == ("CLAIM", "")
    roomy = header_parts("EVIDENCE", "statistic", width)
    assert roomy == ("EVIDENCE  ·  statistic", "")
    assert QFontMetricsF(header_font()).horizontalAdvance("EVIDENCE  ·  official statement") > (
        width
    )


def test_an_arrow_between_stacked_cards_points_at_its_target(qtbot: QtBot) -> None:
    argument_map = ArgumentMap(
        nodes=[
            Node(id="a", kind=NodeKind.CLAIM, text="Above"),
            Node(id="b", kind=NodeKind.CLAIM, text="Below"),
        ],
        relations=[Relation(id="r", kind=RelationKind.SUPPORT, premises=["b"], target="a")],
        layout=MapLayout(positions={"a": Point(x=0, y=0), "b": Point(x=0, y=75)}),
    )
    canvas = make_canvas(qtbot, argument_map)
    edge = canvas.edge("r")
    assert edge.geometry is not None
    above = canvas.node("a").scene_card_rect()
    mid = edge.geometry.mid
    assert mid.y() - above.bottom() < 2 * SIGN_RADIUS  # far too short for an arrowhead
    # Just above the middle, where the sign's white disc used to be: the pointer, in green.
    spot = QRectF(mid.x() - 1, mid.y() - 7, 2, 2)
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    canvas.view.map_scene.render(painter, QRectF(image.rect()), spot)
    painter.end()
    green = theme.RELATION_COLOURS[RelationKind.SUPPORT]
    canvas.view.bridge.detach()
    assert _near(image.pixelColor(4, 4), green)


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60
