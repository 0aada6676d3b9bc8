"""The other window of the latency benchmark, in a process of its own (as on another laptop).

    python tests/benchmarks/collab_guest.py URL TOKEN NODE_ID

Joins the room in a real main window (offscreen) and prints ``TEXT<TAB>perf_counter()`` each
time the card NODE_ID is drawn with a new text; CLOCK_MONOTONIC is shared by the processes.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication


class _Quiet:
    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


def main() -> None:
    url, token, node_id = sys.argv[1:4]
    QStandardPaths.setTestModeEnabled(True)
    app = QApplication([])
    from argmap.app import build_main_window
    from argmap.ui.settings import AppSettings

    folder = Path(tempfile.mkdtemp())
    window = build_main_window(None, None, AppSettings(folder / "guest.ini"), _Quiet(), folder)  # type: ignore[arg-type]
    window.show()
    last = [""]

    def drawn(_changes: object) -> None:
        m = window.session.map
        if m.has_node(node_id) and m.node(node_id).text != last[0]:
            last[0] = m.node(node_id).text
            print(f"{last[0]}\t{time.perf_counter()}", flush=True)

    window.bridge.changed.connect(drawn)  # after the canvas's own handler: drawn by then
    window.collab.join(url, token, "Guest")
    stdin_closed = QTimer()
    stdin_closed.timeout.connect(lambda: app.quit() if os.getppid() == 1 else None)
    stdin_closed.start(500)
    app.exec()


if __name__ == "__main__":
    main()
