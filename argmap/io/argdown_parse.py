"""Argdown items -> an :class:`ArgdownDocument` (statements, arguments, relations).

Relations attach to the nearest less indented element above them. A run of numbered lines
with inference lines (``--``/``----``, optionally with a rule between two ``--`` lines) is a
premise-conclusion structure of the argument named just before it; each inference uses the
statements since the previous conclusion (that conclusion included), or those its
``{uses: [...]}`` data names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.io.argdown_doc import (
    ArgdownDocument,
    ArgumentDef,
    ElementKind,
    Ref,
    RelationSpec,
    RelationType,
    StatementDef,
    Step,
)
from argmap.io.argdown_lex import ArgdownSyntaxError, Item, lex
from argmap.io.argdown_text import Cleaned, TextDataError, clean

#: marker -> (relation type, whether the indented element is the relation's source)
MARKERS: dict[str, tuple[RelationType, bool]] = {
    "+": ("support", True),
    "<+": ("support", True),
    "-": ("attack", True),
    "<-": ("attack", True),
    "_": ("undercut", True),
    "<_": ("undercut", True),
    "+>": ("support", False),
    "->": ("attack", False),
    "_>": ("undercut", False),
    "><": ("contradiction", False),
}
_TITLE = {
    "[": re.compile(r"\[((?:[^\]\\]|\\.)+)\]", re.DOTALL),
    "<": re.compile(r"<((?:[^>\\]|\\.)+)>", re.DOTALL),
}
_CLOSER = {"[": "]", "<": ">"}
_MENTION = re.compile(r"@[\[<]([^\]>]*)[\]>]")


def parse_argdown(text: str) -> ArgdownDocument:
    """Parse Argdown text; raises :class:`ArgdownSyntaxError` with a line and column."""
    lexed = lex(text)
    builder = _Builder(
        ArgdownDocument(
            title=lexed.title, front_matter=lexed.front_matter, extension=lexed.extension
        )
    )
    for item in lexed.items:
        builder.feed(item)
    builder.end_pcs()
    return builder.doc


@dataclass
class _Entry:
    item: Item
    key: str | None = None  # a statement key, or None for an inference
    rule: Cleaned | None = None


def _error(item: Item, offset: int, message: str) -> ArgdownSyntaxError:
    line, column = item.locate(offset)
    return ArgdownSyntaxError(line, column, message)


def _at(item: Item, message: str) -> ArgdownSyntaxError:
    return ArgdownSyntaxError(item.line, item.column, message)


def _clean_at(item: Item, offset: int, raw: str) -> Cleaned:
    try:
        return clean(raw)
    except TextDataError as exc:
        raise _error(item, offset + exc.offset, f"broken {{data}}: {exc}") from None


def element(item: Item) -> tuple[ElementKind, str | None, Cleaned]:
    """What an item's text defines or refers to: a titled or untitled statement, an argument."""
    text = item.text
    body = text.lstrip()
    lead = len(text) - len(body)
    opener = body[:1]
    if opener not in _TITLE:
        return "statement", None, _clean_at(item, lead, text)
    match = _TITLE[opener].match(body)
    if match is None:
        what = "statement title" if opener == "[" else "argument title"
        raise _error(
            item, lead, f"{what} opened with {opener} is never closed (expected {_CLOSER[opener]})"
        )
    rest = body[match.end() :]
    if opener == "[" and rest.startswith("("):  # a Markdown link opening plain text
        return "statement", None, _clean_at(item, lead, text)
    title = clean(match.group(1), keep_data=False).text
    skip = 1 if rest.startswith(":") else 0
    cleaned = _clean_at(item, lead + match.end() + skip, rest[skip:])
    return ("statement" if opener == "[" else "argument"), title, cleaned


