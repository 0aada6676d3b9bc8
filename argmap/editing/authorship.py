"""Who made what: the session's user is stamped on the statements and relations they create.

:func:`stamp` takes a command about to run and the participant running it, and returns the
command to execute instead:

* every node and relation it adds without an author gets the user as ``author``;
* every node or relation it edits whose author is someone else gets the user appended to
  ``editors`` (once), so the author stays who first wrote it;
* when the user is not yet one of the map's participants, they are added first.

All in the same undo step as the edit itself. A map edited with no user set (the command line,
the tests of other features) is left exactly as before.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.editing.changes import Change, ChangeKind
from argmap.editing.command import Command, CompositeCommand
from argmap.editing.node_commands import AddNode, SetNodeFields
from argmap.editing.relation_commands import AddRelation, SetRelationFields
from argmap.model import ArgumentMap, Node, Participant, Relation

__all__ = ["AddEditor", "AddParticipant", "leaves", "stamp"]


def leaves(command: Command) -> Iterator[Command]:
    """The plain commands inside ``command`` (composites opened, in order)."""
    if isinstance(command, CompositeCommand):
        for inner in command.commands:
            yield from leaves(inner)
    else:
        yield command


class AddParticipant(Command):
    """Add a participant to the map (nothing when one with that id is already there)."""

    def __init__(self, participant: Participant) -> None:
        self.participant = participant
        self.label = f"Add participant {participant.name}"
        self._added = False

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        self._added = not any(p.id == self.participant.id for p in argument_map.participants)
        if not self._added:
            return []
        argument_map.participants.append(self.participant.model_copy())
        return [Change(ChangeKind.MAP_CHANGED, (), ("participants",))]

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        if not self._added:
            return []
        argument_map.participants = [
            p for p in argument_map.participants if p.id != self.participant.id
        ]
        return [Change(ChangeKind.MAP_CHANGED, (), ("participants",))]


class AddEditor(Command):
    """Record that a participant edited a node or relation someone else made."""

    def __init__(self, item_id: str, participant_id: str) -> None:
        self.item_id = item_id
        self.participant_id = participant_id
        self.label = "Record editor"
        self._added = False

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        item, kind = _item(argument_map, self.item_id)
        self._added = item is not None and self.participant_id not in item.editors
        if item is None or not self._added:
            return []
        item.editors = [*item.editors, self.participant_id]
        return [Change(kind, (self.item_id,), ("editors",))]

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        item, kind = _item(argument_map, self.item_id)
        if item is None or not self._added:
            return []
        item.editors = [e for e in item.editors if e != self.participant_id]
        return [Change(kind, (self.item_id,), ("editors",))]


def _item(argument_map: ArgumentMap, item_id: str) -> tuple[Node | Relation | None, ChangeKind]:
    if argument_map.has_node(item_id):
        return argument_map.node(item_id), ChangeKind.NODE_CHANGED
    if argument_map.has_relation(item_id):
        return argument_map.relation(item_id), ChangeKind.RELATION_CHANGED
    return None, ChangeKind.NODE_CHANGED


def stamp(command: Command, argument_map: ArgumentMap, user: Participant) -> Command:
    """``command`` with ``user`` stamped as author (new items) or editor (others' items)."""
    edited: list[str] = []
    creates = False
    for leaf in leaves(command):
        if isinstance(leaf, AddNode):
            creates = True
            if leaf.node.author is None:
                leaf.node = leaf.node.model_copy(update={"author": user.id})
        elif isinstance(leaf, AddRelation):
            creates = True
            if leaf.relation.author is None:
                leaf.relation = leaf.relation.model_copy(update={"author": user.id})
        elif isinstance(leaf, SetNodeFields):
            edited.append(leaf.node_id)
        elif isinstance(leaf, SetRelationFields):
            edited.append(leaf.relation_id)
    editors = [
        AddEditor(item_id, user.id)
        for item_id in dict.fromkeys(edited)
        if _edited_by_other(argument_map, item_id, user.id)
    ]
    known = any(p.id == user.id for p in argument_map.participants)
    if not editors and (known or not creates):
        return command
    before: list[Command] = [] if known else [AddParticipant(user)]
    return CompositeCommand(command.label, [*before, command, *editors])


def _edited_by_other(argument_map: ArgumentMap, item_id: str, user_id: str) -> bool:
    item, _ = _item(argument_map, item_id)
    if item is None or item.author is None:
        return False
    return item.author != user_id and user_id not in item.editors
