"""The Seminar panel: the participants (the legend of Colour by Author, each with a box to
show only their contributions) and "Where we disagree", the agenda sorted by spread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from argmap.model import ArgumentMap
from argmap.seminar.positions import Disagreement, disagreements
from argmap.seminar.report import short
from argmap.ui.seminar.card_marks import NO_AUTHOR

#: The legend row of statements nobody is named as author of.
NOBODY = ""
ID_ROLE = Qt.ItemDataRole.UserRole
_STANCE_SIGN = {"agree": "✓", "disagree": "✗", "unsure": "?"}


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(colour)
    return QIcon(pixmap)


class SeminarPanel(QWidget):
    """Legend and filter of participants; the disagreement agenda."""

    #: set[str]: participants (NOBODY for no author) whose contributions to show; all: None
    filter_changed = Signal(object)
    #: str: a statement of the agenda was chosen
    node_chosen = Signal(str)
    #: str: evaluate the map as this participant sees it
    see_as = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        people_box = QGroupBox("Participants (tick to show only theirs)")
        self.people = QListWidget()
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.people)
        self.see_button = QPushButton("See the Map as They Do")
        self.see_button.setToolTip(
            "Evaluate with the selected participant's agreements conceded and disagreements "
            "rejected (Evaluate > Clear All What-Ifs goes back)"
        )
        self.see_button.setEnabled(False)
        self.see_button.clicked.connect(self._see_as)
        self.people.currentItemChanged.connect(lambda *_: self._update_see())
        people_layout.addWidget(self.see_button)
        agenda_box = QGroupBox("Where we disagree")
        self.agenda_hint = QLabel()
        self.agenda_hint.setWordWrap(True)
        self.agenda = QListWidget()
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.addWidget(self.agenda_hint)
        agenda_layout.addWidget(self.agenda, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(people_box)
        layout.addWidget(agenda_box, 1)
        self.people.itemChanged.connect(lambda _item: self._filter())
        self.agenda.itemClicked.connect(lambda item: self.node_chosen.emit(item.data(ID_ROLE)))
        self.agenda.itemActivated.connect(lambda item: self.node_chosen.emit(item.data(ID_ROLE)))
        self.found: list[Disagreement] = []

    def refresh(self, argument_map: ArgumentMap) -> None:
        self._fill_people(argument_map)
        self._fill_agenda(argument_map)

    def _fill_people(self, argument_map: ArgumentMap) -> None:
        unticked = {
            str(self.people.item(i).data(ID_ROLE))
            for i in range(self.people.count())
            if self.people.item(i).checkState() is Qt.CheckState.Unchecked
        }
        self.people.blockSignals(True)
        self.people.clear()
        rows = [
            (p.id, p.name + (f" ({p.role})" if p.role else ""), QColor(p.colour))
            for p in argument_map.participants
        ]
        rows.append((NOBODY, "No author recorded", NO_AUTHOR))
        for person, text, colour in rows:
            row = QListWidgetItem(_swatch(colour), text)
            row.setData(ID_ROLE, person)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = person not in unticked
            row.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.people.addItem(row)
        self.people.blockSignals(False)
        self._update_see()

    def shown_people(self) -> set[str] | None:
        """Who is ticked, or None when everyone is (no filter)."""
        ticked = {
            str(self.people.item(i).data(ID_ROLE))
            for i in range(self.people.count())
            if self.people.item(i).checkState() is Qt.CheckState.Checked
        }
        return None if len(ticked) == self.people.count() else ticked

    def set_shown(self, people: set[str] | None) -> None:
        """Tick exactly ``people`` (None: everyone), as a user would."""
        for i in range(self.people.count()):
            row = self.people.item(i)
            on = people is None or str(row.data(ID_ROLE)) in people
            row.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _update_see(self) -> None:
        row = self.people.currentItem()
        self.see_button.setEnabled(row is not None and row.data(ID_ROLE) != NOBODY)

    def _see_as(self) -> None:
        row = self.people.currentItem()
        if row is not None and row.data(ID_ROLE) != NOBODY:
            self.see_as.emit(str(row.data(ID_ROLE)))

    def _filter(self) -> None:
        self.filter_changed.emit(self.shown_people())

    def _fill_agenda(self, argument_map: ArgumentMap) -> None:
        self.agenda.clear()
        self.found = disagreements(argument_map)
        names = {p.id: p.name for p in argument_map.participants}
        if not self.found:
            self.agenda_hint.setText(
                "Nothing yet: when two participants take positions (in the inspector), the "
                "statements they differ on most are listed here."
            )
        else:
            self.agenda_hint.setText("Most divided first: click one to go to it.")
        for number, item in enumerate(self.found, start=1):
            held = ", ".join(
                f"{names.get(who, who)} {_STANCE_SIGN[stance.value]}"
                for who, stance in item.stances.items()
            )
            text = short(argument_map.node(item.statement).text, 60)
            row = QListWidgetItem(f"{number}. {text}  [{item.spread:.2f}]")
            row.setToolTip(held or "Positions agree; the verdicts that follow differ")
            row.setData(ID_ROLE, item.statement)
            self.agenda.addItem(row)
