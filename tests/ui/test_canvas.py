"""The map canvas against a real edit session: gestures become commands, the items follow."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsRectItem
from pytestqt.qtbot import QtBot

from argmap.editing import AddNode, EditSession, MoveNodes, link
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
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas.edge_item import EdgeItem
from argmap.ui.canvas.node_item import NodeItem
from argmap.ui.canvas.view import MapView
from argmap.ui.selection import SelectionModel

NO = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def canvas_map() -> ArgumentMap:
    """c1 <- c2 (support r1); c2 <- e1 (support r2); c2 <- ca1 (attack r3); x1 stands apart."""
    nodes = [
        Node(id="c1", kind=NodeKind.CLAIM, text="The British people have had enough"),
        Node(id="c2", kind=NodeKind.CLAIM, text="Criminal gangs drive illegal immigration"),
        Node(id="e1", kind=NodeKind.EVIDENCE, text="France prevented twice as many crossings"),
        Node(id="ca1", kind=NodeKind.COUNTERARGUMENT, text="Patrols displace the crossings"),
        Node(id="x1", kind=NodeKind.CLAIM, text="A claim on its own"),
    ]
    relations = [
        Relation(id="r1", kind=RelationKind.SUPPORT, premises=["c2"], target="c1"),
        Relation(id="r2", kind=RelationKind.SUPPORT, premises=["e1"], target="c2"),
        Relation(id="r3", kind=RelationKind.ATTACK, premises=["ca1"], target="c2"),
    ]
    positions = {
        "c1": Point(x=0, y=0),
        "c2": Point(x=0, y=200),
        "e1": Point(x=-160, y=400),
        "ca1": Point(x=160, y=400),
        "x1": Point(x=420, y=0),
    }
    return ArgumentMap(
        title="Canvas test", nodes=nodes, relations=relations, layout=MapLayout(positions=positions)
    )


@dataclass
class Canvas:
    """A view on a real session, with helpers to aim the mouse at cards."""

    session: EditSession
    selection: SelectionModel
    view: MapView

    @property
    def viewport(self):  # type: ignore[no-untyped-def]
        return self.view.viewport()

    def node(self, node_id: str) -> NodeItem:
        item = self.view.map_scene.node_item(node_id)
        assert item is not None, node_id
        return item

    def edge(self, relation_id: str) -> EdgeItem:
        item = self.view.map_scene.edge_item(relation_id)
        assert item is not None, relation_id
        return item

    def at(self, node_id: str, dx: float = 0, dy: float = 0) -> QPoint:
        return self.view.mapFromScene(self.node(node_id).pos() + QPointF(dx, dy))

    def handle(self, node_id: str) -> QPoint:
        return self.view.mapFromScene(self.node(node_id).handle_center())

    def drag(self, start: QPoint, end: QPoint, modifiers: Qt.KeyboardModifier = NO) -> None:
        QTest.mousePress(self.viewport, LEFT, NO, start)
        middle = (start + end) / 2
        QTest.mouseMove(self.viewport, QPoint(int(middle.x()), int(middle.y())))
        QTest.mouseMove(self.viewport, end)
        QTest.mouseRelease(self.viewport, LEFT, modifiers, end)


def make_canvas(qtbot: QtBot, argument_map: ArgumentMap) -> Canvas:
    session = EditSession(argument_map)
    bridge = SessionBridge(session)
    selection = SelectionModel()
    view = MapView(session, bridge, selection)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()  # the first fit runs once shown
    view.reset_zoom()
    view.centerOn(QPointF(100, 200))
    view.activateWindow()
    view.setFocus()
    return Canvas(session, selection, view)


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[Canvas]:
    result = make_canvas(qtbot, canvas_map())
    yield result
    result.view.bridge.detach()


def relation_triples(session: EditSession) -> set[tuple[str, tuple[str, ...], str]]:
    return {(r.kind.value, tuple(r.premises), r.target) for r in session.map.relations}


# Drawing -------------------------------------------------------------------------------------


def test_one_card_per_node_and_one_arrow_per_relation(canvas: Canvas) -> None:
    scene = canvas.view.map_scene
    assert sorted(i.node_id for i in scene.node_items()) == ["c1", "c2", "ca1", "e1", "x1"]
    assert sorted(e.relation_id for e in scene.edge_items()) == ["r1", "r2", "r3"]
    for item_id in ("c1", "r2"):
        assert scene.id_for(scene.item_for(item_id)) == item_id
    assert set(scene.card_sizes()) == {"c1", "c2", "ca1", "e1", "x1"}
    assert canvas.node("ca1").content.kind_label == "Objection"
    # cards sit at the stored centres, arrows run between borders, heads at the target
    assert canvas.node("c2").pos() == QPointF(0, 200)
    geometry = canvas.edge("r1").geometry
    assert geometry is not None
    c1_bottom = canvas.node("c1").scene_card_rect().bottom()
    c2_top = canvas.node("c2").scene_card_rect().top()
    assert geometry.end.y() == pytest.approx(c1_bottom, abs=3)
    assert geometry.start.y() == pytest.approx(c2_top, abs=3)


def test_linked_premises_meet_and_undercuts_hit_the_arrow_middle(qtbot: QtBot) -> None:
    argument_map = canvas_map()
    argument_map.relations[1] = Relation(
        id="r2", kind=RelationKind.SUPPORT, premises=["e1", "ca1"], target="c2"
    )
    argument_map.relations.append(
        Relation(id="u1", kind=RelationKind.ATTACK, premises=["x1"], target="r1")
    )
    canvas = make_canvas(qtbot, argument_map)
    linked = canvas.edge("r2").geometry
    assert linked is not None and linked.junction is not None
    assert [end for _start, end in linked.premise_lines] == [linked.junction, linked.junction]
    assert linked.junction.y() > canvas.node("c2").scene_card_rect().bottom()
    undercut = canvas.edge("u1").geometry
    attacked = canvas.edge("r1").mid()
    assert undercut is not None
    assert QPointF(undercut.end - attacked).manhattanLength() < 15


def test_a_counterargument_attacking_an_objection_reads_rebuttal(canvas: Canvas) -> None:
    node = Node(id="ca2", kind=NodeKind.COUNTERARGUMENT, text="Patrols were already at a maximum")
    canvas.session.execute(AddNode(node, Point(x=160, y=600)))
    assert canvas.node("ca2").content.kind_label == "Objection"
    canvas.session.execute(link(canvas.session.map, ["ca2"], "ca1", RelationKind.ATTACK))
    assert canvas.node("ca2").content.kind_label == "Rebuttal"
    assert canvas.node("ca2").content.colour == theme.REBUTTAL_COLOUR
    canvas.session.execute(link(canvas.session.map, ["e1"], "ca1", RelationKind.ATTACK))
    assert canvas.node("e1").content.kind_label == "Evidence"  # only counterarguments rebut
    canvas.session.undo()
    canvas.session.undo()
    assert canvas.node("ca2").content.kind_label == "Objection"


def test_badges_are_drawn_and_removed(canvas: Canvas) -> None:
    scene = canvas.view.map_scene
    scene.set_badges({"c1": ("IN", QColor("#2e8b57"), 0.8), "e1": ("OUT", QColor("red"), None)})
    assert canvas.node("c1").badge == ("IN", QColor("#2e8b57"), 0.8)
    assert canvas.node("c2").badge is None
    scene.set_badges(None)
    assert all(item.badge is None for item in scene.node_items())


# Mouse ---------------------------------------------------------------------------------------


def test_dragging_from_the_handle_links_two_nodes(canvas: Canvas) -> None:
    canvas.selection.set(["x1"])
    canvas.drag(canvas.handle("x1"), canvas.at("c1"), Qt.KeyboardModifier.ShiftModifier)
    assert ("attack", ("x1",), "c1") in relation_triples(canvas.session)
    new = canvas.session.map.relations[-1]
    assert canvas.edge(new.id).kind == RelationKind.ATTACK
    canvas.session.undo()
    assert canvas.view.map_scene.edge_item(new.id) is None
    assert len(canvas.session.map.relations) == 3


def test_alt_drag_uses_the_default_kind_without_a_menu(canvas: Canvas) -> None:
    canvas.view.link_default_kind = RelationKind.SUPPORT
    QTest.mousePress(canvas.viewport, LEFT, Qt.KeyboardModifier.AltModifier, canvas.at("x1"))
    QTest.mouseMove(canvas.viewport, canvas.at("c1"))
    QTest.mouseRelease(canvas.viewport, LEFT, NO, canvas.at("c1"))
    assert ("support", ("x1",), "c1") in relation_triples(canvas.session)


def test_dropping_on_an_arrow_makes_an_undercut(canvas: Canvas) -> None:
    canvas.view.link_default_kind = RelationKind.SUPPORT  # an arrow target is always an attack
    mid = canvas.view.mapFromScene(canvas.edge("r1").mid())
    canvas.drag(canvas.handle("x1"), mid)
    assert ("attack", ("x1",), "r1") in relation_triples(canvas.session)


def test_dragging_from_one_of_several_selected_cards_links_them_together(canvas: Canvas) -> None:
    canvas.view.link_default_kind = RelationKind.SUPPORT
    canvas.selection.set(["e1", "ca1"])
    canvas.drag(canvas.handle("ca1"), canvas.at("x1"))
    assert ("support", ("e1", "ca1"), "x1") in relation_triples(canvas.session)


def test_esc_cancels_a_link_drag(canvas: Canvas) -> None:
    QTest.mousePress(canvas.viewport, LEFT, NO, canvas.handle("x1"))
    QTest.mouseMove(canvas.viewport, canvas.at("c1"))
    QTest.keyClick(canvas.view, Qt.Key.Key_Escape)
    QTest.mouseRelease(canvas.viewport, LEFT, Qt.KeyboardModifier.ShiftModifier, canvas.at("c1"))
    assert len(canvas.session.map.relations) == 3
    leftovers = [
        item
        for item in canvas.view.map_scene.items()
        if isinstance(item, QGraphicsLineItem | QGraphicsRectItem)
    ]
    assert leftovers == []  # no preview line or target marker left behind


def test_a_drag_moves_cards_as_one_undo_step(canvas: Canvas) -> None:
    before = canvas.edge("r1").geometry
    assert before is not None
    start_y = before.start.y()
    QTest.mousePress(canvas.viewport, LEFT, NO, canvas.at("c2"))
    for step in range(1, 6):
        QTest.mouseMove(canvas.viewport, canvas.at("c2") + QPoint(0, 0) + QPoint(step * 10, 0))
    end = canvas.view.mapFromScene(QPointF(60, 260))
    QTest.mouseMove(canvas.viewport, end)
    QTest.mouseRelease(canvas.viewport, LEFT, NO, end)
    assert canvas.session.map.layout.positions["c2"] == Point(x=60, y=260)
    assert len(canvas.session.history) == 1
    assert canvas.node("c2").pos() == QPointF(60, 260)
    after = canvas.edge("r1").geometry
    assert after is not None and after.start.y() == pytest.approx(start_y + 60, abs=1)
    canvas.session.undo()
    assert canvas.node("c2").pos() == QPointF(0, 200)
    canvas.session.redo()
    assert canvas.node("c2").pos() == QPointF(60, 260)


def test_esc_during_a_drag_puts_the_cards_back(canvas: Canvas) -> None:
    QTest.mousePress(canvas.viewport, LEFT, NO, canvas.at("c2"))
    QTest.mouseMove(canvas.viewport, canvas.at("c2", 30, 30))
    QTest.mouseMove(canvas.viewport, canvas.at("c2", 80, 60))
    QTest.keyClick(canvas.view, Qt.Key.Key_Escape)
    QTest.mouseRelease(canvas.viewport, LEFT, NO, canvas.at("c2", 80, 60))
    assert canvas.node("c2").pos() == QPointF(0, 200)
    assert len(canvas.session.history) == 0


def test_click_shift_click_and_rubber_band_select(canvas: Canvas) -> None:
    QTest.mouseClick(canvas.viewport, LEFT, NO, canvas.at("c1"))
    assert canvas.selection.ids == ["c1"]
    QTest.mouseClick(canvas.viewport, LEFT, Qt.KeyboardModifier.ShiftModifier, canvas.at("x1"))
    assert canvas.selection.ids == ["c1", "x1"]
    QTest.mouseClick(canvas.viewport, LEFT, Qt.KeyboardModifier.ControlModifier, canvas.at("c1"))
    assert canvas.selection.ids == ["x1"]
    assert [i.node_id for i in canvas.view.map_scene.selectedItems()] == ["x1"]
    # a band from empty space around the two lower cards
    start = canvas.view.mapFromScene(QPointF(-320, 330))
    end = canvas.view.mapFromScene(QPointF(320, 470))
    canvas.drag(start, end)
    assert canvas.selection.ids == ["e1", "ca1"]
    QTest.mouseClick(canvas.viewport, LEFT, NO, canvas.view.mapFromScene(QPointF(-300, 100)))
    assert canvas.selection.ids == []


def test_the_shared_selection_selects_items_and_arrows(canvas: Canvas) -> None:
    canvas.selection.set(["c2", "r3"])
    assert canvas.node("c2").isSelected() and canvas.edge("r3").isSelected()
    canvas.selection.set(["e1"])
    assert not canvas.node("c2").isSelected() and canvas.node("e1").isSelected()
    QTest.mouseClick(canvas.viewport, LEFT, NO, canvas.view.mapFromScene(canvas.edge("r1").mid()))
    assert canvas.selection.ids == ["r1"]


def test_selecting_an_offscreen_card_scrolls_to_it(qtbot: QtBot) -> None:
    argument_map = canvas_map()
    argument_map.layout.positions["x1"] = Point(x=5000, y=3000)
    canvas = make_canvas(qtbot, argument_map)
    canvas.view.centerOn(QPointF(0, 0))
    canvas.selection.set(["x1"])
    visible = canvas.view.mapToScene(canvas.viewport.rect()).boundingRect()
    assert visible.contains(canvas.node("x1").scene_card_rect())


# Editing in place ----------------------------------------------------------------------------


def test_double_click_edits_text_in_place(canvas: Canvas) -> None:
    QTest.mouseDClick(canvas.viewport, LEFT, NO, canvas.at("c2"))
    editor = canvas.view.editor.widget()
    assert editor is not None and editor.toPlainText() == canvas.session.map.node("c2").text
    editor.selectAll()
    QTest.keyClicks(editor, "Smugglers drive crossings")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert canvas.session.map.node("c2").text == "Smugglers drive crossings"
    assert canvas.node("c2").content.text == "Smugglers drive crossings"
    assert not canvas.view.editor.active
    assert canvas.session.history.undo_label() == "Edit text"
    canvas.session.undo()
    assert canvas.node("c2").content.text == "Criminal gangs drive illegal immigration"


def test_esc_cancels_an_edit_in_place(canvas: Canvas) -> None:
    canvas.selection.set(["c1"])
    QTest.keyClick(canvas.view, Qt.Key.Key_F2)
    editor = canvas.view.editor.widget()
    assert editor is not None
    QTest.keyClicks(editor, " indeed")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert canvas.session.map.node("c1").text == "The British people have had enough"
    assert len(canvas.session.history) == 0 and not canvas.view.editor.active


def test_a_long_text_makes_a_taller_card(canvas: Canvas) -> None:
    height = canvas.node("x1").size[1]
    canvas.view.start_editing("x1")
    editor = canvas.view.editor.widget()
    assert editor is not None
    QTest.keyClicks(editor, " that keeps going for quite a few more words than fit on a line")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert canvas.node("x1").size[1] > height + 20


# Delete, undo, redo --------------------------------------------------------------------------


def test_deleting_a_node_takes_its_relations_and_undo_brings_them_back(canvas: Canvas) -> None:
    canvas.selection.set(["c2"])
    QTest.keyClick(canvas.view, Qt.Key.Key_Delete)
    scene = canvas.view.map_scene
    assert not canvas.session.map.has_node("c2") and scene.node_item("c2") is None
    assert canvas.session.map.relations == [] and scene.edge_items() == []
    canvas.session.undo()
    assert canvas.node("c2").pos() == QPointF(0, 200)
    assert sorted(e.relation_id for e in scene.edge_items()) == ["r1", "r2", "r3"]
    assert canvas.edge("r1").geometry is not None
    canvas.session.redo()
    assert scene.node_item("c2") is None and scene.edge_items() == []


def test_deleting_an_arrow_and_a_card_together_is_one_step(canvas: Canvas) -> None:
    canvas.selection.set(["r1", "e1"])
    QTest.keyClick(canvas.view, Qt.Key.Key_Delete)
    assert relation_triples(canvas.session) == {("attack", ("ca1",), "c2")}
    assert not canvas.session.map.has_node("e1")
    canvas.session.undo()
    assert len(canvas.view.map_scene.edge_items()) == 3 and canvas.session.map.has_node("e1")


def test_undo_and_redo_replay_a_sequence_of_canvas_edits(canvas: Canvas) -> None:
    canvas.view.link_default_kind = RelationKind.ATTACK
    canvas.drag(canvas.handle("x1"), canvas.at("c1"))  # link
    canvas.drag(canvas.at("e1"), canvas.at("e1", -40, 0))  # move
    canvas.selection.set(["ca1"])
    QTest.keyClick(canvas.view, Qt.Key.Key_Delete)  # delete
    snapshot = canvas.session.map.model_dump(exclude={"nodes": {"__all__": {"modified"}}})
    assert len(canvas.session.history) == 3
    for _ in range(3):
        canvas.session.undo()
    assert relation_triples(canvas.session) == relation_triples(EditSession(canvas_map()))
    assert canvas.node("e1").pos() == QPointF(-160, 400)
    assert len(canvas.view.map_scene.edge_items()) == 3
    for _ in range(3):
        canvas.session.redo()
    assert canvas.session.map.model_dump(exclude={"nodes": {"__all__": {"modified"}}}) == snapshot
    assert canvas.view.map_scene.node_item("ca1") is None
    assert canvas.node("e1").pos() == QPointF(-200, 400)


def test_opening_another_map_rebuilds_the_scene(canvas: Canvas) -> None:
    other = ArgumentMap(nodes=[Node(id="n1", kind=NodeKind.CLAIM, text="Fresh")])
    canvas.session.replace(other)
    scene = canvas.view.map_scene
    assert [i.node_id for i in scene.node_items()] == ["n1"] and scene.edge_items() == []
    # an unplaced node gets a view-only position: the model is not written
    assert other.layout.positions == {}


# Zoom ----------------------------------------------------------------------------------------


def test_zoom_keys_wheel_and_fit(canvas: Canvas) -> None:
    view = canvas.view
    QTest.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_level() == pytest.approx(1.25)
    QTest.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_level() == pytest.approx(1.0)
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_level() == pytest.approx(0.8)
    wheel_at = QPointF(canvas.at("c2"))
    for delta, expected in ((120, 1.0), (-240, 0.64)):
        event = QWheelEvent(
            wheel_at,
            QPointF(view.viewport().mapToGlobal(wheel_at.toPoint())),
            QPoint(),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), event)
        assert view.zoom_level() == pytest.approx(expected)
    view.resize(300, 200)
    view.zoom_to_fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(view.map_scene.map_rect())
    assert view.zoom_level() < 0.5


def test_far_out_cards_are_plain_boxes_and_arrows_one_overview(canvas: Canvas) -> None:
    view = canvas.view
    view.set_zoom(0.3)
    centre = canvas.at("c2")
    image = view.viewport().grab().toImage()
    card = view.mapFromScene(
        canvas.view.map_scene.node_item("c2").sceneBoundingRect()
    ).boundingRect()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(card.left() + 3, card.right() - 3)
        for y in range(card.top() + 3, card.bottom() - 3)
    }
    kind = theme.KIND_COLOURS[NodeKind.CLAIM].name()
    assert kind in colours and "#ffffff" in colours  # a coloured block titled in white ...
    assert not any(QColor(c).lightness() < 60 for c in colours)  # ... not the card's dark text
    assert canvas.edge("r1").isVisible()
    view.set_zoom(0.1)
    assert not canvas.edge("r1").isVisible() and not view.map_scene.detailed
    # edits still reach the far-out drawing
    canvas.session.execute(MoveNodes({"e1": Point(x=-400, y=500)}))
    view.reset_zoom()
    assert canvas.edge("r2").isVisible()
    geometry = canvas.edge("r2").geometry
    assert geometry is not None and geometry.start.x() < -250
    image = view.viewport().grab().toImage()
    centre = canvas.at("c2")
    colours = {image.pixelColor(centre.x() + dx, centre.y() + 8).name() for dx in range(-25, 25)}
    assert "#ffffff" in colours  # a white body ...
    assert any(QColor(c).lightness() < 100 for c in colours)  # ... with dark text on it


def test_an_arrow_bends_around_a_card_in_its_way(qtbot: QtBot) -> None:
    argument_map = canvas_map()
    argument_map.layout.positions["x1"] = Point(x=0, y=-250)  # c1 sits between x1 and c2
    argument_map.relations.append(
        Relation(id="r9", kind=RelationKind.SUPPORT, premises=["c2"], target="x1")
    )
    canvas = make_canvas(qtbot, argument_map)
    geometry = canvas.edge("r9").geometry
    assert geometry is not None and geometry.controls
    blocker = canvas.node("c1").scene_card_rect()
    path = canvas.edge("r9")._paths()[0]  # the drawn line
    assert not any(blocker.contains(path.pointAtPercent(t / 50)) for t in range(51))
    assert canvas.edge("r1").geometry is not None and not canvas.edge("r1").geometry.controls


def test_middle_drag_and_space_drag_pan(canvas: Canvas) -> None:
    view = canvas.view
    hbar, vbar = view.horizontalScrollBar(), view.verticalScrollBar()
    start = (hbar.value(), vbar.value())
    middle = Qt.MouseButton.MiddleButton
    QTest.mousePress(canvas.viewport, middle, NO, QPoint(500, 400))
    QTest.mouseMove(canvas.viewport, QPoint(450, 380))
    QTest.mouseRelease(canvas.viewport, middle, NO, QPoint(400, 350))
    assert (hbar.value(), vbar.value()) == (start[0] + 50, start[1] + 20)
    QTest.keyPress(view, Qt.Key.Key_Space)
    canvas.drag(QPoint(400, 400), QPoint(430, 400))  # would be a rubber band without Space
    QTest.keyRelease(view, Qt.Key.Key_Space)
    assert hbar.value() == start[0] + 50 - 30
    assert canvas.selection.ids == [] and len(canvas.session.history) == 0


def test_clicking_elsewhere_commits_an_edit_in_place(canvas: Canvas) -> None:
    canvas.view.start_editing("x1")
    editor = canvas.view.editor.widget()
    assert editor is not None
    QTest.keyClicks(editor, "!")
    QTest.mouseClick(canvas.viewport, LEFT, NO, canvas.at("c1"))
    assert canvas.session.map.node("x1").text == "A claim on its own!"
    assert not canvas.view.editor.active and canvas.selection.ids == ["c1"]
