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
    guest = make_window()
    invite = host.collab.share(room="seminar", port=0, everyone=False, name="Ada")
    assert invite is not None
    url, token = invite
    assert prompter.infos[-1][0] == "Map shared"
    assert url in prompter.infos[-1][1] and token in prompter.infos[-1][1]

    guest.collab.join(url, token, "Ben")
    qtbot.waitUntil(lambda: guest.session.map.has_node("c1"), timeout=WAIT)
    assert guest.session.map == host.session.map
    assert guest.canvas.map_scene.node_item("ca1") is not None  # drawn, not only loaded

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
