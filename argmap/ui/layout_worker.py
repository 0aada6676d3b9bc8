"""A layout computed on a worker thread (Graphviz runs ``dot`` as a program, which may take a
while): the work runs on a copy of the map nobody else touches, and the result comes back to
the UI thread as a queued signal, tagged with the request it answers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from argmap.layout import LayoutError
from argmap.layout.geometry import Positions


class JobSignals(QObject):
    """What a job reports; lives on the UI thread, so its signals arrive there."""

    #: (int, dict[str, Point]): the request number and the positions computed
    done = Signal(int, object)
    #: (int, str): the request number and why the layout failed
    failed = Signal(int, str)


class LayoutJob(QRunnable):
    """One layout computed on a worker thread; done or failed is emitted, never raised."""

    def __init__(self, number: int, work: Callable[[], Positions], signals: JobSignals) -> None:
        super().__init__()
        self.number, self.work, self.signals = number, work, signals

    def run(self) -> None:
        try:
            positions = self.work()
        except LayoutError as exc:
            self.signals.failed.emit(self.number, str(exc))
            return
        except Exception as exc:  # a crash here must still end the wait, with a message
            self.signals.failed.emit(self.number, f"the layout failed: {exc}")
            return
        self.signals.done.emit(self.number, positions)
