"""Inspector section: a relation's kind, scheme and notes, and what it connects."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from argmap.editing import SetRelationFields, change_relation_kind, set_scheme
from argmap.model import ArgumentMap, Relation, RelationKind
from argmap.ui.inspector.fields import ChoiceBox, CommitTextEdit
from argmap.ui.inspector.schemes import SCHEME_IDS, scheme_label
from argmap.ui.plain import plain_label
from argmap.ui.runner import CommandRunner

_KIND_LABELS = {RelationKind.SUPPORT: "Supports", RelationKind.ATTACK: "Attacks"}


def describe_ends(argument_map: ArgumentMap, relation: Relation, limit: int = 50) -> str:
    """The premises, one a line, then the target, each shortened."""

    def short(item_id: str) -> str:
        if argument_map.has_node(item_id):
            text = " ".join(argument_map.node(item_id).text.split()) or item_id
            return text if len(text) <= limit else text[: limit - 1] + "…"
        return f"the inference {item_id}"

    premises = "\n".join(f"• {short(p)}" for p in relation.premises)
    return f"{premises}\n→ {short(relation.target)}"


class RelationSection(QGroupBox):
    """Kind (support or attack), scheme and notes of the shown relation."""

    def __init__(self, runner: CommandRunner, parent: QWidget | None = None) -> None:
        super().__init__("Relation", parent)
        self.runner = runner
        self.relation_id: str | None = None
        self.ends = QLabel()
        self.ends.setWordWrap(True)
        plain_label(self.ends)
        self.kind = ChoiceBox([(label, kind) for kind, label in _KIND_LABELS.items()])
        self.scheme = ChoiceBox([("— none —", None)] + [(scheme_label(s), s) for s in SCHEME_IDS])
        self.notes = CommitTextEdit("Your notes", lines=3)
        form = QFormLayout(self)
        form.addRow("From", self.ends)
        form.addRow("Kind", self.kind)
        form.addRow("Scheme", self.scheme)
        form.addRow("Notes", self.notes)
        self.kind.chosen.connect(self._set_kind)
        self.scheme.chosen.connect(self._set_scheme)
        self.notes.committed.connect(self._set_notes)

    def show_relation(self, relation: Relation, argument_map: ArgumentMap) -> None:
        self.relation_id = relation.id
        self.ends.setText(describe_ends(argument_map, relation))
        self.kind.set_value(relation.kind)
        # An undercut attacks an inference; it cannot become a support.
        self.kind.setEnabled(not argument_map.is_undercut(relation))
        if relation.scheme and self.scheme.index_of(relation.scheme) < 0:
            self.scheme.add_choice(relation.scheme, relation.scheme)  # from a newer catalogue
        self.scheme.set_value(relation.scheme)
        self.notes.set_value(relation.notes)

    def _set_kind(self, kind: object) -> None:
        if self.relation_id and isinstance(kind, RelationKind):
            self.runner.run(change_relation_kind(self.relation_id, kind.value))

    def _set_scheme(self, scheme: object) -> None:
        if self.relation_id:
            self.runner.run(
                set_scheme(self.relation_id, scheme if isinstance(scheme, str) else None)
            )

    def _set_notes(self, text: str) -> None:
        if self.relation_id:
            self.runner.run(SetRelationFields(self.relation_id, "Edit relation notes", notes=text))
