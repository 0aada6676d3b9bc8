"""The preparation checklist dock on a hand-built map with one gap of every kind."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.analysis.checklist import GAP_TITLES, GapKind, find_gaps
from argmap.editing import add_related_node
from argmap.model import (
    ArgumentMap,
    Citation,
    MapLayout,
    Node,
    NodeKind,
    Point,
    Relation,
    RelationKind,
    SourceDocument,
    TextAnchor,
)
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import SOURCE_TEXT, MakeWindow, anchor


def _node(node_id: str, kind: NodeKind, text: str, **fields: object) -> Node:
    return Node.model_validate({"id": node_id, "kind": kind, "text": text, **fields})


def _support(relation_id: str, premise: str, target: str) -> Relation:
    return Relation(id=relation_id, kind=RelationKind.SUPPORT, premises=[premise], target=target)


def gappy_map() -> ArgumentMap:
    """A main claim with every kind of gap the checklist knows around it."""
    cited = Citation(title="Press release")
    # The source reads "Home Secretar" there: the quote no longer matches.
    stale = TextAnchor(source_id="s1", start=0, end=13, quote="Prime Ministe")
    nodes = [
        _node("c1", NodeKind.CLAIM, "Crossings will fall"),
        _node("c2", NodeKind.CLAIM, "Nothing backs this claim"),
        _node(
            "e1",
            NodeKind.EVIDENCE,
            "France prevented twice as many",
            citation=cited,
            anchors=[anchor("France prevented twice as many crossings")],
        ),
        _node("e2", NodeKind.EVIDENCE, "A figure from nowhere"),
        _node("ca1", NodeKind.COUNTERARGUMENT, "Patrols displace the crossings"),
        _node("c3", NodeKind.CLAIM, "Gangs are pursued"),
        _node("c4", NodeKind.CLAIM, "Gangs are pursued, so they are pursued"),
        _node("e3", NodeKind.EVIDENCE, "Quote edited away", citation=cited, anchors=[stale]),
        _node(
            "e4",
            NodeKind.EVIDENCE,
            "An island far away",
            citation=cited,
            anchors=[anchor("people smugglers")],
        ),
    ]
    relations = [
        _support("r1", "e1", "c1"),
        _support("r2", "e2", "c1"),
        _support("r3", "c2", "c1"),
        Relation(id="r4", kind=RelationKind.ATTACK, premises=["ca1"], target="c1"),
        _support("r5", "c3", "c1"),
        _support("r6", "c4", "c3"),
        _support("r7", "c3", "c4"),
        _support("r8", "e3", "c1"),
    ]
    positions = {n.id: Point(x=(i % 3) * 260.0, y=(i // 3) * 160.0) for i, n in enumerate(nodes)}
    positions["e4"] = Point(x=4000, y=4000)  # off screen, so choosing it must scroll there
    return ArgumentMap(
        title="Gaps",
        sources=[SourceDocument(id="s1", title="Press release", text=SOURCE_TEXT)],
        nodes=nodes,
        relations=relations,
        layout=MapLayout(positions=positions),
    )


def _open(make_window: MakeWindow, qtbot: QtBot, argument_map: ArgumentMap) -> MainWindow:
    window = make_window()
    assert window.document.open_untitled(argument_map)
    window.show()
    window.docks["checklist"].raise_()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.checklist.gaps == find_gaps(window.session.map))
    return window


def _groups(window: MainWindow) -> dict[str, list[str]]:
    tree = window.checklist.tree
    groups = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        groups[group.text(0)] = [group.child(j).text(0) for j in range(group.childCount())]
    return groups


#: Written by hand from gappy_map's construction, not from the checklist's code.
EXPECTED_GAPS = {
    (GapKind.UNSUPPORTED_CLAIM, ("c2",)),  # "Nothing backs this claim"
    (GapKind.UNANSWERED_COUNTERARGUMENT, ("ca1",)),  # attacks c1, attacked by nothing
    (GapKind.EVIDENCE_WITHOUT_ANCHOR, ("e2",)),  # no anchors at all
    (GapKind.EVIDENCE_WITHOUT_CITATION, ("e2",)),  # the only evidence without a citation
    (GapKind.SINGLE_SOURCE, ("c1",)),  # e1, e3 both cite "Press release" (e2 cites none)
    (GapKind.CIRCULAR_SUPPORT, ("c3", "c4")),  # r6 and r7 go round
    (GapKind.STALE_ANCHOR, ("e3",)),  # quotes "Prime Ministe" where the text has "Home Secretar"
    (GapKind.DISCONNECTED, ("e4",)),  # linked to nothing
}


def test_the_hand_built_map_has_exactly_the_gaps_it_was_built_with() -> None:
    found = {(gap.kind, gap.node_ids) for gap in find_gaps(gappy_map())}
    assert found == EXPECTED_GAPS
    assert {kind for kind, _ in EXPECTED_GAPS} == set(GapKind)


def test_gaps_are_listed_under_their_titles_with_counts(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = _open(make_window, qtbot, gappy_map())
    gaps = find_gaps(window.session.map)
    expected = {
        f"{title} ({sum(g.kind is kind for g in gaps)})": [
            g.message for g in gaps if g.kind is kind
        ]
        for kind, title in GAP_TITLES.items()
    }
    assert _groups(window) == expected
    assert window.docks["checklist"].windowTitle() == "Preparation checklist"
    assert window.checklist.summary.text().startswith(f"{len(gaps)} gaps to prepare")


def test_clicking_a_gap_selects_its_node_and_brings_it_into_view(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = _open(make_window, qtbot, gappy_map())
    view, tree = window.canvas, window.checklist.tree
    view.centerOn(0, 0)
    card = view.map_scene.item_for("e4")
    assert card is not None
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert not shown.intersects(card.sceneBoundingRect())
    title = GAP_TITLES[GapKind.DISCONNECTED]
    group = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0).startswith(title)
    )
    entry = group.child(0)
    tree.scrollToItem(entry)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(entry).center()
    )
    assert window.selection.ids == ["e4"]
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(card.sceneBoundingRect().center())


def test_clicking_a_circle_selects_all_its_members(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = _open(make_window, qtbot, gappy_map())
    tree = window.checklist.tree
    group = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0).startswith(GAP_TITLES[GapKind.CIRCULAR_SUPPORT])
    )
    entry = group.child(0)
    tree.scrollToItem(entry)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(entry).center()
    )
    # Exactly the circle: its two cards and the two arrows that go round, nothing else.
    assert sorted(window.selection.ids) == ["c3", "c4", "r6", "r7"]


def test_the_list_follows_edits_and_undo(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = _open(make_window, qtbot, gappy_map())
    unsupported = GAP_TITLES[GapKind.UNSUPPORTED_CLAIM]
    assert any(t.startswith(unsupported) for t in _groups(window))
    window.session.execute(
        add_related_node(
            window.session.map, "c2", NodeKind.EVIDENCE, RelationKind.SUPPORT, "Now it is backed"
        )
    )
    qtbot.waitUntil(lambda: not any(t.startswith(unsupported) for t in _groups(window)))
    window.session.undo()
    qtbot.waitUntil(lambda: any(t.startswith(unsupported) for t in _groups(window)))


def test_a_map_without_gaps_says_so(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = _open(make_window, qtbot, ArgumentMap(title="Empty"))
    assert _groups(window) == {}
    assert window.checklist.summary.text() == "Nothing left to prepare."


def test_a_hidden_checklist_catches_up_when_shown(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = _open(make_window, qtbot, gappy_map())
    unsupported = GAP_TITLES[GapKind.UNSUPPORTED_CLAIM]
    panel = window.docks["checklist"].toggleViewAction()
    panel.trigger()  # View > Preparation checklist: closed
    qtbot.waitUntil(lambda: not window.checklist.isVisible())
    window.session.execute(
        add_related_node(
            window.session.map, "c2", NodeKind.EVIDENCE, RelationKind.SUPPORT, "Now it is backed"
        )
    )
    QApplication.processEvents()
    assert any(t.startswith(unsupported) for t in _groups(window))  # not worked out while hidden
    panel.trigger()  # and open again
    qtbot.waitUntil(lambda: not any(t.startswith(unsupported) for t in _groups(window)))
    assert window.checklist.gaps == find_gaps(window.session.map)


def test_rows_of_gaps_that_stay_are_kept_as_they_were(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = _open(make_window, qtbot, gappy_map())
    tree = window.checklist.tree
    first = tree.topLevelItem(0).child(0)
    window.session.execute(
        add_related_node(
            window.session.map, "c1", NodeKind.EVIDENCE, RelationKind.SUPPORT, "A new figure"
        )
    )
    qtbot.waitUntil(lambda: window.checklist.gaps == find_gaps(window.session.map))
    assert tree.topLevelItem(0).child(0) is first  # updated in place, not rebuilt
    gaps = find_gaps(window.session.map)
    assert _groups(window) == {
        f"{title} ({sum(g.kind is kind for g in gaps)})": [
            g.message for g in gaps if g.kind is kind
        ]
        for kind, title in GAP_TITLES.items()
        if any(g.kind is kind for g in gaps)
    }
