"""How cards, arrows and scheme labels tell their scene's label obstacles that they changed.

An item calls :func:`changed` when it moves, is laid again, is shown or hidden, or comes or
goes; the scene's :class:`~argmap.ui.canvas.label_obstacles.LabelObstacles` (its attribute
``label_obstacles``, if it has one) notes the item and brings it up to date before the next
label pass. Nothing here imports the items, so they can import it.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

#: The scene attribute that holds the watcher.
ATTRIBUTE = "label_obstacles"


class Watcher(Protocol):
    def note(self, item: QGraphicsItem) -> None: ...


def changed(item: QGraphicsItem, scene: QGraphicsScene | None = None) -> None:
    """Tell ``scene`` (by default the item's own, if any) that ``item`` changed."""
    if scene is None:
        scene = item.scene()
        if scene is None:
            return
    watcher: Watcher | None = getattr(scene, ATTRIBUTE, None)
    if watcher is not None:
        watcher.note(item)
