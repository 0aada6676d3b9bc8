"""Mutation and undo (pure Python): commands, the undo history and the edit session."""

from argmap.editing.building import add_related_node, fresh_ids, link, node_from_selection
from argmap.editing.cascade import delete_items, delete_nodes, delete_relations
from argmap.editing.changes import Change, ChangeKind
from argmap.editing.command import Command, CompositeCommand, EditError
from argmap.editing.history import UndoHistory
from argmap.editing.layout_commands import ApplyLayout, MoveNodes, SetFlag
from argmap.editing.map_commands import (
    SetMapFields,
    add_source,
    remove_source,
    set_description,
    set_title,
)
from argmap.editing.node_commands import (
    AddNode,
    RemoveNode,
    SetNodeFields,
    add_anchor,
    change_kind,
    edit_text,
    remove_anchor,
    set_anchors,
    set_citation,
    set_evidence_type,
    set_notes,
    set_rating,
    set_tags,
)
from argmap.editing.relation_commands import (
    AddRelation,
    RemoveRelation,
    SetRelationFields,
    add_premise,
    change_relation_kind,
    remove_premise,
    set_relation_notes,
    set_scheme,
)
from argmap.editing.session import EditSession, Subscriber

__all__ = [
    "AddNode",
    "AddRelation",
    "ApplyLayout",
    "Change",
    "ChangeKind",
    "Command",
    "CompositeCommand",
    "EditError",
    "EditSession",
    "MoveNodes",
    "RemoveNode",
    "RemoveRelation",
    "SetFlag",
    "SetMapFields",
    "SetNodeFields",
    "SetRelationFields",
    "Subscriber",
    "UndoHistory",
    "add_anchor",
    "add_premise",
    "add_related_node",
    "add_source",
    "change_kind",
    "change_relation_kind",
    "delete_items",
    "delete_nodes",
    "delete_relations",
    "edit_text",
    "fresh_ids",
    "link",
    "node_from_selection",
    "remove_anchor",
    "remove_premise",
    "remove_source",
    "set_anchors",
    "set_citation",
    "set_description",
    "set_evidence_type",
    "set_notes",
    "set_rating",
    "set_relation_notes",
    "set_scheme",
    "set_tags",
    "set_title",
]
