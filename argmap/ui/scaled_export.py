"""File ▸ Export ▸ PNG Image at 2× and at 3×: the whole map drawn sharper than the canvas at
100%, for slides, print and high-density screens (``--scale`` on the command line)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from argmap.ui.actions import make_action
from argmap.ui.interchange import InterchangeController

SCALES = (2.0, 3.0)


def install_scaled_png(
    parent: QWidget, menu: QMenu, after: QAction, interchange: InterchangeController
) -> list[QAction]:
    """The 2× and 3× PNG actions, placed in ``menu`` right after ``after`` (the PNG one)."""
    entries = menu.actions()
    index = entries.index(after) if after in entries else len(entries) - 1
    before = entries[index + 1] if index + 1 < len(entries) else None
    made = []
    for scale in SCALES:
        action = make_action(
            parent,
            f"PNG image at &{scale:g}×…",
            (),
            f"Export the whole map as a PNG at {scale:g} times the canvas's size",
            f"export_png_{scale:g}x",
        )
        action.setProperty("help_name", f"Export PNG image at {scale:g}×")
        action.triggered.connect(lambda _checked=False, s=scale: interchange.export_png_scaled(s))
        if before is None:
            menu.addAction(action)
        else:
            menu.insertAction(before, action)
        made.append(action)
    return made
