"""A Qt quirk worked around: tabbing dock groups (at start, on View ▸ Reset Panels) can leave
spare tab bars shown where no docks are, e.g. "Inspector | Speech order" over the middle of the
window, or an old bar under a new one after a layout is restored. A tab bar in use sits right
under the dock it switches (tabs are at the bottom), and is the newest in its place; any other
tab bar of the window is hidden."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

#: Pixels of slack when matching a tab bar to the dock above it.
SLACK = 3


def hide_stray_tab_bars(window: QMainWindow) -> int:
    """Hide the window's tab bars that sit under no shown dock; how many were hidden."""
    area = window.rect()
    docks = [
        dock.geometry()
        for dock in window.findChildren(QDockWidget)
        if dock.isVisible() and not dock.isFloating() and area.intersects(dock.geometry())
    ]
    hidden = 0
    # Children come in creation order: of two bars in one place, the later is Qt's live one.
    bars = [b for b in window.findChildren(QTabBar) if b.parent() is window and not b.isHidden()]
    taken: set[tuple[int, int, int, int]] = set()
    for bar in reversed(bars):
        g = bar.geometry()
        place = (g.x(), g.y(), g.width(), g.height())
        if place in taken or not any(_under(bar.geometry(), dock) for dock in docks):
            bar.hide()
            hidden += 1
        else:
            taken.add(place)
    return hidden


def _under(bar: QRect, dock: QRect) -> bool:
    return abs(bar.top() - dock.bottom() - 1) <= SLACK and abs(bar.left() - dock.left()) <= SLACK
