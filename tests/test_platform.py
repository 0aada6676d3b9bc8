"""The platform argmap relies on: Python 3.12+, where Qt's void calls cannot exhaust None."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap

import pytest

# On Python 3.11 each call of a Qt method returning nothing dropped a reference to None; after
# a few thousand calls the interpreter aborted. None is immortal from 3.12 on.
_VOID_CALLS = textwrap.dedent(
    """
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication, QGraphicsRectItem

    app = QApplication([])
    point = QPointF()
    item = QGraphicsRectItem(0, 0, 10, 10)
    for i in range(100_000):
        point.setX(i)
        item.setPos(1, 2)
    assert item.pos().x() == 1 and point.x() == 99_999
    print("done")
    """
)


def test_python_is_at_least_3_12() -> None:
    assert sys.version_info >= (3, 12)


@pytest.mark.skipif(importlib.util.find_spec("PySide6") is None, reason="PySide6 not installed")
def test_a_hundred_thousand_void_qt_calls_exit_cleanly() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _VOID_CALLS], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "done\n"
