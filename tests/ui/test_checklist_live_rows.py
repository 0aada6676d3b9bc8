"""The checklist panel follows random edits row by row: after every edit, undo and redo its
headings and rows are exactly those of ``find_gaps`` worked out from scratch."""

from __future__ import annotations

import random

import pytest
from pytestqt.qtbot import QtBot

from argmap.analysis.checklist import GAP_TITLES, find_gaps
from argmap.editing import EditError
from argmap.model import ArgumentMap
from argmap.ui.main_window import MainWindow
from tests.analysis.test_live_checklist import _edit, _start
from tests.ui.conftest import MakeWindow


def _shown(window: MainWindow) -> dict[str, list[str]]:
    tree = window.checklist.tree
    groups = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        assert group is not None
        rows = [group.child(j) for j in range(group.childCount())]
        groups[group.text(0)] = [row.text(0) for row in rows if row is not None]
    return groups


def _expected(m: ArgumentMap) -> dict[str, list[str]]:
    gaps = find_gaps(m)
    return {
        f"{title} ({sum(g.kind is kind for g in gaps)})": [
            g.message for g in gaps if g.kind is kind
        ]
        for kind, title in GAP_TITLES.items()
        if any(g.kind is kind for g in gaps)
    }


@pytest.mark.parametrize("seed", [3, 11])
def test_the_rows_follow_random_edits_undo_and_redo(
    make_window: MakeWindow, qtbot: QtBot, seed: int
) -> None:
    window = make_window()
    assert window.document.open_untitled(_start(50, seed))
    window.show()
    window.docks["checklist"].raise_()
    qtbot.waitExposed(window)
    session = window.session
    qtbot.waitUntil(lambda: _shown(window) == _expected(session.map))
    rng = random.Random(seed)
    kept = 0
    for _ in range(60):
        tree = window.checklist.tree
        first = tree.topLevelItem(0).child(0) if tree.topLevelItemCount() else None
        before = first.text(0) if first is not None else None
        roll = rng.random()
        try:
            if roll < 0.15:
                session.undo()
            elif roll < 0.25:
                session.redo()
            else:
                session.execute(_edit(session.map, rng))
        except EditError:
            continue
        # The rows, and the gaps behind them (a circle's arrows are not in its row's text).
        qtbot.waitUntil(
            lambda: (
                window.checklist.gaps == find_gaps(session.map)
                and _shown(window) == _expected(session.map)
            )
        )
        now = tree.topLevelItem(0).child(0) if tree.topLevelItemCount() else None
        kept += now is first and now is not None and now.text(0) == before
    assert kept > 20  # rows that stay are the same rows, not rebuilt
