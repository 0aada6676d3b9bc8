"""Inspector section: the selected statement's side of the motion, and setting it by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from argmap.debate.sides import computed_sides
from argmap.editing.debate_commands import set_side_override
from argmap.model import DebateSide
from argmap.ui.debate.colours import SIDE_NAMES
from argmap.ui.debate.controller import DebateController
from argmap.ui.runner import CommandRunner

#: The combo's first entry: no override, the side the relations give.
AUTOMATIC = "From the map"


class SideSection(QGroupBox):
    """Says which bench the statement serves and lets the user set it by hand (one undo)."""

    def __init__(
        self, controller: DebateController, runner: CommandRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__("Side of the motion", parent)
        self.controller, self.runner = controller, runner
        self.subject: str | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.choice = QComboBox()
        self.choice.addItem(AUTOMATIC, None)
        for side in DebateSide:
            self.choice.addItem(f"Set by hand: {side.value}", side)
        self.choice.activated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.choice)
        controller.sides_changed.connect(self.refresh)
        self.hide()

    def show_subject(self, subject: str | None) -> None:
        self.subject = subject
        self.refresh()

    def refresh(self) -> None:
        argument_map = self.controller.argument_map
        motion = argument_map.debate.motion
        if self.subject is None or not argument_map.has_node(self.subject) or motion is None:
            self.hide()
            return
        side = self.controller.current_sides().get(self.subject, DebateSide.NEITHER)
        override = argument_map.debate.side_overrides.get(self.subject)
        words = "This is the motion." if self.subject == motion else SIDE_NAMES[side] + "."
        if override is not None:
            computed = computed_sides(argument_map, motion).get(self.subject, DebateSide.NEITHER)
            words += f" Set by hand; its relations alone make it {computed.value}."
        self.text.setText(words)
        self.choice.setCurrentIndex(0 if override is None else list(DebateSide).index(override) + 1)
        self.show()

    def _chosen(self, index: int) -> None:
        if self.subject is None:
            return
        data = self.choice.itemData(index)  # Qt hands the enum back as its plain string
        side = DebateSide(data) if data else None
        self.runner.run(set_side_override(self.controller.argument_map, self.subject, side))
