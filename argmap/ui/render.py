"""Rendering a map without a screen: PNG, SVG or PDF, drawn by the canvas's own scene.

Qt's own writers do the work (QImage, QSvgGenerator, QPdfWriter); the picture is the one the
canvas shows, plus a small legend under the map.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from argmap.editing import EditSession
from argmap.io.atomic import write_atomic
from argmap.model import ArgmapError, ArgumentMap
from argmap.ui.canvas import lod
from argmap.ui.canvas.legend import LegendItem
from argmap.ui.canvas.scene import MapScene
from argmap.ui.render_pdf import DEFAULT_PAPER, check_paper, pdf_on_paper

FORMATS = ("png", "svg", "pdf")
#: Margin around the map in scene pixels.
MARGIN = 24.0
#: Without --width, images are drawn 1:1 but never wider or taller than this.
MAX_NATURAL_SIDE = 8000
#: --scale: the range offered, and the longest side a scaled image may reach.
MIN_SCALE, MAX_SCALE = 1.0, 4.0
MAX_SCALED_SIDE = 20_000
_LEGEND_GAP = 24.0
_app: QApplication | None = None


class RenderError(ArgmapError):
    """A map cannot be rendered as asked (unknown format, bad width, no Qt display)."""


def render_map(
    argument_map: ArgumentMap,
    out_path: str | Path,
    width: int | None = None,
    selection: list[str] | None = None,
    legend: bool = True,
    fmt: str | None = None,
    paper: str = DEFAULT_PAPER,
    scale: float | None = None,
) -> Path:
    """Draw ``argument_map`` to ``out_path`` (.png, .svg or .pdf) as the canvas shows it.

    ``width`` is the image width in pixels (PNG, SVG) or points (PDF), the height following the
    map's proportions; ``selection`` draws only those nodes (and the relations among them);
    ``fmt`` ("png", "svg", "pdf") overrides the format the extension names. A PDF is one page
    of ``paper`` (a4, a3, letter, legal) with the title on top, or the map's size with "map".
    ``scale`` (1 to 4, instead of ``width``) draws at that many pixels per point of the canvas
    at 100% (a PNG at 2× or 3× for sharp slides and print).
    """
    path = Path(out_path)
    fmt = output_format(path) if fmt is None else fmt.lower()
    if fmt not in FORMATS:
        raise RenderError(f"cannot render to {fmt!r}; use png, svg or pdf")
    if width is not None and not 16 <= width <= 30_000:
        raise RenderError(f"width must be between 16 and 30000 pixels, not {width}")
    paper = check_paper(paper)
    check_scale(scale, width)
    ensure_application()
    shown = argument_map if selection is None else submap(argument_map, selection)
    scene = MapScene(EditSession(shown.model_copy(deep=True)))
    scene.label_queue.flush()  # a picture has no "later": every label in its place
    source = _layout_legend(scene, legend)
    size = _output_size(source, width, scale)
    if fmt == "pdf":
        data = pdf_on_paper(
            source, size, shown.title, paper, lambda p, t: _draw(scene, p, t, source)
        )
    else:
        data = {"png": _png, "svg": _svg}[fmt](scene, source, size, shown.title)
    write_atomic(path, data)
    return path


def output_format(path: Path) -> str:
    """The format named by the file's extension, or a :class:`RenderError` saying which exist."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        shown = path.suffix or "no extension"
        raise RenderError(f"{path}: cannot render to {shown}; use .png, .svg or .pdf")
    return fmt


def ensure_application() -> QApplication:
    """The running QApplication, or a new offscreen one when there is none (headless use)."""
    global _app
    existing = QGuiApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        raise RenderError("rendering needs a QApplication, but a QGuiApplication is running")
    args = ["argmap"]
    if not os.environ.get("QT_QPA_PLATFORM"):
        args += ["-platform", "offscreen"]
    _app = QApplication(args)
    return _app


def submap(argument_map: ArgumentMap, node_ids: list[str]) -> ArgumentMap:
    """The map restricted to ``node_ids`` and the relations that still have a premise and a
    target among what is kept."""
    keep = set(node_ids)
    nodes = [n for n in argument_map.nodes if n.id in keep]
    relations = []
    kept_relations: set[str] = set()
    changed = True
    while changed:
        changed = False
        for relation in argument_map.relations:
            premises = [p for p in relation.premises if p in keep]
            target_ok = relation.target in keep or relation.target in kept_relations
            if relation.id in kept_relations or not premises or not target_ok:
                continue
            relations.append(relation.model_copy(update={"premises": premises}))
            kept_relations.add(relation.id)
            changed = True
    positions = {k: v for k, v in argument_map.layout.positions.items() if k in keep}
    layout = argument_map.layout.model_copy(update={"positions": positions})
    return argument_map.model_copy(
        update={"nodes": nodes, "relations": relations, "layout": layout}
    )


def _layout_legend(scene: MapScene, legend: bool) -> QRectF:
    rect = scene.map_rect()
    if rect.isEmpty():
        rect = QRectF(0, 0, 200, 100)
    if legend:
        item = LegendItem()
        item.setPos(rect.left(), rect.bottom() + _LEGEND_GAP)
        scene.addItem(item)
        rect = rect.united(item.sceneBoundingRect())
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def check_scale(scale: float | None, width: int | None = None) -> None:
    """A :class:`RenderError` unless ``scale`` is None or within 1 to 4 (and without a width)."""
    if scale is None:
        return
    if width is not None:
        raise RenderError("give a width or a scale, not both")
    if not MIN_SCALE <= scale <= MAX_SCALE:
        raise RenderError(f"scale must be between {MIN_SCALE:g} and {MAX_SCALE:g}, not {scale:g}")


def _output_size(source: QRectF, width: int | None, times: float | None = None) -> QSize:
    longest = max(source.width(), source.height())
    if times is not None:  # sharper, never past what a PNG reader can hold
        scale = min(times, MAX_SCALED_SIDE / longest)
    elif width is None:
        scale = min(1.0, MAX_NATURAL_SIDE / longest)
    else:
        scale = width / source.width()
    return QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))


def _draw(scene: MapScene, painter: QPainter, target: QRectF, source: QRectF) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(target, QColor("white"))
    scene.setBackgroundBrush(QColor("white"))
    with lod.full_detail():
        scene.render(painter, target, source)


def _png(scene: MapScene, source: QRectF, size: QSize, title: str) -> bytes:
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    image.setText("Title", title)
    painter = QPainter(image)
    _draw(scene, painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    return _save_image(image)


def _save_image(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stub asks for bytes, but this PySide6 accepts only str for the format.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RenderError("Qt could not encode the PNG image")
    buffer.close()
    return bytes(data.data())


def _svg(scene: MapScene, source: QRectF, size: QSize, title: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title or "Argument map")
    generator.setDescription("Drawn by argmap")
    painter = QPainter(generator)
    _draw(scene, painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    buffer.close()
    return bytes(data.data())
