"""At overview zoom a card is a coloured block; its first words are drawn on it as a title,
large enough to read (about :data:`TITLE_PIXELS` on screen), instead of leaving it blank."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from argmap.ui.canvas.card import text_font

#: The title's height on screen (device pixels), whatever the zoom.
TITLE_PIXELS = 10.5
#: Cards narrower than this on screen (device pixels) stay blank: no word would fit.
MIN_CARD_PIXELS = 44.0
#: Room around the title inside the block, on screen.
INSET_PIXELS = 3.0
TITLE_INK = QColor("#ffffff")


def title_lines(text: str, metrics: QFontMetricsF, width: float, lines: int) -> list[str]:
    """``text`` wrapped at words into at most ``lines`` lines of ``width``; the last line
    takes the rest, cut with an ellipsis (so it is filled, not left short)."""
    words = text.split()
    out: list[str] = []
    while words and len(out) < lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words:
        out.append(" ".join(words))
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in out]


def paint_title(painter: QPainter, rect: QRectF, text: str, scale: float) -> bool:
    """Draw ``text``'s first words in ``rect`` at a readable size; False if the card is too
    small on screen for any (``scale``: device pixels per scene pixel)."""
    if not text or scale <= 0 or rect.width() * scale < MIN_CARD_PIXELS:
        return False
    pixels = max(1, round(TITLE_PIXELS / scale))
    font, metrics = _font(pixels)
    inset = INSET_PIXELS / scale
    inner = rect.adjusted(inset, inset, -inset, -inset)
    lines = int(inner.height() // metrics.lineSpacing())
    if lines < 1:
        return False
    shown = _lines(text, pixels, round(inner.width(), 1), lines)
    painter.save()
    painter.setFont(font)
    painter.setPen(TITLE_INK)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    painter.drawText(inner, int(flags), "\n".join(shown))
    painter.restore()
    return True


# Zooming repaints every card: fonts and wrapped titles are made once per size, not per paint.


@lru_cache(maxsize=64)
def _font(pixels: int) -> tuple[QFont, QFontMetricsF]:
    font = QFont(text_font())
    font.setBold(True)
    font.setPixelSize(pixels)
    return font, QFontMetricsF(font)


@lru_cache(maxsize=8192)
def _lines(text: str, pixels: int, width: float, lines: int) -> list[str]:
    return title_lines(text, _font(pixels)[1], width, lines)
