"""Inspector section: whether the selected statement stands, and why, in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from argmap.analysis.evaluate import Evaluation, Semantics
from argmap.analysis.explain import explain, explain_strength
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
        self.strength = QLabel()
        self.strength.setWordWrap(True)
        self.strength.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.strength)
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
        try:
            if evaluation.semantics is Semantics.STRENGTH:
                words = explain_strength(argument_map, evaluation, self.subject)
            else:
                words = explain(argument_map, evaluation, self.subject)
        except (ArgmapError, KeyError):
            self.hide()
            return
        if self.controller.whatif.status(self.subject):  # the explanation names the what-if
            words += " (Evaluate > Clear All What-Ifs takes it back.)"
        self.text.setText(words)
        self.strength.setText(self._strength_words(evaluation))
        self.strength.setVisible(bool(self.strength.text()))
        self.show()

    def _strength_words(self, evaluation: Evaluation) -> str:
        """The strength beside a label's explanation (the strength semantics explains its own)."""
        extra = self.controller.strength
        if evaluation.semantics is Semantics.STRENGTH or extra is None or self.subject is None:
            return ""
        value = extra.strength.get(self.subject)
        return "" if value is None else f"Strength {value:.2f} of 1 (the bar on its card)."
