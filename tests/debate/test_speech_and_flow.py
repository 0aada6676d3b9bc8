"""Speech order and the flow sheet, derived from the map and kept when the user reorders."""

from __future__ import annotations

from argmap.debate.flow import column_title, flow_sheet
from argmap.debate.speech import derived_speech_order, speech_order
from argmap.editing import EditSession, delete_nodes
from argmap.io import native
from argmap.model import RelationKind
from tests.debate.maps import debate_map

CASE = "r1: a + m; r2: e1 + a; r3: b + m; r4: o1 - a; r5: e2 + o1; r6: x - o1; r7: o2 - m"


def test_the_case_comes_first_then_objections_with_their_answers() -> None:
    m = debate_map(CASE, "m", "loose")
    # The motion, reason a with its evidence, reason b; then objections: o1 (to a) with its
    # evidence and its answer x, then o2 (to m). The loose card has no way to the motion.
    assert derived_speech_order(m) == ["m", "a", "e1", "b", "o2", "o1", "e2", "x"]


def test_a_kept_order_is_used_and_new_steps_follow_it() -> None:
    m = debate_map(CASE)
    m.debate.speech_order = ["m", "b", "a"]
    assert speech_order(m) == ["m", "b", "a", "e1", "o2", "o1", "e2", "x"]


def test_deleting_a_step_drops_it_from_the_kept_order_in_the_same_undo_step() -> None:
    m = debate_map(CASE)
    m.debate.speech_order = ["m", "b", "a"]
    session = EditSession(m)
    session.execute(delete_nodes(m, ["b"]))
    assert m.debate.speech_order == ["m", "a"]
    session.undo()
    assert m.debate.speech_order == ["m", "b", "a"]


def test_an_undercut_is_raised_against_the_statement_its_inference_concludes() -> None:
    m = debate_map("r1: a + m; r2: u - r1")
    assert derived_speech_order(m) == ["m", "a", "u"]
    cells = flow_sheet(m).cells
    assert (cells["u"].column, cells["u"].row) == (1, 0)


def test_flow_columns_alternate_benches_and_rows_follow_what_they_answer() -> None:
    m = debate_map(CASE)
    sheet = flow_sheet(m)
    place = {node_id: (cell.column, cell.row) for node_id, cell in sheet.cells.items()}
    assert place == {
        "m": (0, 0),  # the case, down the first column
        "a": (0, 1),
        "e1": (0, 2),
        "b": (0, 3),
        "o2": (1, 0),  # the objection to m, level with m
        "o1": (1, 1),  # the objection to a, level with a
        "e2": (1, 2),  # its evidence below it
        "x": (2, 1),  # the answer to o1, level with o1
    }
    assert sheet.columns == 3 and sheet.rows == 4
    assert sheet.column_titles() == [
        "1 · Proposition: the case",
        "2 · Opposition: objections",
        "3 · Proposition: answers",
    ]
    assert column_title(3) == "4 · Opposition: replies"
    kinds = {(link.source, link.target): link.kind for link in sheet.links}
    assert kinds[("x", "o1")] is RelationKind.ATTACK
    assert kinds[("e2", "o1")] is RelationKind.SUPPORT
    assert len(sheet.links) == 7


def test_the_bundled_map_has_a_motion_and_a_whole_speech() -> None:
    from argmap.resources import DEFAULT_MAP

    m = native.load(DEFAULT_MAP).map
    assert m.debate.motion == "c-reduce-crossings"
    order = speech_order(m)
    assert order[0] == "c-reduce-crossings" and len(order) == len(set(order))
    assert set(order) == set(flow_sheet(m).cells)
