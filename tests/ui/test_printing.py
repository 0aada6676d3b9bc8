"""File ▸ Print…: Qt's print preview of the map, one page with its title."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from pytestqt.qtbot import QtBot

from argmap.ui.main_window import MainWindow
from argmap.ui.printing import new_printer, paint_map


def test_print_is_in_the_file_menu_with_ctrl_p(window: MainWindow) -> None:
    action = window.printing.action
    assert action in window.menus["file"].actions()
    assert action.shortcut() == QKeySequence("Ctrl+P")
    assert action in window.all_actions()


def test_the_preview_asks_for_pages_and_gets_the_map(
    window: MainWindow, qtbot: QtBot, monkeypatch: object
) -> None:
    painted: list[QPrinter] = []
    dialog = window.printing.preview(show=False)
    assert isinstance(dialog, QPrintPreviewDialog)
    assert "Small boats" in dialog.windowTitle()
    dialog.paintRequested.connect(painted.append)
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted))
    dialog.close()


def test_the_map_prints_on_one_page_with_its_title(window: MainWindow, tmp_path: Path) -> None:
    printer = new_printer(window.session.map)
    assert printer.docName() == "Small boats"
    out = tmp_path / "printed.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    paint_map(printer, window.session.map)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert (
        data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page\n")
        >= 1
    )
    assert len(data) > 5000  # the cards were drawn, not an empty page
