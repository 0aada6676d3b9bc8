"""A one-column tree whose long entries wrap onto several lines instead of being cut off.

QTreeView draws wrapped text when ``wordWrap`` is on, but sizes its rows for one line; the
delegate here measures each entry at the width it will be drawn in, and the tree lays its rows
out again when that width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QWidget,
)


class _WrapDelegate(QStyledItemDelegate):
    def __init__(self, tree: WrappingTree) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        bounds = QRect(0, 0, max(self.tree.text_width(index), 40), 100_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = QFontMetrics(styled.font).boundingRect(bounds, flags, styled.text).height()
        return QSize(hint.width(), max(hint.height(), height + 4))


class WrappingTree(QTreeWidget):
    """A QTreeWidget with word-wrapped, fully shown entries; the last column takes the width.

    Without ``headers`` it has one column and no header; with them, a header and one column
    per label (the first ones keep the widths set on them).
    """

    def __init__(self, headers: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if headers:
            self.setHeaderLabels(headers)
        else:
            self.setHeaderHidden(True)
        self.header().setStretchLastSection(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_WrapDelegate(self))
        self.header().sectionResized.connect(lambda *_sizes: self.scheduleDelayedItemsLayout())

    def text_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """The width the entry's text is drawn in: its column less indent and text margins."""
        indent = 0
        if index.column() == 0:
            depth = 0
            parent = index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            indent = self.indentation() * (depth + (1 if self.rootIsDecorated() else 0))
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        return self.header().sectionSize(index.column()) - indent - 2 * margin

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # rows change height with the width
