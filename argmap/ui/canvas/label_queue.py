"""Scheme labels placed after the first paint, a batch per turn of the event loop.

Placing a label means looking for a spot clear of cards, signs and other labels; for the
thousand-odd labels of a big map that costs more than drawing it. Such a pass hands its arrows
here: each label waits beside its arrow's sign (readable, maybe over a card) and is
placed a moment later, while the map is already on screen and answering.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from argmap.ui.canvas.edge_item import EdgeItem
from argmap.ui.canvas.labels import place_labels
from argmap.ui.canvas.node_item import NodeItem
from argmap.ui.canvas.paint_gate import PaintGate

#: Labels placed at a time; a turn of the event loop places such groups until
#: :data:`TURN_SECONDS` have passed, so the window answers between turns however costly a
#: label is on this map (a fixed 250 took over a second a turn at 20,000 statements).
BATCH = 25
TURN_SECONDS = 0.025
#: Placing starts once no new labels have come for this long: cards gliding to a new layout
#: hand over their labels every frame, and spots found mid-glide would be wasted.
SETTLE_MS = 60


class LabelQueue(QObject):
    """The arrows whose labels wait to be placed; see the module's text."""

    def __init__(
        self,
        nodes: dict[str, NodeItem],
        edges: dict[str, EdgeItem],
        on_placed: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._nodes, self._edges, self._on_placed = nodes, edges, on_placed
        self._waiting: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._place_batch)
        #: The view's gate: after an opening, nothing is placed before the map is painted.
        self.gate: PaintGate | None = None

    @property
    def waiting(self) -> frozenset[str]:
        """The relations whose labels are not placed yet."""
        return frozenset(self._waiting)

    def add(self, relation_ids: set[str]) -> None:
        self._waiting |= relation_ids
        self._timer.start(SETTLE_MS)

    def clear(self) -> None:
        """Forget every waiting label (their arrows are gone: a rebuild)."""
        self._waiting.clear()
        self._timer.stop()

    def flush(self) -> None:
        """Place every waiting label now (before an export is drawn, say)."""
        self._timer.stop()
        while self._waiting:
            self._place(sorted(self._waiting))

    def _place_batch(self) -> None:
        if self.gate is not None and self.gate.held():
            self.gate.defer(self._place_batch)
            return
        end = time.perf_counter() + TURN_SECONDS
        order = sorted(self._waiting)
        start = 0
        while start < len(order):
            self._place(order[start : start + BATCH])
            start += BATCH
            if time.perf_counter() >= end:
                break
        if self._waiting:
            self._timer.start(0)

    def _place(self, batch: list[str]) -> None:
        self._waiting.difference_update(batch)
        present = {r for r in batch if r in self._edges}
        place_labels(self._nodes, self._edges, present, unplaced=self._waiting)
        self._on_placed()
