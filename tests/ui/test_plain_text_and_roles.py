"""User words are shown as written (never as HTML); a rebuttal is named and coloured one way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from argmap.editing import AddNode, AddRelation, delete_nodes, edit_text
from argmap.io import native
from argmap.model import Node, NodeKind, Relation, RelationKind, SourceDocument
from argmap.ui import theme
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow, anchor, small_map
from tests.ui.shown import label_text, shown_text

MARKUP = "<b>bold</b> & <img src=x onerror=alert(1)>"


def test_node_words_with_markup_show_as_typed_in_every_panel(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    text = "Intro.\nShe said <i>never</i> & left.\n"
    argument_map = small_map()
    argument_map.sources.append(SourceDocument(id="s2", title="Other", text=text))
    argument_map.node("c2").anchors.append(anchor("<i>never</i> & left", "s2", text))
    path = tmp_path / "markup.argmap.json"
    native.save(argument_map, path)
    window = make_window(path)
    window.session.execute(edit_text("c2", MARKUP))
    window.selection.set(["c2"])

    assert MARKUP in label_text(window.inspector.heading)
    tips = [shown_text(item.toolTip(0)) for item in window.outline.items()]
    assert any(MARKUP in tip for tip in tips)
    anchors = window.inspector.anchors_section.list
    quotes = [shown_text(anchors.item(i).toolTip()) for i in range(anchors.count())]
    assert "<i>never</i> & left" in quotes
    window.checklist.refresh()
    gaps = [
        shown_text(group.child(i).toolTip(0))
        for g in range(window.checklist.tree.topLevelItemCount())
        if (group := window.checklist.tree.topLevelItem(g)) is not None
        for i in range(group.childCount())
    ]
    assert any(MARKUP in gap for gap in gaps), gaps


def test_the_inspector_names_a_node_by_its_words_not_its_id(window: MainWindow) -> None:
    window.selection.set(["c2"])
    heading = label_text(window.inspector.heading)
    assert heading == "Claim Criminal gangs drive illegal immigration"
    window.selection.set(["r1"])
    assert "r1" not in label_text(window.inspector.heading)


def _add_rebuttal(window: MainWindow) -> None:
    rebuttal = Node(
        id="rb1",
        kind=NodeKind.COUNTERARGUMENT,
        text="Patrols cut the crossings overall",
        anchors=[anchor("France prevented twice as many crossings")],
    )
    window.session.execute(AddNode(rebuttal))
    window.session.execute(
        AddRelation(Relation(id="r9", kind=RelationKind.ATTACK, premises=["rb1"], target="ca1"))
    )


def _outline_colour(window: MainWindow, node_id: str) -> QColor:
    item = next(i for i in window.outline.items() if i.data(0, Qt.ItemDataRole.UserRole) == node_id)
    return item.icon(0).pixmap(8, 8).toImage().pixelColor(4, 4)


def test_a_rebuttal_is_named_and_coloured_alike_everywhere(window: MainWindow) -> None:
    _add_rebuttal(window)
    window.selection.set(["rb1"])
    card = window.canvas.map_scene.node_item("rb1")
    assert card is not None and card.content.kind_label == theme.REBUTTAL_LABEL
    assert label_text(window.inspector.heading).startswith(theme.REBUTTAL_LABEL)
    assert "objection that answers" in window.inspector.heading.toolTip()
    assert _outline_colour(window, "rb1") == theme.REBUTTAL_COLOUR
    assert _outline_colour(window, "ca1") == theme.KIND_COLOURS[NodeKind.COUNTERARGUMENT]
    spans = window.source_panel._spans
    assert any(s.node_id == "rb1" and s.rebuttal for s in spans)
    colours = {
        sel.format.background().color().rgb()
        for sel in window.source_panel.text_view.extraSelections()
    }
    assert theme.REBUTTAL_COLOUR.rgb() in colours


def test_a_rebuttal_whose_objection_is_deleted_says_it_is_an_objection_again(
    window: MainWindow,
) -> None:
    _add_rebuttal(window)
    window.session.execute(delete_nodes(window.session.map, ["ca1"]))
    card = window.canvas.map_scene.node_item("rb1")
    assert card is not None and card.content.kind_label == "Objection"
    shown = window.statusBar().currentMessage()
    assert "'Patrols cut the crossings overall' is an objection again" in shown
