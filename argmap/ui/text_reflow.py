"""Hard-wrapped source texts shown as running prose, without moving a single offset.

Texts copied from a PDF or an e-mail break every line at some fixed width, so a sentence is
cut wherever the original page ended ("...will be able to respond" / "by posting more...").
:func:`reflow` turns such soft line breaks into spaces. One character becomes one character, so
every anchor offset, selection and highlight is the same in the shown text as in the source.

A break is kept where the text means it: a blank line, a bullet, a line ending a sentence or
introducing a quote (``. ! ? : ”``), or a short line (a heading, the last line of a bullet)
followed by a capital. A lone bullet marker ("-") joins the item it marks.
"""

from __future__ import annotations

from itertools import pairwise

__all__ = ["reflow"]

#: A line ending with one of these ends what it says.
ENDINGS = tuple(".!?:;”\"'’)]")
#: A line starting with one of these is an item of its own.
BULLETS = ("-", "•", "*", "–", "—")
#: A line this much shorter than the text's usual line ended early, on purpose.
SHORT = 0.7


def reflow(text: str) -> str:
    """``text`` with its soft line breaks made spaces (same length, same offsets).

    >>> reflow("We will be able to respond\\nby posting more officers.\\nThat is all.")
    'We will be able to respond by posting more officers.\\nThat is all.'
    >>> reflow("Highlights\\n-\\nMore patrols on the\\nbeaches\\n-\\nNew technology")
    'Highlights\\n- More patrols on the beaches\\n- New technology'
    """
    lines = text.split("\n")
    if len(lines) < 3:
        return text
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    # The wrap width: most full lines reach it (the upper quartile, not fooled by short ones).
    usual = lengths[(len(lengths) - 1) * 3 // 4] if lengths else 0
    chars = list(text)
    offset = 0
    for line, following in pairwise(lines):
        offset += len(line)
        if _soft(line, following, usual):
            chars[offset] = " "
        offset += 1  # the break itself
    return "".join(chars)


def _soft(line: str, following: str, usual: int) -> bool:
    """Whether the break between ``line`` and ``following`` only wraps a long line."""
    here, there = line.strip(), following.strip()
    if not here or not there or line.endswith("\r"):
        return False
    if here in BULLETS:
        return True  # the marker and its item belong on one line
    if there.startswith(BULLETS) or here.endswith(ENDINGS):
        return False
    # A short line (a heading, an item's last line) then a capital: something new begins.
    return len(line.rstrip()) >= SHORT * usual or there[0].islower()
