"""Questions the editor asks the user, behind one small interface.

Controllers never open a message box or a file dialog themselves: they ask a
:class:`Prompter`. The application passes a :class:`QtPrompter`; tests pass a scripted one that
answers at once, so no modal loop ever blocks a test.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

MAP_FILTER = "Argument maps (*.argmap.json *.json);;All files (*)"
TEXT_FILTER = "Text and Markdown (*.txt *.md *.markdown *.text);;All files (*)"


class UnsavedChoice(StrEnum):
    """What to do with unsaved changes before they would be lost."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Prompter(Protocol):
    """Everything the editor may ask or tell the user in a dialog."""

    def ask_unsaved(self, document_name: str) -> UnsavedChoice:
        """Save, discard or keep editing a document with unsaved changes."""
        ...

    def ask_restore(self, description: str) -> bool:
        """Whether to restore work an earlier run left unsaved."""
        ...

    def ask_import_broken(self, problem: str) -> bool:
        """Whether to import the readable part of a file with broken parts."""
        ...

    def show_error(self, title: str, message: str) -> None: ...

    def show_info(self, title: str, message: str) -> None: ...

    def choose_map_to_open(self, folder: Path | None) -> Path | None: ...

    def choose_text_to_open(self, folder: Path | None) -> Path | None: ...

    def choose_save_path(self, suggested: Path) -> Path | None: ...

    def choose_file_to_import(
        self, folder: Path | None, file_filter: str
    ) -> tuple[Path, str] | None:
        """A file to import and the filter it was picked under ("" when none was)."""
        ...

    def choose_export_path(
        self, title: str, suggested: Path, file_filter: str
    ) -> tuple[Path, str] | None:
        """Where to write an export and the filter it was named under ("" when none was)."""
        ...


class QtPrompter:
    """The real dialogs, parented to the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def ask_unsaved(self, document_name: str) -> UnsavedChoice:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        answer = QMessageBox.warning(
            self._parent,
            "Unsaved changes",
            f"Save the changes to {document_name} before closing it?",
            buttons,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return UnsavedChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return UnsavedChoice.DISCARD
        return UnsavedChoice.CANCEL

    def ask_restore(self, description: str) -> bool:
        answer = QMessageBox.question(
            self._parent,
            "Restore unsaved work?",
            f"argmap did not close properly last time. {description}\n\n"
            "Restore it? (Otherwise it is discarded.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_import_broken(self, problem: str) -> bool:
        answer = QMessageBox.question(
            self._parent,
            "Import what can be read?",
            f"{problem}\n\nImport the rest, leaving the broken parts out?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.critical(self._parent, title, message)

    def show_info(self, title: str, message: str) -> None:
        QMessageBox.information(self._parent, title, message)

    def choose_map_to_open(self, folder: Path | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent, "Open map", str(folder or ""), MAP_FILTER
        )
        return Path(name) if name else None

    def choose_text_to_open(self, folder: Path | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent, "New map from text", str(folder or ""), TEXT_FILTER
        )
        return Path(name) if name else None

    def choose_save_path(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self._parent, "Save map as", str(suggested), MAP_FILTER
        )
        return Path(name) if name else None

    def choose_file_to_import(
        self, folder: Path | None, file_filter: str
    ) -> tuple[Path, str] | None:
        name, chosen = QFileDialog.getOpenFileName(
            self._parent, "Import map", str(folder or ""), file_filter
        )
        return (Path(name), chosen) if name else None

    def choose_export_path(
        self, title: str, suggested: Path, file_filter: str
    ) -> tuple[Path, str] | None:
        name, chosen = QFileDialog.getSaveFileName(self._parent, title, str(suggested), file_filter)
        return (Path(name), chosen) if name else None
