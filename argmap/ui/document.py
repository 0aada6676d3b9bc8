"""The open document: new from text, open, save, save as, close, recent files, drops.

One controller per window. It replaces the map in the window's one :class:`EditSession`
(``session.replace``), so every view rebuilds through the same published change, and it asks
the user through a :class:`~argmap.ui.dialogs.Prompter`, so tests can answer for them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from argmap.editing import EditSession
from argmap.io import native
from argmap.model import ArgmapError, ArgumentMap
from argmap.resources import DEFAULT_MAP, DEFAULT_TEXT
from argmap.ui.dialogs import Prompter, UnsavedChoice
from argmap.ui.positions import fill_missing_positions
from argmap.ui.settings import AppSettings
from argmap.ui.text_import import is_text_file, map_from_text

UNTITLED = "untitled"


class DocumentController(QObject):
    """Opens, saves and closes the session's map, and says what the title should be."""

    #: the file name, the unsaved mark or the recent files may have changed
    state_changed = Signal()
    #: a map was saved to a file (the autosave is obsolete)
    saved = Signal()
    #: a new map was started over a text (the text panel should be in view)
    text_opened = Signal()

    def __init__(
        self,
        session: EditSession,
        settings: AppSettings,
        prompter: Prompter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.prompter = prompter
        # A restored autosave is unsaved work although its history is empty.
        self._restored = False
        # Where Save As first proposes to save an untitled map (an import's own name).
        self._untitled_suggestion: Path | None = None
        #: Runs work once a newly opened map is on screen (the window hands its canvas's
        #: paint gate; by default, at the next turn of the event loop).
        self.after_open: Callable[[Callable[[], None]], None] = _next_turn
        session.subscribe(lambda _changes: self.state_changed.emit())

    # State ---------------------------------------------------------------------------------

    @property
    def is_dirty(self) -> bool:
        return self.session.is_dirty or self._restored

    @property
    def display_name(self) -> str:
        """The file's name, else the map's title (the bundled release, a new map over a text)."""
        if self.session.path:
            return self.session.path.name
        return " ".join(self.session.map.title.split()) or UNTITLED

    def window_title(self) -> str:
        mark = "*" if self.is_dirty else ""
        return f"{self.display_name}{mark} — argmap"

    def recent_files(self) -> list[Path]:
        return self.settings.recent_files()

    # Opening -------------------------------------------------------------------------------

    def open_path(self, path: str | Path) -> bool:
        """Open a map, or start a new map over a text document, by the file's suffix."""
        file = Path(path)
        return self.new_from_text(file) if is_text_file(file) else self.open_map(file)

    def open_map(self, path: str | Path) -> bool:
        """Replace the map with the one at ``path``; on failure say why and keep the map."""
        if not self.maybe_save():
            return False
        file = Path(path)
        with _collector_paused():
            try:
                result = native.load(file)
            except ArgmapError as exc:
                error: ArgmapError | None = exc
            else:
                error = None
                self._install(result.map, file)
        if error is not None:  # said with the collector on again (a dialog waits for the user)
            self.prompter.show_error("Cannot open map", str(error))
            return False
        self.settings.add_recent_file(file)
        messages = result.messages()
        if messages:
            self.prompter.show_info("Map opened with changes", "\n".join(messages))
        return True

    def new_from_text(self, path: str | Path) -> bool:
        """Start an empty, untitled map over a plain-text or Markdown document."""
        if not self.maybe_save():
            return False
        try:
            argument_map = map_from_text(path)
        except ArgmapError as exc:
            self.prompter.show_error("Cannot read text", str(exc))
            return False
        self._install(argument_map, None)
        self.text_opened.emit()
        return True

    def open_initial(
        self, map_file: str | Path | None = None, text_file: str | Path | None = None
    ) -> None:
        """What the window starts on: the file asked for, else the bundled default."""
        if text_file is not None and self.new_from_text(text_file):
            return
        if map_file is not None and self.open_path(map_file):
            return
        self.open_default()

    def open_default(self) -> None:
        """The bundled release and its map, untitled so Save never overwrites the resource."""
        argument_map = _load_default()
        self._install(argument_map, None)

    def open_untitled(self, argument_map: ArgumentMap, suggested: Path | None = None) -> bool:
        """Show a map that has no file yet (an import), asking about unsaved changes first.

        Save goes through Save As, which proposes ``suggested``.
        """
        if not self.maybe_save():
            return False
        self._install(argument_map, None)
        self._untitled_suggestion = suggested
        return True

    def restore(self, argument_map: ArgumentMap, path: Path | None) -> None:
        """Show recovered unsaved work; it stays marked unsaved until it is saved."""
        self._install(argument_map, path)
        self._restored = True
        self.state_changed.emit()

    def _install(self, argument_map: ArgumentMap, path: Path | None) -> None:
        # Positions are filled before the session sees the map: loading is not an edit.
        fill_missing_positions(argument_map)
        self._restored = False
        self._untitled_suggestion = None
        with _collector_paused():
            self.session.replace(argument_map, path)
        # The collections skipped while opening, made at once when the map is on screen, not
        # in the middle of the first gesture (a full one takes 0.1 s at 5,000 statements).
        self.after_open(_collect)

    # Dialog entry points ---------------------------------------------------------------------

    def open_dialog(self) -> bool:
        path = self.prompter.choose_map_to_open(self._folder())
        return self.open_map(path) if path else False

    def new_from_text_dialog(self) -> bool:
        path = self.prompter.choose_text_to_open(self._folder())
        return self.new_from_text(path) if path else False

    def folder(self) -> Path | None:
        """The folder file dialogs start in: the map's, else the last recent file's."""
        return self._folder()

    def _folder(self) -> Path | None:
        if self.session.path:
            return self.session.path.parent
        recent = self.recent_files()
        return recent[0].parent if recent else None

    # Saving --------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self._write(self.session.path)

    def save_as(self) -> bool:
        path = self.prompter.choose_save_path(self._suggested_path())
        if path is None:
            return False
        return self._write(with_map_suffix(path))

    def suggested_path(self) -> Path:
        """Where Save As proposes to save: the map's file, else a name from the title."""
        return self._suggested_path()

    def _suggested_path(self) -> Path:
        if self.session.path:
            return self.session.path
        if self._untitled_suggestion is not None:
            return self._untitled_suggestion
        stem = _slug(self.session.map.title) or UNTITLED
        return (self._folder() or Path.home()) / f"{stem}{native.SUFFIX}"

    def _write(self, path: Path) -> bool:
        try:
            native.save(self.session.map, path)
        except (ArgmapError, OSError) as exc:
            self.prompter.show_error("Cannot save map", str(exc))
            return False
        self._restored = False
        self.session.mark_clean(path)
        self.settings.add_recent_file(path)
        self.saved.emit()
        return True

    # Closing -------------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False when the user wants to keep editing."""
        if not self.is_dirty:
            return True
        choice = self.prompter.ask_unsaved(self.display_name)
        if choice == UnsavedChoice.SAVE:
            return self.save()
        return choice == UnsavedChoice.DISCARD

    def close_document(self) -> bool:
        """Close the map (asking about unsaved changes), leaving an empty untitled map."""
        if not self.maybe_save():
            return False
        self._install(ArgumentMap(), None)
        return True


def with_map_suffix(path: Path) -> Path:
    """``path`` ending in ``.argmap.json`` (a bare ``.json`` is kept as the user chose it)."""
    if path.name.endswith(native.SUFFIX) or path.suffix.lower() == ".json":
        return path
    return path.with_name(path.name + native.SUFFIX)


def _slug(title: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in title.lower()).split()
    return "-".join(words[:8])


def _load_default() -> ArgumentMap:
    """The bundled map, or an empty map over the bundled text when the map is missing."""
    loaders: list[Callable[[], ArgumentMap]] = [
        lambda: native.load(DEFAULT_MAP).map,
        lambda: map_from_text(DEFAULT_TEXT),
    ]
    for loader in loaders:
        try:
            return loader()
        except ArgmapError:
            continue
    return ArgumentMap()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a map is read and every view builds from it: the
    objects made pile up, and each full collection walked all of them again (a fifth of
    the time to open 5,000 statements). It runs as usual afterwards."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _collect() -> None:
    gc.collect()


def _next_turn(work: Callable[[], None]) -> None:
    QTimer.singleShot(0, work)
