"""Whatever a crash, a full disk or a stranger leaves in the autosave folder, startup goes on.

Broken autosaves are dropped or offered, never a traceback; an autosave without its note is
offered (it is the work; the note only says which file it belongs to).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from argmap.app import offer_recovery
from argmap.io import native
from argmap.ui.autosave import find_recoveries
from tests.ui.conftest import MakeWindow, ScriptedPrompter, small_map

DEEP = "[" * 5000 + "]" * 5000


def _autosave(folder: Path, key: str, note: object | None, map_text: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    map_path = folder / f"{key}.autosave.argmap.json"
    map_path.write_text(map_text if map_text is not None else native.dumps(small_map()), "utf-8")
    if note is not None:
        text = note if isinstance(note, str) else json.dumps(note)
        (folder / f"{key}.autosave.json").write_text(text, "utf-8")
    return map_path


def _start(make_window: MakeWindow) -> bool:
    window = make_window()
    return offer_recovery(window)


def test_deeply_nested_json_in_an_autosave_is_dropped_not_a_crash(
    make_window: MakeWindow, prompter: ScriptedPrompter, autosave_folder: Path
) -> None:
    _autosave(autosave_folder, "deep", {"original": None, "saved_at": "now"}, DEEP)
    assert not _start(make_window)
    assert prompter.asked_restore == []
    assert not (autosave_folder / "deep.autosave.argmap.json").exists()


@pytest.mark.parametrize("note", [DEEP, '{"original": 5}', "[1, 2]", '"just text"', "{not json"])
def test_a_broken_note_still_offers_the_work_as_untitled(
    make_window: MakeWindow, prompter: ScriptedPrompter, autosave_folder: Path, note: str
) -> None:
    crashed = native.load(_autosave(autosave_folder, "odd", note)).map
    window = make_window()
    assert offer_recovery(window)
    assert len(prompter.asked_restore) == 1
    assert "an untitled map (Small boats)" in prompter.asked_restore[0]
    assert window.session.map == crashed
    assert window.session.path is None


def test_an_autosave_without_its_note_is_offered_not_deleted(
    autosave_folder: Path, make_window: MakeWindow, prompter: ScriptedPrompter
) -> None:
    map_path = _autosave(autosave_folder, "lonely", None)
    recoveries = find_recoveries(autosave_folder)
    assert [r.key for r in recoveries] == ["lonely"]
    assert map_path.exists()
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(map_path.stat().st_mtime))
    assert recoveries[0].saved_at == stamp
    prompter.restore_answer = False
    window = make_window()
    assert not offer_recovery(window)
    assert prompter.asked_restore == [
        f"There are unsaved changes to an untitled map (Small boats) from {stamp}."
    ]


def test_a_folder_where_the_autosave_map_should_be_is_left_alone(
    autosave_folder: Path, make_window: MakeWindow, prompter: ScriptedPrompter
) -> None:
    strange = autosave_folder / "dir.autosave.argmap.json"
    strange.mkdir(parents=True)
    (strange / "inside.txt").write_text("someone's files", "utf-8")
    _autosave(autosave_folder, "good", {"original": None, "saved_at": "earlier"})
    assert [r.key for r in find_recoveries(autosave_folder)] == ["good"]
    assert _start(make_window)
    assert (strange / "inside.txt").read_text("utf-8") == "someone's files"


def test_an_original_that_is_a_folder_is_offered_as_untitled(
    autosave_folder: Path, make_window: MakeWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    path = _autosave(autosave_folder, "k", {"original": str(tmp_path), "saved_at": "earlier"})
    crashed = native.load(path).map
    window = make_window()
    assert offer_recovery(window)
    assert window.session.path is None  # Save asks where, instead of failing on a folder
    assert window.session.map == crashed


def test_orphan_temporary_files_of_a_killed_save_are_cleaned(autosave_folder: Path) -> None:
    autosave_folder.mkdir(parents=True)
    orphan = autosave_folder / ".k.autosave.argmap.json.abc12345.tmp"
    orphan.write_text('{"half": ', "utf-8")
    old = time.time() - 3600
    os.utime(orphan, (old, old))
    fresh = autosave_folder / ".k.autosave.json.xyz78901.tmp"  # a save in progress right now
    fresh.write_text("{", "utf-8")
    assert find_recoveries(autosave_folder) == []
    assert not orphan.exists()
    assert fresh.exists()
