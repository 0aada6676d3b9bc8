"""What an AIF import says about the file: what was skipped, kept another way, or broken."""

from __future__ import annotations

from collections import Counter

from argmap.io.aif_graph import DIALOGUE_TYPES, UNMODELLED_TYPES, AifGraph
from argmap.io.aif_relations import RelationReading
from argmap.io.import_result import counted
from argmap.model import ArgumentMap

_MAX_IDS = 5

_SKIP_REASONS = {
    "no premise": "with no premise (an inference whose premises were not annotated)",
    "supports an inference": "that support an inference (argmap supports statements only)",
    "concludes its own premise": "whose conclusion is also their premise",
    "undercuts a skipped inference": "that attack an inference which was itself skipped",
}


def _ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:_MAX_IDS])
    return shown + (f" and {len(ids) - _MAX_IDS} more" if len(ids) > _MAX_IDS else "")


def summarise(
    graph: AifGraph, reading: RelationReading, argument_map: ArgumentMap, dialogue_source: str
) -> list[str]:
    """One line per thing the user should know; nothing when the file mapped exactly."""
    types = Counter(graph.types.values())
    lines = _dialogue(types, argument_map, dialogue_source)
    ova_text = next((s for s in argument_map.sources if s.id.startswith("ova-text")), None)
    if ova_text is not None:
        anchored = sum(
            any(a.source_id == ova_text.id for a in n.anchors) for n in argument_map.nodes
        )
        lines.append(
            f"kept OVA's analysed text as a source; {counted(anchored, 'statement')} anchored "
            "where their text occurs in it word for word"
        )
    if types["MA"]:
        lines.append(
            f"kept {counted(types['MA'], 'MA (rephrase) node')} as "
            f"{'a support' if types['MA'] == 1 else 'supports'} with scheme 'rephrase'"
        )
    for node_type in UNMODELLED_TYPES:
        if types[node_type]:
            lines.append(
                f"skipped {counted(types[node_type], node_type + ' node')} "
                "(argmap does not model them)"
            )
    for node_type, ids in graph.unknown.items():
        lines.append(
            f"skipped {counted(len(ids), 'node')} of unknown type {node_type!r}: {_ids(ids)}"
        )
    for reason, ids in reading.skipped.items():
        unique = list(dict.fromkeys(ids))
        what = counted(len(unique), "scheme node")
        lines.append(f"skipped {what} {_SKIP_REASONS[reason]}: {_ids(unique)}")
    for node_id in reading.split:
        count = sum(1 for d in reading.drafts if d.node_id == node_id)
        lines.append(
            f"{graph.types[node_id]} node {node_id!r} has {count} conclusions: "
            f"read as {count} relations"
        )
    return lines


def _dialogue(types: Counter[str], argument_map: ArgumentMap, source_id: str) -> list[str]:
    counts = {f"{t} node": types[t] for t in DIALOGUE_TYPES if types[t]}
    if not counts:
        return []
    listed = [counted(n, what) for what, n in counts.items()]
    joined = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    anchored = sum(
        1 for n in argument_map.nodes if any(a.source_id == source_id for a in n.anchors)
    )
    speakers = sum(1 for n in argument_map.nodes if n.citation and n.citation.author)
    if not anchored:
        kept = "no locution anchors a statement"
    else:
        kept = (
            f"{counted(anchored, 'statement')} anchored to their locutions in a transcript "
            f"source; speakers kept on {counted(speakers, 'statement')}"
        )
    return [f"skipped {joined} (the dialogue layer); {kept}"]


def broken_message(problems: list[str], recovered: ArgumentMap) -> str:
    """The error for a broken file: what is wrong, and what the rest of it holds."""
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    return (
        f"{problems[0]}{more}. The rest of the file reads: {len(recovered.nodes)} statements "
        f"and {len(recovered.relations)} relations; import again skipping the broken parts "
        "(argmap import --skip-broken) to keep them"
    )
