"""Property: what a command publishes names everything it changed (views redraw from it).

Views never diff maps: they redraw what the session's Change events name. So after any edit,
undo or redo, every node, relation, position, layout field and map field that differs between
the map before and after must be named by a Change of the right kind (and, where the Change
lists fields, the changed field among them). Found by mutation testing: an undo publishing the
wrong kind, or a layout change naming the wrong fields, passed every other test of the core.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from argmap.editing import Change, ChangeKind, EditError, EditSession
from argmap.model import ArgumentMap
from tests.editing.test_undo_property import BUILDERS, Pick, edits
from tests.model.factories import small_map

K = ChangeKind


def _by_id(items: list[Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


#: Bookkeeping stamped on whatever is edited; no view draws it.
STAMPS = {"created", "modified"}


def _changed_fields(old: dict[str, Any], new: dict[str, Any]) -> set[str]:
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)} - STAMPS


def _named(changes: list[Change], kind: ChangeKind, item_id: str | None = None) -> list[Change]:
    return [
        c
        for c in changes
        if c.kind in (kind, K.MAP_REPLACED) and (item_id is None or item_id in c.ids)
    ]


def _assert_covered(before: ArgumentMap, after: ArgumentMap, changes: list[Change]) -> None:
    old, new = before.model_dump(), after.model_dump()
    for part, added, removed, changed in (
        ("nodes", K.NODE_ADDED, K.NODE_REMOVED, K.NODE_CHANGED),
        ("relations", K.RELATION_ADDED, K.RELATION_REMOVED, K.RELATION_CHANGED),
    ):
        was, now = _by_id(old[part]), _by_id(new[part])
        for item_id in now.keys() - was.keys():
            assert _named(changes, added, item_id), (part, "added", item_id, changes)
        for item_id in was.keys() - now.keys():
            assert _named(changes, removed, item_id), (part, "removed", item_id, changes)
        for item_id in was.keys() & now.keys():
            fields = _changed_fields(was[item_id], now[item_id])
            if fields:
                named = _named(changes, changed, item_id)
                assert named, (part, "changed", item_id, fields, changes)
                listed = {f for c in named for f in c.fields}
                assert (
                    not listed or fields <= listed or any(c.kind == K.MAP_REPLACED for c in named)
                ), (part, item_id, fields, named)
    old_layout, new_layout = old["layout"], new["layout"]
    # A node added or removed takes its position along (its own Change names it).
    appeared = _by_id(old["nodes"]).keys() ^ _by_id(new["nodes"]).keys()
    moved = _changed_fields(old_layout["positions"], new_layout["positions"]) - appeared
    if moved:
        covered = {i for c in changes if c.kind == K.POSITIONS_CHANGED for i in c.ids}
        whole = [c for c in changes if c.kind in (K.LAYOUT_CHANGED, K.MAP_REPLACED)]
        assert whole or moved <= covered, (moved, changes)
    layout_fields = _changed_fields(old_layout, new_layout) - {"positions"}
    for flag in ("pinned", "collapsed"):  # a deleted node leaves these lists with its Change
        if set(old_layout[flag]) ^ set(new_layout[flag]) <= appeared:
            layout_fields.discard(flag)
    if layout_fields:
        listed = {f for c in changes if c.kind == K.LAYOUT_CHANGED for f in c.fields}
        assert _named(changes, K.LAYOUT_CHANGED), (layout_fields, changes)
        assert layout_fields <= listed, (layout_fields, changes)
    map_fields = _changed_fields(old, new) - {"nodes", "relations", "layout"}
    if map_fields:
        listed = {f for c in changes if c.kind == K.MAP_CHANGED for f in c.fields}
        assert _named(changes, K.MAP_CHANGED), (map_fields, changes)
        assert map_fields <= listed, (map_fields, changes)


def _step(session: EditSession, action: str, choice: int = 0, pick: Pick = (0, 0, 0)) -> bool:
    before = session.map.model_copy(deep=True)
    try:
        if action == "execute":
            changes = session.execute(BUILDERS[choice](session.map, pick))
        elif action == "undo":
            changes = session.undo()
        else:
            changes = session.redo()
    except EditError:
        return False
    _assert_covered(before, session.map, changes)
    return True


@settings(max_examples=60, deadline=None)
@given(edits)
def test_every_edit_undo_and_redo_publishes_what_it_changed(
    sequence: list[tuple[int, Pick]],
) -> None:
    session = EditSession(small_map())
    done = sum(_step(session, "execute", choice, pick) for choice, pick in sequence)
    for _ in range(done):
        assert _step(session, "undo")
    for _ in range(done):
        assert _step(session, "redo")
