"""The user's name: asked once, changed in Preferences, stamped on the cards they make."""

from __future__ import annotations

from pathlib import Path

from argmap.ui.main_window import MainWindow
from argmap.ui.settings import AppSettings
from tests.ui.conftest import MakeWindow, select_words


def test_a_card_made_from_the_text_is_stamped_with_the_users_name(
    make_window: MakeWindow, map_file: Path, settings: AppSettings
) -> None:
    settings.set_user_name("Ana Lopez")
    window = make_window(map_file)
    select_words(window, "Critics say more patrols")
    window.app_actions.objection_from_text.trigger()
    made = window.session.map.nodes[-1]
    assert made.author == "p-ana-lopez"
    assert [p.name for p in window.session.map.participants] == ["Ana Lopez"]
    window.app_actions.undo.trigger()
    assert window.session.map.participants == []


def test_asked_once_then_never_again(window: MainWindow, settings: AppSettings) -> None:
    asked: list[str] = []

    def asker(current: str) -> str | None:
        asked.append(current)
        return "Ben"

    window.seminar.asker = asker
    assert window.seminar.ask_name_once() is not None
    assert window.seminar.ask_name_once() is not None
    assert asked == [""]
    assert window.session.user is not None and window.session.user.name == "Ben"
    assert settings.user_name() == "Ben"


def test_preferences_change_who_is_stamped(window: MainWindow, settings: AppSettings) -> None:
    settings.set_user_name("Ben")
    window.seminar.asker = lambda current: "Chloé" if current == "Ben" else None
    window.seminar.preferences_action.trigger()
    assert settings.user_name() == "Chloé"
    select_words(window, "France prevented twice")
    window.app_actions.evidence_from_text.trigger()
    assert window.session.map.nodes[-1].author == "p-chloé"
    window.seminar.asker = lambda current: None  # cancel keeps the name
    window.seminar.preferences_action.trigger()
    assert settings.user_name() == "Chloé"


def test_first_start_opens_a_question_that_does_not_block(
    window: MainWindow, settings: AppSettings
) -> None:
    assert window.seminar.ask_name_once() is None  # returns at once, the dialog open
    dialog = window.seminar.name_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.setTextValue("Dana")
    dialog.accept()
    assert settings.user_name() == "Dana"
    assert window.session.user is not None and window.session.user.id == "p-dana"
