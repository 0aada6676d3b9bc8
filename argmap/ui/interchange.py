"""File > Import and File > Export: maps from other tools in, formats and pictures out.

The format registry (:mod:`argmap.io.formats`) reads and writes and
:func:`argmap.ui.render.render_map` draws; this controller only asks through the
:class:`~argmap.ui.dialogs.Prompter`, calls them and reports. An import opens through the
:class:`~argmap.ui.document.DocumentController` as an untitled map, so it asks about unsaved
changes and lays out an unplaced map exactly as Open does. An export reads the map and never
changes the session, its history or its unsaved mark.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from argmap.editing import EditSession
from argmap.io import native
from argmap.io.formats import (
    FORMATS,
    FileFormat,
    export_file,
    file_filter,
    get_format,
    import_file,
    import_formats,
    infer_format,
)
from argmap.io.import_result import ImportResult
from argmap.model import ArgmapError
from argmap.ui.actions import AppActions
from argmap.ui.debate.export import DRAWINGS
from argmap.ui.dialogs import Prompter
from argmap.ui.document import DocumentController
from argmap.ui.render import FORMATS as RENDER_FORMATS
from argmap.ui.render import render_map
from argmap.ui.selection import SelectionModel

ALL_FILES = "All files (*)"
IMPORT_ERROR = "Cannot import map"
EXPORT_ERROR = "Cannot export map"


def import_filter() -> str:
    """Every importable extension first (the usual pick), then one filter per format."""
    formats = import_formats()
    patterns = " ".join(f"*{ext}" for f in formats for ext in f.extensions)
    return ";;".join([f"Maps from other tools ({patterns})", file_filter(formats), ALL_FILES])


def image_formats() -> list[FileFormat]:
    """The formats a map (or a selection of it) is drawn in: PNG, SVG, PDF."""
    return [f for f in FORMATS.values() if f.image and f.name in RENDER_FORMATS]


class InterchangeController(QObject):
    """Imports a file as the window's map; exports the map, or the selection as a picture."""

    #: str: a line for the status bar ("Imported …", "Exported to …")
    message = Signal(str)

    def __init__(
        self,
        session: EditSession,
        document: DocumentController,
        selection: SelectionModel,
        prompter: Prompter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.document = document
        self.selection = selection
        self.prompter = prompter

    def use_actions(self, actions: AppActions) -> None:
        """Run the window's Import and Export actions; Selection as Image needs a card."""
        actions.import_map.triggered.connect(self.import_dialog)
        for name, action in actions.exports.items():
            action.triggered.connect(lambda _checked=False, n=name: self.export_map(n))
        selection_action = actions.export_selection
        selection_action.triggered.connect(self.export_selection)
        self.selection.changed.connect(lambda _ids: self._enable_selection_export(selection_action))
        self._enable_selection_export(selection_action)

    # Importing -------------------------------------------------------------------------------

    def import_dialog(self) -> bool:
        chosen = self.prompter.choose_file_to_import(self.document.folder(), import_filter())
        if chosen is None:
            return False
        path, chosen_filter = chosen
        fmt = _format_for_filter(chosen_filter, import_formats())
        return self.import_path(path, fmt.name if fmt else None)

    def import_path(self, path: str | Path, format_name: str | None = None) -> bool:
        """Open ``path`` as an untitled map; a file that cannot be read is explained and the
        map stays as it was. ``format_name`` is used when the file's name does not say."""
        file = Path(path)
        if file.name.lower().endswith(native.SUFFIX):
            return self.document.open_map(file)  # argmap's own map: importing it is opening it
        try:
            fmt = _import_format(file, format_name)
            result = self._read(file, fmt)
        except ArgmapError as exc:
            self.prompter.show_error(IMPORT_ERROR, _for_the_editor(str(exc)))
            return False
        if result is None:
            return False
        # Save As then proposes the imported file's name, as an argmap map beside it.
        suggested = file.with_name(file.stem + native.SUFFIX)
        if not self.document.open_untitled(result.map, suggested):
            return False
        headline = f"Imported {file.name} as {fmt.label}: {result.counts()}"
        self.message.emit(headline)
        if result.summary:
            details = "\n".join(f"• {line}" for line in result.summary)
            self.prompter.show_info("Map imported", f"{headline}\n\n{details}")
        return True

    def _read(self, file: Path, fmt: FileFormat) -> ImportResult | None:
        """The import; for a file with broken parts, the rest if the user wants it (else None)."""
        try:
            return import_file(file, fmt.name)
        except ArgmapError as exc:
            try:
                partial = import_file(file, fmt.name, skip_broken=True)
            except ArgmapError:
                raise exc from None
            if not partial.map.nodes:
                raise
            if not self.prompter.ask_import_broken(_for_the_editor(str(exc))):
                return None
            return partial

    def _enable_selection_export(self, action: QAction) -> None:
        action.setEnabled(bool(self.selected_nodes()))

    # Exporting -------------------------------------------------------------------------------

    def export_map(self, format_name: str) -> bool:
        """Ask where, then write the whole map in the format (an image is drawn)."""
        fmt = get_format(format_name, for_import=False)
        chosen = self.prompter.choose_export_path(
            f"Export {fmt.label}", self._suggested(fmt), f"{file_filter([fmt])};;{ALL_FILES}"
        )
        if chosen is None:
            return False
        return self.write(with_extension(chosen[0], fmt), fmt)

    def export_selection(self) -> bool:
        """Ask where, then draw only the selected cards (PNG, SVG or PDF by the name given)."""
        node_ids = self.selected_nodes()
        if not node_ids:
            self.message.emit("Select the cards to export first")
            return False
        images = image_formats()
        chosen = self.prompter.choose_export_path(
            "Export selection as image",
            self._suggested(images[0], "-selection"),
            file_filter(images),
        )
        if chosen is None:
            return False
        path, chosen_filter = chosen
        fmt = _image_format(path, chosen_filter)
        return self.write(with_extension(path, fmt), fmt, node_ids)

    def export_png_scaled(self, scale: float) -> bool:
        """Ask where, then draw the whole map as a PNG at ``scale`` (2× or 3× the canvas)."""
        fmt = get_format("png", for_import=False)
        chosen = self.prompter.choose_export_path(
            f"Export {fmt.label} at {scale:g}×",
            self._suggested(fmt, f"@{scale:g}x"),
            f"{file_filter([fmt])};;{ALL_FILES}",
        )
        if chosen is None:
            return False
        return self.write(with_extension(chosen[0], fmt), fmt, scale=scale)

    def write(
        self,
        path: Path,
        fmt: FileFormat,
        selection: list[str] | None = None,
        scale: float | None = None,
    ) -> bool:
        """Write the map (or the selected nodes, for images) to ``path`` in ``fmt``."""
        if self.session.path is not None and _same_file(path, self.session.path):
            self.prompter.show_error(
                EXPORT_ERROR, f"{path}: that is the map's own file; choose another name"
            )
            return False
        # A copy: no writer can touch the session's map, so the unsaved mark cannot move.
        argument_map = self.session.map.model_copy(deep=True)
        try:
            if fmt.name in DRAWINGS:
                DRAWINGS[fmt.name](argument_map, path)
            elif fmt.image:
                render_map(argument_map, path, selection=selection, fmt=fmt.name, scale=scale)
            else:
                export_file(argument_map, path, fmt.name)
        except (ArgmapError, OSError) as exc:
            self.prompter.show_error(EXPORT_ERROR, str(exc))
            return False
        self.message.emit(f"Exported to {path}")
        return True

    def selected_nodes(self) -> list[str]:
        """The selected cards (selected arrows are not drawn on their own)."""
        argument_map = self.session.map
        return [i for i in self.selection.ids if argument_map.has_node(i)]

    def _suggested(self, fmt: FileFormat, tail: str = "") -> Path:
        # The name Save As would propose (the map's file, an import's name, or the title).
        base = self.document.suggested_path()
        name = base.name
        stem = name[: -len(native.SUFFIX)] if name.endswith(native.SUFFIX) else base.stem
        return base.with_name(f"{stem}{tail}{fmt.extensions[0]}")


def with_extension(path: Path, fmt: FileFormat) -> Path:
    """``path`` with the format's extension when the name has none (as Qt's default suffix)."""
    return path if path.suffix else path.with_name(path.name + fmt.extensions[0])


def _import_format(file: Path, format_name: str | None) -> FileFormat:
    # The name says the format when it can (and for .json the content is checked to be AIF);
    # the filter the file was picked under decides for names that say nothing.
    name = file.name.lower()
    if format_name and not any(name.endswith(e) for f in import_formats() for e in f.extensions):
        return get_format(format_name, for_import=True)
    return infer_format(file, for_import=True)


def _for_the_editor(message: str) -> str:
    # The readers speak to the command line; the editor asks its own question instead.
    return message.replace(" (argmap import --skip-broken)", "")


def _format_for_filter(chosen_filter: str, formats: list[FileFormat]) -> FileFormat | None:
    for fmt in formats:
        if chosen_filter == file_filter([fmt]):
            return fmt
    return None


def _image_format(path: Path, chosen_filter: str) -> FileFormat:
    # The extension typed wins; a bare name takes the filter's format; PNG otherwise.
    images = image_formats()
    for fmt in images:
        if path.suffix.lower() in fmt.extensions:
            return fmt
    return _format_for_filter(chosen_filter, images) or images[0]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
