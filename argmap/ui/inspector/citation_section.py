"""Inspector section: where a piece of evidence comes from (its citation)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from argmap.editing import SetNodeFields
from argmap.model import Citation, Node
from argmap.ui.inspector.fields import CommitLineEdit
from argmap.ui.runner import CommandRunner

#: Citation fields in the order shown, with their labels.
FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "Title"),
    ("author", "Author"),
    ("publisher", "Publisher"),
    ("date", "Date"),
    ("url", "URL"),
    ("page", "Page"),
)


class CitationSection(QGroupBox):
    """Title, author, publisher, date, URL and page; all empty means no citation."""

    def __init__(self, runner: CommandRunner, parent: QWidget | None = None) -> None:
        super().__init__("Citation", parent)
        self.runner = runner
        self.node_id: str | None = None
        self.fields: dict[str, CommitLineEdit] = {}
        form = QFormLayout(self)
        for name, label in FIELDS:
            field = CommitLineEdit("YYYY-MM-DD" if name == "date" else "")
            field.committed.connect(self._commit)
            self.fields[name] = field
            form.addRow(label, field)

    def show_node(self, node: Node) -> None:
        self.node_id = node.id
        citation = node.citation or Citation()
        for name, field in self.fields.items():
            field.set_value(getattr(citation, name) or "")

    def citation(self) -> Citation | None:
        """The citation the fields show (None when they are all empty)."""
        values = {name: field.text().strip() for name, field in self.fields.items()}
        citation = Citation(
            title=values["title"], **{k: v or None for k, v in values.items() if k != "title"}
        )
        return None if citation.is_empty() else citation

    def _commit(self, _text: str) -> None:
        if self.node_id:
            self.runner.run(SetNodeFields(self.node_id, "Edit citation", citation=self.citation()))
