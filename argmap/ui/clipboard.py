"""Edit ▸ Cut, Copy and Paste of cards with the relations among them.

Copy puts the selected cards on the clipboard twice: as argmap JSON (``application/
x-argmap+json``, and as the text itself, so a paste into another argmap window works through any
clipboard) and as plain text for other programs ("Claim: …", one card a line). Paste adds them
under fresh ids in the middle of the view, selected, as one undo step; plain text from elsewhere
becomes one new claim a line. The keys act on the canvas only, so text fields keep their own
Ctrl+C, Ctrl+X and Ctrl+V.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu

from argmap.editing import EditError
from argmap.editing.fragment import (
    FRAGMENT_KEY,
    fragment_json,
    fragment_of,
    fragment_text,
    parse_fragment,
    paste_command,
)
from argmap.model import Point
from argmap.ui.actions import make_action
from argmap.ui.canvas import building
from argmap.ui.canvas.view import MapView
from argmap.ui.canvas.visibility import place_in_model

MIME_TYPE = "application/x-argmap+json"
#: Plain text pasted from elsewhere: at most this many lines become cards.
MAX_TEXT_CARDS = 200
_LINE_GAP = 140.0


class MapClipboard(QObject):
    """The canvas's Cut, Copy and Paste actions and what they do."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        self.cut_action = self._action("Cu&t", "Ctrl+X", "Cut the selected cards", "cut")
        self.copy_action = self._action(
            "Cop&y", "Ctrl+C", "Copy the selected cards and the relations among them", "copy"
        )
        self.paste_action = self._action(
            "&Paste", "Ctrl+V", "Paste cards (or a line of text per card)", "paste"
        )
        self.cut_action.triggered.connect(self.cut)
        self.copy_action.triggered.connect(self.copy)
        self.paste_action.triggered.connect(self.paste)

    def _action(self, text: str, key: str, tip: str, name: str) -> QAction:
        action = make_action(self.view, text, (key,), tip, name)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.addAction(action)
        return action

    def actions(self) -> list[QAction]:
        return [self.cut_action, self.copy_action, self.paste_action]

    def install(self, menu: QMenu, before: QAction | None) -> None:
        """Put Cut, Copy and Paste in ``menu`` before ``before`` (at the end if None)."""
        menu.insertActions(before, self.actions())  # type: ignore[arg-type]
        menu.insertSeparator(before)  # type: ignore[arg-type]

    # Doing ----------------------------------------------------------------------------------

    def selected_nodes(self) -> list[str]:
        argument_map = self.view.session.map
        return [i for i in self.view.selection.ids if argument_map.has_node(i)]

    def copy(self) -> bool:
        nodes = self.selected_nodes()
        if not nodes:
            self.view.report("Select the cards to copy first")
            return False
        fragment = fragment_of(self.view.session.map, nodes)
        data = QMimeData()
        data.setData(MIME_TYPE, fragment_json(fragment).encode("utf-8"))
        data.setText(fragment_text(fragment))
        QGuiApplication.clipboard().setMimeData(data)
        count = len(fragment["nodes"])
        self.view.report(f"Copied {count} card{'s' if count != 1 else ''}")
        return True

    def cut(self) -> None:
        if self.copy():
            building.delete_selected(self.view)

    def paste(self) -> list[str]:
        fragment = self._clipboard_fragment()
        if fragment is None:
            self.view.report("Nothing to paste: copy some cards or some text first")
            return []
        viewport = self.view.viewport().rect()
        scene_centre = self.view.mapToScene(viewport.center())
        centre = place_in_model(
            self.view.map_scene, Point(x=scene_centre.x(), y=scene_centre.y()), None
        )
        try:
            command, new_ids = paste_command(self.view.session.map, fragment, centre)
        except EditError as exc:
            self.view.report(str(exc))
            return []
        if not self.view.execute(command):
            return []
        self.view.selection.set(new_ids)
        self.view.report(f"Pasted {len(new_ids)} card{'s' if len(new_ids) != 1 else ''}")
        return new_ids

    def _clipboard_fragment(self) -> dict[str, Any] | None:
        data = QGuiApplication.clipboard().mimeData()
        if data is None:
            return None
        if data.hasFormat(MIME_TYPE):
            raw = bytes(data.data(MIME_TYPE).data()).decode("utf-8", errors="replace")
            fragment = parse_fragment(raw)
            if fragment is not None:
                return fragment
        text = data.text() if data.hasText() else ""
        return parse_fragment(text) or _text_fragment(text)


def _text_fragment(text: str) -> dict[str, Any] | None:
    """One claim a non-empty line of ``text`` (list marks dropped), stacked downwards."""
    lines = [" ".join(line.strip().lstrip("-*•").split()) for line in text.splitlines()]
    words = [line for line in lines if line][:MAX_TEXT_CARDS]
    if not words:
        return None
    return {
        FRAGMENT_KEY: 1,
        "nodes": [{"id": f"t{i}", "kind": "claim", "text": line} for i, line in enumerate(words)],
        "relations": [],
        "positions": {f"t{i}": {"x": 0.0, "y": i * _LINE_GAP} for i in range(len(words))},
    }
