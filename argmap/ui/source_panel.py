"""The source panel: the text being mapped, its anchored words highlighted, nodes made from it.

Select words, then make a claim, evidence or objection anchored to exactly those words. Click a
highlight to select its node; select a node anywhere and the text scrolls to its quote.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from argmap.editing import Change, ChangeKind, EditSession, node_from_selection
from argmap.model import ArgmapError, Node, NodeKind, Point
from argmap.ui.bridge import SessionBridge
from argmap.ui.placement import DEFAULT_SIZE, free_position, model_boxes
from argmap.ui.plain import plain_tooltip
from argmap.ui.roles import role_label
from argmap.ui.runner import CommandRunner
from argmap.ui.selection import SelectionModel
from argmap.ui.selection_answer import answering
from argmap.ui.source_highlight import AnchorSpan, span_selections, spans_at, spans_in
from argmap.ui.source_text import SourceTextView
from argmap.ui.text_positions import TextPositions
from argmap.ui.text_reflow import reflow

#: Gives the centre for a new node (not yet in the map), beside the node id given if any.
Placer = Callable[[Node, str | None], Point]

_NO_SOURCE_HINT = "No source text. Use File ▸ New from text… to map a document."
_REPAINT_FIELDS = frozenset({"anchors", "kind"})
#: Relations too: an attack on an objection makes its premise a rebuttal (another tint).
_REPAINT_KINDS = frozenset(
    {ChangeKind.NODE_ADDED, ChangeKind.NODE_REMOVED, ChangeKind.RELATION_ADDED}
    | {ChangeKind.RELATION_REMOVED, ChangeKind.RELATION_CHANGED}
)


class SourcePanel(QWidget):
    """A source selector above the read-only text of the chosen source."""

    #: str: a node whose highlight was clicked (the map should show it)
    node_clicked = Signal(str)
    #: str: a node just made from selected words
    node_created = Signal(str)
    #: bool: whether some words are selected (the make-a-node actions follow it)
    selection_available = Signal(bool)

    def __init__(
        self,
        session: EditSession,
        bridge: SessionBridge,
        selection: SelectionModel,
        runner: CommandRunner,
        placer: Placer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        #: Where a node made from the text goes (the window passes one that knows the cards).
        self.placer: Placer = placer or self._place_by_model
        self.selection = selection
        self.runner = runner
        self._menu_actions: list[QAction] = []
        self._spans: list[AnchorSpan] = []
        self._base: list[QTextEdit.ExtraSelection] = []
        self._positions = TextPositions("")
        #: Shows hard-wrapped texts as running prose (offsets unchanged); a View setting.
        self.reflow_action = QAction("&Join Wrapped Lines of the Text", self, checkable=True)
        self.reflow_action.setChecked(True)
        self.reflow_action.setStatusTip(
            "Show the source's wrapped lines as running sentences; the text itself is unchanged"
        )
        self.reflow_action.toggled.connect(self._reflow_toggled)
        self.source_combo = QComboBox()
        self.source_combo.setToolTip("The source shown below")
        self.text_view = SourceTextView()
        self.hint = QLabel(_NO_SOURCE_HINT)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.source_combo)
        layout.addWidget(self.hint)
        layout.addWidget(self.text_view, 1)
        self.source_combo.currentIndexChanged.connect(self._show_current_source)
        self.text_view.clicked.connect(self._on_click)
        self.text_view.hovered.connect(self._on_hover)
        self.text_view.menu_requested.connect(self._add_menu_actions)
        self.text_view.copyAvailable.connect(self.selection_available)
        bridge.changed.connect(self._on_changes)
        selection.changed.connect(self._on_selection)
        self._load_sources()

    # What is shown -------------------------------------------------------------------------

    @property
    def current_source_id(self) -> str | None:
        value = self.source_combo.currentData()
        return value if isinstance(value, str) else None

    def use_actions(self, actions: Mapping[NodeKind, QAction]) -> None:
        """Make-a-node actions: each makes its kind from the selected words, is enabled only
        while words are selected, and is offered in the text's context menu."""
        self._menu_actions = list(actions.values())
        for kind, action in actions.items():
            action.triggered.connect(lambda _checked=False, k=kind: self.create_from_selection(k))
            action.setEnabled(self.selected_span() is not None)
            self.selection_available.connect(action.setEnabled)

    def show_source(self, source_id: str) -> None:
        index = self.source_combo.findData(source_id)
        if index >= 0:
            self.source_combo.setCurrentIndex(index)

    def _load_sources(self) -> None:
        sources = self.session.map.sources
        self.source_combo.blockSignals(True)
        previous = self.current_source_id
        self.source_combo.clear()
        for source in sources:
            self.source_combo.addItem(source.title or source.id, source.id)
            details = ", ".join(filter(None, (source.publisher, source.date, source.url)))
            self.source_combo.setItemData(
                self.source_combo.count() - 1, details, Qt.ItemDataRole.ToolTipRole
            )
        index = self.source_combo.findData(previous) if previous else -1
        self.source_combo.setCurrentIndex(max(index, 0) if sources else -1)
        self.source_combo.blockSignals(False)
        self.source_combo.setVisible(bool(sources))
        self.hint.setVisible(not sources)
        self.text_view.setVisible(bool(sources))
        self._show_current_source()

    def _show_current_source(self) -> None:
        source_id = self.current_source_id
        text = self.session.map.source(source_id).text if source_id else ""
        self._positions = TextPositions(text)
        # One character for one: anchors, selections and highlights keep their offsets.
        self.text_view.setPlainText(reflow(text) if self.reflow_action.isChecked() else text)
        self._repaint()

    def _reflow_toggled(self, _on: bool) -> None:
        """Show the text joined or as wrapped, keeping the selection and about the same place."""
        cursor = self.text_view.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        scroll = self.text_view.verticalScrollBar()
        share = scroll.value() / scroll.maximum() if scroll.maximum() else 0.0
        self._show_current_source()
        cursor = self.text_view.textCursor()
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.text_view.setTextCursor(cursor)
        scroll.setValue(round(share * scroll.maximum()))

    def _repaint(self) -> None:
        """Rebuild the highlights after the anchors changed."""
        source_id = self.current_source_id
        self._spans = spans_in(self.session.map, source_id) if source_id else []
        document = self.text_view.document()
        self._base = span_selections(document, self._spans, self._positions, selected=False)
        self._paint_selected()

    def _paint_selected(self) -> None:
        """Lay the selected nodes' stronger highlights over the others."""
        chosen_ids = set(self.selection.ids)
        chosen = [span for span in self._spans if span.node_id in chosen_ids]
        document = self.text_view.document()
        strong = span_selections(document, chosen, self._positions, selected=True)
        self.text_view.setExtraSelections(self._base + strong)

    # Following the session and the selection ---------------------------------------------

    def _on_changes(self, changes: list[Change]) -> None:
        kinds = {change.kind for change in changes}
        if ChangeKind.MAP_REPLACED in kinds or any(
            change.kind == ChangeKind.MAP_CHANGED and "sources" in change.fields
            for change in changes
        ):
            self._load_sources()
        elif kinds & _REPAINT_KINDS or any(
            change.kind == ChangeKind.NODE_CHANGED and _REPAINT_FIELDS & set(change.fields)
            for change in changes
        ):
            self._repaint()

    def _on_selection(self, ids: list[str]) -> None:
        self._paint_selected()
        if ids:
            self.scroll_to_node(ids[0])

    def scroll_to_node(self, node_id: str, anchor_index: int = 0) -> bool:
        """Show the source of the node's anchor and scroll its quote into view."""
        argument_map = self.session.map
        if not argument_map.has_node(node_id):
            return False
        anchors = argument_map.node(node_id).anchors
        if not 0 <= anchor_index < len(anchors):
            return False
        anchor = anchors[anchor_index]
        if anchor.source_id != self.current_source_id:
            self.show_source(anchor.source_id)
        self.text_view.scroll_to(self._positions.to_qt(anchor.start))
        return True

    # Gestures ------------------------------------------------------------------------------

    def _on_click(self, position: int) -> None:
        hits = spans_at(self._spans, self._positions.to_offset(position))
        if hits:
            self.selection.set([hits[0].node_id])
            self.node_clicked.emit(hits[0].node_id)

    def _on_hover(self, position: int, global_point: QPoint) -> None:
        hits = spans_at(self._spans, self._positions.to_offset(position))
        if not hits:
            QToolTip.hideText()
            return
        argument_map = self.session.map
        lines = [
            f"{role_label(hit.kind, hit.rebuttal)}: {argument_map.node(hit.node_id).text}"
            for hit in hits
            if argument_map.has_node(hit.node_id)
        ]
        # Plain: the words a node holds are never markup (an <img> stays letters).
        QToolTip.showText(global_point, plain_tooltip("\n".join(lines)), self.text_view)

    def _add_menu_actions(self, menu: QMenu) -> None:
        if not self._menu_actions:
            return
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, self._menu_actions)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]

    def _place_by_model(self, node: Node, near: str | None) -> Point:
        return free_position(model_boxes(self.session.map), DEFAULT_SIZE, near)

    def select_range(self, start: int, end: int) -> None:
        """Select the words ``[start, end)`` of the shown source (offsets, as anchors use)."""
        cursor = self.text_view.textCursor()
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text_view.setTextCursor(cursor)

    def selected_span(self) -> tuple[str, int, int] | None:
        """The selected words as (source id, start, end) offsets, or None."""
        cursor = self.text_view.textCursor()
        source_id = self.current_source_id
        if source_id is None or not cursor.hasSelection():
            return None
        start = self._positions.to_offset(cursor.selectionStart())
        end = self._positions.to_offset(cursor.selectionEnd())
        return source_id, start, end

    def create_from_selection(self, kind: NodeKind) -> str | None:
        """Make a node of ``kind`` anchored to the selected words; its id, or None."""
        span = self.selected_span()
        if span is None:
            self.runner.failed.emit("Select some words of the source first")
            return None
        argument_map = self.session.map
        try:
            command = node_from_selection(argument_map, *span, kind=kind)
        except ArgmapError as exc:
            self.runner.failed.emit(str(exc))
            return None
        target = self.selection.current
        command.position = self.placer(command.node, target)
        if not self.runner.run(answering(argument_map, command, target)):
            return None
        self.selection.set([command.node.id])
        self.node_created.emit(command.node.id)
        return command.node.id
