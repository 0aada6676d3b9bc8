"""Inspector section: what a node is and says (kind, text, evidence type)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from argmap.editing import SetNodeFields, change_kind, edit_text
from argmap.model import EvidenceType, Node, NodeKind
from argmap.ui.inspector.fields import ChoiceBox, CommitTextEdit
from argmap.ui.runner import CommandRunner
from argmap.ui.theme import KIND_LABELS

_NO_TYPE = "—"


def evidence_type_label(value: EvidenceType) -> str:
    return value.value.replace("_", " ").capitalize()


class NodeSection(QGroupBox):
    """Kind, text and evidence type of the shown node; each change one command."""

    def __init__(self, runner: CommandRunner, parent: QWidget | None = None) -> None:
        super().__init__("Statement", parent)
        self.runner = runner
        self.node_id: str | None = None
        self.kind = ChoiceBox([(KIND_LABELS[kind], kind) for kind in NodeKind])
        self.text = CommitTextEdit("What the statement says", lines=4)
        self.evidence_type = ChoiceBox(
            [(_NO_TYPE, None)] + [(evidence_type_label(t), t) for t in EvidenceType]
        )
        form = QFormLayout(self)
        form.addRow("Kind", self.kind)
        form.addRow("Text", self.text)
        form.addRow("Evidence type", self.evidence_type)
        self.kind.chosen.connect(self._set_kind)
        self.text.committed.connect(self._set_text)
        self.evidence_type.chosen.connect(self._set_evidence_type)

    def show_node(self, node: Node) -> None:
        self.node_id = node.id
        self.kind.set_value(node.kind)
        self.text.set_value(node.text)
        self.evidence_type.set_value(node.evidence_type)

    def _set_kind(self, kind: object) -> None:
        if self.node_id and isinstance(kind, NodeKind):
            self.runner.run(change_kind(self.node_id, kind.value))

    def _set_text(self, text: str) -> None:
        if self.node_id:
            self.runner.run(edit_text(self.node_id, text.strip()))

    def _set_evidence_type(self, value: object) -> None:
        if self.node_id:
            self.runner.run(SetNodeFields(self.node_id, "Set evidence type", evidence_type=value))
