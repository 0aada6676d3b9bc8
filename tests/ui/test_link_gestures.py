"""Drawing a relation by dragging from a card's handle: the modifier held on release decides.

Shift makes an attack, Ctrl a support, and with neither (and no default kind) a small menu asks;
the test answers that menu as a user would. Every gesture is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui.test_canvas import LEFT, NO, Canvas, canvas, relation_triples

__all__ = ["canvas"]  # the fixture, imported for this module's tests

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _drag_from_handle(canvas: Canvas, modifiers: Qt.KeyboardModifier) -> None:
    QTest.mousePress(canvas.viewport, LEFT, NO, canvas.handle("x1"))
    QTest.mouseMove(canvas.viewport, canvas.at("c1", 10, 5))
    QTest.mouseRelease(canvas.viewport, LEFT, modifiers, canvas.at("c1"))


def _answer_menu(choose: Callable[[QMenu], None], seen: list[list[str]]) -> None:
    """When the menu pops up, record its entries and answer it."""

    def answer() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, answer)
            return
        seen.append([action.text() for action in menu.actions()])
        choose(menu)

    QTimer.singleShot(0, answer)


def _pick(text: str) -> Callable[[QMenu], None]:
    def pick(menu: QMenu) -> None:
        action = next(a for a in menu.actions() if a.text() == text)
        menu.setActiveAction(action)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    return pick


def _dismiss(menu: QMenu) -> None:
    QTest.keyClick(menu, Qt.Key.Key_Escape)


@pytest.mark.parametrize(("modifiers", "kind"), [(SHIFT, "attack"), (CTRL, "support")])
def test_the_modifier_on_release_decides_the_kind_without_asking(
    canvas: Canvas, modifiers: Qt.KeyboardModifier, kind: str
) -> None:
    assert canvas.view.link_default_kind is None  # nothing preset: only the modifier decides
    seen: list[list[str]] = []
    _answer_menu(_dismiss, seen)  # a menu shown here would be a bug, and cancel the link
    before = relation_triples(canvas.session)
    _drag_from_handle(canvas, modifiers)
    QApplication.processEvents()
    assert seen == []
    assert relation_triples(canvas.session) - before == {(kind, ("x1",), "c1")}
    canvas.session.undo()
    assert relation_triples(canvas.session) == before


@pytest.mark.parametrize(("entry", "kind"), [("Supports", "support"), ("Attacks", "attack")])
def test_without_a_modifier_the_menu_asks_and_its_answer_is_used(
    canvas: Canvas, entry: str, kind: str
) -> None:
    seen: list[list[str]] = []
    _answer_menu(_pick(entry), seen)
    before = relation_triples(canvas.session)
    _drag_from_handle(canvas, NO)
    assert seen == [["Supports", "Attacks"]]
    assert relation_triples(canvas.session) - before == {(kind, ("x1",), "c1")}
    canvas.session.undo()
    assert relation_triples(canvas.session) == before


def test_dismissing_the_menu_draws_nothing(canvas: Canvas) -> None:
    seen: list[list[str]] = []
    _answer_menu(_dismiss, seen)
    before = canvas.session.map.model_copy(deep=True)
    _drag_from_handle(canvas, NO)
    assert len(seen) == 1
    assert canvas.session.map == before
    assert not canvas.session.is_dirty  # nothing entered the history
