"""The flow sheet: the debate as debaters note it on paper, one column per speech.

Column 1 holds the proposition's case (the motion with its reasons and evidence), column 2
the opposition's objections to it, column 3 the proposition's answers to those, and so on:
a statement's column is one more than that of what it attacks, and the same as that of what
it supports. Every argument sits in the row of what it answers; supporting material follows
on the rows below. Statements with no way to the motion are not on the sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.debate.sides import motion_of
from argmap.debate.speech import speech_order
from argmap.debate.structure import Bearing
from argmap.model import ArgumentMap, RelationKind

__all__ = ["FlowCell", "FlowLink", "FlowSheet", "column_title", "flow_sheet"]


@dataclass(frozen=True)
class FlowCell:
    """Where a statement sits on the sheet."""

    node_id: str
    column: int
    row: int


@dataclass(frozen=True)
class FlowLink:
    """An arrow on the sheet: from a premise's cell to the cell of what it bears on."""

    source: str
    target: str
    kind: RelationKind


@dataclass
class FlowSheet:
    """Cells by statement, the arrows between them, and the sheet's size."""

    cells: dict[str, FlowCell] = field(default_factory=dict)
    links: list[FlowLink] = field(default_factory=list)

    @property
    def columns(self) -> int:
        return 1 + max((cell.column for cell in self.cells.values()), default=-1)

    @property
    def rows(self) -> int:
        return 1 + max((cell.row for cell in self.cells.values()), default=-1)

    def column_titles(self) -> list[str]:
        return [column_title(number) for number in range(self.columns)]


def column_title(column: int) -> str:
    """``'1 · Proposition: the case'``, ``'2 · Opposition: objections'``, …"""
    bench = "Proposition" if column % 2 == 0 else "Opposition"
    what = ["the case", "objections", "answers", "replies"]
    role = what[column] if column < len(what) else ("answers" if column % 2 == 0 else "replies")
    return f"{column + 1} · {bench}: {role}"


class _Flow:
    def __init__(self, argument_map: ArgumentMap) -> None:
        self.bearing = Bearing.of(argument_map)
        self.sheet = FlowSheet()
        self.next_row: dict[int, int] = {}

    def place(self, node_id: str, column: int, row: int) -> None:
        if node_id in self.sheet.cells:
            return
        row = max(row, self.next_row.get(column, 0))
        self.sheet.cells[node_id] = FlowCell(node_id, column, row)
        self.next_row[column] = row + 1
        # Answers first, so each sits level with what it answers; then supporting material.
        for relation in self.bearing.attacks[node_id]:
            for premise in relation.premises:
                self.place(premise, column + 1, row)
        for relation in self.bearing.supports[node_id]:
            for premise in relation.premises:
                self.place(premise, column, self.next_row[column])


def flow_sheet(argument_map: ArgumentMap, motion: str | None = None) -> FlowSheet:
    """The flow sheet of the map around its motion (see the module's rules).

    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id=i, kind=k) for i, k in [("m", "claim"), ("r", "claim"),
    ...            ("o", "counterargument"), ("a", "claim")]],
    ...     relations=[Relation(id="s", kind="support", premises=["r"], target="m"),
    ...                Relation(id="x", kind="attack", premises=["o"], target="r"),
    ...                Relation(id="y", kind="attack", premises=["a"], target="o")])
    >>> [(c.node_id, c.column, c.row) for c in flow_sheet(m, "m").cells.values()]
    [('m', 0, 0), ('r', 0, 1), ('o', 1, 1), ('a', 2, 1)]
    """
    chosen = motion_of(argument_map, motion)
    flow = _Flow(argument_map)
    flow.place(chosen, 0, 0)
    # Whatever bears on the motion only through a cycle or an odd route: after the rest.
    for step in speech_order(argument_map, chosen):
        if step not in flow.sheet.cells:
            flow.place(step, 0, flow.next_row.get(0, 0))
    cells = flow.sheet.cells
    for target, relations in [*flow.bearing.supports.items(), *flow.bearing.attacks.items()]:
        for relation in relations:
            for premise in relation.premises:
                if premise in cells and target in cells:
                    flow.sheet.links.append(FlowLink(premise, target, relation.kind))
    return flow.sheet
