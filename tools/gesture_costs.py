"""What each gesture costs in the real main window, quickly (the gesture benchmark's own
functions, without pytest-benchmark): the map opened once, each gesture four times, the median
CPU of the last three printed; ``--profile GESTURE`` adds a cProfile of one more.

    .venv/bin/python tools/gesture_costs.py COUNT SHAPE [GESTURE ...] [--profile GESTURE]

COUNT: 1000, 5000, 20000; SHAPE: tree or rows; gestures: add_evidence add_objection edit_text
move delete undo redo apply_layout scroll (all by default; ``none``: only open the map). Run
from the checkout's root. The opening is printed twice: to the first paint (``open_window``, what
``test_open_to_first_paint`` measures), and until the window is idle (labels placed, panels
filled), in CPU and wall seconds.
"""

import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.getcwd())
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from tests.benchmarks.test_gesture_benchmark import (
    GESTURES,
    Bench,
    gesture,
    map_text,
    open_window,
    settle,
)

args = sys.argv[1:]
profile = None
if "--profile" in args:
    i = args.index("--profile")
    profile = args[i + 1]
    del args[i : i + 2]
count, shape, *names = args
count = int(count)
names = names or GESTURES
QStandardPaths.setTestModeEnabled(True)
app = QApplication.instance() or QApplication([])
folder = Path(tempfile.mkdtemp())
path = folder / "m.argmap.json"
path.write_text(map_text(count, shape), encoding="utf-8")
t0, w0 = time.process_time(), time.perf_counter()
window = open_window(path, folder / "w")
t1, w1 = time.process_time(), time.perf_counter()
settle()
t2, w2 = time.process_time(), time.perf_counter()
print(f"open to first paint {t1 - t0:.2f} s CPU ({w1 - w0:.2f} s wall)")
print(f"open {t2 - t0:.2f} s CPU ({w2 - w0:.2f} s wall) until idle")
if names == ["none"]:
    os._exit(0)
t0 = time.process_time()
window.evaluation.show_action.setChecked(True)
settle()
print(f"evaluation on {1000 * (time.process_time() - t0):.0f} ms CPU")
bench = Bench(window, count)
for name in names:
    setup, action = gesture(bench, name)
    times = []
    for _round in range(4):
        setup()
        settle()
        t0 = time.process_time()
        action()
        times.append(1000 * (time.process_time() - t0))
    rounds = [round(t) for t in times]
    print(f"{name:14s} median {statistics.median(times[1:]):7.1f} ms  rounds {rounds}")
if profile:
    setup, action = gesture(bench, profile)
    setup()
    settle()
    pr = cProfile.Profile()
    pr.enable()
    action()
    pr.disable()
    st = pstats.Stats(pr)
    st.sort_stats("cumulative").print_stats(45)
    st.sort_stats("tottime").print_stats(25)
os._exit(0)
