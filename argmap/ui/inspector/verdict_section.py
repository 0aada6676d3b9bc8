"""Inspector section: whether the selected statement stands, and why, in plain words.

Under a label semantics it is one paragraph (:func:`argmap.analysis.verdict.verdict`): why the
statement has its label, then its strength, and why the two agree or seem not to.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from argmap.analysis.evaluate import Evaluation, Semantics, evaluate
from argmap.analysis.explain import explain_strength
from argmap.analysis.verdict import verdict
from argmap.model import ArgmapError
from argmap.ui.evaluation_view import EvaluationController


class VerdictSection(QGroupBox):
    """Follows the inspector's subject and the evaluation controller's results."""

    def __init__(self, controller: EvaluationController, parent: QWidget | None = None) -> None:
        super().__init__("Does it stand?", parent)
        self.controller = controller
        self.subject: str | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # node texts quoted in it are not HTML
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        #: Strengths for the paragraph, kept per evaluation (the controller's while badges
        #: show, else computed here once).
        self._strength: tuple[Evaluation, Evaluation] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        controller.updated.connect(lambda _evaluation: self.refresh())

    def show_subject(self, subject: str | None) -> None:
        self.subject = subject
        self.refresh()

    def refresh(self) -> None:
        argument_map = self.controller.bridge.session.map
        evaluation: Evaluation | None = self.controller.evaluation
        if self.subject is None or not argument_map.has_node(self.subject) or evaluation is None:
            self.hide()
            return
        if self.subject not in evaluation.labels:
            # A new card: its verdict comes once the burst of edits is over. The section stays
            # where it is meanwhile (hiding and showing it again lays the inspector out twice).
            self.text.setText("Working out whether it stands…")
            return
        try:
            if evaluation.semantics is Semantics.STRENGTH:
                words = explain_strength(argument_map, evaluation, self.subject)
            else:
                strength = self._strength_for(evaluation)
                words = verdict(argument_map, evaluation, strength, self.subject)
        except (ArgmapError, KeyError, ValueError):  # a map newer than its evaluation
            self.hide()
            return
        if self.controller.whatif.status(self.subject):  # the explanation names the what-if
            words += " (Evaluate > Clear All What-Ifs takes it back.)"
        self.text.setText(words)
        self.show()

    def _strength_for(self, evaluation: Evaluation) -> Evaluation:
        extra = self.controller.strength
        if extra is not None:
            return extra
        if self._strength is None or self._strength[0] is not evaluation:
            argument_map = self.controller.bridge.session.map
            found = evaluate(argument_map, Semantics.STRENGTH, evaluation.whatif)
            self._strength = (evaluation, found)
        return self._strength[1]
