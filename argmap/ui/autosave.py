"""Never lose work: unsaved changes are written to the user's data folder every minute.

Each running window owns one autosave (a map file, a small JSON note saying which file it
belongs to, and a lock file held while the window lives). A clean close or a save removes it;
a crash leaves it behind with a stale lock, and the next start offers to restore it.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer

from argmap.io import native
from argmap.io.atomic import remove_orphans, write_atomic
from argmap.model import ArgmapError, ArgumentMap
from argmap.ui.document import DocumentController

#: How often unsaved changes are written.
INTERVAL_MS = 60_000
_MAP_SUFFIX = ".autosave.argmap.json"
_NOTE_SUFFIX = ".autosave.json"
_LOCK_SUFFIX = ".autosave.lock"


def default_folder() -> Path:
    """``autosave/`` in the application's data folder (QStandardPaths.AppDataLocation)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


@dataclass(frozen=True)
class Recovery:
    """Unsaved work a crashed run left behind."""

    key: str
    folder: Path
    map: ArgumentMap
    original: Path | None
    saved_at: str

    def description(self) -> str:
        name = self.original.name if self.original else "an untitled map"
        title = f" ({self.map.title})" if self.map.title else ""
        return f"There are unsaved changes to {name}{title} from {self.saved_at}."

    def discard(self) -> None:
        _remove_files(self.folder, self.key)


class Autosaver(QObject):
    """Writes the document's unsaved changes on a timer; removes them once saved or closed."""

    def __init__(
        self,
        document: DocumentController,
        folder: Path,
        interval_ms: int = INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = folder
        self.key = uuid.uuid4().hex
        self._lock: QLockFile | None = None
        # Whether the map changed since it was last written (an undo then a new edit returns
        # to the same history index with a different map, so the index will not do).
        self._stale = True
        document.session.subscribe(self._mark_stale)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_now)
        document.saved.connect(self.discard)

    @property
    def map_path(self) -> Path:
        return self.folder / f"{self.key}{_MAP_SUFFIX}"

    def start(self) -> None:
        self._timer.start()

    def save_now(self) -> bool:
        """Write the map if it has unsaved changes not yet written; True when written."""
        session = self.document.session
        if not self.document.is_dirty:
            self.discard()
            return False
        if not self._stale and self.map_path.exists():
            return False
        try:
            self._take_lock()
            write_atomic(self.map_path, native.dumps(session.map).encode("utf-8"))
            note = {
                "original": str(session.path) if session.path else None,
                "saved_at": datetime.now().strftime("%Y-%m-%d %H:%M"),
            }
            write_atomic(self._note_path(), json.dumps(note).encode("utf-8"))
        except (OSError, ArgmapError):
            return False  # autosave is best effort; the next tick tries again
        self._stale = False
        return True

    def discard(self) -> None:
        """Remove this window's autosave (after a save, or on a clean close)."""
        _remove_files(self.folder, self.key)
        self._stale = True

    def _mark_stale(self, _changes: object) -> None:
        self._stale = True

    def stop(self) -> None:
        """A clean shutdown: stop the timer, remove the autosave, release the lock."""
        self._timer.stop()
        self.discard()
        self._release_lock()

    def abandon(self) -> None:
        """Stop without cleaning up, exactly what a crash leaves behind (tests use this)."""
        self._timer.stop()
        self._release_lock()

    def _note_path(self) -> Path:
        return self.folder / f"{self.key}{_NOTE_SUFFIX}"

    def _take_lock(self) -> None:
        if self._lock is not None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self.folder / f"{self.key}{_LOCK_SUFFIX}"))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            self._lock = lock

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def find_recoveries(folder: Path) -> list[Recovery]:
    """Autosaves no running argmap owns, newest first; unreadable ones are removed.

    Never raises: whatever is in the folder (broken or hostile files, folders, orphan
    temporary files of a killed write, which are cleaned) startup goes on.
    """
    if not folder.is_dir():
        return []
    remove_orphans(folder)
    found: list[tuple[float, Recovery]] = []
    for map_file in folder.glob(f"*{_MAP_SUFFIX}"):
        key = map_file.name.removesuffix(_MAP_SUFFIX)
        try:
            if not map_file.is_file() or _is_owned(folder, key):
                continue  # not ours to read or remove (a folder, or a living window's)
            modified = map_file.stat().st_mtime
        except OSError:
            continue
        recovery = _read(folder, key, map_file, modified)
        if recovery is None:
            _remove_files(folder, key)
        else:
            found.append((modified, recovery))
    return [recovery for _, recovery in sorted(found, key=lambda item: -item[0])]


def _is_owned(folder: Path, key: str) -> bool:
    """Whether a live process holds this autosave's lock (a crashed one's lock is stale)."""
    lock = QLockFile(str(folder / f"{key}{_LOCK_SUFFIX}"))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return True


def _read(folder: Path, key: str, map_file: Path, modified: float) -> Recovery | None:
    """The autosave's map, or None when it cannot be read (broken, too deep, not a map)."""
    try:
        argument_map = native.load(map_file).map
    except (ArgmapError, OSError, ValueError, RecursionError, TypeError):
        return None
    note = _read_note(folder / f"{key}{_NOTE_SUFFIX}")
    original = note.get("original")
    saved_at = note.get("saved_at")
    if not isinstance(saved_at, str) or not saved_at:
        saved_at = datetime.fromtimestamp(modified).strftime("%Y-%m-%d %H:%M")
    return Recovery(key, folder, argument_map, _original_file(original), saved_at)


def _read_note(path: Path) -> dict[str, object]:
    """The small JSON note beside an autosave; {} when missing or broken (the map still counts)."""
    try:
        note = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return note if isinstance(note, dict) else {}


def _original_file(original: object) -> Path | None:
    """The file the work belongs to, if the note names one Save could write back to."""
    if not isinstance(original, str) or not original or "\x00" in original:
        return None
    path = Path(original)
    try:
        if path.exists() and not path.is_file():
            return None  # a folder (or a device): Save As will ask instead
    except (OSError, ValueError):
        return None
    return path


def _remove_files(folder: Path, key: str) -> None:
    for suffix in (_MAP_SUFFIX, _NOTE_SUFFIX):
        path = folder / f"{key}{suffix}"
        with contextlib.suppress(OSError):
            if path.is_file() or path.is_symlink():
                path.unlink()
