"""Positions, per-participant verdicts, the disagreement agenda, the record, AIF speakers."""

from __future__ import annotations

from pathlib import Path

from argmap.cli import main
from argmap.editing import EditSession
from argmap.io import native
from argmap.io.aif_read import from_aif_document
from argmap.io.seminar_record import dumps_seminar
from argmap.model import ArgumentMap, Participant, Stance
from argmap.seminar.positions import (
    disagreements,
    participant_evaluation,
    set_position,
    tally,
)
from tests.io.test_aif import nodeset
from tests.model.factories import small_map

LEE = Participant(id="p-lee", name="Dr <b>Lee</b> | *leader*", role="leader")
SAM = Participant(id="p-sam", name="Sam", role="student")


def _seminar() -> ArgumentMap:
    """small_map: c1 <- (e1+e2) r1, c1 <- e3 r2, c1 <-x ca1 r3, r1 <-x ca2 u1."""
    session = EditSession(small_map())
    m = session.map
    session.execute(set_position(m, LEE, "ca1", Stance.DISAGREE, "Patrols  work"))
    session.execute(set_position(m, SAM, "ca1", Stance.AGREE, "The release <i>admits</i> it"))
    session.execute(set_position(m, LEE, "c1", Stance.AGREE))
    session.execute(set_position(m, SAM, "c1", Stance.UNSURE))
    session.execute(set_position(m, SAM, "e3", Stance.AGREE))
    return session.map


def test_set_position_replaces_and_clears_in_one_undo_step_each() -> None:
    session = EditSession(small_map())
    session.execute(set_position(session.map, SAM, "c1", Stance.AGREE, "yes"))
    assert session.map.participants == [SAM]
    session.execute(set_position(session.map, SAM, "c1", Stance.DISAGREE))
    assert [(p.stance, p.reason) for p in session.map.positions] == [(Stance.DISAGREE, "")]
    session.execute(set_position(session.map, SAM, "c1", None))
    assert session.map.positions == []
    session.undo()
    session.undo()
    assert [(p.stance, p.reason) for p in session.map.positions] == [(Stance.AGREE, "yes")]
    session.undo()
    assert session.map.positions == [] and session.map.participants == []


def test_tally_counts_each_stance() -> None:
    counts = tally(_seminar())
    assert counts["ca1"] == {Stance.AGREE: 1, Stance.DISAGREE: 1}
    assert counts["c1"] == {Stance.AGREE: 1, Stance.UNSURE: 1}
    assert "e1" not in counts


def test_each_participant_gets_their_own_verdicts() -> None:
    m = _seminar()
    lee = participant_evaluation(m, LEE.id).labels
    sam = participant_evaluation(m, SAM.id).labels
    # Lee rejects the objection and concedes the claim; Sam takes the objection: c1 falls.
    assert (lee["ca1"].value, lee["c1"].value) == ("out", "in")
    assert (sam["ca1"].value, sam["c1"].value) == ("in", "out")


def test_the_agenda_puts_the_most_divided_statement_first() -> None:
    found = disagreements(_seminar())
    assert [d.statement for d in found][:2] == ["ca1", "c1"]
    assert found[0].spread > found[1].spread > 0
    assert found[0].stances == {LEE.id: Stance.DISAGREE, SAM.id: Stance.AGREE}
    assert disagreements(small_map()) == []  # nobody's positions, nothing to discuss


def test_the_record_has_every_section_and_escapes_what_users_wrote() -> None:
    text = dumps_seminar(_seminar())
    for heading in (
        "## Participants",
        "## Positions",
        "## Where we disagree",
        "## Open questions",
        "## Main claims and verdicts",
    ):
        assert heading in text
    assert "<b>" not in text and "<i>" not in text
    assert r"Dr \<b\>Lee\</b\> \| \*leader\*" in text
    agenda = text.split("## Where we disagree")[1].split("##")[0]
    assert agenda.lstrip().startswith("1. Patrols displace crossings")
    assert "as Sam sees it: rejected" in text


def test_export_to_seminar_from_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "room.argmap.json"
    native.save(_seminar(), source)
    out = tmp_path / "record.md"
    assert main(["export", str(source), "--to", "seminar", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Seminar record: ")


def test_aif_speakers_become_participants_and_authors() -> None:
    m = from_aif_document(nodeset()).map
    assert [(p.name, p.role) for p in m.participants] == [("Priti Patel", "speaker")]
    assert m.node("2").author == "p-priti-patel"
    assert m.node("1").author is None
