"""The Evaluate menu, the inspector's verdict and the checklist panel, on the real window."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from argmap.analysis.evaluate import evaluate
from argmap.editing import add_related_node
from argmap.model import NodeKind, RelationKind
from argmap.ui.main_window import MainWindow


def _badge_labels(window: MainWindow) -> dict[str, str]:
    scene = window.canvas.map_scene
    labels = {}
    for node in window.session.map.nodes:
        item = scene.item_for(node.id)
        if item is not None and item.badge is not None:  # type: ignore[attr-defined]
            labels[node.id] = item.badge[0]  # type: ignore[attr-defined]
    return labels


def test_show_evaluation_badges_every_card_with_its_label(window: MainWindow) -> None:
    assert _badge_labels(window) == {}
    window.evaluation.show_action.trigger()
    expected = {k: v.value for k, v in evaluate(window.session.map).labels.items()}
    names = {"in": "IN", "out": "OUT", "undecided": "UND"}
    assert _badge_labels(window) == {k: names[v] for k, v in expected.items()}
    assert not window.evaluation._legend.isHidden()
    window.evaluation.show_action.trigger()
    assert _badge_labels(window) == {}


def test_badges_follow_edits_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    window.evaluation.show_action.trigger()
    assert _badge_labels(window)["e1"] == "IN"
    window.session.execute(
        add_related_node(
            window.session.map,
            "e1",
            NodeKind.COUNTERARGUMENT,
            RelationKind.ATTACK,
            "An unanswered objection",
        )
    )
    qtbot.waitUntil(lambda: _badge_labels(window).get("e1") == "OUT")
    window.session.undo()
    qtbot.waitUntil(lambda: _badge_labels(window).get("e1") == "IN")


def test_what_ifs_change_labels_but_never_the_map(window: MainWindow) -> None:
    window.evaluation.show_action.trigger()
    before = window.session.map.model_dump()
    assert _badge_labels(window)["c2"] == "OUT"
    window.selection.set(["c2"])
    window.evaluation.concede_action.trigger()
    assert _badge_labels(window)["c2"] == "IN*"
    assert window.session.map.model_dump() == before
    assert not window.session.is_dirty
    window.evaluation.clear_action.trigger()
    assert _badge_labels(window)["c2"] == "OUT"


def test_strength_semantics_shows_numbers(window: MainWindow) -> None:
    window.evaluation.show_action.trigger()
    window.evaluation.semantics_actions[next(iter(window.evaluation.semantics_actions))]
    from argmap.analysis.evaluate import Semantics

    window.evaluation.semantics_actions[Semantics.STRENGTH].trigger()
    value = float(_badge_labels(window)["e1"])
    assert 0.0 <= value <= 1.0


def test_inspector_says_why_a_statement_falls(window: MainWindow) -> None:
    window.selection.set(["c2"])
    window.evaluation.recompute()
    assert not window.verdict.isHidden()
    assert window.verdict.text.text().startswith("Out, because 'Patrols displace the crossings'")


def test_checklist_lists_gaps_and_a_click_selects_the_node(window: MainWindow) -> None:
    tree = window.checklist.tree
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert any(t.startswith("Counterarguments with no answer") for t in titles)
    group = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0).startswith("Counterarguments with no answer")
    )
    window.checklist._select(group.child(0))
    assert window.selection.current == "ca1"


def test_checklist_refreshes_after_an_answer(window: MainWindow, qtbot: QtBot) -> None:
    window.session.execute(
        add_related_node(
            window.session.map,
            "ca1",
            NodeKind.COUNTERARGUMENT,
            RelationKind.ATTACK,
            "Surveillance covers the whole coast",
        )
    )
    qtbot.waitUntil(
        lambda: (
            not any(
                "Patrols displace" in g.message and g.kind.value == "unanswered_counterargument"
                for g in window.checklist.gaps
            )
        )
    )
