"""The Evaluate menu, the inspector's verdict and the checklist panel, on the real window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

from argmap.analysis.errors import TooLargeError
from argmap.analysis.evaluate import Evaluation, Semantics, evaluate
from argmap.analysis.explain import explain
from argmap.analysis.live_evaluation import LiveDelta, LiveEvaluation
from argmap.editing import add_related_node, set_rating
from argmap.model import NodeKind, RelationKind
from argmap.ui import evaluation_view
from argmap.ui.canvas.edge_item import EdgeItem
from argmap.ui.main_window import MainWindow


def _badge_strengths(window: MainWindow) -> dict[str, float | None]:
    strengths = {}
    for node in window.session.map.nodes:
        item = window.canvas.map_scene.node_item(node.id)
        assert item is not None and item.badge is not None
        strengths[node.id] = item.badge[2]
    return strengths


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


def test_rejecting_a_statement_makes_what_it_attacked_stand(window: MainWindow) -> None:
    window.evaluation.show_action.trigger()
    before = window.session.map.model_dump()
    window.selection.set(["ca1"])
    window.evaluation.reject_action.trigger()
    assert _badge_labels(window)["ca1"] == "OUT*"
    assert _badge_labels(window)["c2"] == "IN"
    assert window.session.map.model_dump() == before
    window.evaluation.clear_action.trigger()
    assert _badge_labels(window)["ca1"] == "IN"
    assert _badge_labels(window)["c2"] == "OUT"
    assert not window.evaluation.clear_action.isEnabled()


def test_every_card_gets_a_strength_bar(window: MainWindow) -> None:
    window.evaluation.show_action.trigger()
    expected = evaluate(window.session.map, Semantics.STRENGTH).strength
    assert _badge_strengths(window) == pytest.approx(dict(expected))


def test_strength_semantics_shows_numbers(window: MainWindow) -> None:
    window.evaluation.show_action.trigger()
    window.evaluation.semantics_actions[Semantics.STRENGTH].trigger()
    expected = evaluate(window.session.map, Semantics.STRENGTH).strength
    assert float(_badge_labels(window)["e1"]) == pytest.approx(expected["e1"], abs=0.005)
    assert "strength" in window.evaluation._legend.text()


def test_a_burst_of_edits_is_evaluated_once(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.evaluation.recompute()  # the live evaluation is built; from now on it follows edits
    calls: list[int] = []
    follow = LiveEvaluation.update

    def counting(live: LiveEvaluation, *args: Any, **kwargs: Any) -> LiveDelta:
        calls.append(len(args[1]))  # how many changes it was handed
        return follow(live, *args, **kwargs)

    monkeypatch.setattr(LiveEvaluation, "update", counting)
    published: list[int] = []
    window.session.subscribe(lambda changes: published.append(len(changes)))
    for text in ("One", "Two", "Three"):
        window.session.execute(
            add_related_node(window.session.map, "c1", NodeKind.CLAIM, RelationKind.SUPPORT, text)
        )
    qtbot.waitUntil(lambda: bool(calls))
    qtbot.wait(20)
    assert calls == [sum(published)]  # once, with the changes of all three edits
    assert set(window.evaluation.evaluation.labels) == {n.id for n in window.session.map.nodes}


def test_a_map_too_large_to_evaluate_is_reported_not_hung(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def too_large(*_args: Any, **_kwargs: Any) -> Evaluation:
        raise TooLargeError("more than 10,000 labellings to try; use grounded or strength")

    window.evaluation.show_action.trigger()
    monkeypatch.setattr(evaluation_view, "evaluate", too_large)
    window.evaluation.semantics_actions[Semantics.PREFERRED].trigger()
    assert window.statusBar().currentMessage() == (
        "Cannot evaluate: more than 10,000 labellings to try; use grounded or strength"
    )
    assert _badge_labels(window) == {}


def test_inspector_says_why_a_statement_falls_with_its_strength_in_one_paragraph(
    window: MainWindow,
) -> None:
    window.selection.set(["c2"])
    window.evaluation.recompute()
    assert not window.verdict.isHidden()
    text = window.verdict.text.text()
    m = window.session.map
    assert text.startswith(explain(m, window.evaluation.evaluation, "c2") + " Strength ")
    value = evaluate(m, Semantics.STRENGTH).strength["c2"]
    assert f"Strength {value:.2f} of 1: " in text
    window.evaluation.show_action.trigger()  # the badges' strengths are the same ones
    assert window.verdict.text.text() == text


def test_a_label_and_a_strength_that_seem_to_disagree_are_reconciled(
    window: MainWindow,
) -> None:
    # A weak objection (rated 10 %) sinks a claim by the rules; by degree the claim is
    # middling. The paragraph must say why both hold.
    m = window.session.map
    window.session.execute(
        add_related_node(m, "e1", NodeKind.COUNTERARGUMENT, RelationKind.ATTACK, "A quibble")
    )
    new = m.nodes[-1].id
    window.session.execute(set_rating(new, 0.1))
    window.evaluation.recompute()
    window.selection.set(["e1"])
    assert window.evaluation.evaluation.labels["e1"].value == "out"
    text = window.verdict.text.text()
    assert text.startswith("Out: 'A quibble' attacks it")
    assert "an objection that applies is enough to reject it" in text


def test_blocked_relations_are_drawn_faded_while_the_evaluation_shows(
    window: MainWindow,
) -> None:
    scene = window.canvas.map_scene
    result = evaluate(window.session.map)
    blocked = {r for r, s in result.relation_labels.items() if s.value == "blocked"}
    assert blocked, "the test map has a blocked relation"
    assert all(not e.blocked for e in scene._edges.values())
    window.evaluation.show_action.trigger()
    faded = {r for r, e in scene._edges.items() if e.blocked}
    assert faded == blocked
    # Faded: even where its line, head and sign overlap, far from opaque.
    assert all(_drawn_alpha(scene._edges[r]) < 200 for r in blocked)
    assert all(_drawn_alpha(scene._edges[r]) == 255 for r in set(scene._edges) - blocked)
    window.evaluation.show_action.trigger()
    assert all(not e.blocked and _drawn_alpha(e) == 255 for e in scene._edges.values())


def _drawn_alpha(edge: EdgeItem) -> int:
    """How opaque the arrow's most opaque pixel comes out, painted whole on a clear image."""
    box = edge.sceneBoundingRect()
    image = QImage(int(box.width()) + 2, int(box.height()) + 2, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.translate(-box.left(), -box.top())
    painter.setOpacity(edge.opacity())
    option = QStyleOptionGraphicsItem()
    option.exposedRect = box
    edge.paint(painter, option, None)
    painter.end()
    return max(bytes(image.constBits())[3::4])


def test_inspector_explanation_follows_a_what_if(window: MainWindow) -> None:
    window.selection.set(["ca1"])
    window.evaluation.reject_action.trigger()
    assert window.verdict.text.text() == (
        "Out: you rejected it (a what-if). Strength 0.00 of 1: by degree it is weak too. "
        "(Evaluate > Clear All What-Ifs takes it back.)"
    )
    window.selection.set(["c2"])
    assert window.verdict.text.text().startswith("In")
    window.evaluation.clear_action.trigger()
    assert window.verdict.text.text().startswith("Out: 'Patrols displace the crossings' attacks it")


def _show_checklist(window: MainWindow, qtbot: QtBot) -> None:
    """The checklist is worked out only while it can be seen: show it, as a user would."""
    window.show()
    window.docks["checklist"].raise_()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(window.checklist.gaps))


