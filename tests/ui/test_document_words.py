"""What the window calls a map, and what it says after saving; collapsing is a view."""

from __future__ import annotations

from pathlib import Path

from argmap.editing import SetFlag
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import MakeWindow, ScriptedPrompter


def test_the_bundled_release_is_named_by_its_title_in_the_save_prompt(
    make_window: MakeWindow, prompter: ScriptedPrompter
) -> None:
    window = make_window()
    title = window.session.map.title
    assert title and title != "untitled"
    window.session.execute(SetFlag("pinned", [window.session.map.nodes[0].id], True))
    assert window.windowTitle() == f"{title}* — argmap"
    window.close()
    assert prompter.asked_unsaved == [title]


def test_saving_says_so_in_the_status_bar(window: MainWindow) -> None:
    window.session.execute(SetFlag("pinned", ["c1"], True))
    window.app_actions.save.trigger()
    assert window.statusBar().currentMessage() == "Saved small.argmap.json"


def test_collapsing_and_expanding_do_not_mark_the_map_modified(window: MainWindow) -> None:
    window.session.execute(SetFlag("collapsed", ["c2"], True))
    assert window.session.map.layout.collapsed == ["c2"]
    assert not window.document.is_dirty and "*" not in window.windowTitle()
    window.session.undo()
    assert not window.document.is_dirty
    window.session.execute(SetFlag("pinned", ["c1"], True))
    window.session.execute(SetFlag("collapsed", ["c2"], True))
    assert window.document.is_dirty  # a real edit among them still counts


def test_a_new_map_over_a_bulleted_text_is_titled_by_its_heading_or_file_name(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    notes = tmp_path / "coach-notes.md"
    notes.write_text("- first point\n- second point\n\n## Motion: ban patrols\n", "utf-8")
    window = make_window(new_from_text=notes)
    assert window.session.map.title == "Motion: ban patrols"
    bullets = tmp_path / "points.txt"
    bullets.write_text("* one point\n* another\n", "utf-8")
    window.document.new_from_text(bullets)
    assert window.session.map.title == "points"
