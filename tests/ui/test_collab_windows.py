"""Two editor windows in one shared room: edits, presence, status, undo and leaving."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from argmap.editing import edit_text
from argmap.io import native
from tests.ui.conftest import MakeWindow, ScriptedPrompter

WAIT = 8000  # ms; loopback is fast, a loaded machine less so


def test_two_windows_share_one_map_live(
    make_window: MakeWindow,
    map_file: Path,
    prompter: ScriptedPrompter,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    host = make_window(map_file)
    guest = make_window(map_file)
    invite = host.collab.share(room="seminar", port=0, everyone=False, name="Ada")
    assert invite is not None
    url, token = invite
    assert prompter.infos[-1][0] == "Map shared"
    assert url in prompter.infos[-1][1] and token in prompter.infos[-1][1]

    guest.collab.join(url, token, "Ben")
    qtbot.waitUntil(
        lambda: guest.collab.room is not None and guest.collab.room.attached, timeout=WAIT
    )
    assert guest.session.map == host.session.map
    assert guest.canvas.map_scene.node_item("ca1") is not None  # drawn, not only loaded
    assert guest.session.path is None  # Save never writes the room over the guest's own file
    assert host.session.path == map_file

    # An edit in one window is drawn in the other, from change events (no rebuild).
    rebuilt: list[bool] = []
    guest.canvas.map_scene.rebuilt.connect(lambda: rebuilt.append(True))
    host.runner.run(edit_text("c1", "Changed by Ada"))
    qtbot.waitUntil(lambda: guest.session.map.node("c1").text == "Changed by Ada", timeout=WAIT)
    assert rebuilt == []

    # Who is there, and what they have selected, with their colour and name.
    guest.selection.set(["e1"])
    qtbot.waitUntil(lambda: host.collab.presence.outlined() == {"e1": ["Ben"]}, timeout=WAIT)
    qtbot.waitUntil(lambda: "Ada" in guest.collab.status_text(), timeout=WAIT)
    assert "Room seminar" in host.windowTitle()
    assert "with Ben" in host.collab.status_text()
    assert "connected" in guest.collab.status_text()

    # Undo in the guest's window takes back the guest's edit only.
    guest.runner.run(edit_text("e1", "Ben's wording"))
    qtbot.waitUntil(lambda: host.session.map.node("e1").text == "Ben's wording", timeout=WAIT)
    assert guest.app_actions.undo.text() == "&Undo Edit text"
    guest.app_actions.undo.trigger()
    qtbot.waitUntil(lambda: host.session.map.node("e1").text != "Ben's wording", timeout=WAIT)
    assert host.session.map.node("c1").text == "Changed by Ada"

    # Save As any time; leaving keeps the map.
    prompter.save_path = tmp_path / "copy.argmap.json"
    guest.document.save_as()
    assert native.load(tmp_path / "copy.argmap.json").map == guest.session.map
    guest.collab.leave()
    assert guest.session.map.node("c1").text == "Changed by Ada"
    assert guest.collab.status_text() == ""
    qtbot.waitUntil(lambda: host.collab.presence.outlined() == {}, timeout=WAIT)
    host.collab.leave()


def test_a_wrong_token_is_refused_with_one_message(
    make_window: MakeWindow, map_file: Path, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    host = make_window(map_file)
    guest = make_window()
    invite = host.collab.share(room="seminar", port=0, everyone=False, name="Ada")
    assert invite is not None
    before = guest.session.map.model_copy(deep=True)
    guest.collab.join(invite[0], "not-the-token", "Ben")
    qtbot.waitUntil(lambda: bool(prompter.errors), timeout=WAIT)
    title, message = prompter.errors[-1]
    assert title == "Join Shared Map"
    assert "refused the token" in message
    assert guest.collab.room is None
    assert guest.session.map == before  # nothing of the room arrived
    assert not guest.session.map.has_node("ca1")
    host.collab.leave()


def test_when_the_host_leaves_the_guest_keeps_editing_and_can_save(
    make_window: MakeWindow,
    map_file: Path,
    prompter: ScriptedPrompter,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    host = make_window(map_file)
    guest = make_window()
    invite = host.collab.share(room="seminar", port=0, everyone=False, name="Ada")
    assert invite is not None
    guest.collab.join(*invite, name="Ben")
    qtbot.waitUntil(lambda: guest.session.map.has_node("c1"), timeout=WAIT)
    host.collab.leave()  # the room's server stops with it
    qtbot.waitUntil(lambda: "reconnecting" in guest.collab.status_text(), timeout=WAIT)
    assert "reconnecting" in guest.windowTitle()
    guest.runner.run(edit_text("c1", "Edited while the room is gone"))
    assert guest.session.map.node("c1").text == "Edited while the room is gone"
    prompter.save_path = tmp_path / "mine.argmap.json"
    guest.document.save_as()
    saved = native.load(tmp_path / "mine.argmap.json").map
    assert saved.node("c1").text == "Edited while the room is gone"
    guest.collab.leave()


def test_the_join_dialog_takes_address_token_and_name(
    make_window: MakeWindow, map_file: Path, qtbot: QtBot, monkeypatch: object
) -> None:
    from PySide6.QtWidgets import QDialog

    from argmap.ui.collab.dialogs import JoinDialog

    host = make_window(map_file)
    guest = make_window()
    invite = host.collab.share(room="seminar", port=0, everyone=False, name="Ada")
    assert invite is not None

    def fill_and_accept(dialog: JoinDialog) -> int:
        dialog.url.setText(invite[0])
        dialog.token.setText(invite[1])
        dialog.name.setText("Chloé")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(JoinDialog, "exec", fill_and_accept)  # type: ignore[attr-defined]
    assert guest.collab.join_action.text() == "&Join Shared Map…"
    guest.collab.join_action.trigger()
    qtbot.waitUntil(lambda: "with Chloé" in host.collab.status_text(), timeout=WAIT)
    qtbot.waitUntil(lambda: guest.session.map == host.session.map, timeout=WAIT)
    guest.collab.leave()
    host.collab.leave()


def test_sharing_into_a_room_of_a_separate_server_and_never_over_another_map(
    make_window: MakeWindow, map_file: Path, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    from argmap.collab.background import ServerThread
    from argmap.collab.server import RoomServer

    thread = ServerThread(RoomServer(port=0, token="t0ken"))
    server = thread.start()
    try:
        leader = make_window(map_file)
        student = make_window()
        late = make_window()
        leader.collab.share_to(server.url("team"), "t0ken", "Ada")
        qtbot.waitUntil(lambda: "connected" in leader.collab.status_text(), timeout=WAIT)
        student.collab.join(server.url("team"), "t0ken", "Ben")
        qtbot.waitUntil(lambda: student.session.map == leader.session.map, timeout=WAIT)
        # Sharing another map into the same room is refused, and changes nothing there.
        before = late.session.map.model_copy(deep=True)
        late.collab.share_to(server.url("team"), "t0ken", "Chloé")
        qtbot.waitUntil(lambda: bool(prompter.errors), timeout=WAIT)
        assert "already holds a map" in prompter.errors[-1][1]
        assert late.session.map == before
        assert late.collab.room is None
        assert student.session.map == leader.session.map
        student.collab.leave()
        leader.collab.leave()
    finally:
        thread.stop()
