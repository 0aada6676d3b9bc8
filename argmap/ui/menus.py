"""The menu bar, built from actions defined elsewhere (no action is made here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from argmap.io.formats import FORMATS
from argmap.ui.actions import AppActions


class RecentFilesMenu(QMenu):
    """Open Recent: filled from the settings each time it opens."""

    def __init__(
        self,
        recent: Callable[[], list[Path]],
        open_file: Callable[[Path], object],
        clear: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Open &Recent", parent)
        self._recent = recent
        self._open_file = open_file
        self._clear = clear
        self.aboutToShow.connect(self.refill)
        self.refill()

    def refill(self) -> None:
        self.clear()
        files = self._recent()
        for number, path in enumerate(files, start=1):
            prefix = f"&{number} " if number < 10 else ""
            action = self.addAction(f"{prefix}{path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self._open_file(p))
        if not files:
            self.addAction("No recent files").setEnabled(False)
        self.addSeparator()
        clear = self.addAction("Clear Recent Files")
        clear.setEnabled(bool(files))
        clear.triggered.connect(self._clear)


def build_menus(
    window: QMainWindow,
    actions: AppActions,
    recent_menu: RecentFilesMenu,
    map_actions: Sequence[QAction],
    view_actions: Sequence[QAction],
    panel_actions: Sequence[QAction],
) -> dict[str, QMenu]:
    """File, Edit, Map, View and Help menus; returns them by name."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([actions.new_from_text, actions.open])
    file_menu.addMenu(recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([actions.save, actions.save_as])
    file_menu.addSeparator()
    file_menu.addAction(actions.import_map)
    export_menu = file_menu.addMenu("&Export")
    _fill_export_menu(export_menu, actions)
    file_menu.addSeparator()
    file_menu.addAction(actions.close)
    file_menu.addAction(actions.quit)

    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addActions(actions.from_text_actions())

    map_menu = bar.addMenu("&Map")
    map_menu.addActions(list(map_actions))
    map_menu.setEnabled(bool(map_actions))

    view_menu = bar.addMenu("&View")
    view_menu.addActions(list(view_actions))
    if view_actions:
        view_menu.addSeparator()
    view_menu.addActions(list(panel_actions))

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([actions.shortcuts, actions.about])
    return {
        "file": file_menu,
        "export": export_menu,
        "edit": edit_menu,
        "map": map_menu,
        "view": view_menu,
        "help": help_menu,
    }


def _fill_export_menu(menu: QMenu, actions: AppActions) -> None:
    """Formats for other tools, then images (a separator between), then the selection."""
    text_formats = [a for name, a in actions.exports.items() if not FORMATS[name].image]
    images = [a for name, a in actions.exports.items() if FORMATS[name].image]
    menu.addActions(text_formats)
    menu.addSeparator()
    menu.addActions(images)
    menu.addSeparator()
    menu.addAction(actions.export_selection)
