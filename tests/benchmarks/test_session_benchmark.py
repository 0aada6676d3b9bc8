"""What one command costs the edit session, without any view (not part of the default run).

Each gesture of the editor ends in one of these: add a statement with its relation, delete a
statement with its cascade, undo, redo. Done on a map of 1,000, 5,000 and 20,000 statements
(four children each, one link in five an attack, one relation in ten undercut), the figure
should not grow with the map: the look-ups by id (a miss included) and the cascade read only
what the edit touches. ``x_1000`` in the extra info is the median over the 1,000 map's.

    .venv/bin/python -m pytest tests/benchmarks/test_session_benchmark.py --benchmark-only \
        -p no:randomly --benchmark-columns=min,median,max --benchmark-sort=name
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from argmap.editing import EditSession, add_related_node, delete_nodes
from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind

COUNTS = [1000, 5000, 20000]
COMMANDS = ["add", "delete", "undo", "redo"]
#: Medians at 1,000 statements, by command, for the ratio (filled as the tests run).
_AT_1000: dict[str, float] = {}


def tree_map(count: int) -> ArgumentMap:
    """Statement i supports (every fifth attacks) statement (i - 1) // 4; one relation in ten
    is undercut by a statement of its own."""
    nodes = [Node(id=f"n{i}", kind=NodeKind.CLAIM, text=f"Statement {i}") for i in range(count)]
    relations: list[Relation] = []
    for i in range(1, count):
        kind = RelationKind.ATTACK if i % 5 == 0 else RelationKind.SUPPORT
        relations.append(
            Relation(id=f"r{i}", kind=kind, premises=[f"n{i}"], target=f"n{(i - 1) // 4}")
        )
    for i in range(1, count, 10):
        nodes.append(Node(id=f"u{i}", kind=NodeKind.COUNTERARGUMENT, text=f"Undercut {i}"))
        relations.append(
            Relation(id=f"x{i}", kind=RelationKind.ATTACK, premises=[f"u{i}"], target=f"r{i}")
        )
    return ArgumentMap(title=f"{count} statements", nodes=nodes, relations=relations)


def _rounds(
    session: EditSession, name: str, middle: str
) -> tuple[Callable[[], None], Callable[[], object]]:
    """(setup, action) for one command: the setup brings the map back to where the action
    starts (an undo or a delete, not timed)."""
    m = session.map

    def add() -> object:
        return session.execute(add_related_node(m, middle, NodeKind.EVIDENCE, RelationKind.SUPPORT))

    def delete() -> object:
        return session.execute(delete_nodes(m, [middle]))

    def before_add() -> None:
        if session.history.can_undo():
            session.undo()

    def before_delete() -> None:
        if not m.has_node(middle):
            session.undo()

    def before_undo() -> None:
        if m.has_node(middle):
            delete()

    def before_redo() -> None:
        if m.has_node(middle):
            delete()
        session.undo()

    return {
        "add": (before_add, add),
        "delete": (before_delete, delete),
        "undo": (before_undo, session.undo),
        "redo": (before_redo, session.redo),
    }[name]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("count", COUNTS)
def test_command(benchmark: BenchmarkFixture, count: int, command: str) -> None:
    session = EditSession(tree_map(count))
    middle = f"n{count // 2 // 4}"  # a statement with a parent, children and an undercut
    setup, action = _rounds(session, command, middle)
    setup()
    action()  # warm: the first use builds what later uses keep up to date
    benchmark.pedantic(action, setup=setup, rounds=40, iterations=1)
    median = benchmark.stats.stats.median
    if count == 1000:
        _AT_1000[command] = median
    elif command in _AT_1000:
        benchmark.extra_info["x_1000"] = round(median / _AT_1000[command], 2)
