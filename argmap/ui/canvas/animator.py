"""Cards gliding to new places: a view-only animation after a layout or a change of view.

The model has already changed (one command) or the view already chose its positions when an
animation starts: the scene has put every card at its target. The animator puts the moved
cards back where they were and lets them glide there over about a quarter of a second. Any
later change to the scene ends the glide at once, every card exactly at its target.

While the cards glide their arrows run straight: bending an arrow around the cards in its
way costs far more than a frame (a search over the map), and the landing bends them.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QObject, QPointF, QVariantAnimation

from argmap.ui.canvas.scene import MapScene

#: How long a glide takes (ms); 0 moves cards at once (tests may set it).
DURATION_MS = 250
#: More moving cards than this jump instead: each frame re-routes their arrows.
MAX_ANIMATED = 400


class CardAnimator(QObject):
    """Glides a scene's cards from where they were to where the scene now puts them."""

    def __init__(self, scene: MapScene, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        #: Length of a glide in ms; 0 (or below) disables animation.
        self.duration_ms = DURATION_MS
        self._starts: dict[str, QPointF] = {}
        self._targets: dict[str, QPointF] = {}
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._animation.valueChanged.connect(self._step)
        self._animation.finished.connect(self._land)
        # Whatever the scene applies next (an undo, an edit) ends the glide first.
        scene.synced.connect(lambda _changes: self.stop())
        scene.rebuilt.connect(self.stop)

    @property
    def running(self) -> bool:
        return bool(self._targets)

    def positions(self) -> dict[str, QPointF]:
        """Where each card is now (before a change: the start of the next glide)."""
        return {item.node_id: item.pos() for item in self.scene.node_items()}

    def glide_from(self, starts: dict[str, QPointF]) -> None:
        """Move the cards that changed place from ``starts`` to where they are now."""
        self.stop()
        targets: dict[str, QPointF] = {}
        for node_id, start in starts.items():
            item = self.scene.node_item(node_id)
            if item is not None and item.pos() != start:
                targets[node_id] = item.pos()
        if not targets or self.duration_ms <= 0 or len(targets) > MAX_ANIMATED:
            return
        self._starts = {node_id: starts[node_id] for node_id in targets}
        self._targets = targets
        self.scene.move_live(dict(self._starts), bend=False)
        self._animation.setDuration(self.duration_ms)
        self._animation.start()

    def stop(self) -> None:
        """End a glide now, every moving card at its target."""
        if not self._targets:
            return
        self._animation.stop()
        self._land()

    def _step(self, value: object) -> None:
        if not self._targets or not isinstance(value, float):
            return
        frame = {
            node_id: start + (self._targets[node_id] - start) * value
            for node_id, start in self._starts.items()
        }
        self.scene.move_live(frame, bend=False)

    def _land(self) -> None:
        targets, self._targets, self._starts = self._targets, {}, {}
        if targets:
            # Exactly where the scene wants each card now (it may have moved on meanwhile).
            view_position = self.scene.view_position
            self.scene.move_live(
                {n: QPointF(view_position(n).x, view_position(n).y) for n in targets}
            )
