"""Saving over a read-only map is refused with a message; the file and the work both stay."""

from __future__ import annotations

from pathlib import Path

from argmap.editing import edit_text
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import ScriptedPrompter


def test_save_over_a_read_only_file_says_so_and_keeps_the_work_unsaved(
    window: MainWindow, map_file: Path, prompter: ScriptedPrompter
) -> None:
    before = map_file.read_bytes()
    map_file.chmod(0o444)
    window.session.execute(edit_text("c1", "Work that must not vanish"))
    window.app_actions.save.trigger()
    assert map_file.read_bytes() == before
    assert len(prompter.errors) == 1
    title, message = prompter.errors[0]
    assert title == "Cannot save map"
    assert (
        message
        == f"{map_file}: the file is read-only, so it was not replaced (save under another name)"
    )
    assert window.document.is_dirty
    assert window.windowTitle() == "small.argmap.json* — argmap"
