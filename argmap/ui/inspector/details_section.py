"""Inspector section: the user's own tags, notes and rating of a node."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from argmap.editing import SetNodeFields
from argmap.model import Node
from argmap.ui.inspector.fields import CommitLineEdit, CommitTextEdit, PercentBox
from argmap.ui.runner import CommandRunner


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, empty ones and repeats dropped, order kept."""
    return list(dict.fromkeys(tag.strip() for tag in text.split(",") if tag.strip()))


class DetailsSection(QGroupBox):
    """Tags (comma-separated), notes and a 0-100 % rating (the evaluation's base score)."""

    def __init__(self, runner: CommandRunner, parent: QWidget | None = None) -> None:
        super().__init__("Notes and rating", parent)
        self.runner = runner
        self.node_id: str | None = None
        self.tags = CommitLineEdit("tag, another tag")
        self.notes = CommitTextEdit("Your notes", lines=3)
        self.rating = PercentBox()
        self.rating.setToolTip("Your judgement of the statement on its own (its base score)")
        form = QFormLayout(self)
        form.addRow("Tags", self.tags)
        form.addRow("Notes", self.notes)
        form.addRow("Rating", self.rating)
        self.tags.committed.connect(self._set_tags)
        self.notes.committed.connect(self._set_notes)
        self.rating.committed.connect(self._set_rating)

    def show_node(self, node: Node) -> None:
        self.node_id = node.id
        self.tags.set_value(", ".join(node.tags))
        self.notes.set_value(node.notes)
        self.rating.set_value(node.rating)

    def _set_tags(self, text: str) -> None:
        if self.node_id:
            self.runner.run(SetNodeFields(self.node_id, "Set tags", tags=parse_tags(text)))

    def _set_notes(self, text: str) -> None:
        if self.node_id:
            self.runner.run(SetNodeFields(self.node_id, "Edit notes", notes=text))

    def _set_rating(self, rating: object) -> None:
        if self.node_id:
            self.runner.run(SetNodeFields(self.node_id, "Set rating", rating=rating))
