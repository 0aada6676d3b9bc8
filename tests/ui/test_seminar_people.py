"""Positions in the inspector, the tally on cards, Colour by Author and its filter, the agenda."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from argmap.io import native
from argmap.model import Participant, Position, Stance
from argmap.ui.main_window import MainWindow
from argmap.ui.settings import AppSettings
from tests.ui.conftest import MakeWindow, small_map

ANA = Participant(id="p-ana", name="Ana", colour="#ee6677", role="student")
BEN = Participant(id="p-ben", name="Ben", colour="#228833", role="student")


def _authored_file(tmp_path: Path) -> Path:
    m = small_map()
    m.participants = [ANA, BEN]
    m.node("c1").author = "p-ana"
    m.node("c2").author = "p-ana"
    m.node("ca1").author = "p-ben"
    m.positions = [
        Position(participant="p-ana", statement="ca1", stance=Stance.DISAGREE),
        Position(participant="p-ben", statement="ca1", stance=Stance.AGREE, reason="It moves"),
        Position(participant="p-ben", statement="c2", stance=Stance.UNSURE),
    ]
    path = tmp_path / "seminar.argmap.json"
    native.save(m, path)
    return path


def test_taking_a_position_in_the_inspector(
    make_window: MakeWindow, map_file: Path, settings: AppSettings, qtbot: QtBot
) -> None:
    settings.set_user_name("Ana")
    window = make_window(map_file)
    before = native.dumps(window.session.map)
    window.selection.set(["e1"])
    section = window.seminar.positions
    assert section.isVisibleTo(window.inspector)
    assert section.held.text() == "Nobody has taken a position yet."
    section.reason.setText("Twice as many is a lot")
    section.reason.setModified(True)
    section.buttons[Stance.AGREE].click()
    [position] = window.session.map.positions
    assert (position.participant, position.stance, position.reason) == (
        "p-ana",
        Stance.AGREE,
        "Twice as many is a lot",
    )
    assert section.held.text() == "Ana agrees: Twice as many is a lot"
    marks = window.seminar.marks
    qtbot.waitUntil(lambda: "e1" in marks.tallies and marks.tallies["e1"].text() == "✓ 1")
    section.buttons[Stance.DISAGREE].click()
    qtbot.waitUntil(lambda: marks.tallies["e1"].text() == "✗ 1")
    window.app_actions.undo.trigger()
    window.app_actions.undo.trigger()
    assert native.dumps(window.session.map) == before
    qtbot.waitUntil(lambda: "e1" not in marks.tallies)


def test_a_position_without_a_name_asks_for_it_first(window: MainWindow) -> None:
    window.seminar.asker = lambda current: "Chloé"
    window.selection.set(["c1"])
    window.seminar.positions.buttons[Stance.UNSURE].click()
    assert [p.participant for p in window.session.map.positions] == ["p-chloé"]


def test_colour_by_author_stripes_the_cards_and_lists_the_participants(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(_authored_file(tmp_path))
    assert window.seminar.marks.stripes == {}
    window.seminar.colour_action.trigger()
    stripes = window.seminar.marks.stripes
    assert stripes["c1"].brush().color().name() == "#ee6677"
    assert stripes["ca1"].brush().color().name() == "#228833"
    assert stripes["e1"].toolTip() == "No author recorded"
    people = window.seminar.panel.people
    rows = [people.item(i).text() for i in range(people.count())]
    assert rows == ["Ana (student)", "Ben (student)", "No author recorded"]
    window.seminar.colour_action.trigger()
    assert window.seminar.marks.stripes == {}


def test_show_only_some_participants_is_a_view(make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window(_authored_file(tmp_path))
    before = native.dumps(window.session.map)
    scene = window.canvas.map_scene
    window.seminar.panel.set_shown({"p-ben"})
    shown = {n for n in ("c1", "c2", "e1", "ca1") if scene.node_item(n).isVisible()}  # type: ignore[union-attr]
    assert shown == {"ca1"}
    window.seminar.panel.set_shown(None)
    shown = {n for n in ("c1", "c2", "e1", "ca1") if scene.node_item(n).isVisible()}  # type: ignore[union-attr]
    assert shown == {"c1", "c2", "e1", "ca1"}
    assert native.dumps(window.session.map) == before


def test_where_we_disagree_lists_the_most_divided_first(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(_authored_file(tmp_path))
    agenda = window.seminar.panel.agenda
    assert agenda.count() >= 1
    assert agenda.item(0).text().startswith("1. Patrols displace the crossings")
    assert "Ana ✗" in agenda.item(0).toolTip() and "Ben ✓" in agenda.item(0).toolTip()
    assert window.seminar.marks.tallies["ca1"].text() == "✓ 1  ✗ 1"


def test_see_the_map_as_one_participant_does(make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window(_authored_file(tmp_path))
    people = window.seminar.panel.people
    people.setCurrentRow(0)  # Ana: she rejects the objection
    window.seminar.panel.see_button.click()
    evaluation = window.evaluation
    assert evaluation.show_action.isChecked()
    assert evaluation.whatif.rejected == {"ca1"}
    assert evaluation.evaluation is not None
    assert evaluation.evaluation.labels["ca1"].value == "out"
    assert evaluation.evaluation.labels["c2"].value == "in"
    people.setCurrentRow(2)  # "No author recorded" is nobody to see as
    assert not window.seminar.panel.see_button.isEnabled()
