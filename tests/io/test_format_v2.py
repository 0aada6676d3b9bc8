"""Format version 2: participants, positions, authorship and the debate, and the migration."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from argmap.editing import EditSession, delete_nodes
from argmap.io import native
from argmap.io.errors import FileFormatError
from argmap.model import (
    ArgumentMap,
    Debate,
    DebateSide,
    MapValidationError,
    Participant,
    Position,
    Stance,
    find_problems,
    validate,
)
from tests.model.factories import small_map

ROOT = Path(__file__).resolve().parents[2]


def _version_1_files() -> list[Path]:
    """Every version-1 map file the repository holds (tests and resources)."""
    files = sorted(ROOT.glob("tests/**/*.argmap.json")) + sorted(
        ROOT.glob("resources/**/*.argmap.json")
    )
    return [f for f in files if json.loads(f.read_text("utf-8")).get("version") == 1]


def seminar_map() -> ArgumentMap:
    m = small_map()
    m.participants = [
        Participant(id="p1", name="Ada", colour="#aa3377", role="leader"),
        Participant(id="p2", name="Ben"),
    ]
    m.nodes[0].author = "p1"
    m.nodes[0].editors = ["p2"]
    m.relations[0].author = "p2"
    m.positions = [
        Position(participant="p1", statement="c1", stance=Stance.AGREE),
        Position(participant="p2", statement="c1", stance=Stance.DISAGREE, reason="No data"),
        Position(participant="p2", statement="e1", stance=Stance.UNSURE),
    ]
    m.debate = Debate(
        motion="c1",
        side_overrides={"ca1": DebateSide.AGAINST},
        speech_order=["c1", "e1", "ca1"],
    )
    return m


def test_the_repository_still_holds_a_version_1_file() -> None:
    assert _version_1_files(), "keep a version-1 map so the migration stays tested"


@pytest.mark.parametrize("path", _version_1_files(), ids=lambda p: p.name)
def test_every_version_1_file_loads_as_version_2(path: Path) -> None:
    old = json.loads(path.read_text("utf-8"))
    result = native.load(path)
    assert "upgraded from file format version 1 to 2" in result.notes
    assert result.map.participants == [] and result.map.positions == []
    assert result.map.debate == Debate()
    # Nothing of the old content is lost: every node and relation keeps every field.
    for old_node, new_node in zip(old["nodes"], result.map.nodes, strict=True):
        assert new_node.model_dump(mode="json") == {**old_node, "author": None, "editors": []}
    saved = json.loads(native.dumps(result.map))
    assert saved["version"] == 2
    assert native.loads(native.dumps(result.map)).notes == []


def test_the_bundled_map_is_saved_as_version_2() -> None:
    sample = ROOT / "resources" / "samples" / "uk-france-small-boats.argmap.json"
    assert json.loads(sample.read_text("utf-8"))["version"] == native.VERSION == 2


def test_version_2_fields_round_trip() -> None:
    m = seminar_map()
    validate(m)
    loaded = native.loads(native.dumps(m)).map
    assert loaded == m
    assert loaded.debate.side_overrides == {"ca1": DebateSide.AGAINST}
    assert loaded.nodes[0].author == "p1" and loaded.nodes[0].editors == ["p2"]


def test_a_newer_version_is_refused_with_a_clear_message() -> None:
    document = json.loads(native.dumps(small_map()))
    document["version"] = 3
    with pytest.raises(
        FileFormatError, match=r"newer argmap .* version 3; this argmap reads up to 2"
    ):
        native.loads(json.dumps(document), origin="m.argmap.json")


def _position(statement: str, stance: Stance = Stance.AGREE) -> Position:
    return Position(participant="p1", statement=statement, stance=stance)


BREAKAGES: dict[str, tuple[Callable[[ArgumentMap], object], str, str]] = {
    "unknown author": (
        lambda m: setattr(m.nodes[1], "author", "p9"),
        "$.nodes[1].author",
        "'p9' is not a participant",
    ),
    "unknown editor": (
        lambda m: m.relations[0].editors.append("zz"),
        "$.relations[0].editors[0]",
        "'zz' is not a participant",
    ),
    "duplicate participant": (
        lambda m: m.participants.append(Participant(id="p1", name="Again")),
        "$.participants[2].id",
        "duplicate participant id 'p1'",
    ),
    "position on nothing": (
        lambda m: m.positions.append(_position("gone")),
        "$.positions[3].statement",
        "'gone' is not a node",
    ),
    "two positions": (
        lambda m: m.positions.append(_position("c1", Stance.UNSURE)),
        "$.positions[3]",
        "'p1' takes two positions on 'c1'",
    ),
    "motion not a claim": (
        lambda m: setattr(m.debate, "motion", "e1"),
        "$.debate.motion",
        "motion 'e1' is not a claim",
    ),
    "motion not a node": (
        lambda m: setattr(m.debate, "motion", "nope"),
        "$.debate.motion",
        "motion 'nope' is not a node",
    ),
    "speech step twice": (
        lambda m: m.debate.speech_order.append("e1"),
        "$.debate.speech_order[3]",
        "'e1' appears twice",
    ),
    "override of nothing": (
        lambda m: m.debate.side_overrides.update(x=DebateSide.FOR),
        "$.debate.side_overrides.x",
        "'x' is not a node",
    ),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_broken_references_are_named_with_their_path(name: str) -> None:
    breakage, path, message = BREAKAGES[name]
    m = seminar_map()
    breakage(m)
    problems = find_problems(m)
    assert [(p.path, p.message) for p in problems] == [(path, message)]
    with pytest.raises(MapValidationError):
        validate(m)


def test_a_colour_must_be_hex() -> None:
    with pytest.raises(ValueError, match="colour"):
        Participant(id="p", name="P", colour="red")


def test_deleting_a_statement_forgets_its_positions_and_debate_places_in_one_undo() -> None:
    m = seminar_map()
    session = EditSession(m)
    before = native.dumps(m)
    session.execute(delete_nodes(m, ["c1"]))
    assert [p.statement for p in m.positions] == ["e1"]
    assert m.debate.motion is None
    assert m.debate.speech_order == ["e1", "ca1"]
    validate(m)
    session.undo()
    assert native.dumps(m) == before
    session.execute(delete_nodes(m, ["ca1"]))
    assert m.debate.side_overrides == {} and m.debate.speech_order == ["c1", "e1"]
    validate(m)


def test_version_2_fields_travel_through_aif_under_argmap_s_own_key() -> None:
    from argmap.io.aif import dumps_aif, loads_aif

    m = seminar_map()
    assert loads_aif(dumps_aif(m)).map == m
