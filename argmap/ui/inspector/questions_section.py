"""Inspector section: the critical questions of a relation's scheme, and what became of each.

A question is open, answered by a node, or dismissed with a note. "Raise as objection" turns an
open question into a placeholder counterargument attacking what the question is about (or,
"as undercut", the inference itself) and records that node as the question's answer — all as
one undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis.quote import quote
from argmap.analysis.schemes import (
    QuestionView,
    critical_questions,
    placeholder_for_question,
    scheme,
    with_question_state,
)
from argmap.editing import AddNode, AddRelation, CompositeCommand, SetRelationFields
from argmap.model import ArgmapError, CriticalQuestionState, QuestionStatus, Relation
from argmap.ui.bridge import SessionBridge
from argmap.ui.plain import bold_then_plain, plain_tooltip
from argmap.ui.runner import CommandRunner
from argmap.ui.wrapping_tree import WrappingTree

_QUESTION = Qt.ItemDataRole.UserRole
_MARKS = {
    QuestionStatus.OPEN: "open",
    QuestionStatus.ANSWERED: "answered",
    QuestionStatus.DISMISSED: "dismissed",
}


class QuestionsSection(QGroupBox):
    """Follows the inspector's subject; acts only through commands."""

    def __init__(
        self, bridge: SessionBridge, runner: CommandRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__("Critical questions", parent)
        self.bridge, self.runner = bridge, runner
        self.subject: str | None = None
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.tree = WrappingTree(["State", "Question"])  # questions shown whole, wrapped
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 80)
        self.tree.setMinimumHeight(230)  # room for a scheme's 4-6 questions, wrapped
        self.tree.currentItemChanged.connect(lambda *_items: self._update_buttons())
        self.answer = QComboBox()
        # Sized by the panel, not by the longest statement in the map.
        self.answer.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.answer.setMinimumContentsLength(12)
        self.answer.setToolTip("The statement in the map that answers the question")
        self.mark_answered = QPushButton("Answered by")
        self.note = QLineEdit()
        self.note.setPlaceholderText("Why it does not apply (for Dismiss)")
        self.dismiss = QPushButton("Dismiss")
        self.reopen = QPushButton("Reopen")
        self.raise_attack = QPushButton("Add objection")
        self.raise_attack.setToolTip(
            "Add a placeholder counterargument for this question, attacking what it is about"
        )
        self.raise_undercut = QPushButton("Add undercut")
        self.raise_undercut.setToolTip(
            "Add a placeholder counterargument for this question, attacking the inference"
        )
        self.mark_answered.clicked.connect(self.answer_question)
        self.answer.currentIndexChanged.connect(lambda _index: self._update_buttons())
        self.raise_attack.clicked.connect(lambda: self.raise_question(as_undercut=False))
        self.raise_undercut.clicked.connect(lambda: self.raise_question(as_undercut=True))
        self.dismiss.clicked.connect(self.dismiss_question)
        self.reopen.clicked.connect(self.reopen_question)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.tree)
        layout.addLayout(_row(self.mark_answered, self.answer, stretch=1))
        layout.addLayout(_row(self.dismiss, self.note, stretch=1))
        layout.addLayout(_row(self.raise_attack, self.raise_undercut, self.reopen))
        bridge.changed.connect(lambda _changes: self.refresh())
        self.hide()

    def show_subject(self, subject: str | None) -> None:
        self.subject = subject
        self.refresh()

    def relation(self) -> Relation | None:
        m = self.bridge.session.map
        if self.subject is None or not m.has_relation(self.subject):
            return None
        relation = m.relation(self.subject)
        return relation if relation.scheme else None

    def refresh(self) -> None:
        relation = self.relation()
        if relation is None or relation.scheme is None:
            self.hide()
            return
        try:
            found = scheme(relation.scheme)
            views = critical_questions(relation)
        except ArgmapError:
            self.hide()
            return
        self.about.setText(bold_then_plain(found.name, found.description, ": "))
        selected = self.current_question_id()
        self.tree.clear()
        argument_map = self.bridge.session.map
        for view in views:
            state = _MARKS[view.status]
            answer = (
                argument_map.node(view.answered_by)
                if view.answered_by and argument_map.has_node(view.answered_by)
                else None
            )
            if answer is not None:
                state += f" by {quote(answer, 40)}"
            if view.note:
                state += f" ({view.note})"
            item = QTreeWidgetItem([state, view.question.text])
            item.setToolTip(1, plain_tooltip(view.question.text))
            if answer is not None:
                item.setToolTip(0, plain_tooltip(f"Answered by: {answer.text}"))
            elif view.note:
                item.setToolTip(0, plain_tooltip(f"Dismissed: {view.note}"))
            item.setData(0, _QUESTION, view.question.id)
            self.tree.addTopLevelItem(item)
            if view.question.id == selected:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self._fill_answers(relation)
        self._update_buttons()
        self.show()

    def _fill_answers(self, relation: Relation) -> None:
        """Every statement but the relation's own ends may answer one of its questions."""
        chosen = self.answer.currentData()
        ends = {*relation.premises, relation.target}
        self.answer.clear()
        self.answer.addItem("— choose the statement —", None)
        for node in self.bridge.session.map.nodes:
            if node.id not in ends:
                self.answer.addItem(_short(node.text) or "(empty)", node.id)
        index = self.answer.findData(chosen)
        self.answer.setCurrentIndex(max(index, 0))

    def _update_buttons(self) -> None:
        """Raising and answering are for open questions; reopening for the others."""
        relation, question_id = self.relation(), self.current_question_id()
        view = self._view(relation, question_id) if relation and question_id else None
        is_open = view is not None and view.status is QuestionStatus.OPEN
        for button in (self.raise_attack, self.raise_undercut):
            button.setEnabled(is_open and view is not None and view.known)
        self.mark_answered.setEnabled(view is not None and self.answer.currentData() is not None)
        self.dismiss.setEnabled(view is not None)
        self.reopen.setEnabled(view is not None and not is_open)

    def current_question_id(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, _QUESTION)) if item is not None else None

    def _view(self, relation: Relation, question_id: str) -> QuestionView | None:
        return next((v for v in critical_questions(relation) if v.question.id == question_id), None)

    def raise_question(self, as_undercut: bool) -> None:
        relation, question_id = self.relation(), self.current_question_id()
        if relation is None or question_id is None:
            return
        m = self.bridge.session.map
        node, attack = placeholder_for_question(m, relation.id, question_id, as_undercut)
        state = CriticalQuestionState(
            question_id=question_id, status=QuestionStatus.ANSWERED, answered_by=node.id
        )
        label = "Raise critical question as " + ("undercut" if as_undercut else "objection")
        self.runner.run(
            CompositeCommand(
                label,
                [
                    AddNode(node),  # placed by the canvas beside the map, like any unplaced card
                    AddRelation(attack),
                    SetRelationFields(
                        relation.id,
                        "Answer question",
                        questions=with_question_state(relation, state),
                    ),
                ],
            )
        )

    def answer_question(self) -> None:
        """Record that the statement chosen in the combo answers the current question."""
        node_id = self.answer.currentData()
        if isinstance(node_id, str):
            self._set_state(QuestionStatus.ANSWERED, "", "Answer question", answered_by=node_id)

    def dismiss_question(self) -> None:
        self._set_state(QuestionStatus.DISMISSED, self.note.text().strip(), "Dismiss question")
        self.note.clear()

    def reopen_question(self) -> None:
        self._set_state(QuestionStatus.OPEN, "", "Reopen question")

    def _set_state(
        self, status: QuestionStatus, note: str, label: str, answered_by: str | None = None
    ) -> None:
        relation, question_id = self.relation(), self.current_question_id()
        if relation is None or question_id is None:
            return
        state = CriticalQuestionState(
            question_id=question_id, status=status, note=note, answered_by=answered_by
        )
        self.runner.run(
            SetRelationFields(relation.id, label, questions=with_question_state(relation, state))
        )


def _row(*widgets: QWidget, stretch: int = 0) -> QHBoxLayout:
    """Widgets side by side; ``stretch`` goes to the last one (a field beside its button)."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    if stretch:
        row.setStretch(len(widgets) - 1, stretch)
    return row


def _short(text: str, limit: int = 50) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
