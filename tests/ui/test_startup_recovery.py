"""The real startup path: ``run_app`` (what ``argmap`` calls) offers, restores and keeps autosaving.

Each run is a child process started on the app's entry function with a scripted prompter, and
each crash is a SIGKILL: nothing here calls ``offer_recovery`` or builds an autosaver itself.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from argmap.io import native
from argmap.ui.autosave import find_recoveries
from tests.ui.conftest import small_map

ROOT = Path(__file__).resolve().parents[2]

_CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QStandardPaths, QTimer
    from PySide6.QtWidgets import QApplication
    from argmap.app import application, run_app
    from argmap.editing import edit_text
    from argmap.ui.main_window import MainWindow
    from argmap.ui.settings import AppSettings
    from tests.ui.conftest import ScriptedPrompter

    mode, folder, settings, map_file = sys.argv[1:5]
    QStandardPaths.setTestModeEnabled(True)
    application()
    prompter = ScriptedPrompter()

    def started():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        if mode == "edit":
            window.session.execute(edit_text("c1", "Edited before the first crash"))
            window.autosaver.save_now()
        timer = window.autosaver._timer
        report = {
            "asked": prompter.asked_restore,
            "c1": window.session.map.node("c1").text if window.session.map.has_node("c1") else None,
            "path": str(window.session.path) if window.session.path else None,
            "title": window.windowTitle(),
            "timer_active": timer.isActive(),
            "interval": timer.interval(),
        }
        print(json.dumps(report), flush=True)  # the test kills the process after this line

    QTimer.singleShot(0, started)
    run_app(
        map_file=map_file or None,
        settings=AppSettings(settings),
        autosave_folder=Path(folder),
        prompter=prompter,
    )
    """
)


def _run_until_started_then_kill(tmp_path: Path, mode: str, map_file: Path | None) -> Any:
    """Start the app, read its report once the event loop runs, then crash it (SIGKILL)."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _CHILD,
            mode,
            str(tmp_path / "autosave"),
            str(tmp_path / "settings.ini"),
            str(map_file or ""),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        child.send_signal(signal.SIGKILL)  # well within the minute the autosave timer waits
    finally:
        child.kill()
        _, stderr = child.communicate(timeout=30)
    assert line, stderr
    return json.loads(line)


def test_startup_offers_restores_and_a_second_crash_loses_nothing(
    tmp_path: Path, map_file: Path
) -> None:
    # First run: open the map, edit, the autosave is written, then the process dies.
    first = _run_until_started_then_kill(tmp_path, "edit", map_file)
    assert first["asked"] == []  # nothing to recover on a clean data folder
    assert first["timer_active"] and first["interval"] == 60_000
    assert native.load(map_file).map.node("c1").text != "Edited before the first crash"

    # Second run, as plain `argmap`: the crashed work is offered and restored.
    second = _run_until_started_then_kill(tmp_path, "look", None)
    assert len(second["asked"]) == 1
    assert "small.argmap.json" in second["asked"][0]
    assert second["c1"] == "Edited before the first crash"
    assert second["path"] == str(map_file)  # Save goes back to the original file
    assert second["title"] == "small.argmap.json* — argmap"
    assert second["timer_active"] and second["interval"] == 60_000

    # It crashed again before its first tick: the restored work is still there to offer.
    recoveries = find_recoveries(tmp_path / "autosave")
    assert len(recoveries) == 1
    assert recoveries[0].map.node("c1").text == "Edited before the first crash"
    assert recoveries[0].original == map_file

    third = _run_until_started_then_kill(tmp_path, "look", None)
    assert third["c1"] == "Edited before the first crash"
    assert third["path"] == str(map_file)


def test_startup_goes_on_past_whatever_a_crash_left_in_the_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "autosave"
    folder.mkdir()
    (folder / "deep.autosave.argmap.json").write_text("[" * 5000 + "]" * 5000, "utf-8")
    (folder / "deep.autosave.json").write_text('{"original": 5}', "utf-8")
    (folder / "dir.autosave.argmap.json").mkdir()
    (folder / ".x.autosave.argmap.json.abcd1234.tmp").write_text("{", "utf-8")
    os.utime(folder / ".x.autosave.argmap.json.abcd1234.tmp", (1, 1))
    # The work itself, without its note (killed between the two writes).
    (folder / "lonely.autosave.argmap.json").write_text(native.dumps(small_map()), "utf-8")

    started = _run_until_started_then_kill(tmp_path, "look", None)
    assert len(started["asked"]) == 1
    assert "an untitled map (Small boats)" in started["asked"][0]
    assert started["c1"] == small_map().node("c1").text
    assert started["path"] is None
    assert started["timer_active"]
    left = sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))
    # The restored work was written aside at once under the new window's key; the old copy,
    # the unreadable autosave and the orphan are gone; the folder nobody made is left alone.
    assert "dir.autosave.argmap.json" in left
    assert not {"lonely.autosave.argmap.json", "deep.autosave.argmap.json"} & set(left)
    assert not [name for name in left if name.endswith(".tmp")]
    assert len([name for name in left if name.endswith(".autosave.argmap.json")]) == 2
