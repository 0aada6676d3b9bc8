"""Trivial Graph Format frameworks and their answer files (the format of ICCMA-style test sets).

A TGF file lists one argument per line (an id, optionally followed by a label), then a line
``#``, then one attack per line (``attacker attacked``). An answer file lists the expected
extensions: one per line with the names space- or comma-separated, or bracketed
(``[a,b]``, several on a line as ``[[a,b],[c]]``); ``[]`` or an empty file is the one empty
extension. :func:`corpus_cases` pairs ``NAME.tgf`` with ``NAMEanswer`` in a folder and reads the
semantics from the name (``preferred2.tgf`` is about preferred extensions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from argmap.analysis.dung import DungFramework
from argmap.analysis.errors import FrameworkError

__all__ = ["CorpusCase", "corpus_cases", "parse_answer", "parse_tgf", "read_answer", "read_tgf"]

_GROUP = re.compile(r"\[([^\[\]]*)\]")
_SEMANTICS = ("grounded", "complete", "preferred", "stable")


def parse_tgf(text: str, name: str = "<tgf>") -> DungFramework:
    """A framework from TGF text; errors name the line.

    Examples
    --------
    >>> parse_tgf("a\\nb\\n#\\na b\\n").attacks
    (('a', 'b'),)
    """
    arguments: list[str] = []
    attacks: list[tuple[str, str]] = []
    in_edges = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line == "#":
            in_edges = True
            continue
        words = line.split()
        if not in_edges:
            arguments.append(words[0])
        elif len(words) < 2:
            raise FrameworkError(f"{name}, line {number}: an attack needs two arguments: {line!r}")
        else:
            attacks.append((words[0], words[1]))
    try:
        return DungFramework.of(arguments, attacks)
    except FrameworkError as exc:
        raise FrameworkError(f"{name}: {exc}") from None


def read_tgf(path: str | Path) -> DungFramework:
    """The framework in a TGF file."""
    return parse_tgf(Path(path).read_text(encoding="utf-8"), str(path))


def parse_answer(text: str) -> list[frozenset[str]]:
    """The extensions an answer text lists (see the module docstring for the forms).

    Examples
    --------
    >>> parse_answer("[a1,a2]\\n[a3]") == [frozenset({"a1", "a2"}), frozenset({"a3"})]
    True
    >>> parse_answer(""), parse_answer("[]")
    ([frozenset()], [frozenset()])
    """
    if not text.strip():
        return [frozenset()]
    if "[" in text:
        groups = _GROUP.findall(text)
    else:
        groups = [line for line in text.splitlines() if line.strip()]
    return [frozenset(re.split(r"[\s,]+", group.strip())) - {""} for group in groups]


def read_answer(path: str | Path) -> list[frozenset[str]]:
    """The extensions an answer file lists."""
    return parse_answer(Path(path).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class CorpusCase:
    """A framework file, its answer file, and the semantics the answer is for."""

    name: str
    semantics: str
    framework: Path
    answer: Path


def corpus_cases(folder: str | Path) -> list[CorpusCase]:
    """Every ``NAME.tgf`` in ``folder`` with a ``NAMEanswer`` beside it, by name."""
    cases = []
    for tgf in sorted(Path(folder).glob("*.tgf")):
        answer = tgf.with_name(tgf.stem + "answer")
        semantics = next((s for s in _SEMANTICS if tgf.stem.lower().startswith(s)), None)
        if answer.is_file() and semantics is not None:
            cases.append(CorpusCase(tgf.stem, semantics, tgf, answer))
    return cases
