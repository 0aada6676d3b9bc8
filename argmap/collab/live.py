"""An edit session bound to a shared Y document: local commands out, others' edits in.

- Every command the user runs (and every undo or redo) becomes one Y transaction whose origin
  is this client (:attr:`SharedMap.origin`); only the items the command's changes name are
  compared and written, field by field.
- Others' transactions (and this client's undo manager's) are turned back into the same
  :class:`~argmap.editing.Change` events the views redraw from: no reload.
- Undo and redo go through a pycrdt :class:`~pycrdt.UndoManager` that tracks only this
  client's origin, so Undo never takes back someone else's edit.
- The map shown is always the repaired document (:mod:`argmap.collab.repair`): every client
  applies the same rule, and the repairs are reported through :attr:`SharedMap.on_report`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from pycrdt import Doc, Map, Subscription, UndoManager
from pydantic import BaseModel

from argmap.collab.convert import (
    doc_to_map,
    dump,
    ident,
    items,
    meta_value,
    read_item,
    read_meta,
    read_point,
    write_map,
)
from argmap.collab.doc_layout import (
    COLLECTIONS,
    LAYOUT,
    META,
    META_FIELDS,
    NODES,
    ORDER,
    PARTICIPANTS,
    RELATIONS,
    ROOT_NAMES,
    SOURCES,
    keys,
    order_key,
    plain,
    root,
)
from argmap.collab.repair import repair_references, repair_relations
from argmap.editing import EditSession
from argmap.editing.changes import Change, ChangeKind
from argmap.editing.command import Command
from argmap.editing.history import UndoHistory
from argmap.model import ArgumentMap, Point, Relation

_KINDS = {
    NODES: (ChangeKind.NODE_ADDED, ChangeKind.NODE_REMOVED, ChangeKind.NODE_CHANGED),
    RELATIONS: (
        ChangeKind.RELATION_ADDED,
        ChangeKind.RELATION_REMOVED,
        ChangeKind.RELATION_CHANGED,
    ),
}


def id_tag(client_id: int) -> str:
    """The short suffix this client's new ids carry (unique per client in practice)."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    number, out = client_id, ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        out += digits[rest]
    return f"-{out}"