class _Builder:
    def __init__(self, doc: ArgdownDocument) -> None:
        self.doc = doc
        self.stack: list[tuple[int, Ref]] = []
        self.last_argument: str | None = None
        self.pcs: list[_Entry] | None = None
        self.pcs_argument = ""
        self.headings: list[tuple[int, str | None]] = []

    def feed(self, item: Item) -> None:
        if item.kind == "relation":
            self.relation(item)
        elif item.kind == "pcs":
            self.pcs_line(item)
        elif item.kind == "inference":
            self.inference(item)
        else:
            self.end_pcs()
            self.stack = []
            if item.kind == "heading":
                self.heading(item)
            else:
                self.paragraph(item)

    @property
    def group(self) -> str | None:
        return next((title for _, title in reversed(self.headings) if title), None)

    def heading(self, item: Item) -> None:
        cleaned = _clean_at(item, 0, item.text)
        level = len(item.marker)
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        title = " ".join(_MENTION.sub(r"\1", cleaned.text).split())
        is_group = cleaned.data.get("isGroup", True) is not False and bool(title)
        self.headings.append((level, title if is_group else None))
        self.doc.groups += int(is_group)
        self.last_argument = None

    def paragraph(self, item: Item) -> None:
        ref = self.register(item, *element(item))
        self.stack = [(item.indent, ref)]
        self.last_argument = ref.key if ref.kind == "argument" else None

    def register(self, item: Item, kind: ElementKind, title: str | None, cleaned: Cleaned) -> Ref:
        if kind == "argument":
            assert title is not None
            return self._register_argument(item, title, cleaned)
        if title is None and not cleaned.text:
            raise _error(item, 0, "empty statement (expected some text or a [title])")
        key = title if title is not None else "\0" + cleaned.text
        statement = self.doc.statements.get(key)
        if statement is None:
            statement = self.doc.statements[key] = StatementDef(key, title, item.line)
        if cleaned.text and cleaned.text not in statement.texts:
            if not statement.texts:
                statement.group = self.group
            statement.texts.append(cleaned.text)
        statement.group = statement.group or self.group
        if cleaned.text or cleaned.data or item.kind == "paragraph":  # its own definition
            statement.defined_line = statement.defined_line or item.line
        _merge(statement.tags, statement.data, cleaned)
        return Ref("statement", key)

    def _register_argument(self, item: Item, title: str, cleaned: Cleaned) -> Ref:
        argument = self.doc.arguments.get(title)
        if argument is None:
            argument = self.doc.arguments[title] = ArgumentDef(title, item.line, group=self.group)
        if cleaned.text and cleaned.text not in argument.descriptions:
            argument.defined_line = argument.defined_line or item.line
            argument.descriptions.append(cleaned.text)
        _merge(argument.tags, argument.data, cleaned)
        return Ref("argument", title)

    def relation(self, item: Item) -> None:
        while len(self.stack) > 1 and self.stack[-1][0] >= item.indent:
            self.stack.pop()
        if not self.stack or self.stack[0][0] > item.indent:
            raise ArgdownSyntaxError(
                item.line,
                item.column,
                f"relation {item.marker} has nothing to relate to (expected a statement or "
                "argument above it, less indented)",
            )
        parent = self.stack[-1][1]
        child = self.register(item, *element(item))
        kind, child_is_source = MARKERS[item.marker]
        source, target = (child, parent) if child_is_source else (parent, child)
        self.doc.relations.append(RelationSpec(kind, source, target, item.line, item.column))
        self.stack.append((item.indent, child))

    def pcs_line(self, item: Item) -> None:
        if self.pcs is None:
            self.pcs = []
            self.pcs_argument = self.last_argument or self._untitled_argument(item)
        kind, title, cleaned = element(item)
        if kind == "argument":
            raise _at(item, "a numbered line holds a statement, not an argument <...>")
        ref = self.register(item, kind, title, cleaned)
        self.pcs.append(_Entry(item, key=ref.key))
        self.stack = [(item.indent, ref)]

    def _untitled_argument(self, item: Item) -> str:
        number = 1 + sum(1 for key in self.doc.arguments if key.startswith("Untitled argument"))
        title = f"Untitled argument {number}"
        self.doc.arguments[title] = ArgumentDef(title, item.line, group=self.group)
        return title

    def inference(self, item: Item) -> None:
        if not self.pcs:
            raise ArgdownSyntaxError(
                item.line,
                item.column,
                "inference line outside a premise-conclusion structure "
                "(expected numbered premises (1), (2), ... above it)",
            )
        if item.segments and not item.closed:
            raise ArgdownSyntaxError(
                item.line,
                item.column,
                "inference rule opened with -- is never closed "
                "(expected a line -- before the conclusion)",
            )
        if self.pcs[-1].key is None:
            raise ArgdownSyntaxError(
                item.line, item.column, "two inference lines in a row (expected a conclusion)"
            )
        self.pcs.append(_Entry(item, rule=_clean_at(item, 0, item.text)))
        self.stack = []

    def end_pcs(self) -> None:
        if self.pcs is None:
            return
        entries, self.pcs = self.pcs, None
        argument = self.doc.arguments[self.pcs_argument]
        if argument.pcs_line is not None:
            raise _at(
                entries[0].item,
                f"argument <{argument.key}> is reconstructed twice "
                f"(its premise-conclusion structure is at line {argument.pcs_line} already)",
            )
        argument.steps = _steps(entries)
        argument.pcs_line = entries[0].item.line


def _merge(tags: list[str], data: dict[str, object], cleaned: Cleaned) -> None:
    tags.extend(tag for tag in cleaned.tags if tag not in tags)
    for key, value in cleaned.data.items():
        data.setdefault(key, value)


def _steps(entries: list[_Entry]) -> list[Step]:
    if all(entry.key is not None for entry in entries):
        raise _at(
            entries[0].item,
            "numbered statements without an inference line (expected ---- above the conclusion)",
        )
    if entries[-1].key is None:
        raise _at(entries[-1].item, "inference line has no conclusion below it (expected (n) ...)")
    steps: list[Step] = []
    since: list[str] = []
    labels: dict[str, str] = {}
    pending: _Entry | None = None
    for entry in entries:
        if entry.key is None:
            pending = entry
            continue
        if pending is not None:
            steps.append(_step(pending, since, labels, entry.key))
            since, pending = [], None
        since.append(entry.key)
        labels.setdefault(entry.item.marker, entry.key)
    return steps


def _step(inference: _Entry, since: list[str], labels: dict[str, str], conclusion: str) -> Step:
    assert inference.rule is not None
    uses = inference.rule.data.get("uses")
    premises = since
    if isinstance(uses, list) and uses:
        missing = [str(u) for u in uses if str(u) not in labels]
        if missing:
            raise _at(
                inference.item,
                f"the inference uses ({missing[0]}), "
                f"but no statement ({missing[0]}) comes before it",
            )
        premises = [labels[str(u)] for u in uses]
    premises = [p for p in dict.fromkeys(premises) if p != conclusion]
    if not premises:
        raise _at(inference.item, "inference line has no premises above it")
    return Step(premises, conclusion, inference.rule.text, inference.rule.data, inference.item.line)
