"""The evaluation is worked out again only when a change can alter a verdict: moving cards
or rewording a statement keeps it, any change of structure or rating recomputes it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.editing import MoveNodes, add_related_node, edit_text, set_rating
from argmap.model import NodeKind, Point, RelationKind
from argmap.ui.main_window import MainWindow


def _evaluated(window: MainWindow, qtbot: QtBot) -> object:
    qtbot.waitUntil(lambda: not window.evaluation._timer.isActive())
    QApplication.processEvents()
    return window.evaluation.evaluation


def test_moves_and_rewording_keep_the_evaluation_structure_recomputes_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.evaluation.show_action.setChecked(True)
    before = _evaluated(window, qtbot)
    assert before is not None
    window.session.execute(MoveNodes({"c2": Point(x=40, y=260)}))
    assert _evaluated(window, qtbot) is before
    window.selection.set(["c2"])
    window.session.execute(edit_text("c2", "Smuggling gangs drive illegal immigration"))
    assert _evaluated(window, qtbot) is before
    window.session.execute(set_rating("e1", 0.9))  # a rating is a base score: recomputed
    rated = _evaluated(window, qtbot)
    assert rated is not before
    before = rated
    window.session.execute(
        add_related_node(
            window.session.map, "ca1", NodeKind.COUNTERARGUMENT, RelationKind.ATTACK, "No"
        )
    )
    after = _evaluated(window, qtbot)
    assert after is not before
    assert after.labels["ca1"] != before.labels["ca1"]  # type: ignore[attr-defined]
