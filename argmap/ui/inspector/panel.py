"""The inspector: every field of the selected node or relation, each change one command.

Sections are separate widgets (one file each). Below them is a slot for sections added later
(the evaluation's explanation, the scheme's critical questions): ``add_section(widget)``;
``subject_changed`` tells them which node or relation is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QStyle, QVBoxLayout, QWidget

from argmap.analysis.quote import shorten
from argmap.editing import Change, ChangeKind
from argmap.ui.bridge import SessionBridge
from argmap.ui.inspector.anchors_section import AnchorsSection, SpanProvider
from argmap.ui.inspector.citation_section import CitationSection
from argmap.ui.inspector.details_section import DetailsSection
from argmap.ui.inspector.fields import CommitLineEdit, CommitTextEdit, PercentBox
from argmap.ui.inspector.node_section import NodeSection
from argmap.ui.inspector.relation_section import RelationSection
from argmap.ui.plain import bold_then_plain
from argmap.ui.roles import REBUTTAL_MEANING, node_role_label
from argmap.ui.runner import CommandRunner
from argmap.ui.selection import SelectionModel
from argmap.ui.theme import REBUTTAL_LABEL, RELATION_LABELS

_EMPTY = "Select a node or a relation to see and edit its details."
_REFRESH_KINDS = frozenset(
    {ChangeKind.NODE_CHANGED, ChangeKind.RELATION_CHANGED, ChangeKind.NODE_REMOVED}
    | {ChangeKind.RELATION_REMOVED, ChangeKind.NODE_ADDED, ChangeKind.RELATION_ADDED}
)


class InspectorPanel(QScrollArea):
    """Shows the current selection (the first selected id)."""

    #: object: the node or relation id now shown, or None
    subject_changed = Signal(object)

    def __init__(
        self,
        bridge: SessionBridge,
        selection: SelectionModel,
        runner: CommandRunner,
        span_provider: SpanProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = bridge.session
        self.selection = selection
        self.subject: str | None = None
        self.heading = QLabel(_EMPTY)
        self.heading.setWordWrap(True)
        self.node_section = NodeSection(runner)
        self.citation_section = CitationSection(runner)
        self.anchors_section = AnchorsSection(runner, span_provider)
        self.details_section = DetailsSection(runner)
        self.relation_section = RelationSection(runner)
        #: Where later sections (evaluation, critical questions) go, below the built-in ones.
        self.extension_slot = QVBoxLayout()
        self.extension_slot.setContentsMargins(0, 0, 0, 0)
        self._build()
        self._committing = False
        bridge.changed.connect(self._on_changes)
        selection.changed.connect(self._on_selection)
        self.refresh()

    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        for section in self._node_sections():
            layout.addWidget(section)
        layout.addWidget(self.relation_section)
        layout.addLayout(self.extension_slot)
        layout.addStretch(1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _node_sections(self) -> list[QWidget]:
        return [
            self.node_section,
            self.anchors_section,
            self.citation_section,
            self.details_section,
        ]

    def commit_pending(self) -> None:
        """Commit the field being edited (before a save or a close, which move no focus)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            focus.clearFocus()  # the field commits on losing focus
            focus.setFocus()

    def commit_fields(self) -> None:
        """Commit every field whose text differs from the shown subject's, to that subject.

        Runs before the panel shows another selection, so an edit typed here is never lost
        nor given to the next node, however the selection moved (a click elsewhere, a panel
        that takes no focus, a command).
        """
        self._committing = True
        try:
            for field in self.findChildren(CommitTextEdit) + self.findChildren(CommitLineEdit):
                field.commit()
            for box in self.findChildren(PercentBox):
                box.commit()
        finally:
            self._committing = False

    def _on_selection(self, _ids: object) -> None:
        if self.selection.current != self.subject:
            self.commit_fields()
        self.refresh()

    def add_section(self, widget: QWidget) -> None:
        """Add a section below the built-in ones (it follows ``subject_changed`` itself)."""
        self.extension_slot.addWidget(widget)

    def _on_changes(self, changes: list[Change]) -> None:
        if self._committing:
            return  # the panel refreshes once every pending field is committed
        # Any node or relation edit may show here: a relation's description quotes its nodes.
        if any(c.kind == ChangeKind.MAP_REPLACED for c in changes) or (
            self.subject and any(c.kind in _REFRESH_KINDS for c in changes)
        ):
            self.refresh()

    def refresh(self) -> None:
        """Show the current selection again, as the map now has it."""
        argument_map = self.session.map
        current = self.selection.current
        if current and argument_map.has_node(current):
            node = argument_map.node(current)
            role = node_role_label(argument_map, node)
            self.heading.setText(bold_then_plain(role, shorten(node.text, 60)))
            self.heading.setToolTip(REBUTTAL_MEANING if role == REBUTTAL_LABEL else "")
            self.node_section.show_node(node)
            self.anchors_section.show_node(node, argument_map)
            self.citation_section.show_node(node)
            self.details_section.show_node(node)
            self._show(nodes=True)
        elif current and argument_map.has_relation(current):
            relation = argument_map.relation(current)
            kind = "Undercut" if argument_map.is_undercut(relation) else "Relation"
            self.heading.setText(bold_then_plain(kind, RELATION_LABELS[relation.kind].lower()))
            self.relation_section.show_relation(relation, argument_map)
            self._show(relation=True)
        else:
            current = None
            self.heading.setText(_EMPTY)
            self._show()
        if current != self.subject:
            self.subject = current
            self.subject_changed.emit(current)

    def _show(self, nodes: bool = False, relation: bool = False) -> None:
        for section in self._node_sections():
            section.setVisible(nodes)
        self.relation_section.setVisible(relation)
        self.updateGeometry()  # the sections shown decide how narrow the panel may be

    def minimumSizeHint(self) -> QSize:
        """Never narrower than the fields plus the scrollbar: nothing is cut off on the right."""
        hint = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return hint
        style = self.style()
        bar = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = body.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(max(hint.width(), width), hint.height())
