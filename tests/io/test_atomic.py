"""Saving is atomic: whatever fails, and whenever, the previous file is left whole."""

from __future__ import annotations

import errno
import os
import random
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
    import sys
    from argmap.io import native
    from tests.model.factories import random_map

    base = random_map(1500, seed=5)
    path = sys.argv[1]
    version = 0
    while True:
        base.title = f"version {version}"
        native.save(base, path)
        if version == 0:
            print("saved", flush=True)
        version += 1
    """
)


def test_killing_a_saving_process_never_leaves_a_torn_file(tmp_path: Path) -> None:
    path = tmp_path / "busy.argmap.json"
    expected = random_map(1500, seed=5)
    rng = random.Random(11)
    for _ in range(4):
        child = subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None and child.stdout.readline() == "saved\n"
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
        loaded = native.load(path).map  # always a whole file ...
        assert loaded.title.startswith("version ")
        # ... and exactly one of the saved versions.
        assert loaded == expected.model_copy(update={"title": loaded.title})