def test_checklist_lists_gaps_and_a_click_selects_the_node(
    window: MainWindow, qtbot: QtBot
) -> None:
    _show_checklist(window, qtbot)
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


def _checklist_rows(window: MainWindow) -> dict[str, list[str]]:
    """What the checklist dock shows: each group's title (without its count) and its rows."""
    tree = window.checklist.tree
    rows: dict[str, list[str]] = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        title = group.text(0).rsplit(" (", 1)[0]
        rows[title] = [group.child(j).text(0) for j in range(group.childCount())]
    return rows


def test_checklist_refreshes_after_an_answer(window: MainWindow, qtbot: QtBot) -> None:
    _show_checklist(window, qtbot)
    unanswered = "Counterarguments with no answer"
    qtbot.waitUntil(lambda: unanswered in _checklist_rows(window))  # the first listing
    before = _checklist_rows(window)
    assert [row for row in before[unanswered] if "'Patrols displace the crossings'" in row] == [
        "no answer to 'Patrols displace the crossings' (it attacks 'Criminal gangs drive "
        "illegal immigration')"
    ]
    window.session.execute(
        add_related_node(
            window.session.map,
            "ca1",
            NodeKind.COUNTERARGUMENT,
            RelationKind.ATTACK,
            "Surveillance covers the whole coast",
        )
    )
    qtbot.waitUntil(lambda: _checklist_rows(window) != before)
    after = _checklist_rows(window)
    # ca1 is answered now, and the answer is ours: no one expects it to be answered in turn.
    assert after.get(unanswered, []) == [
        row for row in before[unanswered] if "'Patrols displace the crossings'" not in row
    ]
    assert not any("Surveillance" in row for rows in after.values() for row in rows)
    others = {title: rows for title, rows in after.items() if title != unanswered}
    assert others == {title: rows for title, rows in before.items() if title != unanswered}
    window.session.undo()
    qtbot.waitUntil(lambda: _checklist_rows(window) == before)


def test_legend_has_a_strip_of_its_own_above_the_cards(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    canvas = window.canvas
    legend = window.evaluation._legend
    before = canvas.viewport().geometry()
    window.evaluation.show_action.trigger()
    viewport = canvas.viewport().geometry()
    # The cards are drawn in the viewport only: a legend outside it can cover none of them.
    assert not legend.geometry().intersects(viewport)
    assert legend.geometry().bottom() < viewport.top()
    assert viewport.top() - before.top() == legend.height() > 0
    assert "IN stands" in legend.text()
    window.resize(700, 900)  # narrower: the strip wraps and still covers nothing
    qtbot.waitUntil(lambda: legend.width() < 700)
    assert not legend.geometry().intersects(canvas.viewport().geometry())
    assert legend.width() >= canvas.viewport().width()  # a strip across the whole canvas
    window.evaluation.show_action.trigger()  # hidden again: the canvas gets its room back
    assert legend.isHidden()
    assert canvas.viewport().geometry().top() == before.top()
