"""File > Compare With… and File > Merge Map…: another map's differences, then its merge.

Comparing is a view: the differences are drawn on the canvas (see
:mod:`argmap.ui.seminar.compare_overlay`), listed in the Compare panel to walk them, and the
selected card's other version shown in the inspector. Nothing changes until the user accepts:
Accept and Merge runs the merge as one undo step, the same as File > Merge Map….
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from argmap.editing import Change
from argmap.io import native
from argmap.model import ArgmapError, ArgumentMap, Node
from argmap.seminar.diff import MapDiff, diff_maps
from argmap.seminar.merge import MergeResult, merge_maps
from argmap.seminar.merge_command import MergeMaps
from argmap.seminar.report import short
from argmap.ui.bridge import SessionBridge
from argmap.ui.canvas.view import MapView
from argmap.ui.runner import CommandRunner
from argmap.ui.seminar.compare_overlay import CompareOverlay

#: Role of a list row: ("node", id in the open map) or ("ghost", id in the other map).
ROW_TARGET = Qt.ItemDataRole.UserRole


@dataclass
class Comparison:
    """One comparison: the other map, the diff and the merge it would make."""

    path: Path
    other: ArgumentMap
    diff: MapDiff
    preview: MergeResult

    @property
    def label(self) -> str:
        return self.path.name.removesuffix(".argmap.json")


class ComparePanel(QWidget):
    """The differences as a list, and the buttons to merge them in or stop comparing."""

    #: (kind, id): a row was chosen ("node": a card of the open map; "ghost": an added card)
    row_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("Nothing compared yet: File > Compare With…")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.accept_button = QPushButton("Accept and &Merge")
        self.accept_button.setToolTip("Merge the other map in (one undo step)")
        self.close_button = QPushButton("&Stop Comparing")
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)
        self.show_comparison(None, None)

    def show_comparison(self, comparison: Comparison | None, current: ArgumentMap | None) -> None:
        self.list.clear()
        enabled = comparison is not None and current is not None
        self.accept_button.setEnabled(enabled)
        self.close_button.setEnabled(enabled)
        if comparison is None or current is None:
            self.summary.setText("Nothing compared yet: File > Compare With…")
            return
        nodes, other_nodes = current.node_index(), comparison.other.node_index()
        diff = comparison.diff
        self.summary.setText(
            f"Compared with {comparison.label}: {len(diff.nodes.added)} added, "
            f"{len(diff.nodes.removed)} missing, {len(diff.nodes.changed)} changed, "
            f"{len(diff.nodes.same)} the same; relations: {len(diff.relations.added)} added, "
            f"{len(diff.relations.removed)} missing."
        )
        for a_id, b_id in diff.nodes.changed:
            self._row(
                f"~ {short(nodes[a_id].text)}", "node", a_id, f"Theirs: {other_nodes[b_id].text}"
            )
        for b_id in diff.nodes.added:
            self._row(f"+ {short(other_nodes[b_id].text)}", "ghost", b_id, other_nodes[b_id].text)
        for a_id in diff.nodes.removed:
            self._row(f"− {short(nodes[a_id].text)}", "node", a_id, "Not in the other map")
        other_relations = comparison.other.relation_index()
        for b_id in diff.relations.added:
            relation = other_relations[b_id]
            words = _link(comparison.other, relation.premises, relation.target, relation.kind)
            self._row(f"+ link: {words}", "none", b_id, "A link only the other map makes")
        relations = current.relation_index()
        for a_id in diff.relations.removed:
            relation = relations[a_id]
            words = _link(current, relation.premises, relation.target, relation.kind)
            self._row(f"− link: {words}", "edge", a_id, "A link the other map does not make")

    def _row(self, text: str, kind: str, item_id: str, tip: str) -> None:
        row = QListWidgetItem(text)
        row.setData(ROW_TARGET, (kind, item_id))
        row.setToolTip(tip)
        self.list.addItem(row)

    def _chosen(self, row: QListWidgetItem) -> None:
        kind, item_id = row.data(ROW_TARGET)
        self.row_chosen.emit(str(kind), str(item_id))


def _link(m: ArgumentMap, premises: list[str], target: str, kind: str) -> str:
    nodes = m.node_index()
    start = " + ".join(short(nodes[p].text, 25) for p in premises if p in nodes)
    end = short(nodes[target].text, 25) if target in nodes else "an inference"
    return f"{start} {'→' if kind == 'support' else '⊣'} {end}"


class OtherVersionSection(QGroupBox):
    """Inspector section: the selected statement as the compared map has it."""

    def __init__(self, controller: CompareController, parent: QWidget | None = None) -> None:
        super().__init__("In the other map", parent)
        self.controller = controller
        self.subject: str | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self).addWidget(self.text)
        controller.changed.connect(self.refresh)
        self.hide()

    def show_subject(self, subject: str | None) -> None:
        self.subject = subject
        self.refresh()

    def refresh(self) -> None:
        comparison = self.controller.comparison
        if comparison is None or self.subject is None:
            self.hide()
            return
        diff = comparison.diff
        changed = dict(diff.nodes.changed)
        if self.subject in changed:
            other = comparison.other.node(changed[self.subject])
            self.text.setText(_describe(other, comparison.label))
        elif self.subject in diff.nodes.removed:
            self.text.setText(f"{comparison.label} does not have this statement.")
        elif self.subject in dict(diff.nodes.same):
            self.text.setText(f"{comparison.label} has it the same.")
        else:
            self.hide()
            return
        self.show()


def _describe(node: Node, label: str) -> str:
    lines = [f"{label} has it as a {node.kind.value}:", "", node.text]
    if node.evidence_type is not None:
        lines.append(f"Evidence type: {node.evidence_type.value.replace('_', ' ')}")
    if node.anchors:
        lines.append("Quotes: " + " / ".join(f"“{short(a.quote, 60)}”" for a in node.anchors))
    return "\n".join(lines)


class CompareController(QObject):
    """Holds the comparison in progress, redraws it after edits, merges on acceptance."""

    #: the comparison started, changed or stopped
    changed = Signal()
    #: str: a message for the status bar
    message = Signal(str)

    def __init__(
        self,
        bridge: SessionBridge,
        runner: CommandRunner,
        canvas: MapView,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge, self.runner, self.canvas = bridge, runner, canvas
        self.overlay = CompareOverlay(canvas.map_scene)
        self.panel = ComparePanel()
        self.comparison: Comparison | None = None
        self.panel.accept_button.clicked.connect(self.accept)
        self.panel.close_button.clicked.connect(self.stop)
        self.panel.row_chosen.connect(self._go_to)
        bridge.changed.connect(self._on_changes)
        canvas.map_scene.rebuilt.connect(self._redraw)

    @property
    def argument_map(self) -> ArgumentMap:
        return self.bridge.session.map

    def compare_with(self, path: Path) -> Comparison:
        """Start comparing with the map at ``path`` (raises ArgmapError for a bad file)."""
        other = native.load(path).map
        self.comparison = self._compare(path, other)
        self._redraw()
        diff = self.comparison.diff
        self.message.emit(
            f"Comparing with {self.comparison.label}: {len(diff.nodes.added)} added, "
            f"{len(diff.nodes.removed)} missing, {len(diff.nodes.changed)} changed"
        )
        return self.comparison

    def _compare(self, path: Path, other: ArgumentMap) -> Comparison:
        current = self.argument_map
        preview = merge_maps(current, other, labels=["", path.name.removesuffix(".argmap.json")])
        return Comparison(path, other, diff_maps(current, other), preview)

    def stop(self) -> None:
        self.comparison = None
        self._redraw()

    def accept(self) -> bool:
        """Merge the compared map in (one undo step) and stop comparing."""
        if self.comparison is None:
            return False
        comparison = self.comparison
        done = merge_into(self.runner, self.argument_map, [comparison.other], [comparison.label])
        if done is not None:
            self.stop()
            self.message.emit(_merged_message(done, comparison.label))
        return done is not None

    def _on_changes(self, _changes: list[Change]) -> None:
        if self.comparison is not None:
            self.comparison = self._compare(self.comparison.path, self.comparison.other)
            self._redraw()

    def _redraw(self) -> None:
        comparison = self.comparison
        self.overlay.clear()
        if comparison is not None:
            added = {oid: mid for (_, oid), mid in comparison.preview.added_from.items()}
            self.overlay.show(
                comparison.diff,
                comparison.other,
                comparison.preview.map,
                added,
                frozenset(comparison.preview.added_relations),
            )
        self.panel.show_comparison(comparison, self.argument_map)
        self.changed.emit()

    def _go_to(self, kind: str, item_id: str) -> None:
        if kind in ("node", "edge"):
            self.canvas.center_on(item_id)
        elif item_id in self.overlay.ghosts:
            self.canvas.centerOn(self.overlay.ghosts[item_id])


def merge_into(
    runner: CommandRunner, current: ArgumentMap, others: list[ArgumentMap], labels: list[str]
) -> MergeResult | None:
    """Run the merge as one undoable command; its result, or None if it was refused."""
    command = MergeMaps(others, ["", *labels])
    if not runner.run(command):
        return None
    return command.result


def _merged_message(result: MergeResult, label: str) -> str:
    return (
        f"Merged {label}: {len(result.added_nodes)} statements and "
        f"{len(result.added_relations)} relations added, {len(result.conflicts)} other wordings "
        "kept in the notes"
    )


def load_other(path: Path) -> ArgumentMap:
    """A map to compare or merge (ArgmapError with one clear message when it cannot be read)."""
    try:
        return native.load(path).map
    except ArgmapError:
        raise
    except OSError as exc:
        raise ArgmapError(f"{path}: {exc.strerror or exc}") from None
