"""Commands on the map's debate settings: the motion, sides set by hand, the speech order.

Each is one undoable :class:`~argmap.editing.map_commands.SetMapFields` on ``map.debate``.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.editing.command import EditError
from argmap.editing.map_commands import SetMapFields
from argmap.model import ArgumentMap, DebateSide, NodeKind

__all__ = ["set_motion", "set_side_override", "set_speech_order"]


def set_motion(argument_map: ArgumentMap, node_id: str | None) -> SetMapFields:
    """Make a claim the motion (``None`` clears it)."""
    if node_id is not None:
        if not argument_map.has_node(node_id):
            raise EditError(f"no node with id {node_id!r}")
        if argument_map.node(node_id).kind is not NodeKind.CLAIM:
            raise EditError("only a claim can be the motion")
    debate = argument_map.debate.model_copy(update={"motion": node_id})
    return SetMapFields("Set motion" if node_id else "Clear motion", debate=debate)


def set_side_override(
    argument_map: ArgumentMap, node_id: str, side: DebateSide | None
) -> SetMapFields:
    """Set a statement's side by hand (``None``: back to the side its relations give)."""
    if not argument_map.has_node(node_id):
        raise EditError(f"no node with id {node_id!r}")
    overrides = dict(argument_map.debate.side_overrides)
    if side is None:
        overrides.pop(node_id, None)
    else:
        overrides[node_id] = side
    debate = argument_map.debate.model_copy(update={"side_overrides": overrides})
    label = f"Set side to {side.value}" if side is not None else "Side from the map"
    return SetMapFields(label, debate=debate)


def set_speech_order(argument_map: ArgumentMap, steps: Sequence[str]) -> SetMapFields:
    """Keep this speech order (an empty one: derive it from the map again)."""
    unknown = [step for step in steps if not argument_map.has_node(step)]
    if unknown:
        raise EditError(f"no node with id {unknown[0]!r}")
    if len(set(steps)) != len(steps):
        raise EditError("a statement appears twice in the speech order")
    debate = argument_map.debate.model_copy(update={"speech_order": list(steps)})
    return SetMapFields("Reorder speech" if steps else "Reset speech order", debate=debate)
