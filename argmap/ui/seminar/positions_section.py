"""Inspector section: who holds what on the selected statement, and the user's own stance."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from argmap.editing import EditSession
from argmap.model import Participant, Stance
from argmap.seminar.positions import set_position, stances_on
from argmap.ui.runner import CommandRunner

STANCE_WORDS = {Stance.AGREE: "agrees", Stance.DISAGREE: "disagrees", Stance.UNSURE: "is unsure"}


class PositionsSection(QGroupBox):
    """Lists every participant's stance (and reason); three buttons set the user's own."""

    def __init__(
        self,
        session: EditSession,
        runner: CommandRunner,
        no_user: Callable[[], Participant | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Positions", parent)
        self.session, self.runner, self.no_user = session, runner, no_user
        self.subject: str | None = None
        self.held = QLabel()
        self.held.setWordWrap(True)
        self.held.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Your reason, in a line (optional)")
        self.buttons: dict[Stance | None, QPushButton] = {
            Stance.AGREE: QPushButton("Agree"),
            Stance.DISAGREE: QPushButton("Disagree"),
            Stance.UNSURE: QPushButton("Unsure"),
            None: QPushButton("Clear"),
        }
        row = QHBoxLayout()
        for stance, button in self.buttons.items():
            button.clicked.connect(lambda _=False, s=stance: self.take(s))
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.held)
        layout.addWidget(self.reason)
        layout.addLayout(row)
        self.hide()

    def show_subject(self, subject: str | None) -> None:
        if subject != self.subject:
            self.reason.clear()
        self.subject = subject
        self.refresh()

    def refresh(self) -> None:
        m = self.session.map
        if self.subject is None or not m.has_node(self.subject):
            self.hide()
            return
        names = {p.id: p.name for p in m.participants}
        lines = []
        for position in stances_on(m, self.subject):
            reason = f": {position.reason}" if position.reason else ""
            who = names.get(position.participant, position.participant)
            lines.append(f"{who} {STANCE_WORDS[position.stance]}{reason}")
        self.held.setText("\n".join(lines) or "Nobody has taken a position yet.")
        user = self.session.user
        mine = next(
            (
                p
                for p in stances_on(m, self.subject)
                if user is not None and p.participant == user.id
            ),
            None,
        )
        if mine is not None and not self.reason.isModified():
            self.reason.setText(mine.reason)
        self.show()

    def take(self, stance: Stance | None) -> bool:
        """The user's stance on the shown statement, with the reason typed (one undo step)."""
        user = self.session.user or self.no_user()
        if user is None or self.subject is None:
            return False
        reason = self.reason.text() if stance is not None else ""
        done = self.runner.run(set_position(self.session.map, user, self.subject, stance, reason))
        self.reason.setModified(False)
        return done
