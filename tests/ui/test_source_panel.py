"""The source panel on a real window: nodes from selected words, highlights, cross-selection."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QToolTip
from pytestqt.qtbot import QtBot

from argmap.editing import add_source
from argmap.io import native
from argmap.model import NodeKind, Point, SourceDocument, TextAnchor
from argmap.ui.main_window import MainWindow
from argmap.ui.placement import GAP, free_position
from argmap.ui.settings import AppSettings
from argmap.ui.source_highlight import NORMAL_ALPHA, SELECTED_ALPHA
from argmap.ui.text_positions import TextPositions
from argmap.ui.theme import KIND_COLOURS
from tests.ui.conftest import MakeWindow, select_words


def _point_of(window: MainWindow, offset: int) -> QPoint:
    """A viewport point inside the character at ``offset``."""
    view = window.source_panel.text_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(offset)
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 3, rect.center().y())


def test_selected_words_become_a_claim_anchored_to_exactly_them(window: MainWindow) -> None:
    start, end = select_words(window, "people smugglers")
    assert window.app_actions.claim_from_text.isEnabled()

    window.app_actions.claim_from_text.trigger()

    argument_map = window.session.map
    node = argument_map.nodes[-1]
    assert node.kind == NodeKind.CLAIM
    assert node.text == "people smugglers"
    assert node.anchors == [
        TextAnchor(source_id="s1", start=start, end=end, quote="people smugglers")
    ]
    assert window.selection.ids == [node.id]
    assert window.app_actions.undo.text() == "&Undo Add claim from text"


def test_new_nodes_never_overlap_existing_cards(window: MainWindow) -> None:
    for quote, action in [
        ("Home Secretary said", window.app_actions.claim_from_text),
        ("twice as many crossings", window.app_actions.evidence_from_text),
        ("more patrols", window.app_actions.objection_from_text),
    ]:
        select_words(window, quote)
        action.trigger()
    argument_map = window.session.map
    kinds = [n.kind for n in argument_map.nodes[-3:]]
    assert kinds == [NodeKind.CLAIM, NodeKind.EVIDENCE, NodeKind.COUNTERARGUMENT]
    assert set(argument_map.layout.positions) == {n.id for n in argument_map.nodes}
    cards = [item.scene_card_rect() for item in window.canvas.map_scene.node_items()]
    assert len(cards) == len(argument_map.nodes)
    for i, a in enumerate(cards):
        for b in cards[i + 1 :]:
            assert not a.intersects(b)


def test_a_new_node_goes_beside_the_selected_card(window: MainWindow) -> None:
    window.selection.set(["c1"])
    select_words(window, "Critics say")
    window.app_actions.claim_from_text.trigger()
    new = window.session.map.layout.positions[window.session.map.nodes[-1].id]
    c1 = window.session.map.layout.positions["c1"]
    assert new.x > c1.x
    assert abs(new.y - c1.y) < 200


def test_placement_moves_down_past_what_is_in_the_way() -> None:
    boxes = {
        "a": (Point(x=0, y=0), (200.0, 100.0)),
        "b": (Point(x=260, y=0), (200.0, 300.0)),  # right of a, tall
    }
    spot = free_position(boxes, (200.0, 100.0), near="a")
    assert spot.x == 0 + 100 + GAP + 100
    assert spot.y == 150 + GAP + 50  # below b
    right_of_all = free_position(boxes, (200.0, 100.0))
    assert right_of_all.x == 360 + GAP + 100
    assert free_position({}, (10.0, 10.0)) == Point(x=0, y=0)


def test_selection_with_surrounding_spaces_anchors_only_the_words(window: MainWindow) -> None:
    start, end = select_words(window, " organised criminals ")
    window.app_actions.evidence_from_text.trigger()
    node = window.session.map.nodes[-1]
    assert node.anchors[0].quote == "organised criminals"
    assert (node.anchors[0].start, node.anchors[0].end) == (start + 1, end - 1)


def test_without_selected_words_nothing_is_made(window: MainWindow) -> None:
    before = len(window.session.map.nodes)
    window.source_panel.create_from_selection(NodeKind.CLAIM)
    assert len(window.session.map.nodes) == before
    assert "Select some words" in window.statusBar().currentMessage()


def test_context_menu_offers_the_three_kinds(window: MainWindow) -> None:
    menu = QMenu()
    window.source_panel.text_view.menu_requested.emit(menu)
    texts = [a.text() for a in menu.actions()]
    assert texts[:3] == [a.text() for a in window.app_actions.from_text_actions()]


def test_every_anchor_is_highlighted_translucently_in_its_kind_colour(window: MainWindow) -> None:
    selections = window.source_panel.text_view.extraSelections()
    argument_map = window.session.map
    assert len(selections) == sum(len(n.anchors) for n in argument_map.nodes)
    text = argument_map.source("s1").text
    by_quote = {s.cursor.selectedText(): s.format.background().color() for s in selections}
    for node in argument_map.nodes:
        colour = by_quote[text[node.anchors[0].start : node.anchors[0].end]]
        assert colour.rgb() == KIND_COLOURS[node.kind].rgb()
        assert colour.alpha() == NORMAL_ALPHA


def test_selected_node_is_highlighted_more_strongly(window: MainWindow) -> None:
    window.selection.set(["e1"])
    strong = [
        s
        for s in window.source_panel.text_view.extraSelections()
        if s.format.background().color().alpha() == SELECTED_ALPHA
    ]
    assert [s.cursor.selectedText() for s in strong] == ["France prevented twice as many crossings"]


def test_clicking_a_highlight_selects_its_node(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    text = window.session.map.source("s1").text
    offset = text.index("twice as many") + 2
    viewport = window.source_panel.text_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_point_of(window, offset))
    assert window.selection.ids == ["e1"]


def test_clicking_plain_text_keeps_the_selection(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    window.selection.set(["c1"])
    offset = window.session.map.source("s1").text.index("Critics")
    viewport = window.source_panel.text_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_point_of(window, offset))
    assert window.selection.ids == ["c1"]


def test_hovering_a_highlight_shows_the_node_text(window: MainWindow) -> None:
    window.show()
    view = window.source_panel.text_view
    offset = window.session.map.source("s1").text.index("organised")
    point = _point_of(window, offset)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    view.eventFilter(view.viewport(), event)
    assert "Criminal gangs drive illegal immigration" in QToolTip.text()


def test_selecting_a_node_scrolls_the_text_to_its_quote(window: MainWindow) -> None:
    window.selection.set(["ca1"])
    cursor = window.source_panel.text_view.textCursor()
    assert cursor.position() == window.session.map.node("ca1").anchors[0].start


def test_several_sources_have_a_selector_and_follow_the_selection(window: MainWindow) -> None:
    second = SourceDocument(id="s2", title="Reply", text="A reply that disagrees entirely.")
    window.session.execute(add_source(window.session.map, second))
    panel = window.source_panel
    combo = panel.source_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Press release", "Reply"]
    assert combo.isVisibleTo(panel)

    panel.show_source("s2")
    assert panel.text_view.toPlainText() == second.text
    panel.select_range(2, 7)
    window.app_actions.claim_from_text.trigger()
    new_id = window.selection.current
    assert new_id is not None
    assert window.session.map.node(new_id).anchors[0].source_id == "s2"

    window.selection.set(["c1"])
    assert panel.current_source_id == "s1"
    window.selection.set([new_id])
    assert panel.current_source_id == "s2"


def test_offsets_survive_wide_characters_and_crlf(make_window: MakeWindow, tmp_path: Path) -> None:
    text_file = tmp_path / "notes.md"
    text_file.write_text("# Notes 😀\n\nWe 😀 must act now.\n", encoding="utf-8")
    window = make_window(new_from_text=text_file)
    source = window.session.map.source("s1").text
    start = source.index("must act")
    window.source_panel.select_range(start, start + len("must act"))
    window.app_actions.claim_from_text.trigger()
    node = window.session.map.nodes[-1]
    assert node.anchors[0].quote == "must act"
    assert node.anchors[0].start == start


def test_text_positions_map_both_ways() -> None:
    text = "a😀b\r\nc"
    positions = TextPositions(text)
    assert [positions.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 4, 5, 6]
    assert positions.to_offset(3) == 2
    assert positions.to_offset(4) == 4
    assert positions.to_offset(5) == 5


def test_undo_of_a_source_panel_creation_removes_node_and_highlight(window: MainWindow) -> None:
    before = native.dumps(window.session.map)
    select_words(window, "Home Secretary")
    window.app_actions.objection_from_text.trigger()
    # Five anchors, and the new (selected) node's painted again, stronger.
    assert len(window.source_panel.text_view.extraSelections()) == 6
    window.app_actions.undo.trigger()
    assert native.dumps(window.session.map) == before
    assert len(window.source_panel.text_view.extraSelections()) == 4
    window.app_actions.redo.trigger()
    assert window.session.map.nodes[-1].anchors[0].quote == "Home Secretary"


def test_clicking_a_highlight_scrolls_the_map_to_the_card(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    canvas = window.canvas
    canvas.set_zoom(2.0)
    canvas.centerOn(5000, 5000)
    text = window.session.map.source("s1").text
    offset = text.index("push the crossings") + 3
    viewport = window.source_panel.text_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_point_of(window, offset))
    assert window.selection.ids == ["ca1"]
    card = canvas.map_scene.node_item("ca1")
    assert card is not None
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert shown.contains(card.sceneBoundingRect().center())


def test_wrapped_lines_are_joined_for_reading_and_anchors_keep_the_source(
    make_window: MakeWindow, settings: AppSettings
) -> None:
    window = make_window()  # the bundled release, hard-wrapped at about 65 characters
    panel = window.source_panel
    source = window.session.map.sources[0].text
    assert "respond\nby posting" in source
    assert "respond by posting" in panel.text_view.toPlainText()

    start = source.index("respond\nby posting")
    panel.select_range(start, start + len("respond\nby posting"))
    window.app_actions.claim_from_text.trigger()
    anchor = window.session.map.nodes[-1].anchors[0]
    assert (anchor.start, anchor.quote) == (start, "respond\nby posting")  # the source's words

    action = panel.reflow_action
    assert action in window.menus["view"].actions()
    action.trigger()  # off: the text as it was written
    assert panel.text_view.toPlainText() == source
    assert not settings.join_wrapped_lines()  # remembered for the next start
    assert not make_window().source_panel.reflow_action.isChecked()
