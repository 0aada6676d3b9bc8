"""Fixtures for the editor's tests: real windows on real sessions, never the user's settings.

Settings live in an INI file in ``tmp_path``, autosaves in a folder there, QStandardPaths runs
in test mode, and every dialog is answered by a :class:`ScriptedPrompter` at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.io import native
from argmap.model import (
    ArgumentMap,
    MapLayout,
    Node,
    NodeKind,
    Point,
    Relation,
    RelationKind,
    SourceDocument,
    TextAnchor,
)
from argmap.ui.dialogs import UnsavedChoice
from argmap.ui.main_window import MainWindow
from argmap.ui.settings import AppSettings

SOURCE_TEXT = (
    "Home Secretary said: the British people have simply had enough of illegal migration.\n"
    "Illegal immigration is driven by serious organised criminals and people smugglers.\n"
    "France prevented twice as many crossings this year than in the same period in 2020.\n"
    "Critics say more patrols only push the crossings further up the coast.\n"
)


@pytest.fixture(autouse=True, scope="session")
def _qt_test_mode() -> Iterator[None]:
    # Whatever a test forgets to inject, Qt then writes under ~/.qttest, never real settings.
    QStandardPaths.setTestModeEnabled(True)
    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("argmap-tests")
    app.setApplicationName("argmap-tests")
    yield


@dataclass
class ScriptedPrompter:
    """Answers every dialog at once with the answers a test set, and records what was shown."""

    unsaved_answer: UnsavedChoice = UnsavedChoice.DISCARD
    restore_answer: bool = True
    map_to_open: Path | None = None
    text_to_open: Path | None = None
    save_path: Path | None = None
    asked_unsaved: list[str] = field(default_factory=list)
    asked_restore: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)
    save_suggestions: list[Path] = field(default_factory=list)
    import_answer: tuple[Path, str] | None = None
    export_answer: tuple[Path, str] | None = None
    broken_answer: bool = False
    export_requests: list[tuple[str, Path, str]] = field(default_factory=list)
    import_filters: list[str] = field(default_factory=list)
    asked_broken: list[str] = field(default_factory=list)

    def ask_unsaved(self, document_name: str) -> UnsavedChoice:
        self.asked_unsaved.append(document_name)
        return self.unsaved_answer

    def ask_restore(self, description: str) -> bool:
        self.asked_restore.append(description)
        return self.restore_answer

    def show_error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def show_info(self, title: str, message: str) -> None:
        self.infos.append((title, message))

    def choose_map_to_open(self, folder: Path | None) -> Path | None:
        return self.map_to_open

    def choose_text_to_open(self, folder: Path | None) -> Path | None:
        return self.text_to_open

    def choose_save_path(self, suggested: Path) -> Path | None:
        self.save_suggestions.append(suggested)
        return self.save_path

    def choose_file_to_import(
        self, folder: Path | None, file_filter: str
    ) -> tuple[Path, str] | None:
        self.import_filters.append(file_filter)
        return self.import_answer

    def choose_export_path(
        self, title: str, suggested: Path, file_filter: str
    ) -> tuple[Path, str] | None:
        self.export_requests.append((title, suggested, file_filter))
        return self.export_answer

    def ask_import_broken(self, problem: str) -> bool:
        self.asked_broken.append(problem)
        return self.broken_answer


def anchor(quote: str, source_id: str = "s1", text: str = SOURCE_TEXT) -> TextAnchor:
    start = text.index(quote)
    return TextAnchor(source_id=source_id, start=start, end=start + len(quote), quote=quote)


def small_map() -> ArgumentMap:
    """A claim with a reason (anchored), a piece of evidence, an objection and an undercut."""
    nodes = [
        Node(
            id="c1",
            kind=NodeKind.CLAIM,
            text="The British people have had enough of illegal migration",
            anchors=[anchor("the British people have simply had enough of illegal migration")],
            tags=["public-opinion"],
        ),
        Node(
            id="c2",
            kind=NodeKind.CLAIM,
            text="Criminal gangs drive illegal immigration",
            anchors=[anchor("driven by serious organised criminals")],
        ),
        Node(
            id="e1",
            kind=NodeKind.EVIDENCE,
            text="France prevented twice as many crossings",
            anchors=[anchor("France prevented twice as many crossings")],
            tags=["statistics"],
        ),
        Node(
            id="ca1",
            kind=NodeKind.COUNTERARGUMENT,
            text="Patrols displace the crossings",
            anchors=[anchor("push the crossings further up the coast")],
        ),
    ]
    relations = [
        Relation(id="r1", kind=RelationKind.SUPPORT, premises=["c2"], target="c1"),
        Relation(id="r2", kind=RelationKind.SUPPORT, premises=["e1"], target="c2"),
        Relation(id="r3", kind=RelationKind.ATTACK, premises=["ca1"], target="c2"),
    ]
    positions = {
        "c1": Point(x=0, y=0),
        "c2": Point(x=0, y=200),
        "e1": Point(x=-150, y=400),
        "ca1": Point(x=150, y=400),
    }
    return ArgumentMap(
        title="Small boats",
        sources=[SourceDocument(id="s1", title="Press release", text=SOURCE_TEXT)],
        nodes=nodes,
        relations=relations,
        layout=MapLayout(positions=positions),
    )


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.argmap.json"
    native.save(small_map(), path)
    return path


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(tmp_path / "settings" / "argmap.ini")


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


@pytest.fixture
def autosave_folder(tmp_path: Path) -> Path:
    return tmp_path / "autosave"


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(
    qtbot: QtBot, settings: AppSettings, prompter: ScriptedPrompter, autosave_folder: Path
) -> Iterator[MakeWindow]:
    """Build main windows like ``argmap [FILE]`` does, on the test's settings and prompter."""
    from argmap.app import build_main_window

    windows: list[MainWindow] = []

    def make(map_file: Path | None = None, new_from_text: Path | None = None) -> MainWindow:
        window = build_main_window(
            map_file, new_from_text, settings, prompter, autosave_folder=autosave_folder
        )
        qtbot.addWidget(window)
        window.resize(1400, 900)
        windows.append(window)
        return window

    yield make
    prompter.unsaved_answer = UnsavedChoice.DISCARD  # let teardown close every window
    for window in windows:
        window.close()


@pytest.fixture
def window(make_window: MakeWindow, map_file: Path) -> MainWindow:
    """The main window on the small map, saved in ``tmp_path``."""
    return make_window(map_file)


def select_words(window: MainWindow, quote: str, occurrence: int = 0) -> tuple[int, int]:
    """Select ``quote`` in the source panel as a user would; returns its (start, end)."""
    panel = window.source_panel
    text = window.session.map.source(panel.current_source_id or "").text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    end = start + len(quote)
    panel.select_range(start, end)
    return start, end
