"""Share Map…, Join Shared Map… and Leave Shared Map for one main window.

The network runs on worker threads (the room client's, and the server's when this window
hosts the room); they only wake this object, which then handles what arrived on the UI thread.
The UI thread never waits on the network.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel

from argmap.collab.background import ServerThread
from argmap.collab.client import Status
from argmap.collab.room import LiveRoom
from argmap.collab.server import RoomServer
from argmap.ui.collab.dialogs import JoinDialog, ShareDialog
from argmap.ui.collab.identity import colour_for, remember_name, user_identity
from argmap.ui.collab.presence import PresenceOverlay
from argmap.ui.identity import user_participant

if TYPE_CHECKING:
    from argmap.ui.main_window import MainWindow

_STATUS_TEXT = {
    Status.CONNECTING: "connecting…",
    Status.CONNECTED: "connected",
    Status.RECONNECTING: "reconnecting…",
    Status.OFFLINE: "offline",
    Status.REFUSED: "refused",
}


def lan_address() -> str:
    """This machine's address on its network (no packet is sent), or loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address: str = probe.getsockname()[0]
            return address
        except OSError:
            return "127.0.0.1"


class CollabController(QObject):
    """The window's place in a shared room (at most one at a time)."""

    #: Emitted (queued, on the UI thread) whenever a worker thread has news.
    woke = Signal()
    #: Emitted with a sentence when the room's state changes (joined, left, repaired...).
    message = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.room: LiveRoom | None = None
        self.server: ServerThread | None = None
        self.invite: tuple[str, str] | None = None  # the address and token to read out
        self.share_action = QAction("S&hare Map…", self)
        self.share_action.setStatusTip("Let others edit this map with you, live")
        self.share_action.triggered.connect(self.share_dialog)
        self.join_action = QAction("&Join Shared Map…", self)
        self.join_action.setStatusTip("Edit a map someone shares, live")
        self.join_action.triggered.connect(self.join_dialog)
        self.leave_action = QAction("&Leave Shared Map", self)
        self.leave_action.setStatusTip("Stop sharing; keep the map as it is now")
        self.leave_action.triggered.connect(self.leave)
        self.status_label = QLabel()
        self.presence = PresenceOverlay(window.canvas.map_scene)
        self.woke.connect(self.pump)
        window.selection.changed.connect(self._selection_changed)
        window.bridge.changed.connect(lambda _changes: self._redraw_presence())
        window.document.state_changed.connect(self._refresh)
        self.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self._refresh()

    def install(self) -> None:
        """The three actions in the File menu, before Import; the status in the status bar."""
        window = self.window
        file_menu = window.menus["file"]
        before = window.app_actions.import_map
        file_menu.insertActions(before, self.actions())
        file_menu.insertSeparator(before)
        window.statusBar().addPermanentWidget(self.status_label)

    def actions(self) -> list[QAction]:
        return [self.share_action, self.join_action, self.leave_action]

    # -- starting and leaving --------------------------------------------------------------

    def share_dialog(self) -> None:
        name, _colour = user_identity(self.window.settings)
        dialog = ShareDialog(name, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        server = dialog.server.text().strip().rstrip("/")
        if server:
            room = dialog.room.text().strip() or "seminar"
            self.share_to(f"{server}/{room}", dialog.token.text().strip(), dialog.name.text())
            return
        self.share(
            dialog.room.text().strip() or "seminar",
            dialog.port.value(),
            dialog.network.isChecked(),
            dialog.name.text().strip() or name,
        )

    def share(
        self,
        room: str = "seminar",
        port: int = 8765,
        everyone: bool = True,
        name: str | None = None,
        token: str | None = None,
    ) -> tuple[str, str] | None:
        """Serve this map from a server in the app; the address and token to read out."""
        self.leave()
        server = RoomServer(host="0.0.0.0" if everyone else "127.0.0.1", port=port, token=token)
        thread = ServerThread(server)
        try:
            thread.start()
        except (OSError, TimeoutError) as exc:
            self.window.prompter.show_error(
                "Share Map", f"Cannot serve on port {port}: {getattr(exc, 'strerror', exc)}"
            )
            return None
        self.server = thread
        host = lan_address() if everyone else "127.0.0.1"
        address = f"ws://{host}:{server.port}/{room}"
        self.invite = (address, server.token)
        self._enter(f"ws://127.0.0.1:{server.port}/{room}", server.token, name, share=True)
        self.window.prompter.show_info(
            "Map shared",
            "Others join with File > Join Shared Map…\n\n"
            f"Address: {address}\nToken: {server.token}\n\n"
            "The room lasts while this window shares it; File > Save As keeps a copy.",
        )
        return self.invite

    def share_to(self, url: str, token: str, name: str | None = None) -> None:
        """Share this map into an empty room of a server that runs elsewhere."""
        self.leave()
        self._enter(url, token, name or None, share=False, offer=True)
        if self.room is not None:
            self.invite = (url, token)

    def join_dialog(self) -> None:
        name, _colour = user_identity(self.window.settings)
        dialog = JoinDialog(name, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        url, token, chosen = dialog.values()
        self.join(url, token, chosen or name)

    def join(self, url: str, token: str, name: str | None = None) -> None:
        """Join the room at ``url``: its map shows here once it has arrived."""
        if not self.window.document.maybe_save():
            return
        self.leave()
        self._enter(url, token, name, share=False)

    def _enter(
        self, url: str, token: str, name: str | None, share: bool, offer: bool = False
    ) -> None:
        settings = self.window.settings
        default_name, colour = user_identity(settings)
        if name and name != default_name:
            remember_name(settings, name)
            colour = colour_for(name)
            # What they add in the room carries the name they joined with.
            self.window.session.user = user_participant(settings)
        try:
            self.room = LiveRoom(
                self.window.session,
                url,
                token,
                name or default_name,
                colour,
                share=share,
                wake=self.woke.emit,
                offer=offer,
            )
        except Exception as exc:  # a malformed address: one message, no traceback
            self.window.prompter.show_error("Shared map", str(exc))
            self.room = None
            return
        self.room.shared.on_report = self._reported
        self.room.on_joined = self._joined
        self.message.emit("Sharing the map" if share or offer else f"Joining {self.room.room}…")
        self._refresh()

    def leave(self) -> None:
        """Leave the room (and stop hosting it); the map stays open as a local map."""
        room, self.room = self.room, None
        if room is not None:
            if not room.left:
                room.leave()
            self.message.emit(f"Left {room.room}; the map stays open here")
        if self.server is not None:
            self.server.stop()
            self.server = None
        self.invite = None
        self.presence.show([])
        self._refresh()

    # -- news from the workers ---------------------------------------------------------------

    def pump(self) -> None:
        room = self.room
        if room is None:
            return
        room.pump()
        if room.refusal is not None:
            self.leave()
            self.window.prompter.show_error("Share Map", f"Cannot share: {room.refusal}")
            return
        if room.left:  # another map was opened in this window
            self.leave()
            return
        if room.status == Status.REFUSED:
            error = room.client.error or "the server refused the token"
            self.leave()
            self.window.prompter.show_error("Join Shared Map", f"Cannot join: {error}")
            return
        self._redraw_presence()
        self._refresh()

    def _joined(self) -> None:
        if self.room is not None:
            self.message.emit(f"Joined {self.room.room}")
            self.room.select(list(self.window.selection.ids))

    def _reported(self, messages: list[str]) -> None:
        shown = "; ".join(messages[:2]) + (
            f" (+{len(messages) - 2} more)" if len(messages) > 2 else ""
        )
        self.message.emit(f"Repaired after concurrent edits: {shown}")

    def _selection_changed(self, ids: list[str]) -> None:
        if self.room is not None and self.room.attached:
            self.room.select(list(ids))

    def _redraw_presence(self) -> None:
        self.presence.show(self.room.people() if self.room is not None else [])

    # -- what the window says -----------------------------------------------------------------

    def status_text(self) -> str:
        """``Room seminar · Ada, Ben · connected`` (empty when not in a room)."""
        room = self.room
        if room is None:
            return ""
        people = ", ".join(person.name for person in room.people())
        state = _STATUS_TEXT[room.status]
        if room.waiting:
            state = "waiting for a map to be shared"
        parts = [f"Room {room.room}", f"with {people}" if people else "nobody else yet", state]
        return " · ".join(parts)

    def _refresh(self) -> None:
        text = self.status_text()
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        base = self.window.document.window_title()
        self.window.setWindowTitle(f"{base} — {text}" if text else base)
        in_room = self.room is not None
        self.leave_action.setEnabled(in_room)
