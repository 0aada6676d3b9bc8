"""Comments found by pattern (3x faster Argdown) blank exactly what the old scan blanked."""

from __future__ import annotations

import random

import pytest

from argmap.io.argdown_lex import ArgdownSyntaxError, blank_comments


def _scan(text: str) -> str:
    """The former character-by-character scan, kept as the definition."""
    out = list(text)
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if text.startswith("/*", index) or text.startswith("<!--", index):
            closer = "*/" if char == "/" else "-->"
            end = text.find(closer, index + 2)
            if end == -1:
                raise ArgdownSyntaxError(0, 0, "never closed")
            for i in range(index, end + len(closer)):
                out[i] = out[i] if out[i] == "\n" else " "
            index = end + len(closer)
            continue
        if text.startswith("//", index) and (index == 0 or text[index - 1].isspace()):
            end = text.find("\n", index)
            end = len(text) if end == -1 else end
            for i in range(index, end):
                out[i] = " "
            index = end
            continue
        index += 1
    return "".join(out)


def test_pattern_and_scan_agree_on_random_texts() -> None:
    rng = random.Random(7)
    alphabet = ["/", "*", "<", "!", "-", ">", "\\", "\n", " ", "a", "//", "/*", "*/", "<!--", "-->"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        try:
            expected = _scan(text)
        except ArgdownSyntaxError:
            with pytest.raises(ArgdownSyntaxError):
                blank_comments(text)
            continue
        assert blank_comments(text) == expected, repr(text)
