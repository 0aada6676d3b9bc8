"""Work that waits until the canvas has shown a newly opened map.

Opening a big map leaves work that need not come before the map is on screen: placing the
scheme labels, filling the outline, working out the checklist. Started on a timer, that work
would still run before the first paint (a shown window paints when the event loop gets to
it, and an overdue timer can come first): at 20,000 statements the window stayed blank for
seconds more. The view's gate is armed when its scene is rebuilt and opened by its next paint;
meanwhile work handed to :meth:`PaintGate.defer` waits. A canvas that is not shown (a hidden
window, an export) holds nothing back, and a shown one that does not paint for
:data:`PATIENCE_MS` (a minimised window) holds back no longer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

#: How long a shown canvas may go without painting a new map before waiting work runs anyway.
PATIENCE_MS = 1000


class PaintGate(QObject):
    """Holds work back while the ``widget`` is shown but has not painted the new map yet."""

    def __init__(self, widget: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._widget = widget
        self._armed = False
        self._waiting: dict[Callable[[], None], None] = {}
        self._timer = _single_shot(self, 0, self._run)
        self._patience = _single_shot(self, PATIENCE_MS, self._open)

    def arm(self) -> None:
        """A new map is in the widget: work waits until it has been painted."""
        self._armed = True
        self._patience.stop()

    @property
    def armed(self) -> bool:
        """Whether a new map has not been painted yet (shown or not)."""
        return self._armed

    def painted(self) -> None:
        """The widget painted: the waiting work runs at the next turn of the event loop."""
        if self._armed:
            self._open()

    def held(self) -> bool:
        """Whether work should wait (the widget is shown and has not painted the new map)."""
        if self._armed and self._widget.isVisible():
            if not self._patience.isActive():
                self._patience.start()
            return True
        return False

    def defer(self, work: Callable[[], None]) -> None:
        """Run ``work`` at a later turn of the event loop, once nothing is held back (work
        handed over twice before it runs, runs once)."""
        self._waiting[work] = None
        self._timer.start()

    def _open(self) -> None:
        self._armed = False
        self._patience.stop()
        if self._waiting:
            self._timer.start()

    def _run(self) -> None:
        if self.held():
            return  # the paint (or the patience running out) starts it again
        waiting, self._waiting = self._waiting, {}
        for work in waiting:
            work()


def _single_shot(parent: QObject, interval: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(slot)
    return timer
