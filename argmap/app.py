"""The GUI composition root: the QApplication, the settings and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from argmap.editing import EditSession
from argmap.ui.autosave import default_folder, find_recoveries
from argmap.ui.dialogs import Prompter
from argmap.ui.main_window import MainWindow
from argmap.ui.settings import AppSettings
from argmap.ui.termination import TerminationWatch, end_keeping_work

APP_NAME = "argmap"
ORGANIZATION = "argmap"


def application() -> QApplication:
    """The running QApplication, created (and named, for settings and data paths) if needed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    return app


def build_main_window(
    map_file: str | Path | None = None,
    new_from_text: str | Path | None = None,
    settings: AppSettings | None = None,
    prompter: Prompter | None = None,
    autosave_folder: Path | None = None,
) -> MainWindow:
    """A main window on the file asked for, or on the bundled release and its map."""
    window = MainWindow(
        EditSession(),
        settings if settings is not None else AppSettings(),
        prompter,
        autosave_folder,
    )
    window.document.open_initial(map_file, new_from_text)
    return window


def offer_recovery(window: MainWindow) -> bool:
    """Offer the newest autosave a crashed run left; True when it was restored."""
    recoveries = find_recoveries(window.autosaver.folder)
    if not recoveries:
        return False
    newest = recoveries[0]
    restore = window.prompter.ask_restore(newest.description())
    if restore:
        window.document.restore(newest.map, newest.original)
        # The restored work is this window's autosave at once: a second crash before the
        # timer's first tick must not lose it. If it cannot be written, the old one stays.
        if not window.autosaver.save_now():
            return True
    newest.discard()
    return restore


def run_app(
    map_file: str | Path | None = None,
    new_from_text: str | Path | None = None,
    settings: AppSettings | None = None,
    autosave_folder: Path | None = None,
    prompter: Prompter | None = None,
) -> int:
    """Start the editor and run it until its window closes; returns the exit code.

    ``prompter`` answers the window's dialogs (the real ones when None; tests script it).
    """
    app = application()
    folder = autosave_folder if autosave_folder is not None else default_folder()
    window = build_main_window(map_file, new_from_text, settings, prompter, folder)
    window.show()
    window.seminar.ask_name_once()
    offer_recovery(window)
    window.autosaver.start()
    # Logout, shutdown or a closed terminal: keep the work in the autosave, then quit.
    watch = TerminationWatch(lambda number: end_keeping_work(window, number), window)
    try:
        return app.exec()
    finally:
        watch.remove()
