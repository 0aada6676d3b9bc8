"""A second map of the Home Office release, built apart from the bundled one: a student's.

Sam read the same release and mapped it in her own words. Against the bundled coach's map she:
reworded most statements (anchored on overlapping words, or nearly the same text); left out
the Bill thesis and most rebuttals; added an objection of her own (money has not worked
before), a reason the coach did not use (gangs profit from misery) and a call for safe routes;
and filed the arrests figure as an official statement rather than a statistic.
"""

from __future__ import annotations

from datetime import UTC, datetime

from argmap.model import (
    ArgumentMap,
    EvidenceType,
    MapLayout,
    Node,
    NodeKind,
    Participant,
    Point,
    Position,
    Relation,
    RelationKind,
    SourceDocument,
    Stance,
    TextAnchor,
)
from argmap.resources import DEFAULT_TEXT

SAM = Participant(id="p-sam", name="Sam", colour="#228833", role="student")
T0 = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)

#: Sam's statements: id -> (kind, her wording, the words of the release she anchored it on).
STATEMENTS: dict[str, tuple[NodeKind, str, str | None]] = {
    "s-deal-cuts": (
        NodeKind.CLAIM,
        "The deal will cut small-boat crossings.",
        "to prevent illegal migration and stop\nsmall boats from departing French beaches",
    ),
    "s-officers": (
        NodeKind.EVIDENCE,
        "With British help, France put twice as many officers on its beaches last year.",
        "France doubled the number of officers\ndeployed daily on French beaches",
    ),
    "s-prevented": (
        NodeKind.EVIDENCE,
        "Twice as many crossings prevented so far this year as in 2020.",
        "France preventing twice as many crossings so far\n"
        "this year than in the same period in 2020",
    ),
    "s-7500": (
        NodeKind.EVIDENCE,
        "Joint UK-French work has stopped over 7,500 people leaving French beaches this year",
        None,
    ),
    "s-funding": (
        NodeKind.EVIDENCE,
        "Britain is giving France another 62.7 million euros.",
        None,
    ),
    "s-moved-up": (
        NodeKind.COUNTERARGUMENT,
        "The gangs just moved up the coast: journeys got longer and riskier.",
        "organised criminal\ngangs have changed their tactics, moving further up the French\ncoast",
    ),
    "s-not-enough": (
        NodeKind.COUNTERARGUMENT,
        "Even the two governments say this is not enough to break the gangs.",
        "further collaboration would be required to significantly disrupt",
    ),
    "s-arrests": (
        NodeKind.EVIDENCE,
        "More than 250 criminals have been arrested and prosecuted this year.",
        None,
    ),
    "s-misery": (
        NodeKind.EVIDENCE,
        "Smuggling gangs profit from human misery and put lives at risk.",
        "gangs who profit from human misery and put lives at risk",
    ),
    "s-money-before": (
        NodeKind.COUNTERARGUMENT,
        "Britain has paid France for years and the crossings still grew: money alone fails.",
        None,
    ),
    "s-safe-routes": (
        NodeKind.COUNTERARGUMENT,
        "Only safe and legal routes would take people out of the boats.",
        None,
    ),
}

#: (id, kind, premises, target)
RELATIONS = [
    ("s-r1", RelationKind.SUPPORT, ["s-officers"], "s-deal-cuts"),
    ("s-r2", RelationKind.SUPPORT, ["s-prevented"], "s-deal-cuts"),
    ("s-r3", RelationKind.SUPPORT, ["s-7500"], "s-deal-cuts"),
    ("s-r4", RelationKind.SUPPORT, ["s-funding"], "s-deal-cuts"),
    ("s-r5", RelationKind.ATTACK, ["s-moved-up"], "s-deal-cuts"),
    ("s-r6", RelationKind.ATTACK, ["s-not-enough"], "s-deal-cuts"),
    ("s-r7", RelationKind.SUPPORT, ["s-arrests"], "s-deal-cuts"),
    ("s-r8", RelationKind.SUPPORT, ["s-misery"], "s-deal-cuts"),
    ("s-r9", RelationKind.ATTACK, ["s-money-before"], "s-funding"),
    ("s-r10", RelationKind.ATTACK, ["s-safe-routes"], "s-deal-cuts"),
]


def student_map() -> ArgumentMap:
    """Sam's map of the release (the same source text, embedded under her own source id)."""
    text = DEFAULT_TEXT.read_text(encoding="utf-8")
    source = SourceDocument(id="release-text", title="Home Office press release", text=text)
    nodes: list[Node] = []
    positions: dict[str, Point] = {}
    for index, (node_id, (kind, wording, quote)) in enumerate(STATEMENTS.items()):
        anchors = []
        if quote is not None:
            start = text.index(quote)
            anchors = [TextAnchor.of(source.id, text, start, start + len(quote))]
        nodes.append(
            Node(
                id=node_id,
                kind=kind,
                text=wording,
                anchors=anchors,
                evidence_type=(
                    EvidenceType.OFFICIAL_STATEMENT if kind is NodeKind.EVIDENCE else None
                ),
                author=SAM.id,
                created=T0,
                modified=T0,
            )
        )
        positions[node_id] = (
            Point(x=0, y=0) if index == 0 else Point(x=-1200 + 240 * index, y=220 * (index % 2 + 1))
        )
    relations = [
        Relation(id=rid, kind=kind, premises=premises, target=target, author=SAM.id)
        for rid, kind, premises, target in RELATIONS
    ]
    return ArgumentMap(
        title="Sam's map of the small boats release",
        sources=[source],
        nodes=nodes,
        relations=relations,
        participants=[SAM],
        positions=[
            Position(participant=SAM.id, statement="s-deal-cuts", stance=Stance.UNSURE),
            Position(
                participant=SAM.id,
                statement="s-moved-up",
                stance=Stance.AGREE,
                reason="The release admits it",
            ),
        ],
        layout=MapLayout(positions=positions),
    )
