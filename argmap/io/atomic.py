"""Atomic writes: the target is either the old file or the whole new one, never a torn mix.

The new contents go to a temporary file ``.NAME.RANDOM.tmp`` beside the target, which is then
renamed over it. A process killed mid-write leaves that temporary file behind; the next write
of the same target (and the autosave folder at startup) removes such orphans once no living
writer holds them. A read-only target is refused, never silently replaced.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import time
from pathlib import Path

from argmap.io.errors import FileWriteError

try:  # POSIX: a writer holds a lock on its temporary file while it lives
    import fcntl
except ImportError:  # pragma: no cover - Windows: orphans are told by their age alone
    fcntl = None  # type: ignore[assignment]

#: A temporary file untouched for this long, and held by no writer, is an orphan.
ORPHAN_AGE_S = 60.0


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, fsync, rename.

    A failure at any moment leaves a previous file at ``path`` intact and removes the
    temporary file. A target nobody may write to is refused with :class:`FileWriteError`.
    """
    import tempfile  # here, not at the top: reading a map (``argmap validate``) never writes

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    _refuse_read_only(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FileWriteError(target, f"cannot write in {folder}: {exc.strerror or exc}") from exc
    try:
        _hold(fd)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise FileWriteError(target, f"could not save: {exc.strerror or exc}") from exc
        raise
    _fsync_folder(folder)
    remove_orphans(folder, target.name)


def remove_orphans(
    folder: str | Path, name: str | None = None, min_age_s: float = ORPHAN_AGE_S
) -> list[Path]:
    """Remove temporary files killed writes left in ``folder`` (for target ``name``, or any).

    Only files named like :func:`write_atomic`'s own, untouched for ``min_age_s`` seconds and
    locked by no living writer, are removed; returns them. Never raises.
    """
    random_part = "[a-z0-9_]" * 8  # tempfile.mkstemp's own 8 characters
    target = glob.escape(name) if name is not None else "*"
    pattern = f".{target}.{random_part}.tmp"
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = list(Path(folder).glob(pattern))
    except OSError:
        return removed
    for tmp in candidates:
        try:
            info = tmp.lstat()
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < min_age_s:
                continue
            if _is_held(tmp):
                continue
            tmp.unlink()
        except OSError:
            continue
        removed.append(tmp)
    return removed


def _refuse_read_only(target: Path) -> None:
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # a new file (or one we cannot look at: the write itself will say why)
    # Without any write permission bit the owner has said "keep this": even root is refused.
    if stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(target, os.W_OK)):
        raise FileWriteError(
            target, "the file is read-only, so it was not replaced (save under another name)"
        )


def _hold(fd: int) -> None:
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _is_held(path: Path) -> bool:
    if fcntl is None:
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing releases the lock we may have taken
    return False


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform lets a folder be opened.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
