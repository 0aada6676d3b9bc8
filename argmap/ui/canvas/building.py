"""Building the map from the keyboard: reasons, objections, siblings, deletes, all as commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.editing import (
    AddNode,
    AddRelation,
    Command,
    CompositeCommand,
    delete_items,
    fresh_ids,
)
from argmap.editing import add_related_node as related_node_command
from argmap.model import Node, NodeKind, Point, Relation, RelationKind
from argmap.ui.canvas import new_positions
from argmap.ui.canvas.visibility import place_in_model

if TYPE_CHECKING:
    from argmap.ui.canvas.view import MapView

_PREFIX = {NodeKind.CLAIM: "c", NodeKind.EVIDENCE: "e", NodeKind.COUNTERARGUMENT: "ca"}


def add_child(view: MapView, kind: NodeKind, relation_kind: RelationKind) -> str | None:
    """A new card that supports or attacks the current node (or undercuts the current arrow),
    placed below it; the new card is selected and opened for typing."""
    current = view.selection.current
    argument_map = view.session.map
    if current is None:
        view.report("Select a card (or an arrow, for an undercut) first")
        return None
    if argument_map.has_relation(current):
        if relation_kind != RelationKind.ATTACK:
            view.report("Only an objection can answer an arrow (an undercut)")
            return None
        edge = view.map_scene.edge_item(current)
        mid = edge.mid() if edge is not None else None
        position = new_positions.free_position(view.map_scene, mid) if mid is not None else None
        near = next(iter(argument_map.relation(current).premises), None)
    elif argument_map.has_node(current):
        position = new_positions.child_position(view.map_scene, current)
        near = current
    else:
        return None
    if position is not None:  # in a focus, cards are shown away from their stored places
        position = place_in_model(view.map_scene, position, near)
    command = related_node_command(argument_map, current, kind, relation_kind, position=position)
    return _create(view, command)


def add_sibling(view: MapView) -> str | None:
    """A new card of the current card's kind with the same relation to the same target;
    with nothing selected, a new claim in the middle of the view."""
    argument_map = view.session.map
    current = view.selection.current
    if current is None or not argument_map.has_node(current):
        return new_claim(view)
    node = argument_map.node(current)
    position = new_positions.sibling_position(view.map_scene, current)
    position = place_in_model(view.map_scene, position, current)
    relation = next((r for r in argument_map.relations if current in r.premises), None)
    if relation is None:
        return _create(view, _new_node(view, node.kind, position))
    command = related_node_command(
        argument_map, relation.target, node.kind, relation.kind, position=position
    )
    return _create(view, command)


def new_claim(view: MapView, typed: str | None = None) -> str | None:
    """A new claim in a free place in the middle of the view, open for typing (``typed``:
    what the user has typed so far)."""
    centre = view.mapToScene(view.viewport().rect().center())
    position = new_positions.free_position(view.map_scene, centre)
    position = place_in_model(view.map_scene, position, view.visibility.focus_claim)
    return _create(view, _new_node(view, NodeKind.CLAIM, position), typed)


def _new_node(view: MapView, kind: NodeKind, position: Point) -> AddNode:
    node_id = fresh_ids(view.session.map, _PREFIX[kind])[0]
    return AddNode(Node(id=node_id, kind=kind), position)


def add_linked_target(
    view: MapView, premises: list[str], centre: Point, kind: RelationKind
) -> str | None:
    """A new claim at ``centre`` that ``premises`` support or attack (a link drawn onto empty
    canvas), one undo step; it is selected and opened for typing."""
    argument_map = view.session.map
    node_id = fresh_ids(argument_map, _PREFIX[NodeKind.CLAIM])[0]
    relation = Relation(
        id=fresh_ids(argument_map, "r")[0], kind=kind, premises=list(premises), target=node_id
    )
    position = place_in_model(view.map_scene, centre, premises[0] if premises else None)
    label = "Add supported claim" if kind == RelationKind.SUPPORT else "Add attacked claim"
    command = CompositeCommand(
        label, [AddNode(Node(id=node_id, kind=NodeKind.CLAIM), position), AddRelation(relation)]
    )
    return _create(view, command)


def _create(view: MapView, command: Command, typed: str | None = None) -> str | None:
    node_id = _added_node(command)
    before = view.selection.ids
    if not view.execute(command) or node_id is None:
        return None
    view.selection.set([node_id])
    view.start_editing(node_id, typed=typed, undo_selection=before)
    return node_id


def _added_node(command: Command) -> str | None:
    if isinstance(command, AddNode):
        return command.node.id
    if isinstance(command, CompositeCommand):
        for child in command.commands:
            found = _added_node(child)
            if found is not None:
                return found
    return None


def delete_selected(view: MapView) -> None:
    """Delete the selected cards and arrows, with what depends on them, as one undo step."""
    argument_map = view.session.map
    ids = view.selection.ids
    nodes = [i for i in ids if argument_map.has_node(i)]
    relations = [i for i in ids if argument_map.has_relation(i)]
    if not nodes and not relations:
        return
    # The node cascade is the one on the map as it will be once the arrows are gone.
    view.execute(delete_items(argument_map, nodes, relations, f"Delete {len(ids)} items"))
