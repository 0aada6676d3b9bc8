"""The window's actions, defined once, each with its shortcut; menus and panels share them."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from argmap.io.formats import export_formats

#: Keys of the exports used most: the brief for the room, a picture of the map.
EXPORT_SHORTCUTS = {"markdown": ("Ctrl+E",), "png": ("Ctrl+Shift+E",)}


def make_action(
    parent: QObject,
    text: str,
    shortcuts: tuple[str, ...] = (),
    tip: str = "",
    name: str = "",
) -> QAction:
    """An action with its shortcuts, status tip and object name (for tests and settings)."""
    action = QAction(text, parent)
    # Spelled out rather than StandardKey: those add media keys ("New", "Open") on Linux.
    action.setShortcuts([QKeySequence(shortcut) for shortcut in shortcuts])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.setObjectName(name or text)
    action.setProperty("help_name", text.replace("&", "").rstrip("…"))
    return action


class AppActions:
    """File, edit, make-a-node-from-text and help actions of one main window."""

    def __init__(self, parent: QObject) -> None:
        a = make_action
        self.new_from_text = a(
            parent,
            "&New from Text…",
            ("Ctrl+N",),
            "Start a map over a text or Markdown file",
            "new_from_text",
        )
        self.open = a(parent, "&Open…", ("Ctrl+O",), "Open a map", "open")
        self.save = a(parent, "&Save", ("Ctrl+S",), "Save the map", "save")
        self.save_as = a(
            parent, "Save &As…", ("Ctrl+Shift+S",), "Save the map to another file", "save_as"
        )
        self.import_map = a(
            parent,
            "&Import…",
            ("Ctrl+I",),
            "Open a map made elsewhere (AIF/OVA JSON, Argdown, GraphML) as a new untitled map",
            "import",
        )
        #: one action per export format, by format name, in the registry's order
        self.exports = {
            fmt.name: _export_action(parent, fmt.name, fmt.label) for fmt in export_formats()
        }
        self.export_selection = a(
            parent,
            "&Selection as Image…",
            (),
            "Draw only the selected cards as a PNG, SVG or PDF",
            "export_selection",
        )
        self.export_selection.setProperty("help_name", "Export Selection as Image")
        self.close = a(parent, "&Close", ("Ctrl+W",), "Close the map", "close")
        self.quit = a(parent, "&Quit", ("Ctrl+Q",), "Quit argmap", "quit")
        self.undo = a(parent, "&Undo", ("Ctrl+Z",), "Undo the last edit", "undo")
        self.redo = a(parent, "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo the edit undone", "redo")
        self.claim_from_text = a(
            parent,
            "New &Claim from Selected Words",
            ("Ctrl+Alt+1",),
            "Make a claim anchored to the words selected in the source",
            "claim_from_text",
        )
        self.evidence_from_text = a(
            parent,
            "New &Evidence from Selected Words",
            ("Ctrl+Alt+2",),
            "Make evidence from the selected words; it supports the selected card",
            "evidence_from_text",
        )
        self.objection_from_text = a(
            parent,
            "New &Objection from Selected Words",
            ("Ctrl+Alt+3",),
            "Make an objection from the selected words; it attacks the selected card",
            "objection_from_text",
        )
        self.shortcuts = a(
            parent, "&Keyboard Shortcuts", ("F1",), "List every keyboard shortcut", "shortcuts"
        )
        self.about = a(parent, "&About argmap", (), "About argmap", "about")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def file_actions(self) -> list[QAction]:
        return [
            self.new_from_text,
            self.open,
            self.save,
            self.save_as,
            self.import_map,
            *self.export_actions(),
            self.close,
            self.quit,
        ]

    def export_actions(self) -> list[QAction]:
        """The export menu's actions: one per format, then the selection as an image."""
        return [*self.exports.values(), self.export_selection]

    def from_text_actions(self) -> list[QAction]:
        return [self.claim_from_text, self.evidence_from_text, self.objection_from_text]

    def all(self) -> list[QAction]:
        """Every action, in menu order."""
        return [
            *self.file_actions(),
            self.undo,
            self.redo,
            *self.from_text_actions(),
            self.shortcuts,
            self.about,
        ]


def _export_action(parent: QObject, name: str, label: str) -> QAction:
    action = make_action(
        parent,
        f"{label}…",
        EXPORT_SHORTCUTS.get(name, ()),
        f"Export the whole map as {label}",
        f"export_{name}",
    )
    action.setProperty("help_name", f"Export {label}")
    return action