class SharedMap:
    """Keeps ``session``'s map and ``doc`` in step, in both directions."""

    def __init__(self, session: EditSession, doc: Doc[Any]) -> None:
        self.session = session
        self.doc = doc
        self.origin = f"argmap:{doc.client_id}"
        self.undo_manager = UndoManager(
            scopes=[root(doc, name) for name in ROOT_NAMES], capture_timeout_millis=0
        )
        self.undo_manager.include_origin(self.origin)
        #: Called with the sentences of each repair (for the status bar).
        self.on_report: Callable[[list[str]], None] | None = None
        self.reports: list[str] = []
        #: Called when the session opens another map while shared (the room is left).
        self.on_replaced: Callable[[], None] | None = None
        self._dirty: dict[str, set[str]] = {name: set() for name in ROOT_NAMES}
        self._skip_publish = False
        self._raw_relations: dict[str, Relation] = {}
        self._subscriptions: list[tuple[Map[Any], Subscription]] = []
        self._unsubscribe: Callable[[], None] | None = None
        self.edits = 0  # local and remote changes applied (for "unsaved changes")

    # -- starting and stopping -------------------------------------------------------------

    def share(self) -> None:
        """Start from the session's map: it fills the (empty) document."""
        write_map(self.doc, self.session.map, origin="argmap:share")
        self._attach()

    def join(self) -> None:
        """Start from the document: the session shows the room's map."""
        read = doc_to_map(self.doc)
        # Untitled: Save must never write the room's map over the file this window had open.
        self.session.replace(read.argument_map, None)
        self._attach()
        self._report(read.problems)

    def _attach(self) -> None:
        self._raw_relations = {}
        shared = root(self.doc, RELATIONS)
        for relation_id in keys(shared):
            item, _ = read_item(RELATIONS, shared[relation_id])
            if isinstance(item, Relation):
                self._raw_relations[relation_id] = item
        self.session.map.set_id_tag(id_tag(self.doc.client_id))
        self.session.history = SharedHistory(self)
        for name in ROOT_NAMES:
            shared_root = root(self.doc, name)
            subscription = shared_root.observe_deep(cast(Any, self._observer(name)))
            self._subscriptions.append((shared_root, subscription))
        self._unsubscribe = self.session.subscribe(self._local_changes, first=True)

    def detach(self) -> None:
        """Stop sharing: the session keeps its map (and starts a fresh local history)."""
        for shared_root, subscription in self._subscriptions:
            shared_root.unobserve(subscription)
        self._subscriptions.clear()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.session.map.set_id_tag("")
        self.session.history = UndoHistory()
        self.session.publish([Change(ChangeKind.MAP_CHANGED, (), ("history",))])

    # -- local edits to the document -----------------------------------------------------

    def _local_changes(self, changes: list[Change]) -> None:
        if self._skip_publish:
            self._skip_publish = False
            return
        if any(
            change.kind == ChangeKind.MAP_CHANGED and change.fields == ("clean",)
            for change in changes
        ):
            return
        self.edits += 1
        before = len(self.undo_manager.undo_stack)
        with self.doc.transaction(origin=self.origin):
            self._write(changes)
        history = self.session.history
        if isinstance(history, SharedHistory) and len(self.undo_manager.undo_stack) > before:
            history.recorded()

    def _write(self, changes: list[Change]) -> None:
        m = self.session.map
        touched: dict[str, set[str]] = {NODES: set(), RELATIONS: set()}
        positions: set[str] | None = set()
        for change in changes:
            if change.kind in _KINDS[NODES]:
                touched[NODES].update(change.ids)
                if positions is not None:
                    positions.update(change.ids)
            elif change.kind in _KINDS[RELATIONS]:
                touched[RELATIONS].update(change.ids)
            elif change.kind in (ChangeKind.POSITIONS_CHANGED, ChangeKind.LAYOUT_CHANGED):
                if change.ids and positions is not None:
                    positions.update(change.ids)
                elif change.kind == ChangeKind.POSITIONS_CHANGED:
                    positions = None
            elif change.kind == ChangeKind.MAP_CHANGED:
                for collection in (SOURCES, PARTICIPANTS):
                    touched.setdefault(collection, set()).update(
                        {
                            *keys(root(self.doc, collection)),
                            *(ident(i) for i in items(m, collection)),
                        }
                    )
        for collection, ids in touched.items():
            for item_id in sorted(ids):
                self._sync_item(collection, item_id)
        self._sync_positions(positions)
        self._sync_meta()

    def _sync_item(self, collection: str, item_id: str) -> None:
        shared = root(self.doc, collection)
        listed = items(self.session.map, collection)
        index = next((i for i, it in enumerate(listed) if ident(it) == item_id), None)
        order = root(self.doc, ORDER)
        if index is None:
            if item_id in shared:
                del shared[item_id]
                order.pop(order_key(collection, item_id), None)
            if collection == RELATIONS:
                self._raw_relations.pop(item_id, None)
            return
        value = dump(listed[index])
        if item_id not in shared:
            shared[item_id] = Map(value)
            order[order_key(collection, item_id)] = self._order_number(collection, listed, index)
        else:
            fields = shared[item_id]
            for key, field_value in value.items():
                if fields.get(key) != field_value:
                    fields[key] = field_value
            for key in [k for k in keys(fields) if k not in value]:
                del fields[key]
        if collection == RELATIONS:
            relation = listed[index]
            assert isinstance(relation, Relation)
            self._raw_relations[item_id] = relation

    def _order_number(self, collection: str, listed: list[BaseModel], index: int) -> float:
        order = root(self.doc, ORDER)

        def number(i: int) -> float | None:
            if 0 <= i < len(listed):
                value = order.get(order_key(collection, ident(listed[i])))
                return float(value) if isinstance(value, int | float) else None
            return None

        before, after = number(index - 1), number(index + 1)
        if before is None and after is None:
            return float(index)
        if before is None:
            assert after is not None
            return after - 1.0
        if after is None or after <= before:
            return before + 1.0
        return (before + after) / 2

    def _sync_positions(self, node_ids: set[str] | None) -> None:
        layout = root(self.doc, LAYOUT)
        positions = self.session.map.layout.positions
        ids = set(keys(layout)) | set(positions) if node_ids is None else node_ids
        for node_id in sorted(ids):
            point = positions.get(node_id)
            if point is None:
                if node_id in layout and not self.session.map.has_node(node_id):
                    del layout[node_id]
                continue
            value = {"x": point.x, "y": point.y}
            if plain(layout.get(node_id)) != value:
                layout[node_id] = value

    def _sync_meta(self) -> None:
        meta = root(self.doc, META)
        for name in META_FIELDS:
            value = meta_value(self.session.map, name)
            if plain(meta.get(name)) != value:
                meta[name] = value

    # -- the document's changes to the map -----------------------------------------------

    def _observer(self, name: str) -> Callable[[list[Any], Any], None]:
        def observed(events: list[Any], transaction: Any) -> None:
            if transaction.origin == self.origin:
                return
            dirty = self._dirty[name]
            for event in events:
                if event.path:
                    dirty.add(str(event.path[0]))
                else:
                    dirty.update(str(key) for key in event.keys)

        return observed

    def flush(self, publish: bool = True) -> list[Change]:
        """Bring the map up to date with the document's recorded changes; return them.

        Called after applying others' updates (published to the views) and after an undo
        or redo (returned to the session, which publishes them).
        """
        dirty = self._dirty
        if not any(dirty.values()):
            return []
        self._dirty = {name: set() for name in ROOT_NAMES}
        m = self.session.map
        changes: list[Change] = []
        resort = {c for c in COLLECTIONS if any(k.startswith(f"{c}/") for k in dirty[ORDER])}
        for collection in (SOURCES, PARTICIPANTS, NODES):
            changes += self._apply_items(collection, dirty[collection], collection in resort)
        node_set_changed = any(
            c.kind in (ChangeKind.NODE_ADDED, ChangeKind.NODE_REMOVED) for c in changes
        )
        changes += self._apply_relations(dirty[RELATIONS], node_set_changed or RELATIONS in resort)
        for change in changes:
            if change.kind == ChangeKind.NODE_ADDED:
                # A card back (an undone deletion) gets back what the repair had set aside.
                dirty[LAYOUT].update(change.ids)
                dirty[META].update(META_FIELDS)
        if dirty[LAYOUT]:
            changes += self._apply_positions(dirty[LAYOUT])
        if dirty[META]:
            changes += self._apply_meta(dirty[META])
        if node_set_changed or dirty[LAYOUT] or dirty[META]:
            before = (m.layout.model_dump(), m.positions, m.debate.model_dump())
            self._report(repair_references(m))
            if before != (m.layout.model_dump(), m.positions, m.debate.model_dump()):
                changes.append(Change(ChangeKind.MAP_CHANGED, (), ("positions", "debate")))
                changes.append(Change(ChangeKind.LAYOUT_CHANGED, (), ("pinned", "collapsed")))
        if changes:
            self.edits += 1
        if publish and changes:
            self._skip_publish = True
            self.session.publish(changes)
            self._skip_publish = False
        return changes

    def _apply_items(self, collection: str, ids: set[str], resort: bool) -> list[Change]:
        m = self.session.map
        listed: list[BaseModel] = items(m, collection)
        index = {ident(item): i for i, item in enumerate(listed)}
        shared = root(self.doc, collection)
        added, removed, changed = [], [], []
        fields: set[str] = set()
        for item_id in sorted(ids):
            new = read_item(collection, shared[item_id])[0] if item_id in shared else None
            old = listed[index[item_id]] if item_id in index else None
            if new is None and old is None:
                continue
            if old is None:
                added.append(item_id)
                listed.append(new)  # type: ignore[arg-type]
            elif new is None:
                removed.append(item_id)
            elif new != old:
                changed.append(item_id)
                fields |= {k for k in type(new).model_fields if getattr(new, k) != getattr(old, k)}
                listed[index[item_id]] = new
        if removed:
            gone = set(removed)
            listed[:] = [item for item in listed if ident(item) not in gone]
        if added or resort:
            self._sort(collection, listed)
        if collection not in _KINDS:
            if added or removed or changed:
                return [Change(ChangeKind.MAP_CHANGED, (), (collection,))]
            return []
        add_kind, remove_kind, change_kind = _KINDS[collection]
        changes = []
        if removed:
            changes.append(Change(remove_kind, tuple(removed)))
        if added:
            changes.append(Change(add_kind, tuple(added)))
        changes += [Change(change_kind, (item_id,), tuple(sorted(fields))) for item_id in changed]
        return changes

    def _sort(self, collection: str, listed: list[Any]) -> None:
        order = root(self.doc, ORDER)

        def key(item: Any) -> tuple[float, str]:
            value = order.get(order_key(collection, item.id))
            return (float(value) if isinstance(value, int | float) else float("inf"), item.id)

        listed.sort(key=key)

    def _apply_relations(self, ids: set[str], recheck_all: bool) -> list[Change]:
        shared = root(self.doc, RELATIONS)
        for relation_id in ids:
            item = read_item(RELATIONS, shared[relation_id])[0] if relation_id in shared else None
            if isinstance(item, Relation):
                self._raw_relations[relation_id] = item
            else:
                self._raw_relations.pop(relation_id, None)
        m = self.session.map
        if not ids and not recheck_all:
            return []
        # The relations the repaired document holds, in document order.
        raw = list(self._raw_relations.values())
        self._sort(RELATIONS, raw)
        probe = ArgumentMap.model_construct(nodes=m.nodes, relations=raw)
        messages = repair_relations(probe)
        self._report(messages)
        wanted = {relation.id: relation for relation in probe.relations}
        current = m.relation_index()
        removed = [r for r in current if r not in wanted]
        added = [r for r in wanted if r not in current]
        changed = [r for r in wanted if r in current and wanted[r] != current[r]]
        if not (removed or added or changed):
            return []
        m.relations = list(probe.relations)
        changes = []
        if removed:
            changes.append(Change(ChangeKind.RELATION_REMOVED, tuple(removed)))
        if added:
            changes.append(Change(ChangeKind.RELATION_ADDED, tuple(added)))
        changes += [Change(ChangeKind.RELATION_CHANGED, (r,)) for r in changed]
        return changes

    def _apply_positions(self, ids: set[str]) -> list[Change]:
        layout = root(self.doc, LAYOUT)
        positions = self.session.map.layout.positions
        nodes = {node.id for node in self.session.map.nodes}
        moved = []
        for node_id in sorted(ids):
            point: Point | None = read_point(layout[node_id]) if node_id in layout else None
            if point is not None and node_id not in nodes:
                point = None  # moved by someone while another deleted the card
            if point is None:
                if positions.pop(node_id, None) is not None:
                    moved.append(node_id)
            elif positions.get(node_id) != point:
                positions[node_id] = point
                moved.append(node_id)
        return [Change(ChangeKind.POSITIONS_CHANGED, tuple(moved))] if moved else []

    def _apply_meta(self, names: set[str]) -> list[Change]:
        meta = root(self.doc, META)
        m = self.session.map
        values = {name: meta_value(m, name) for name in META_FIELDS}
        values.update({name: meta.get(name) for name in names if name in META_FIELDS})
        before = {name: meta_value(m, name) for name in META_FIELDS}
        problems: list[str] = []
        read_meta(m, values, problems)
        self._report(problems)
        after = {name: meta_value(m, name) for name in META_FIELDS}
        fields = tuple(name for name in META_FIELDS if before[name] != after[name])
        changes = []
        if "layout_settings" in fields:
            changes.append(Change(ChangeKind.LAYOUT_CHANGED, (), ("algorithm", "direction")))
        if fields:
            changes.append(Change(ChangeKind.MAP_CHANGED, (), fields))
        return changes

    def _report(self, messages: list[str]) -> None:
        if not messages:
            return
        self.reports += messages
        if self.on_report is not None:
            self.on_report(messages)

    # -- undo and redo ---------------------------------------------------------------------

    def step(self, undo: bool) -> list[Change]:
        """Undo or redo this client's last own edit; the changes it made to the map."""
        if undo:
            self.undo_manager.undo()
        else:
            self.undo_manager.redo()
        changes = self.flush(publish=False)
        self._skip_publish = True  # the session publishes these: nothing to write back
        return changes

    def current_map(self) -> ArgumentMap:
        """The repaired map the document holds now (what a fresh client would show)."""
        return doc_to_map(self.doc).argument_map


