"""The outline redoes only the rows below what an edit changed, and always reads as if built
afresh: random edit sequences (statements and relations added and deleted, linked and shared
premises, undercuts, cycles, text, kinds, undo and redo) compared row by row, after every step,
with a new panel and with the outline built from scratch."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from argmap.editing import (
    AddNode,
    EditError,
    EditSession,
    SetRelationFields,
    add_premise,
    add_related_node,
    change_kind,
    change_relation_kind,
    delete_nodes,
    delete_relations,
    edit_text,
    link,
    remove_premise,
    set_tags,
)
from argmap.model import ArgumentMap, Node, NodeKind, RelationKind
from argmap.ui.bridge import SessionBridge
from argmap.ui.outline import OutlinePanel, _label
from argmap.ui.outline_model import OutlineEntry, outline
from argmap.ui.selection import SelectionModel
from tests.ui.conftest import small_map

Row = tuple[object, ...]
KINDS = list(NodeKind)
WORDS = ["boats", "patrols", "France", "gangs", "data", "", "routes"]


def _dump(item: QTreeWidgetItem) -> Row:
    """A row as a user sees it: id, text, tooltip, colour swatch, hidden, open, and its rows."""
    children = tuple(_dump(item.child(i)) for i in range(item.childCount()))  # type: ignore[arg-type]
    icon = item.icon(0)
    colour = icon.pixmap(10, 10).toImage().pixelColor(5, 5).name() if not icon.isNull() else ""
    return (
        str(item.data(0, Qt.ItemDataRole.UserRole)),
        item.text(0),
        item.toolTip(0),
        colour,
        item.isHidden(),
        item.isExpanded() or not children,
        children,
    )


def _shown(panel: OutlinePanel) -> tuple[Row, ...]:
    return _dump(panel.tree.invisibleRootItem())[-1]  # type: ignore[return-value]


def _reference(entries: list[OutlineEntry]) -> list[object]:
    """The outline built from scratch, as ids and texts."""
    return [(e.item_id, _label(e), _reference(e.children)) for e in entries]


def _ids_and_texts(rows: tuple[Row, ...]) -> list[object]:
    return [(row[0], row[1], _ids_and_texts(row[-1])) for row in rows]  # type: ignore[arg-type]


class Editor:
    """Random edits through the session, as a user makes them."""

    def __init__(self, session: EditSession, rng: random.Random) -> None:
        self.session, self.rng = session, rng

    def _node(self) -> str:
        return self.rng.choice(self.session.map.nodes).id

    def _relation(self) -> str:
        return self.rng.choice(self.session.map.relations).id

    def step(self) -> str:
        session, rng, m = self.session, self.rng, self.session.map
        if rng.random() < 0.18 and session.history.can_undo():
            session.undo()
            return "undo"
        if rng.random() < 0.12 and session.history.can_redo():
            session.redo()
            return "redo"
        actions: list[tuple[float, Callable[[], object]]] = [
            (4, lambda: self._add_related(undercut=False)),
            (1.5, lambda: self._add_related(undercut=True)),
            (1, lambda: AddNode(Node(id=f"x{rng.randrange(10**6)}", kind=rng.choice(KINDS)))),
            (3, lambda: link(m, self._premises(), self._target(), rng.choice(list(RelationKind)))),
            (1.5, lambda: delete_nodes(m, [self._node() for _ in range(rng.randint(1, 2))])),
            (1.5, lambda: delete_relations(m, [self._relation()])),
            (2, lambda: edit_text(self._node(), f"{rng.choice(WORDS)} {rng.randrange(99)}")),
            (1.5, lambda: change_kind(self._node(), rng.choice(KINDS).value)),
            (1, lambda: change_relation_kind(self._relation(), rng.choice(list(RelationKind)))),
            (1, lambda: add_premise(m, self._relation(), self._node())),
            (1, lambda: self._remove_premise()),
            (1, lambda: SetRelationFields(self._relation(), "Retarget", target=self._target())),
            (0.5, lambda: set_tags(self._node(), [rng.choice(WORDS) or "x"])),
        ]
        weights = [w for w, _ in actions]
        make = rng.choices([a for _, a in actions], weights)[0]
        try:
            command = make()
            if command is None:
                return "nothing"
            session.execute(command)  # type: ignore[arg-type]
        except (EditError, IndexError):
            return "refused"
        return type(command).__name__

    def _add_related(self, undercut: bool) -> object:
        target = self._relation() if undercut else self._node()
        kind = RelationKind.ATTACK if undercut else self.rng.choice(list(RelationKind))
        text = self.rng.choice(WORDS)
        return add_related_node(self.session.map, target, self.rng.choice(KINDS), kind, text)

    def _premises(self) -> list[str]:
        count = self.rng.choice([1, 1, 1, 2, 3])  # linked arguments too
        ids = [n.id for n in self.session.map.nodes]
        return self.rng.sample(ids, min(count, len(ids)))

    def _target(self) -> str:
        m = self.session.map
        if m.relations and self.rng.random() < 0.2:
            return self._relation()
        return self._node()

    def _remove_premise(self) -> object:
        linked = [r for r in self.session.map.relations if len(r.premises) > 1]
        if not linked:
            return None
        relation = self.rng.choice(linked)
        return remove_premise(self.session.map, relation.id, self.rng.choice(relation.premises))


def _panel(qtbot: QtBot, bridge: SessionBridge, selection: SelectionModel) -> OutlinePanel:
    panel = OutlinePanel(bridge, selection)
    qtbot.addWidget(panel)
    return panel


@pytest.mark.parametrize(
    ("seed", "query"),
    [(1, ""), (2, ""), (3, ""), (4, "boats"), (5, ""), (6, "kind:objection"), (7, "#data routes")],
)
def test_random_edits_read_as_a_fresh_outline(qtbot: QtBot, seed: int, query: str) -> None:
    session = EditSession(small_map())
    bridge = SessionBridge(session)
    selection = SelectionModel()
    panel = _panel(qtbot, bridge, selection)
    panel.filter.setText(query)
    rng = random.Random(seed)
    editor = Editor(session, rng)
    for number in range(150):
        what = editor.step()
        if rng.random() < 0.2 and session.map.nodes:
            selection.set([editor._node()])
        shown = _shown(panel)
        fresh = _panel(qtbot, bridge, selection)
        fresh.filter.setText(query)
        assert shown == _shown(fresh), f"step {number} ({what}) of seed {seed}"
        assert _ids_and_texts(shown) == _reference(outline(session.map)), f"step {number}"
        selected = {item.data(0, Qt.ItemDataRole.UserRole) for item in panel.tree.selectedItems()}
        shown_ids = {row[0] for row in _flat(shown)}
        if not query:  # (a filter may hide a row while it is selected: Qt keeps it so)
            wanted = {i for i in selection.ids if i in shown_ids}
            assert selected == wanted, f"selection after step {number} ({what})"
        bridge.changed.disconnect(fresh._on_changes)
        selection.changed.disconnect(fresh._show_selection)


def _flat(rows: tuple[Row, ...]) -> list[Row]:
    found: list[Row] = []
    for row in rows:
        found.append(row)
        found += _flat(row[-1])  # type: ignore[arg-type]
    return found


def _tree_map(count: int) -> ArgumentMap:
    """A claim with reasons four to a statement, ``count`` statements in all."""
    nodes = [Node(id=f"n{i}", kind=NodeKind.CLAIM, text=f"Statement {i}") for i in range(count)]
    m = ArgumentMap(nodes=nodes)
    session = EditSession(m)
    for i in range(1, count):
        session.execute(link(m, [f"n{i}"], f"n{(i - 1) // 4}", RelationKind.SUPPORT))
    return m


def test_an_edit_keeps_every_other_row_and_its_state(qtbot: QtBot) -> None:
    session = EditSession(_tree_map(200))
    bridge = SessionBridge(session)
    selection = SelectionModel()
    panel = _panel(qtbot, bridge, selection)
    before = panel.items()
    collapsed = next(i for i in before if i.data(0, Qt.ItemDataRole.UserRole) == "n3")
    collapsed.setExpanded(False)
    selection.set(["n150"])
    session.execute(
        add_related_node(session.map, "n40", NodeKind.EVIDENCE, RelationKind.SUPPORT, "New")
    )
    after = panel.items()
    assert len(after) == len(before) + 1
    kept = {id(item) for item in after}
    assert all(id(item) in kept for item in before)  # the same rows, not rebuilt
    assert not collapsed.isExpanded()
    assert [i.data(0, Qt.ItemDataRole.UserRole) for i in panel.tree.selectedItems()] == ["n150"]
    session.undo()
    assert [id(item) for item in panel.items()] == [id(item) for item in before]
    assert not collapsed.isExpanded()


def test_a_replaced_map_is_shown_afresh(qtbot: QtBot) -> None:
    session = EditSession(small_map())
    bridge = SessionBridge(session)
    panel = _panel(qtbot, bridge, SelectionModel())
    session.replace(_tree_map(6))
    assert [row[0] for row in _flat(_shown(panel))] == ["n0", "n1", "n5", "n2", "n3", "n4"]
