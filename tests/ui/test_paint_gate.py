"""Work left over from opening a big map waits until the map is on screen, then runs."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from argmap.analysis.checklist import find_gaps
from argmap.analysis.evaluate import evaluate
from argmap.editing import AddNode, MoveNodes, add_related_node
from argmap.io import native
from argmap.model import Node, NodeKind, Point, RelationKind
from argmap.ui.canvas import paint_gate
from argmap.ui.canvas.paint_gate import PaintGate
from tests.ui.conftest import MakeWindow
from tests.ui.test_checklist_panel import gappy_map
from tests.ui.test_edge_labels import big_labelled_map, covered, labels


class _Order(QObject):
    """Notes the canvas's paints, in order with other events the test notes."""

    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.events.append("paint")
        return False


def test_labels_of_a_big_map_are_placed_after_it_is_painted(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Opened, then shown late (a slow first layout): the window paints the map before any
    label is placed, though the labels' own timer ran out long before."""
    path = tmp_path / "big.argmap.json"
    native.save(big_labelled_map(400), path)
    window = make_window(path)
    scene = window.canvas.map_scene
    assert scene.label_queue.waiting
    events: list[str] = []
    order = _Order(events)
    window.canvas.viewport().installEventFilter(order)
    scene.labels_placed.connect(lambda: events.append("labels"))
    time.sleep(0.2)  # the labels' timer is overdue when the window comes up
    window.show()
    qtbot.waitUntil(lambda: not scene.label_queue.waiting, timeout=20_000)
    assert "labels" in events
    assert events.index("paint") < events.index("labels")


def test_a_hidden_canvas_holds_nothing_back(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    gate = PaintGate(widget)
    gate.arm()
    ran: list[int] = []
    gate.defer(lambda: ran.append(1))
    qtbot.waitUntil(lambda: ran == [1])


def test_work_waits_for_the_paint_and_runs_once(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    gate = PaintGate(widget)
    gate.arm()
    ran: list[int] = []

    def work() -> None:
        ran.append(1)

    gate.defer(work)
    gate.defer(work)
    qtbot.wait(100)
    assert ran == []  # shown, not painted yet
    gate.painted()
    qtbot.waitUntil(lambda: ran == [1])
    qtbot.wait(20)
    assert ran == [1]
    gate.defer(work)  # nothing new to paint: at the next turn
    qtbot.waitUntil(lambda: ran == [1, 1])


def test_a_shown_canvas_that_never_paints_holds_work_back_only_for_a_while(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    gate = PaintGate(widget)
    gate.arm()
    ran: list[float] = []
    start = time.perf_counter()
    gate.defer(lambda: ran.append(time.perf_counter() - start))
    qtbot.waitUntil(lambda: bool(ran), timeout=5 * paint_gate.PATIENCE_MS)
    assert ran[0] >= paint_gate.PATIENCE_MS / 1000 * 0.9


def test_a_shown_checklist_is_worked_out_after_the_map_is_painted(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window()
    assert window.document.open_untitled(gappy_map())
    window.docks["checklist"].raise_()
    events: list[str] = []
    order = _Order(events)
    window.canvas.viewport().installEventFilter(order)
    refresh = window.checklist.refresh

    def noted_refresh() -> None:
        events.append("checklist")
        refresh()

    window.checklist.refresh = noted_refresh  # type: ignore[method-assign]
    window.show()
    qtbot.waitUntil(lambda: window.checklist.gaps == find_gaps(window.session.map))
    assert events.index("paint") < events.index("checklist")


def test_a_statement_added_as_soon_as_the_map_opens_is_in_the_checklist(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window()
    assert window.document.open_untitled(gappy_map())
    window.docks["checklist"].raise_()
    window.show()
    before = {n.id for n in window.session.map.nodes}
    window.session.execute(
        add_related_node(
            window.session.map, "c1", NodeKind.CLAIM, RelationKind.SUPPORT, "A fresh reason"
        )
    )
    (added,) = {n.id for n in window.session.map.nodes} - before
    qtbot.waitUntil(lambda: window.checklist.gaps == find_gaps(window.session.map))
    assert any(added in gap.node_ids for gap in window.checklist.gaps)  # nothing backs it yet


def test_badges_turned_on_as_soon_as_the_map_opens_show_every_verdict(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "big.argmap.json"
    native.save(big_labelled_map(400), path)
    window = make_window(path)
    window.show()
    window.evaluation.show_action.trigger()  # before the window has painted
    expected = evaluate(window.session.map).labels
    scene = window.canvas.map_scene
    for node_id in expected:
        item = scene.node_item(node_id)
        assert item is not None and item.badge is not None
    qtbot.wait(50)
    assert window.evaluation.evaluation is not None
    assert window.evaluation.evaluation.labels == expected


def test_with_badges_off_the_evaluation_waits_for_the_map_to_be_painted(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "big.argmap.json"
    native.save(big_labelled_map(400), path)
    window = make_window(path)
    events: list[str] = []
    order = _Order(events)
    window.canvas.viewport().installEventFilter(order)
    window.evaluation.updated.connect(lambda _evaluation: events.append("evaluated"))
    time.sleep(0.1)
    window.show()
    qtbot.waitUntil(lambda: "evaluated" in events)
    assert events.index("paint") < events.index("evaluated")
    assert window.evaluation.evaluation is not None
    assert window.evaluation.evaluation.labels == evaluate(window.session.map).labels


def test_a_card_moved_as_soon_as_the_map_opens_has_labels_kept_clear_of_it(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "big.argmap.json"
    native.save(big_labelled_map(400), path)
    window = make_window(path)
    window.show()
    scene = window.canvas.map_scene
    assert scene.label_queue.waiting  # nothing placed before the map is painted
    target = scene.edge_item("r5")
    assert target is not None and target.label is not None
    spot = target.label.sceneBoundingRect().center()
    window.session.execute(MoveNodes({"n0": Point(x=spot.x(), y=spot.y())}))
    window.session.execute(AddNode(Node(id="x", kind=NodeKind.CLAIM, text="New"), Point(x=0, y=0)))
    qtbot.waitUntil(lambda: not scene.label_queue.waiting, timeout=20_000)
    for label in labels(scene).values():
        assert covered(scene, label.sceneBoundingRect()) == []
