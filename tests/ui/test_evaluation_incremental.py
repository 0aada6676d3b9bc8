"""After an edit, the badges and faded arrows follow from the live evaluation: only the cards
whose verdict or strength changed are touched, and every card still shows exactly what a fresh
evaluation of the whole map says, through edits, undo, redo and what-ifs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.analysis.evaluate import RelationStatus, Semantics, evaluate
from argmap.editing import add_related_node, delete_nodes, set_rating
from argmap.model import NodeKind, RelationKind
from argmap.ui.canvas.node_item import Badge, NodeItem
from argmap.ui.evaluation_view import LABEL_STYLE
from argmap.ui.main_window import MainWindow


def _settled(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.evaluation._timer.isActive())
    QApplication.processEvents()


def _expected_badges(window: MainWindow) -> dict[str, tuple[str, float]]:
    """Every card's badge text and strength, from a fresh evaluation of the whole map."""
    m, whatif = window.session.map, window.evaluation.whatif
    labels = evaluate(m, whatif=whatif).labels
    strength = evaluate(m, Semantics.STRENGTH, whatif).strength
    marked = whatif.conceded | whatif.rejected
    return {
        n: (LABEL_STYLE[label][0] + ("*" if n in marked else ""), strength[n])
        for n, label in labels.items()
    }


def _shown_badges(window: MainWindow) -> dict[str, tuple[str, float]]:
    shown = {}
    for node in window.session.map.nodes:
        item = window.canvas.map_scene.node_item(node.id)
        assert item is not None and item.badge is not None, node.id
        text, _colour, value = item.badge
        assert value is not None
        shown[node.id] = (text, value)
    return shown


def _expected_faded(window: MainWindow) -> set[str]:
    result = evaluate(window.session.map, whatif=window.evaluation.whatif)
    return {r for r, s in result.relation_labels.items() if s is RelationStatus.BLOCKED}


def _shown_faded(window: MainWindow) -> set[str]:
    scene = window.canvas.map_scene
    return {e.relation_id for e in scene.edge_items() if e.blocked}


@pytest.fixture
def touched(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The ids of the cards whose badge is set from now on."""
    found: list[str] = []
    original = NodeItem.set_badge

    def spy(item: NodeItem, badge: Badge | None, repaint: bool = True) -> None:
        found.append(item.node_id)
        original(item, badge, repaint)

    monkeypatch.setattr(NodeItem, "set_badge", spy)
    yield found


def test_an_objection_touches_only_the_badges_it_changes(
    window: MainWindow, qtbot: QtBot, touched: list[str]
) -> None:
    window.evaluation.show_action.trigger()
    _settled(window, qtbot)
    before = _shown_badges(window)
    touched.clear()
    m = window.session.map
    window.session.execute(
        add_related_node(m, "e1", NodeKind.COUNTERARGUMENT, RelationKind.ATTACK, "Not so")
    )
    _settled(window, qtbot)
    new = m.nodes[-1].id
    after = _shown_badges(window)
    assert after == _expected_badges(window)
    changed = {n for n in after if before.get(n) != after[n]}
    assert new in changed and "e1" in changed
    # The new card gets its badge when the scene makes it and once evaluated; every other
    # card touched is one whose badge changed.
    assert set(touched) - {new} == changed - {new}
    assert len(set(touched)) < len(m.nodes)


def test_with_badges_shown_an_edit_and_its_verdicts_are_drawn_together(
    window: MainWindow, qtbot: QtBot
) -> None:
    # The new verdicts are on the cards before control returns to the event loop, so the
    # repaint that shows the edit shows them too (a second repaint of the same place costs
    # as much again on a map crossed by long arrows).
    window.evaluation.show_action.trigger()
    _settled(window, qtbot)
    m = window.session.map
    window.session.execute(
        add_related_node(m, "e1", NodeKind.COUNTERARGUMENT, RelationKind.ATTACK, "Not so")
    )
    assert _shown_badges(window) == _expected_badges(window)  # no event processed yet
    window.session.undo()
    assert _shown_badges(window) == _expected_badges(window)
    window.session.redo()
    assert _shown_badges(window) == _expected_badges(window)


def test_badges_and_faded_arrows_follow_edits_undo_redo_and_what_ifs(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.evaluation.show_action.trigger()
    session, m = window.session, window.session.map

    def check() -> None:
        _settled(window, qtbot)
        assert _shown_badges(window) == _expected_badges(window)
        assert _shown_faded(window) == _expected_faded(window)

    check()
    session.execute(add_related_node(m, "ca1", NodeKind.COUNTERARGUMENT, RelationKind.ATTACK))
    check()
    answer = m.nodes[-1].id
    session.execute(set_rating(answer, 0.2))
    check()
    session.execute(add_related_node(m, answer, NodeKind.EVIDENCE, RelationKind.SUPPORT, "Yes"))
    check()
    session.undo()
    check()
    session.redo()
    check()
    window.selection.set(["ca1"])
    window.evaluation.concede_action.trigger()
    check()
    window.selection.set([answer])
    window.evaluation.reject_action.trigger()
    check()
    session.execute(delete_nodes(m, [answer]))  # its what-if goes with it
    check()
    assert not window.evaluation.whatif.rejected
    session.undo()
    check()
    window.evaluation.clear_action.trigger()
    check()
    # Conceding what stands at full strength changes no verdict, only its mark (the star).
    session.execute(add_related_node(m, "c1", NodeKind.EVIDENCE, RelationKind.SUPPORT, "Sure"))
    sure = m.nodes[-1].id
    session.execute(set_rating(sure, 1.0))
    check()
    window.selection.set([sure])
    window.evaluation.concede_action.trigger()
    check()
    assert _shown_badges(window)[sure] == ("IN*", 1.0)
    window.evaluation.semantics_actions[Semantics.PREFERRED].trigger()
    window.evaluation.semantics_actions[Semantics.GROUNDED].trigger()
    check()


def test_a_new_cards_verdict_follows_once_the_burst_is_over(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.evaluation.recompute()
    window.selection.set(["c1"])
    assert not window.verdict.isHidden()
    m = window.session.map
    window.session.execute(add_related_node(m, "c1", NodeKind.EVIDENCE, RelationKind.SUPPORT))
    new = m.nodes[-1].id
    window.selection.set([new])
    assert window.evaluation._timer.isActive()  # evaluated after the burst, not in it
    assert not window.verdict.isHidden()  # the section waits where it is
    assert window.verdict.text.text() == "Working out whether it stands…"
    _settled(window, qtbot)
    assert window.verdict.text.text().startswith("In: it is assumed, as nothing supports it")


def test_a_map_opened_in_place_gets_every_badge(window: MainWindow, qtbot: QtBot) -> None:
    window.evaluation.show_action.trigger()
    _settled(window, qtbot)
    other = window.session.map.model_copy(deep=True)
    other.nodes = other.nodes[:2]
    kept = {n.id for n in other.nodes}
    other.relations = [r for r in other.relations if r.target in kept and set(r.premises) <= kept]
    window.session.replace(other)
    _settled(window, qtbot)
    assert _shown_badges(window) == _expected_badges(window)
    assert _shown_faded(window) == _expected_faded(window)
