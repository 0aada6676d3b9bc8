"""Drawing a relation from the keyboard: arrows pick the target, Enter commits, Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

from argmap.model import RelationKind
from argmap.ui.canvas.navigation import Direction, neighbour
from argmap.ui.canvas.tools import LinkTool

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class KeyboardLinkTool(LinkTool):
    """A :class:`LinkTool` steered by keys; a click on a card or arrow also completes it."""

    target: str | None = None

    def begin(self) -> None:
        scene = self.view.map_scene
        source = scene.node_item(self.premises[0])
        if source is None:
            return
        self.show_from(source.handle_center())
        self.target = self._next(self.premises[0], Direction.UP) or self._nearest()
        self._show_target()
        self.view.report(
            "Link: arrow keys choose the target; Enter = support, Shift+Enter = attack, Esc cancels"
        )

    def step(self, direction: Direction) -> None:
        found = self._next(self.target or self.premises[0], direction)
        if found is not None:
            self.target = found
            self._show_target()

    def key(self, event: QKeyEvent) -> bool:
        """Handle a key; True when the gesture has ended."""
        if event.key() not in _ENTER:
            return False
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        self.complete(RelationKind.ATTACK if shift else RelationKind.SUPPORT)
        return True

    def complete(self, kind: RelationKind) -> None:
        """Link the premises to the chosen target with ``kind`` and end the gesture."""
        target = self.target
        self.cancel()
        if target is not None:
            self.commit(target, kind)

    def finish(self, event: QMouseEvent) -> None:
        target = self.target_at(self.scene_pos(event))
        self.cancel()
        if target is not None:
            self.commit(target, self._kind_from(event.modifiers()))

    def _show_target(self) -> None:
        item = self.view.map_scene.node_item(self.target) if self.target else None
        if item is not None:
            self.point_at(item.scene_card_rect().center(), self.target)
            self.view.ensureVisible(item.sceneBoundingRect(), 30, 30)

    def _centres(self) -> dict[str, tuple[float, float]]:
        return {i.node_id: (i.x(), i.y()) for i in self.view.map_scene.node_items()}

    def _next(self, start: str, direction: Direction) -> str | None:
        centres = self._centres()
        for premise in self.premises:
            if premise != start:
                centres.pop(premise, None)
        return neighbour(centres, start, direction)

    def _nearest(self) -> str | None:
        centres = self._centres()
        origin = centres.get(self.premises[0])
        if origin is None:
            return None
        others = [n for n in centres if n not in self.premises]
        return min(
            others,
            key=lambda n: (centres[n][0] - origin[0]) ** 2 + (centres[n][1] - origin[1]) ** 2,
            default=None,
        )
