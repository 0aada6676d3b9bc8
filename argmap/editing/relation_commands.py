"""Commands on relations: add, remove, and set fields (kind, scheme, premises, questions)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from argmap.editing.changes import Change, ChangeKind
from argmap.editing.command import Command, EditError, describe_invalid
from argmap.editing.node_commands import id_in_use, remove_all
from argmap.model import ArgumentMap, Relation

EDITABLE_RELATION_FIELDS = frozenset({"kind", "premises", "target", "scheme", "questions", "notes"})


def check_relation(argument_map: ArgumentMap, relation: Relation) -> None:
    """Raise :class:`EditError` if the relation would break the map."""
    # Asked of the map's indexes (O(1) each), not of sets of every id.
    has_node = argument_map.has_node
    for premise in relation.premises:
        if not has_node(premise):
            raise EditError(f"relation {relation.id!r}: premise {premise!r} is not a node")
    if len(set(relation.premises)) != len(relation.premises):
        raise EditError(f"relation {relation.id!r}: a premise is listed twice")
    if relation.target in relation.premises:
        raise EditError(f"a statement cannot {relation.kind.value} itself")
    if relation.target != relation.id and argument_map.has_relation(relation.target):
        if relation.kind != "attack":
            raise EditError("only an attack (an undercut) may target a relation")
    elif not has_node(relation.target):
        raise EditError(f"relation {relation.id!r}: target {relation.target!r} does not exist")
    if relation.questions and relation.scheme is None:
        raise EditError(f"relation {relation.id!r}: critical questions need a scheme first")
    for question in relation.questions:
        if question.answered_by is not None and not has_node(question.answered_by):
            raise EditError(
                f"question {question.question_id!r}: {question.answered_by!r} is not a node"
            )


class AddRelation(Command):
    """Add a support or attack relation."""

    def __init__(self, relation: Relation, label: str | None = None) -> None:
        self.relation = relation
        self._fixed_label = label is not None
        self.label = label or f"Add {relation.kind.value}"

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        if id_in_use(argument_map, self.relation.id):
            raise EditError(f"id {self.relation.id!r} is already in use")
        check_relation(argument_map, self.relation)
        if not self._fixed_label and argument_map.has_relation(self.relation.target):
            self.label = "Add undercut"  # known only now: the target is a relation
        argument_map.relations.append(self.relation.model_copy(deep=True))
        return [Change(ChangeKind.RELATION_ADDED, (self.relation.id,))]

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        remove_all(argument_map.relations, self.relation.id, argument_map.relation_position)
        return [Change(ChangeKind.RELATION_REMOVED, (self.relation.id,))]


class RemoveRelation(Command):
    """Remove one relation nothing refers to any more (see ``delete_relations``)."""

    def __init__(self, relation_id: str) -> None:
        self.relation_id = relation_id
        self.label = "Delete relation"
        self._saved: tuple[int, Relation] | None = None

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        relations = argument_map.relations
        index = argument_map.relation_position(self.relation_id)
        if index is None:
            raise EditError(f"no relation with id {self.relation_id!r}")
        self._saved = (index, relations.pop(index))
        return [Change(ChangeKind.RELATION_REMOVED, (self.relation_id,))]

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        assert self._saved is not None, "revert before apply"
        index, relation = self._saved
        argument_map.relations.insert(index, relation)
        return [Change(ChangeKind.RELATION_ADDED, (self.relation_id,))]


class SetRelationFields(Command):
    """Set some fields of one relation in one step."""

    def __init__(self, relation_id: str, label: str, **values: Any) -> None:
        unknown = set(values) - EDITABLE_RELATION_FIELDS
        if unknown:
            raise EditError(f"cannot edit relation field(s) {', '.join(sorted(unknown))}")
        self.relation_id = relation_id
        self.label = label
        self.values = values
        self._old: dict[str, Any] | None = None

    def apply(self, argument_map: ArgumentMap) -> list[Change]:
        relation = relation_of(argument_map, self.relation_id)
        try:
            candidate = Relation.model_validate({**relation.model_dump(), **self.values})
        except ValidationError as exc:
            raise EditError(f"relation {self.relation_id!r}: {describe_invalid(exc)}") from None
        check_relation(argument_map, candidate)
        self._old = {name: getattr(relation, name) for name in self.values}
        for name in self.values:
            setattr(relation, name, getattr(candidate, name))
        return [Change(ChangeKind.RELATION_CHANGED, (self.relation_id,), tuple(self.values))]

    def revert(self, argument_map: ArgumentMap) -> list[Change]:
        assert self._old is not None, "revert before apply"
        relation = argument_map.relation(self.relation_id)
        for name, value in self._old.items():
            setattr(relation, name, value)
        return [Change(ChangeKind.RELATION_CHANGED, (self.relation_id,), tuple(self._old))]


def relation_of(argument_map: ArgumentMap, relation_id: str) -> Relation:
    """The relation with this id, or :class:`EditError` naming it."""
    try:
        return argument_map.relation(relation_id)
    except KeyError as exc:
        raise EditError(str(exc.args[0])) from None


def change_relation_kind(relation_id: str, kind: str) -> SetRelationFields:
    return SetRelationFields(relation_id, f"Change relation to {kind}", kind=kind)


def set_scheme(relation_id: str, scheme: str | None) -> SetRelationFields:
    # A new scheme brings new critical questions: the old states no longer apply.
    return SetRelationFields(relation_id, "Set scheme", scheme=scheme, questions=[])


def add_premise(argument_map: ArgumentMap, relation_id: str, node_id: str) -> SetRelationFields:
    premises = [*relation_of(argument_map, relation_id).premises, node_id]
    return SetRelationFields(relation_id, "Add premise", premises=premises)


def remove_premise(argument_map: ArgumentMap, relation_id: str, node_id: str) -> SetRelationFields:
    current = relation_of(argument_map, relation_id).premises
    if node_id not in current:
        raise EditError(f"{node_id!r} is not a premise of relation {relation_id!r}")
    premises = [p for p in current if p != node_id]
    if not premises:
        raise EditError("a relation needs at least one premise: delete the relation instead")
    return SetRelationFields(relation_id, "Remove premise", premises=premises)


def set_relation_notes(relation_id: str, notes: str) -> SetRelationFields:
    return SetRelationFields(relation_id, "Edit notes", notes=notes)