class _Step(Command):
    def __init__(self, shared: SharedMap, label: str) -> None:
        self.shared = shared
        self.label = label

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        return self.shared.step(undo=False)

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        return self.shared.step(undo=True)


class SharedHistory(UndoHistory):
    """The session's history while shared: this client's own edits, from the undo manager."""

    def __init__(self, shared: SharedMap) -> None:
        super().__init__()
        self.shared = shared
        self._pending = "Edit"
        self._undo_labels: list[str] = []
        self._redo_labels: list[str] = []
        self._clean_edits = shared.edits

    def push(self, command: Command) -> None:
        self._pending = command.label

    def recorded(self) -> None:
        """The last local transaction became an undo step."""
        self._undo_labels.append(self._pending)
        self._redo_labels.clear()
        self._pending = "Edit"

    def can_undo(self) -> bool:
        return self.shared.undo_manager.can_undo()

    def can_redo(self) -> bool:
        return self.shared.undo_manager.can_redo()

    def undo_label(self) -> str | None:
        if not self.can_undo():
            return None
        return self._undo_labels[-1] if self._undo_labels else "Edit"

    def redo_label(self) -> str | None:
        if not self.can_redo():
            return None
        return self._redo_labels[-1] if self._redo_labels else "Edit"

    def step_back(self) -> Command:
        label = self._undo_labels.pop() if self._undo_labels else "Edit"
        self._redo_labels.append(label)
        return _Step(self.shared, label)

    def step_forward(self) -> Command:
        label = self._redo_labels.pop() if self._redo_labels else "Edit"
        self._undo_labels.append(label)
        return _Step(self.shared, label)

    def set_clean(self) -> None:
        self._clean_edits = self.shared.edits

    def is_clean(self) -> bool:
        return self._clean_edits == self.shared.edits

    def clear(self) -> None:
        self.shared.undo_manager.clear()
        self._undo_labels.clear()
        self._redo_labels.clear()

    def __len__(self) -> int:
        return len(self.shared.undo_manager.undo_stack)

    @property
    def index(self) -> int:
        return len(self.shared.undo_manager.undo_stack)
