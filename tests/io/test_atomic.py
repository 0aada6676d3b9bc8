"""Saving is atomic: whatever fails, and whenever, the previous file is left whole."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from argmap.io import atomic, native
from argmap.io.atomic import write_atomic
from argmap.io.errors import FileWriteError
from tests.model.factories import random_map, small_map

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A folder holding one saved map, ``old.argmap.json``."""
    path = tmp_path / "old.argmap.json"
    native.save(small_map(), path)
    return path


def assert_untouched(path: Path) -> None:
    assert native.load(path).map == small_map()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no stray temp file


def _fail(*_args: Any, **_kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failing_step_leaves_the_old_file(
    saved: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    monkeypatch.setattr(atomic.os, step, _fail)
    with pytest.raises(FileWriteError, match="could not save: No space left on device"):
        native.save(random_map(30, seed=1), saved)
    monkeypatch.undo()
    assert_untouched(saved)


class _TornFile:
    """A file that takes half of what it is given, then fails (a full disk mid-write)."""

    def __init__(self, handle: Any, error: BaseException) -> None:
        self._handle = handle
        self._error = error

    def __enter__(self) -> _TornFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise self._error


@pytest.mark.parametrize(
    "error", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()]
)
def test_a_write_torn_halfway_leaves_the_old_file(
    saved: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(
        atomic.os, "fdopen", lambda fd, mode: _TornFile(real_fdopen(fd, mode), error)
    )
    expected = FileWriteError if isinstance(error, OSError) else KeyboardInterrupt
    with pytest.raises(expected):
        native.save(random_map(30, seed=2), saved)
    monkeypatch.undo()
    assert_untouched(saved)


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "m.argmap.json"
    with pytest.raises(FileWriteError, match=r"m\.argmap\.json: cannot write in .*no/such"):
        native.save(small_map(), target)


def test_success_replaces_the_file_and_keeps_its_permissions(saved: Path) -> None:
    saved.chmod(0o600)
    native.save(random_map(10, seed=3), saved)
    assert native.load(saved).map == random_map(10, seed=3)
    assert saved.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]


def test_a_new_file_is_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "new.bin"
    write_atomic(target, b"data")
    assert target.read_bytes() == b"data"
    assert target.stat().st_mode & 0o777 == 0o644


_SAVER = textwrap.dedent(
    """
    import os, sys, time
    from argmap.io import native
    from tests.model.factories import random_map

    path, point = sys.argv[1], sys.argv[2]
    new = random_map(1500, seed=5)

    def stop_here(frame, event, arg):
        # Generic points, whatever the implementation: a file was just opened, a rename is
        # about to happen, a rename just happened. The test kills the process there.
        name = getattr(arg, "__name__", "")
        if (
            (point == "after-open" and event == "c_return" and name == "open")
            or (point == "before-rename" and event == "c_call" and name in ("replace", "rename"))
            or (point == "after-rename" and event == "c_return" and name in ("replace", "rename"))
        ):
            sys.setprofile(None)
            print(point, flush=True)
            time.sleep(120)

    sys.setprofile(stop_here)
    native.save(new, path)
    sys.setprofile(None)
    print("finished without reaching the point", flush=True)
    """
)


@pytest.mark.parametrize(
    ("point", "survivor"),
    [("after-open", "old"), ("before-rename", "old"), ("after-rename", "new")],
)
def test_killing_a_saving_process_leaves_the_old_file_or_the_new_whole(
    saved: Path, point: str, survivor: str
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _SAVER, str(saved), point],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        reached = child.stdout.readline().strip()
        child.send_signal(signal.SIGKILL)  # exactly at the point, never a lucky moment
    finally:
        child.kill()
        child.communicate(timeout=30)
    assert reached == point
    expected = small_map() if survivor == "old" else random_map(1500, seed=5)
    assert native.load(saved).map == expected
    # The killed write's temporary file is an orphan; the next save of the file cleans it.
    strays = [p for p in saved.parent.iterdir() if p != saved]
    for stray in strays:
        os.utime(stray, (time.time() - 3600,) * 2)
    native.save(small_map(), saved)
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]
    assert point == "after-rename" or len(strays) == 1


def test_a_read_only_file_is_refused_not_replaced(saved: Path) -> None:
    before = saved.read_bytes()
    saved.chmod(0o444)
    with pytest.raises(FileWriteError, match=r"old\.argmap\.json: the file is read-only"):
        native.save(random_map(10, seed=4), saved)
    assert saved.read_bytes() == before
    assert saved.stat().st_mode & 0o777 == 0o444
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]


def test_orphans_are_removed_only_when_old_unheld_and_of_that_file(saved: Path) -> None:
    folder = saved.parent
    old = time.time() - 3600
    orphan = folder / ".old.argmap.json.k1ll3d00.tmp"
    in_progress = folder / ".old.argmap.json.busy1234.tmp"  # fresh: a save happening right now
    strangers = [folder / ".other.argmap.json.k1ll3d00.tmp", folder / ".notes.tmp"]
    for path in (orphan, in_progress, *strangers):
        path.write_bytes(b"{")
    for path in (orphan, *strangers):
        os.utime(path, (old, old))
    native.save(small_map(), saved)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [saved.name, in_progress.name, *(p.name for p in strangers)]
    )
    assert atomic.remove_orphans(folder) == [strangers[0]]  # any target's, not other files


def test_an_old_orphan_a_living_writer_holds_is_kept(saved: Path) -> None:
    import fcntl

    orphan = saved.parent / ".old.argmap.json.slow9999.tmp"
    orphan.write_bytes(b"{")
    os.utime(orphan, (time.time() - 3600,) * 2)
    with orphan.open("rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        assert atomic.remove_orphans(saved.parent) == []
    assert atomic.remove_orphans(saved.parent) == [orphan]
