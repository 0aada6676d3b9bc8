"""The dialogue layer of AIF (L, YA, TA nodes) kept as what argmap models: words and speakers.

argmap has no locutions, so the statements they anchor keep them another way: every locution
that anchors a statement (L -> YA -> I) becomes a line of a *transcript* source document, the
statement gets an anchor on the locution's words, and its citation names the speaker (and the
time, when the file has it). The transition and illocution nodes themselves are left out and
counted in the import summary.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from argmap.io.aif_graph import AifGraph
from argmap.model import Citation, SourceDocument, TextAnchor

#: "Fiona Bruce : Do you think ..." -> speaker, words (QT30 and OVA both write locutions so).
_SPEAKER = re.compile(r"^(?P<speaker>[^:\n]{1,80}?)\s*:\s+(?P<words>\S.*)$", re.DOTALL)


@dataclass
class DialogueReading:
    source: SourceDocument | None = None
    anchors: dict[str, list[TextAnchor]] = field(default_factory=dict)
    citations: dict[str, Citation] = field(default_factory=dict)


def read_dialogue(
    graph: AifGraph, statement_ids: set[str], source_id: str, title: str
) -> DialogueReading:
    """Transcript, anchors and speakers for the statements that locutions anchor."""
    anchored = _locutions_by_statement(graph, statement_ids)
    if not anchored:
        return DialogueReading()
    used = {loc for locs in anchored.values() for loc in locs}
    lines: list[str] = []
    spans: dict[str, tuple[int, int, str | None]] = {}
    offset = 0
    for loc in graph.of_type("L"):
        if loc not in used:
            continue
        line = " ".join(graph.text(loc).split())
        speaker, start = _speaker(graph, loc, line)
        spans[loc] = (offset + start, offset + len(line), speaker)
        lines.append(line)
        offset += len(line) + 1
    text = "\n".join(lines)
    source = SourceDocument(id=source_id, title=title, text=text)
    reading = DialogueReading(source=source)
    for statement, locs in anchored.items():
        reading.anchors[statement] = [
            TextAnchor.of(source_id, text, spans[loc][0], spans[loc][1]) for loc in locs
        ]
        first = locs[0]
        speaker = spans[first][2]
        if speaker:
            reading.citations[statement] = Citation(
                title=title, author=speaker, date=_start(graph, first)
            )
    return reading


def _locutions_by_statement(graph: AifGraph, statement_ids: set[str]) -> dict[str, list[str]]:
    anchored: dict[str, list[str]] = {}
    for ya in graph.of_type("YA"):
        locs = [n for n in graph.ins[ya] if graph.types[n] == "L"]
        for statement in graph.outs[ya]:
            if statement in statement_ids:
                listed = anchored.setdefault(statement, [])
                listed.extend(loc for loc in locs if loc not in listed)
    return {s: locs for s, locs in anchored.items() if locs}


def _speaker(graph: AifGraph, loc: str, line: str) -> tuple[str | None, int]:
    """Who spoke the locution, and where its words start in ``line``."""
    match = _SPEAKER.match(line)
    start = match.start("words") if match else 0
    locution = graph.locutions.get(loc, {})
    person = locution.get("personID")
    named = graph.participants.get(str(person)) if person is not None else None
    if named:
        return named, start
    return (match.group("speaker").strip() if match else None), start


def _start(graph: AifGraph, loc: str) -> str | None:
    start = graph.locutions.get(loc, {}).get("start")
    return start if isinstance(start, str) and start.strip() else None


def read_ova_text(
    markup: str, statements: dict[str, str], source_id: str, title: str
) -> tuple[SourceDocument | None, dict[str, TextAnchor]]:
    """OVA's analysed text (HTML) as a source, and an anchor for each statement whose text
    occurs in it word for word."""
    text = re.sub(r"<br\s*/?>|</p>|</div>", "\n", markup, flags=re.IGNORECASE)
    text = html.unescape(re.sub(r"<[^>]+>", "", text)).strip()
    if not text:
        return None, {}
    anchors = {}
    for node_id, statement in statements.items():
        start = text.find(statement) if statement.strip() else -1
        if start != -1:
            anchors[node_id] = TextAnchor.of(source_id, text, start, start + len(statement))
    return SourceDocument(id=source_id, title=title, text=text), anchors
