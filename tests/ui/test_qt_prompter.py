"""The real dialogs behind :class:`QtPrompter`: what each shows and what each answer means.

Every test answers the modal dialog the way a user would (a button, Enter, Escape, a typed
file name) from a zero-time timer, since the dialog runs its own event loop until answered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from argmap.ui.dialogs import QtPrompter, UnsavedChoice

Button = QMessageBox.StandardButton


def answer_with(act: Callable[[QWidget], None], seen: list[str]) -> None:
    """When the next modal dialog is up, note its text and answer it with ``act``."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, attempt)
            return
        if isinstance(dialog, QMessageBox):
            seen.append(dialog.text())
        act(dialog)

    QTimer.singleShot(0, attempt)


def press(button: Button) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        chosen = dialog.button(button)
        assert chosen is not None, f"the dialog has no {button} button"
        chosen.click()

    return act


def key(which: Qt.Key) -> Callable[[QWidget], None]:
    return lambda dialog: QTest.keyClick(dialog, which)


@pytest.fixture
def prompter(qtbot: QtBot) -> QtPrompter:
    parent = QWidget()
    qtbot.addWidget(parent)
    return QtPrompter(parent)


@pytest.mark.parametrize(
    ("button", "choice"),
    [
        (Button.Save, UnsavedChoice.SAVE),
        (Button.Discard, UnsavedChoice.DISCARD),
        (Button.Cancel, UnsavedChoice.CANCEL),
    ],
)
def test_unsaved_changes_offers_save_discard_and_cancel(
    prompter: QtPrompter, button: Button, choice: UnsavedChoice
) -> None:
    seen: list[str] = []
    answer_with(press(button), seen)
    assert prompter.ask_unsaved("debate.argmap.json") is choice
    assert seen == ["Save the changes to debate.argmap.json before closing it?"]


def test_unsaved_changes_saves_on_enter_and_keeps_the_work_on_escape(
    prompter: QtPrompter,
) -> None:
    seen: list[str] = []
    answer_with(key(Qt.Key.Key_Return), seen)
    assert prompter.ask_unsaved("m") is UnsavedChoice.SAVE  # the default: nothing is lost
    answer_with(key(Qt.Key.Key_Escape), seen)
    assert prompter.ask_unsaved("m") is UnsavedChoice.CANCEL  # Escape never discards


def test_restore_after_a_crash_defaults_to_yes(prompter: QtPrompter) -> None:
    seen: list[str] = []
    answer_with(key(Qt.Key.Key_Return), seen)
    assert prompter.ask_restore("Unsaved work on map.argmap.json from 10:42.") is True
    assert "did not close properly" in seen[0] and "from 10:42" in seen[0]
    answer_with(press(Button.No), seen)
    assert prompter.ask_restore("x") is False


def test_importing_a_broken_file_defaults_to_no(prompter: QtPrompter) -> None:
    seen: list[str] = []
    answer_with(key(Qt.Key.Key_Return), seen)
    assert prompter.ask_import_broken("edge 7 points at a missing node") is False
    assert seen[0].startswith("edge 7 points at a missing node")
    answer_with(press(Button.Yes), seen)
    assert prompter.ask_import_broken("problem") is True


def test_errors_and_information_wait_for_ok(prompter: QtPrompter) -> None:
    seen: list[str] = []
    answer_with(press(Button.Ok), seen)
    prompter.show_error("Cannot open", "map.json: line 3: not JSON")
    answer_with(press(Button.Ok), seen)
    prompter.show_info("About argmap", "Argument maps")
    assert seen == ["map.json: line 3: not JSON", "Argument maps"]


def type_name(name: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        field = dialog.findChild(QLineEdit)
        assert field is not None
        field.setText(name)
        dialog.accept()

    return act


def reject(dialog: QWidget) -> None:
    assert isinstance(dialog, QFileDialog)
    dialog.reject()


@pytest.fixture
def widget_file_dialogs() -> Iterator[None]:
    """Qt's own file dialog (a platform's native one cannot be driven from here)."""
    attribute = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    before = QApplication.testAttribute(attribute)
    QApplication.setAttribute(attribute, True)
    yield
    QApplication.setAttribute(attribute, before)


@pytest.mark.usefixtures("widget_file_dialogs")
def test_save_as_returns_the_typed_path_or_none(prompter: QtPrompter, tmp_path: Path) -> None:
    seen: list[str] = []
    answer_with(type_name(str(tmp_path / "brief.argmap.json")), seen)
    assert prompter.choose_save_path(tmp_path / "suggested.argmap.json") == (
        tmp_path / "brief.argmap.json"
    )
    answer_with(reject, seen)
    assert prompter.choose_save_path(tmp_path / "suggested.argmap.json") is None


@pytest.mark.usefixtures("widget_file_dialogs")
def test_open_returns_the_chosen_map(prompter: QtPrompter, tmp_path: Path) -> None:
    existing = tmp_path / "map.argmap.json"
    existing.write_text("{}", encoding="utf-8")
    seen: list[str] = []
    answer_with(type_name(str(existing)), seen)
    assert prompter.choose_map_to_open(tmp_path) == existing
    answer_with(reject, seen)
    assert prompter.choose_text_to_open(tmp_path) is None
