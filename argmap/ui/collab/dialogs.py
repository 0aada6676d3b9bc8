"""The Join Shared Map and Share Map dialogs (plain forms; the controller does the work)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)


class JoinDialog(QDialog):
    """Room address, token and the name the others will see."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Join Shared Map")
        self.url = QLineEdit()
        self.url.setPlaceholderText("ws://192.168.1.20:8765/seminar")
        self.token = QLineEdit()
        self.token.setPlaceholderText("the token the host read out")
        self.name = QLineEdit(name)
        form = QFormLayout(self)
        form.addRow("Room &address:", self.url)
        form.addRow("&Token:", self.token)
        form.addRow("Your &name:", self.name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Join")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.url.text().strip(), self.token.text().strip(), self.name.text().strip()


class ShareDialog(QDialog):
    """Where to serve the room from, and the name the others will see."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Share Map")
        self.room = QLineEdit("seminar")
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setValue(8765)
        self.network = QCheckBox("Others on this network may join (listen on all addresses)")
        self.network.setChecked(True)
        self.name = QLineEdit(name)
        self.server = QLineEdit()
        self.server.setPlaceholderText("blank: serve from this app; or ws://HOST:PORT")
        self.token = QLineEdit()
        self.token.setPlaceholderText("that server's token")
        form = QFormLayout(self)
        form.addRow("&Room name:", self.room)
        form.addRow("&Port:", self.port)
        form.addRow("", self.network)
        form.addRow("Your &name:", self.name)
        form.addRow("Or use a &server:", self.server)
        form.addRow("Its &token:", self.token)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Share")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
