"""Help > Keyboard Shortcuts against a list written by hand, not by the dialog's own function.

The expectation below was typed from the README and the menus; if the dialog drops, renames or
garbles a shortcut (Shift ones especially), this goes red.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QTableWidget

from argmap.ui.help import ShortcutsDialog
from argmap.ui.main_window import MainWindow

#: (what the user reads in the Action column, what they read in the Shortcut column)
WITH_SHIFT = {
    ("Save As", "Ctrl+Shift+S"),
    ("Export PNG image", "Ctrl+Shift+E"),
    ("Redo", "Ctrl+Shift+Z, Ctrl+Y"),
    ("Add Objection", "Ctrl+Shift+Return"),
    ("Zoom to Fit", "Ctrl+Shift+F"),
    ("Lay Out Selection", "Ctrl+Shift+L"),
    ("Pin in Place", "Ctrl+Shift+P"),
    ("Collapse", "Ctrl+Shift+C"),
}
WITHOUT_SHIFT = {
    ("Open", "Ctrl+O"),
    ("Save", "Ctrl+S"),
    ("Undo", "Ctrl+Z"),
    ("Add Supporting Reason", "Ctrl+Return, Ins"),
    ("Link To", "Ctrl+L"),
    ("Keyboard Shortcuts", "F1"),
    ("New Objection from Selected Words", "Ctrl+Alt+3"),
}


def _open_from_the_help_menu(window: MainWindow) -> ShortcutsDialog:
    help_menu = window.menus["help"]
    entry = next(
        a for a in help_menu.actions() if a.text().replace("&", "") == "Keyboard Shortcuts"
    )
    entry.trigger()
    QApplication.processEvents()
    dialogs = [w for w in window.findChildren(ShortcutsDialog) if w.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def _table_rows(dialog: ShortcutsDialog) -> set[tuple[str, str]]:
    """What the table shows, read cell by cell: (action, shortcut)."""
    table = dialog.findChildren(QTableWidget)[0]
    assert table.horizontalHeaderItem(0).text() == "Shortcut"
    cells = [
        (table.item(row, 1).text(), table.item(row, 0).text()) for row in range(table.rowCount())
    ]
    assert len(cells) == len(set(cells))
    return set(cells)


def test_help_lists_the_shift_shortcuts_and_the_others_as_typed(window: MainWindow) -> None:
    rows = _table_rows(_open_from_the_help_menu(window))
    assert rows >= WITH_SHIFT, sorted(WITH_SHIFT - rows)
    assert rows >= WITHOUT_SHIFT, sorted(WITHOUT_SHIFT - rows)


def test_every_shift_shortcut_of_any_action_is_listed(window: MainWindow) -> None:
    rows = _table_rows(_open_from_the_help_menu(window))
    listed = {key for _, keys in rows for key in keys.split(", ")}
    with_shift = {
        sequence.toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.findChildren(QAction)
        for sequence in action.shortcuts()
        if "Shift+" in sequence.toString(QKeySequence.SequenceFormat.PortableText)
    }
    assert {
        key for _, keys in WITH_SHIFT for key in keys.split(", ") if "Shift" in key
    } <= with_shift
    assert with_shift <= listed, sorted(with_shift - listed)
