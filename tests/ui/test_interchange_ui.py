"""File > Import and File > Export in the window: other tools' formats in, formats and pictures
out, through the real actions, the real session and a scripted prompter."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QImage

from argmap.editing import edit_text
from argmap.io import native
from argmap.io.formats import FORMATS, export_file, file_filter, import_file
from argmap.model import ArgumentMap
from argmap.resources import DEFAULT_MAP
from argmap.ui.dialogs import UnsavedChoice
from argmap.ui.main_window import MainWindow
from tests.ui.conftest import ScriptedPrompter, small_map
from tests.ui.test_render import header_count, is_blank


def _bundled() -> ArgumentMap:
    return native.load(DEFAULT_MAP).map


def _edit(window: MainWindow) -> None:
    window.session.execute(edit_text("c1", "An edited claim"))


def _import(window: MainWindow, prompter: ScriptedPrompter, path: Path, filt: str = "") -> None:
    prompter.import_answer = (path, filt)
    window.app_actions.import_map.trigger()


def _export(window: MainWindow, prompter: ScriptedPrompter, name: str, path: Path) -> None:
    prompter.export_answer = (path, "")
    window.app_actions.exports[name].trigger()


def _status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


# Importing -------------------------------------------------------------------------------------


def test_importing_aif_opens_the_same_map_untitled(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    original = _bundled()
    aif = tmp_path / "bundle.json"
    export_file(original, aif, "aif")
    _edit(window)
    _import(window, prompter, aif)
    assert prompter.asked_unsaved == ["small.argmap.json"]  # asked as Open asks
    assert prompter.import_filters[0].startswith("Maps from other tools (*.json *.aif *.argdown")
    assert window.session.map == original
    assert window.session.path is None and not window.session.is_dirty
    assert window.windowTitle() == f"{original.title} — argmap"
    assert _status(window).startswith(
        "Imported bundle.json as AIF JSON (OVA, AIFdb): 34 statements"
    )
    cards = {item.node_id for item in window.canvas.map_scene.node_items()}
    assert cards == {n.id for n in original.nodes}
    prompter.save_path = None  # Save goes through Save As, proposing the imported name
    window.app_actions.save.trigger()
    assert prompter.save_suggestions == [tmp_path / "bundle.argmap.json"]


def test_import_cancelled_at_the_unsaved_question_keeps_the_map(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    aif = tmp_path / "small.json"
    export_file(small_map(), aif, "aif")
    _edit(window)
    prompter.unsaved_answer = UnsavedChoice.CANCEL
    _import(window, prompter, aif)
    assert window.session.map.node("c1").text == "An edited claim"
    assert window.session.path is not None and window.session.is_dirty


def test_argdown_import_is_laid_out_and_its_summary_shown(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    argdown = tmp_path / "debate.argdown"
    argdown.write_text(  # Argdown from elsewhere: no positions
        '===\ntitle: "Small boats"\n===\n\n[C]: The claim.\n  + [E]: A reason.\n'
        "  - [A]: An objection.\n    - [R]: A rebuttal.\n",
        encoding="utf-8",
    )
    assert not import_file(argdown).map.layout.positions
    _import(window, prompter, argdown)
    imported = window.session.map
    assert len(imported.nodes) == 4 and not window.session.is_dirty
    assert set(imported.layout.positions) == {n.id for n in imported.nodes}
    cards = [item.scene_card_rect() for item in window.canvas.map_scene.node_items()]
    assert all(not a.intersects(b) for i, a in enumerate(cards) for b in cards[i + 1 :])
    [(title, message)] = prompter.infos
    assert title == "Map imported"
    assert message.startswith("Imported debate.argdown as Argdown: 4 statements")
    assert "• front matter (=== ... ===) ignored; its title was kept" in message


def test_argdown_written_by_argmap_comes_back_with_its_layout(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    argdown = tmp_path / "small.argdown"
    export_file(small_map(), argdown, "argdown")
    _import(window, prompter, argdown)
    assert window.session.map.layout.positions == small_map().layout.positions
    [(_, message)] = prompter.infos
    assert "sources, anchors, citations and layout were read" in message


def test_a_broken_file_shows_the_message_and_keeps_the_map(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"nodes": [', "utf-8")
    _edit(window)
    before = native.dumps(window.session.map)
    _import(window, prompter, broken)
    [(title, message)] = prompter.errors
    assert title == "Cannot import map"
    assert "broken.json" in message and "not valid JSON at line 1" in message
    assert native.dumps(window.session.map) == before
    assert window.session.is_dirty and prompter.asked_unsaved == []  # nothing to lose yet


def test_a_file_with_broken_parts_offers_the_rest(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    aif = tmp_path / "partly.json"
    export_file(small_map(), aif, "aif")
    document = json.loads(aif.read_text("utf-8"))
    nodes = document["AIF"]["nodes"] if "AIF" in document else document["nodes"]
    del nodes[0]["nodeID"]
    aif.write_text(json.dumps(document), "utf-8")
    _import(window, prompter, aif)  # the user says no: nothing changes
    [problem] = prompter.asked_broken
    assert "nodeID" in problem and "--skip-broken" not in problem
    assert window.session.map.title == "Small boats" and not prompter.errors
    prompter.broken_answer = True
    _import(window, prompter, aif)
    assert window.session.path is None
    assert 0 < len(window.session.map.nodes) <= 4


def test_the_filter_decides_for_a_name_that_says_nothing(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.dat"
    export_file(small_map(), tmp_path / "x.argdown", "argdown")
    notes.write_text((tmp_path / "x.argdown").read_text("utf-8"), "utf-8")
    _import(window, prompter, notes)
    assert "cannot tell the format" in prompter.errors[0][1]
    _import(window, prompter, notes, file_filter([FORMATS["argdown"]]))
    assert len(window.session.map.nodes) == 4 and window.session.path is None


def test_importing_an_argmap_map_opens_it(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    other = tmp_path / "other.argmap.json"
    native.save(small_map().model_copy(update={"title": "Other"}), other)
    _import(window, prompter, other)
    assert window.session.path == other and window.session.map.title == "Other"


# Exporting -------------------------------------------------------------------------------------


def test_text_exports_write_each_format_and_leave_the_session_alone(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    _edit(window)
    before = native.dumps(window.session.map)
    out = tmp_path / "out"
    out.mkdir()
    for name, file_name in [
        ("aif", "m.json"),
        ("argdown", "m.argdown"),
        ("graphml", "m.graphml"),
        ("markdown", "m.md"),
    ]:
        _export(window, prompter, name, out / file_name)
        assert _status(window) == f"Exported to {out / file_name}"
    assert [s.name for _, s, _ in prompter.export_requests] == [
        "small.json",
        "small.argdown",
        "small.graphml",
        "small.md",
    ]
    assert import_file(out / "m.json").map == window.session.map
    assert "An edited claim" in (out / "m.argdown").read_text("utf-8")
    graph = ET.parse(out / "m.graphml").getroot()
    statements = {
        node.get("id"): [d.text for d in node]
        for node in graph.iter()
        if node.tag.endswith("}node") and any(d.text == "statement" for d in node)
    }
    assert set(statements) == {"c1", "c2", "e1", "ca1"}
    assert "An edited claim" in statements["c1"]
    brief = (out / "m.md").read_text("utf-8")
    assert "An edited claim" in brief and "Criminal gangs drive illegal immigration" in brief
    assert native.dumps(window.session.map) == before
    assert window.session.is_dirty and window.windowTitle().startswith("small.argmap.json*")
    window.app_actions.undo.trigger()  # the edit is still the one to undo
    assert window.session.map.node("c1").text != "An edited claim"
    assert not prompter.errors


def test_a_name_without_extension_gets_the_formats(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    _export(window, prompter, "markdown", tmp_path / "brief")
    assert (tmp_path / "brief.md").read_text("utf-8").startswith("#")
    assert not window.session.is_dirty


def test_png_of_the_whole_map_and_of_the_selection(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    whole_path = tmp_path / "whole.png"
    _export(window, prompter, "png", whole_path)
    assert prompter.export_requests[-1][1].name == "small.png"
    whole = QImage(str(whole_path))
    assert not is_blank(whole) and header_count(whole) == 4
    scene_rect = window.canvas.map_scene.map_rect()
    assert scene_rect.width() <= whole.width() <= scene_rect.width() + 400
    assert scene_rect.height() < whole.height() < scene_rect.height() + 600  # + the legend

    selection_action = window.app_actions.export_selection
    window.selection.set(["r1"])  # an arrow alone is no picture
    assert not selection_action.isEnabled()
    window.selection.set(["c1", "c2"])
    assert selection_action.isEnabled()
    prompter.export_answer = (tmp_path / "part", file_filter([FORMATS["png"]]))
    selection_action.trigger()
    assert prompter.export_requests[-1][1].name == "small-selection.png"
    part = QImage(str(tmp_path / "part.png"))
    assert not is_blank(part) and header_count(part) == 2
    assert part.height() < whole.height()
    assert _status(window) == f"Exported to {tmp_path / 'part.png'}"
    window.selection.clear()
    assert not selection_action.isEnabled()
    assert not window.session.is_dirty


def test_svg_and_pdf_exports(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    _export(window, prompter, "svg", tmp_path / "map.svg")
    assert "Criminal gangs drive illegal" in (tmp_path / "map.svg").read_text("utf-8")
    _export(window, prompter, "pdf", tmp_path / "map.pdf")
    assert (tmp_path / "map.pdf").read_bytes().startswith(b"%PDF")
    window.selection.set(["e1"])
    prompter.export_answer = (tmp_path / "one.svg", file_filter([FORMATS["png"]]))
    window.app_actions.export_selection.trigger()  # the typed extension wins over the filter
    assert "France prevented twice" in (tmp_path / "one.svg").read_text("utf-8")


def test_a_failed_export_says_why_and_changes_nothing(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path, map_file: Path
) -> None:
    _edit(window)
    before = native.dumps(window.session.map)
    saved = map_file.read_bytes()
    for name in ("markdown", "png"):
        _export(window, prompter, name, tmp_path / "missing" / f"out.{name}")
    assert [title for title, _ in prompter.errors] == ["Cannot export map"] * 2
    assert all("missing" in message for _, message in prompter.errors)
    _export(window, prompter, "aif", map_file)  # never over the map's own file
    assert "the map's own file" in prompter.errors[-1][1]
    assert map_file.read_bytes() == saved
    assert native.dumps(window.session.map) == before and window.session.is_dirty
    assert not (tmp_path / "missing").exists()


def test_cancelled_dialogs_do_nothing(
    window: MainWindow, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    files_before = sorted(tmp_path.rglob("*"))
    before = native.dumps(window.session.map)
    window.app_actions.import_map.trigger()
    window.app_actions.exports["png"].trigger()
    assert len(prompter.import_filters) == 1 and len(prompter.export_requests) == 1
    assert native.dumps(window.session.map) == before and not prompter.errors
    assert sorted(tmp_path.rglob("*")) == files_before


def test_file_menu_has_import_and_an_export_submenu(window: MainWindow) -> None:
    a = window.app_actions
    file_menu = window.menus["file"].actions()
    assert a.import_map in file_menu and a.import_map.shortcut().toString() == "Ctrl+I"
    export_menu = [x for x in window.menus["export"].actions() if not x.isSeparator()]
    assert [x.text() for x in export_menu] == [
        "AIF JSON (OVA, AIFdb)…",
        "Argdown…",
        "GraphML (yEd, Gephi)…",
        "Kialo discussion (text)…",
        "Debate brief (Markdown)…",
        "Speaking notes (Markdown)…",
        "Blocks (Markdown)…",
        "Seminar record (Markdown)…",
        "PNG image…",
        "PNG image at &2×…",
        "PNG image at &3×…",
        "SVG image…",
        "PDF document…",
        "Flow sheet (PDF, PNG, SVG)…",
        "Slides (PDF)…",
        "&Selection as Image…",
    ]
    assert a.exports["markdown"].shortcut().toString() == "Ctrl+E"
    assert a.exports["png"].shortcut().toString() == "Ctrl+Shift+E"
