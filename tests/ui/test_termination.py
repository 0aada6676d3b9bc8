"""Ended from outside (logout, shutdown, a closed terminal, Ctrl+C): the work survives.

The child runs the real ``run_app`` with unsaved work (an edit, and a card's text still being
typed in place); the test sends the signal a desktop session sends, then starts the app again
as the user would and checks the work is offered back.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from argmap.ui.autosave import find_recoveries

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

    folder, settings, map_file = sys.argv[1:4]
    QStandardPaths.setTestModeEnabled(True)
    application()

    def started():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.session.execute(edit_text("c1", "Edited, never saved"))
        window.canvas.editor.open("c2", "Still being typed")
        print(json.dumps({"dirty": window.document.is_dirty}), flush=True)

    QTimer.singleShot(300, started)  # once the window is shown and active
    sys.exit(run_app(
        map_file=map_file,
        settings=AppSettings(settings),
        autosave_folder=Path(folder),
        prompter=ScriptedPrompter(),
    ))
    """
)


def _start(tmp_path: Path, map_file: Path, ignore_hangup: bool = False) -> subprocess.Popen[str]:
    def nohup() -> None:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)

    arguments = [str(tmp_path / "autosave"), str(tmp_path / "s.ini"), str(map_file)]
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, *arguments],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=nohup if ignore_hangup else None,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert json.loads(line) == {"dirty": True}, child.stderr
    return child


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_request_to_end_keeps_unsaved_work_for_the_next_start(
    tmp_path: Path, map_file: Path, number: signal.Signals
) -> None:
    original = map_file.read_bytes()
    folder = tmp_path / "autosave"
    child = _start(tmp_path, map_file)
    try:
        assert find_recoveries(folder) == []  # nothing written yet: the timer waits a minute
        child.send_signal(number)
        _, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
    # It ended by itself, saying why, with no traceback and no dialog waiting for an answer.
    assert child.returncode == 128 + number, stderr
    assert "Traceback" not in stderr
    assert map_file.read_bytes() == original  # the user's file is theirs to save

    recoveries = find_recoveries(folder)
    assert len(recoveries) == 1
    kept = recoveries[0].map
    assert kept.node("c1").text == "Edited, never saved"
    assert kept.node("c2").text == "Still being typed"
    assert recoveries[0].original == map_file


def test_a_signal_started_ignored_stays_ignored(tmp_path: Path, map_file: Path) -> None:
    child = _start(tmp_path, map_file, ignore_hangup=True)  # as `nohup argmap` starts it
    try:
        child.send_signal(signal.SIGHUP)
        with pytest.raises(subprocess.TimeoutExpired):
            child.wait(timeout=2)
        child.send_signal(signal.SIGTERM)
        _, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 128 + signal.SIGTERM, stderr
    assert find_recoveries(tmp_path / "autosave")[0].map.node("c1").text == "Edited, never saved"
