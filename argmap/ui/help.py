"""Help: every action's keyboard shortcut, and About."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap import __version__

ABOUT_TITLE = "About argmap"
ABOUT_TEXT = (
    f"<h3>argmap {__version__}</h3>"
    "<p>Map the arguments of a text: claims, evidence and objections anchored to the exact "
    "words of the source, linked by support and attack, laid out, evaluated and exported.</p>"
    "<p>MIT licence. Built with Qt for Python (PySide6), pydantic and networkx.</p>"
)


def plain_text(action: QAction) -> str:
    """The action's text without the mnemonic ampersand or a trailing ellipsis."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…. ")


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(action, its shortcuts as the user types them) for every action that has one."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in actions:
        keys = [
            s.toString(QKeySequence.SequenceFormat.NativeText)
            for s in action.shortcuts()
            if not s.isEmpty()
        ]
        # Actions whose text changes (Undo Move node) keep a fixed name for the list.
        fixed = action.property("help_name")
        name = fixed if isinstance(fixed, str) and fixed else plain_text(action)
        if keys and name not in seen:
            seen.add(name)
            rows.append((name, ", ".join(keys)))
    return rows


def _table(rows: Sequence[tuple[str, str]], headers: tuple[str, str]) -> QTableWidget:
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    for row, (first, second) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(first))
        table.setItem(row, 1, QTableWidgetItem(second))
    table.resizeRowsToContents()
    return table


class ShortcutsDialog(QDialog):
    """Every shortcut in menu order, then the mouse gestures of the canvas."""

    def __init__(
        self,
        actions: Iterable[QAction],
        gestures: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.table = _table(
            [(keys, name) for name, keys in shortcut_rows(actions)], ("Shortcut", "Action")
        )
        self.gestures = _table(gestures, ("Gesture", "What it does"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        if gestures:
            layout.addWidget(QLabel("<b>With the mouse</b>"))
            layout.addWidget(self.gestures, 2)
        layout.addWidget(buttons)
        self.resize(640, 720)

    def rows(self) -> list[tuple[str, str]]:
        """(action, shortcuts) as listed."""
        return [(self._text(r, 1), self._text(r, 0)) for r in range(self.table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
