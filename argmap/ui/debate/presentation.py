"""View > Present (F5): the case shown one step at a time, full screen, for a room.

Every pane is left behind: a full-screen view of the map's own scene shows the cards large,
in speech order. Cards not yet reached are hidden (or ghosted, a setting); the current one is
spotlit and the view glides to it. Keys: Right, Space, Page Down: next; Left, Page Up: back;
Home, End; B blanks the screen; Esc leaves. Leaving puts every card back as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from argmap.model import ArgumentMap, Relation
from argmap.ui.canvas.arrow_layer import LayerView
from argmap.ui.canvas.scene import MapScene

#: The opacity of a card not yet reached when unrevealed cards are ghosted.
GHOST_OPACITY = 0.12
#: The current card takes about this share of the screen's width.
CARD_SHARE = 0.34
GLIDE_MS = 350
SPOTLIGHT = QColor("#f1c40f")

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down}
BACK_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up, Qt.Key.Key_Backspace}


class Presentation(QWidget):
    """A full-screen walk through ``steps`` (node ids) over ``scene``; emits ``step_changed``."""

    #: int: the index of the step now shown
    step_changed = Signal(int)
    #: the presentation ended (Esc or closed); every card is as it was
    finished = Signal()

    def __init__(
        self,
        scene: MapScene,
        argument_map: ArgumentMap,
        steps: list[str],
        ghost: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(f"Presenting: {argument_map.title or 'argument map'}")
        self.scene, self.map, self.steps, self.ghost = scene, argument_map, steps, ghost
        self.index = 0
        self.blanked = False
        self.view = LayerView(scene, self)
        self.view.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setBackgroundBrush(QColor("white"))
        self.blank = QLabel(self)
        self.blank.setStyleSheet("background: black;")
        self.blank.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.spotlight = QGraphicsRectItem()
        self.spotlight.setPen(QPen(SPOTLIGHT, 6))
        self.spotlight.setZValue(0.5)  # under the cards (z 1), over the arrows
        self._saved = {item: (item.isVisible(), item.opacity()) for item in self._items()}
        self.scene.addItem(self.spotlight)
        # Room to centre a card at the map's edge: the view may scroll past the map.
        bounds = scene.map_rect()
        self.view.setSceneRect(bounds.adjusted(-4000, -4000, 4000, 4000))
        self._glide = QVariantAnimation(self)
        self._glide.setDuration(GLIDE_MS)
        self._glide.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._glide.valueChanged.connect(lambda value: self.view.centerOn(value))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _items(self) -> list[QGraphicsItem]:
        return [*self.scene.node_items(), *self.scene.edge_items()]

    # Moving --------------------------------------------------------------------------------

    def start(self, full_screen: bool = True) -> None:
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.activateWindow()
        self.setFocus()
        self.go(0, glide=False)

    def go(self, index: int, glide: bool = True) -> None:
        """Show steps up to ``index`` and spotlight it."""
        if not self.steps:
            return
        self.index = max(0, min(index, len(self.steps) - 1))
        revealed = set(self.steps[: self.index + 1])
        self._reveal(revealed)
        item = self.scene.node_item(self.steps[self.index])
        if item is not None:
            rect = item.scene_card_rect()
            self.spotlight.setRect(rect.adjusted(-10, -10, 10, 10))
            self._frame(rect, glide)
        self.step_changed.emit(self.index)

    def _reveal(self, revealed: set[str]) -> None:
        hidden_opacity = GHOST_OPACITY if self.ghost else 0.0
        for item in self.scene.node_items():
            item.setVisible(True)
            item.setOpacity(1.0 if item.node_id in revealed else hidden_opacity)
        relations = {relation.id: relation for relation in self.map.relations}
        for edge in self.scene.edge_items():
            relation = relations.get(edge.relation_id)
            shown = relation is not None and self._drawn(relation.id, relations, revealed)
            edge.setVisible(True)
            edge.setOpacity(1.0 if shown else hidden_opacity)

    def _drawn(self, relation_id: str, relations: dict[str, Relation], revealed: set[str]) -> bool:
        """A relation shows once its premises and its target (node or relation) are shown."""
        relation = relations[relation_id]
        if not revealed.issuperset(relation.premises):
            return False
        if relation.target in relations:
            return self._drawn(relation.target, relations, revealed)
        return relation.target in revealed

    def _frame(self, rect: QRectF, glide: bool) -> None:
        width = max(1, self.view.viewport().width())
        scale = max(0.6, min(3.0, width * CARD_SHARE / max(rect.width(), 1.0)))
        self.view.resetTransform()
        self.view.scale(scale, scale)
        target = rect.center()
        if not glide:
            self.view.centerOn(target)
            return
        start = self.view.mapToScene(self.view.viewport().rect().center())
        self._glide.stop()
        self._glide.setStartValue(QPointF(start))
        self._glide.setEndValue(QPointF(target))
        self._glide.start()

    # Keys ----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key == Qt.Key.Key_B:
            self.set_blank(not self.blanked)
        elif key in NEXT_KEYS:
            self.go(self.index + 1)
        elif key in BACK_KEYS:
            self.go(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.steps) - 1)
        else:
            super().keyPressEvent(event)

    def set_blank(self, on: bool) -> None:
        """Black the screen (B again brings the map back), as presenters do between points."""
        self.blanked = on
        self.blank.setGeometry(self.rect())
        self.blank.setVisible(on)
        if on:
            self.blank.raise_()

    def closeEvent(self, event: object) -> None:
        self._glide.stop()
        self.scene.removeItem(self.spotlight)
        for item, (visible, opacity) in self._saved.items():
            item.setVisible(visible)
            item.setOpacity(opacity)
        self.finished.emit()
        super().closeEvent(event)  # type: ignore[arg-type]
