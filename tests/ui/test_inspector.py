"""The inspector on a real window: every field edit is one undoable command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from argmap.editing import SetNodeFields, link
from argmap.io import native
from argmap.model import Citation, EvidenceType, NodeKind, RelationKind
from argmap.ui.inspector.details_section import parse_tags
from argmap.ui.inspector.fields import ChoiceBox, CommitLineEdit, CommitTextEdit
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import select_words


def _type(field: CommitLineEdit, text: str) -> None:
    """Type into a one-line field and press Return, as a user finishes an edit."""
    field.setText(text)
    field.setModified(True)
    field.editingFinished.emit()


def _write(field: CommitTextEdit, text: str) -> None:
    field.setPlainText(text)
    field.commit()


def _pick(box: ChoiceBox, value: object) -> None:
    index = box.index_of(value)
    box.setCurrentIndex(index)
    box.activated.emit(index)


def _undo_redo_round_trip(window: MainWindow, edit: Callable[[], None], label: str) -> None:
    before = native.dumps(window.session.map)
    edit()
    after = native.dumps(window.session.map)
    assert after != before
    assert window.app_actions.undo.text() == f"&Undo {label}"
    window.app_actions.undo.trigger()
    assert native.dumps(window.session.map) == before
    window.app_actions.redo.trigger()
    assert native.dumps(window.session.map) == after


@pytest.fixture
def inspected(window: MainWindow) -> MainWindow:
    window.selection.set(["e1"])
    return window


def test_shows_the_selected_node(inspected: MainWindow) -> None:
    inspector = inspected.inspector
    assert inspector.node_section.isVisibleTo(inspector)
    assert not inspector.relation_section.isVisibleTo(inspector)
    assert inspector.node_section.text.toPlainText() == "France prevented twice as many crossings"
    assert inspector.node_section.kind.value == NodeKind.EVIDENCE
    assert inspector.details_section.tags.text() == "statistics"
    assert inspector.anchors_section.list.count() == 1


def test_text_edit_commits_once_and_undoes(inspected: MainWindow) -> None:
    section = inspected.inspector.node_section

    def edit() -> None:
        _write(section.text, "France stopped twice as many crossings")
        section.text.commit()  # leaving the field again commits nothing more

    history_before = len(inspected.session.history)
    _undo_redo_round_trip(inspected, edit, "Edit text")
    assert len(inspected.session.history) == history_before + 1
    assert section.text.toPlainText() == "France stopped twice as many crossings"


def test_kind_and_evidence_type(inspected: MainWindow) -> None:
    section = inspected.inspector.node_section
    _undo_redo_round_trip(
        inspected, lambda: _pick(section.kind, NodeKind.CLAIM), "Change kind to claim"
    )
    _undo_redo_round_trip(
        inspected,
        lambda: _pick(section.evidence_type, EvidenceType.STATISTIC),
        "Set evidence type",
    )
    assert inspected.session.map.node("e1").evidence_type == EvidenceType.STATISTIC


def test_citation_fields(inspected: MainWindow) -> None:
    fields = inspected.inspector.citation_section.fields

    def edit() -> None:
        _type(fields["title"], "Press release")
        _type(fields["url"], "https://www.gov.uk/")

    _undo_redo_round_trip(
        inspected, lambda: _type(fields["title"], "Press release"), "Edit citation"
    )
    edit()
    assert inspected.session.map.node("e1").citation == Citation(
        title="Press release", url="https://www.gov.uk/"
    )
    _type(fields["title"], "")
    _type(fields["url"], "")
    assert inspected.session.map.node("e1").citation is None


def test_tags_notes_and_rating(inspected: MainWindow) -> None:
    details = inspected.inspector.details_section
    _undo_redo_round_trip(
        inspected, lambda: _type(details.tags, "numbers,  france , numbers"), "Set tags"
    )
    assert inspected.session.map.node("e1").tags == ["numbers", "france"]
    _undo_redo_round_trip(
        inspected, lambda: _write(details.notes, "Check the source"), "Edit notes"
    )

    def rate() -> None:
        details.rating.setValue(80)
        details.rating.editingFinished.emit()

    _undo_redo_round_trip(inspected, rate, "Set rating")
    assert inspected.session.map.node("e1").rating == 0.8
    details.rating.setValue(-1)
    details.rating.editingFinished.emit()
    assert inspected.session.map.node("e1").rating is None


def test_unchanged_field_commits_nothing(inspected: MainWindow) -> None:
    before = len(inspected.session.history)
    inspected.inspector.details_section.tags.editingFinished.emit()
    inspected.inspector.node_section.text.commit()
    assert len(inspected.session.history) == before


def test_edit_goes_to_the_node_shown_even_after_selection_moves(inspected: MainWindow) -> None:
    text = inspected.inspector.node_section.text
    c1_before = inspected.session.map.node("c1").text
    history = len(inspected.session.history)
    text.setPlainText("Edited e1")
    inspected.selection.set(["c1"])  # the panel refreshes; the pending edit was for e1
    assert inspected.session.map.node("e1").text == "Edited e1"
    assert inspected.session.map.node("c1").text == c1_before
    assert len(inspected.session.history) == history + 1
    assert text.toPlainText() == c1_before  # now showing c1 as it is
    # (every way the selection can move: tests/ui/test_inspector_pending.py)


def test_anchors_jump_add_and_remove(inspected: MainWindow) -> None:
    anchors = inspected.inspector.anchors_section
    panel = inspected.source_panel
    panel.text_view.moveCursor(panel.text_view.textCursor().MoveOperation.Start)
    anchors.jump()
    expected = inspected.session.map.node("e1").anchors[0].start
    assert panel.text_view.textCursor().position() == expected

    select_words(inspected, "Critics say")
    _undo_redo_round_trip(inspected, anchors.add_selected_words, "Add anchor")
    assert [a.quote for a in inspected.session.map.node("e1").anchors][-1] == "Critics say"
    assert anchors.list.count() == 2

    anchors.list.setCurrentRow(1)
    _undo_redo_round_trip(inspected, anchors.remove_current, "Remove anchor")
    assert len(inspected.session.map.node("e1").anchors) == 1


def test_relation_kind_scheme_and_notes(window: MainWindow) -> None:
    window.selection.set(["r2"])
    inspector = window.inspector
    section = inspector.relation_section
    assert section.isVisibleTo(inspector)
    assert not inspector.node_section.isVisibleTo(inspector)
    assert "France prevented" in section.ends.text()
    _undo_redo_round_trip(
        window, lambda: _pick(section.kind, RelationKind.ATTACK), "Change relation to attack"
    )
    _undo_redo_round_trip(window, lambda: _pick(section.scheme, "statistics"), "Set scheme")
    assert window.session.map.relation("r2").scheme == "statistics"
    _undo_redo_round_trip(window, lambda: _write(section.notes, "Numbers"), "Edit relation notes")


def test_an_undercut_cannot_become_a_support(window: MainWindow) -> None:
    window.session.execute(link(window.session.map, ["ca1"], "r1", RelationKind.ATTACK))
    window.selection.set([window.session.map.relations[-1].id])
    assert "Undercut" in window.inspector.heading.text()
    assert not window.inspector.relation_section.kind.isEnabled()


def test_refused_edit_is_reported_not_raised(window: MainWindow) -> None:
    history = len(window.session.history)
    assert not window.runner.run(SetNodeFields("nope", "Edit text", text="x"))
    assert len(window.session.history) == history
    assert "no node with id 'nope'" in window.statusBar().currentMessage()


def test_extension_slot_takes_later_sections(window: MainWindow) -> None:
    subjects: list[object] = []
    label = QLabel("Evaluation")
    window.inspector.add_section(label)
    window.inspector.subject_changed.connect(subjects.append)
    window.selection.set(["c1"])
    window.selection.set(["r1"])
    window.selection.clear()
    assert label.parent() is not None
    assert subjects == ["c1", "r1", None]


def test_parse_tags() -> None:
    assert parse_tags(" a, b ,, a,c ") == ["a", "b", "c"]


def test_save_commits_the_field_being_typed_in(
    inspected: MainWindow, qtbot: QtBot, map_file: Path
) -> None:
    inspected.show()
    qtbot.waitExposed(inspected)
    inspected.activateWindow()
    notes = inspected.inspector.details_section.notes
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus)
    notes.setPlainText("Typed, not yet left")
    inspected.app_actions.save.trigger()
    assert native.load(map_file).map.node("e1").notes == "Typed, not yet left"
    assert not inspected.session.is_dirty
