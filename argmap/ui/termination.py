"""Asked to end from outside: unsaved work goes to the autosave, then the app quits.

A logout or shutdown sends SIGTERM, a closed terminal SIGHUP, Ctrl+C in the terminal that
started ``argmap`` SIGINT. Python's default is to die at once (SIGTERM, SIGHUP) and lose
whatever the last autosave tick did not write, or to raise KeyboardInterrupt in whichever Qt
slot runs next (SIGINT); a dialog asking to save would find nobody to answer. A signal the
process was started ignoring (``nohup``, a shell's ``&``) stays ignored.

Instead the text being typed (in place or in the inspector) is committed, the map is written
to the window's autosave and left behind as a crash leaves it, so the next start offers it,
and the event loop ends with ``128 + signal``, the shell's code for "ended by that signal".

Python runs its signal handlers only when the interpreter has control, which Qt's event loop
does not give it while idle: the handler's wake-up byte goes through a socket pair that a
QSocketNotifier watches (``signal.set_wakeup_fd``, the usual way to join the two).
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from argmap.ui.main_window import MainWindow

#: The requests to end that a desktop session or a terminal sends.
SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


class TerminationWatch(QObject):
    """Calls ``on_request(signal number)`` from the event loop when one of :data:`SIGNALS`
    arrives. Install it in the main thread; :meth:`remove` puts the old handlers back."""

    def __init__(self, on_request: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_request = on_request
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {
            number: signal.signal(number, _note)
            for number in SIGNALS
            if signal.getsignal(number) is not signal.SIG_IGN
        }
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        for number in received:
            if number in SIGNALS:
                self._on_request(number)
                return  # one request is enough: the app is on its way out

    def remove(self) -> None:
        self._notifier.setEnabled(False)
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


def _note(_number: int, _frame: FrameType | None) -> None:
    """The Python-level handler: the wake-up byte already says which signal came."""


def end_keeping_work(window: MainWindow, number: int) -> None:
    """Write what the user made to the autosave (kept for the next start) and quit."""
    editor = window.canvas.editor
    if editor.active:
        editor.commit()
    window.inspector.commit_pending()
    window.collab.leave()
    window.autosaver.save_now()
    window.autosaver.abandon()  # the files stay, as after a crash: the next start offers them
    window.settings.save_window(window.saveGeometry(), window.saveState())
    app = QApplication.instance()
    if app is not None:
        app.exit(128 + number)
