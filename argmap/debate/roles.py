"""What each step is in a speech: the motion, a reason, evidence, an objection, an answer."""

from __future__ import annotations

from collections.abc import Iterable

from argmap.debate.flow import flow_sheet
from argmap.debate.sides import motion_of
from argmap.model import ArgumentMap, Node, NodeKind

__all__ = ["step_role", "step_roles"]


def step_role(node: Node, column: int, motion: str) -> str:
    """A step's role, from its flow-sheet column (odd: the opposition's) and its kind."""
    if node.id == motion:
        return "Motion"
    if column % 2 == 1:
        return "Objection"
    if node.kind is NodeKind.EVIDENCE:
        return "Evidence"
    return "Reason" if column == 0 else "Answer"


def step_roles(argument_map: ArgumentMap, steps: Iterable[str]) -> dict[str, str]:
    """Each step's role (the map must have a motion)."""
    motion = motion_of(argument_map)
    cells = flow_sheet(argument_map, motion).cells
    nodes = argument_map.node_index()
    return {
        step: step_role(nodes[step], cells[step].column if step in cells else 0, motion)
        for step in steps
    }
