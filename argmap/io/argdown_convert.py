"""An :class:`ArgdownDocument` -> an argument map.

* A statement (titled, or untitled but taking part in a relation or a premise-conclusion
  structure) becomes a node; an untitled statement with the text of a titled one is that one.
* An argument with a premise-conclusion structure becomes one linked support per inference
  (premises -> conclusion); its description goes into the notes of the last one.
* An argument without one becomes a node whose text is its description.
* Relations: ``+`` support, ``-`` attack, ``><`` attacks both ways, ``_`` undercut. A
  reconstructed argument is represented by its conclusion where it supports or attacks; an
  attack on it, or an undercut, targets its last inference. An undercut of an argument
  without reconstruction targets that argument's one outgoing relation.
* argmap's own export marks arguments that stand for a linked attack or an undercut with
  ``{relation: "attack"}``: their conclusion only carries the attack and is not a node.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.io.aif_schemes import SCHEME_NAMES
from argmap.io.argdown_doc import ArgdownDocument, ArgumentDef, Ref, RelationSpec
from argmap.io.argdown_extras import (
    KEY,
    with_map_extras,
    with_plain_relation_ids,
    with_relation_extras,
)
from argmap.io.argdown_nodes import IdMaker, build_nodes
from argmap.io.argdown_summary import summarise
from argmap.io.argdown_text import slug
from argmap.io.import_result import ImportResult
from argmap.model import ArgumentMap, Node, NodeKind, Relation, RelationKind, validate

#: Data argmap writes on arguments that stand for an attack (see argdown_write).
ATTACK_MARK = ("relation", "attack")

Signature = tuple[str, tuple[str, ...], str]


@dataclass
class _State:
    doc: ArgdownDocument
    ids: IdMaker
    node_of: dict[Ref, str]
    final: dict[str, str] = field(default_factory=dict)  # argument -> its last inference
    conclusion_of: dict[str, str] = field(default_factory=dict)  # argument -> node id
    relations: list[Relation] = field(default_factory=list)
    by_signature: dict[Signature, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def add(self, relation: Relation, *, sketched: bool = False) -> str:
        """Add the relation; a sketched one (a relation line, not a reconstruction) only if no
        equal relation exists. The id of the relation in the map either way."""
        signature = (relation.kind.value, tuple(sorted(relation.premises)), relation.target)
        if sketched and signature in self.by_signature:
            self.count("duplicate")
            return self.by_signature[signature]
        self.by_signature.setdefault(signature, relation.id)
        self.relations.append(relation)
        return relation.id


def is_attack_argument(argument: ArgumentDef) -> bool:
    return bool(argument.steps) and argument.data.get(ATTACK_MARK[0]) == ATTACK_MARK[1]


def to_map(doc: ArgdownDocument) -> ImportResult:
    """Build the map; the summary says how Argdown's notions were mapped."""
    attack_args = [a for a in doc.arguments.values() if is_attack_argument(a)]
    synthetic = {a.steps[-1].conclusion for a in attack_args}
    carriers = {Ref("statement", key) for key in synthetic}
    ids = IdMaker()
    nodes, node_of, given, skipped = build_nodes(doc, ids, synthetic, _used(doc))
    state = _State(doc, ids, node_of)
    for argument in doc.arguments.values():
        if argument.steps:  # ids first: relations may target any reconstruction
            base = _data_id(argument.data) or slug(argument.key) or "argument"
            state.final[argument.key] = ids.make(base)
    for argument in doc.arguments.values():
        if argument.steps and argument not in attack_args:
            _inferences(state, argument)
    for argument in attack_args:
        _attack_argument(state, argument)
    sketched = [spec for spec in doc.relations if spec.source not in carriers]
    for spec in sketched:
        if spec.kind != "undercut":
            _relation(state, spec)
    for spec in sketched:  # last: an undercut may need the one relation of what it targets
        if spec.kind == "undercut":
            _undercut(state, _source(state, spec.source), spec.target)
    _kinds_by_role(nodes, state.relations, given)
    extras = {
        state.final[a.key]: a.data[KEY]
        for a in doc.arguments.values()
        if a.key in state.final and KEY in a.data
    }
    relations = [with_relation_extras(r, extras.get(r.id)) for r in state.relations]
    relations = with_plain_relation_ids(relations, doc.extension, set(state.final.values()))
    argument_map = ArgumentMap(title=doc.title or "", nodes=nodes, relations=relations)
    argument_map = with_map_extras(argument_map, doc.extension)
    validate(argument_map)
    return ImportResult(argument_map, summarise(doc, state.counts, skipped))


def _used(doc: ArgdownDocument) -> set[str]:
    used = {ref.key for spec in doc.relations for ref in (spec.source, spec.target)}
    for argument in doc.arguments.values():
        for step in argument.steps:
            used.update(step.premises)
            used.add(step.conclusion)
    return used


def _kinds_by_role(nodes: list[Node], relations: list[Relation], given: set[str]) -> None:
    attackers = {p for r in relations if r.kind == RelationKind.ATTACK for p in r.premises}
    supporters = {p for r in relations if r.kind == RelationKind.SUPPORT for p in r.premises}
    for node in nodes:
        if node.id not in given and node.id in attackers and node.id not in supporters:
            node.kind = NodeKind.COUNTERARGUMENT


def _data_id(data: dict[str, Any]) -> str | None:
    value = data.get("id")
    if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return None


def _scheme(data: dict[str, Any], rule: str) -> tuple[str | None, str]:
    """The scheme (argmap's data, else a rule naming one) and a note keeping the rule."""
    scheme = data.get("scheme")
    if isinstance(scheme, str) and scheme:
        return scheme, "" if rule in ("", scheme) else f"Inference rule: {rule}"
    if rule in SCHEME_NAMES:
        return rule, ""
    return None, f"Inference rule: {rule}" if rule else ""


def _inferences(state: _State, argument: ArgumentDef) -> None:
    last = len(argument.steps) - 1
    for number, step in enumerate(argument.steps):
        final = number == last
        scheme, rule_note = _scheme(argument.data if final else {}, step.rule)
        notes = [rule_note] if rule_note else []
        if final and argument.descriptions:
            notes.insert(0, argument.descriptions[0])
        wish = state.final[argument.key]
        relation = Relation(
            id=wish if final else state.ids.make(f"{wish}-step-{number + 1}"),
            kind=RelationKind.SUPPORT,
            premises=[state.node_of[Ref("statement", p)] for p in step.premises],
            target=state.node_of[Ref("statement", step.conclusion)],
            scheme=scheme,
            notes="\n".join(notes),
        )
        kept = state.add(relation)
        if final:
            state.final[argument.key] = kept
            state.conclusion_of[argument.key] = relation.target


def _attack_argument(state: _State, argument: ArgumentDef) -> None:
    """An argument argmap wrote for a linked attack or undercut: one attack relation."""
    step = argument.steps[-1]
    carrier = Ref("statement", step.conclusion)
    specs = [s for s in state.doc.relations if s.source == carrier]
    target: str | None = None
    if len(specs) == 1 and specs[0].kind == "undercut":
        target = _inference_of(state, specs[0].target)
    elif len(specs) == 1 and specs[0].kind == "attack":
        ref = specs[0].target
        target = state.final.get(ref.key) if ref.kind == "argument" else None
        target = target or state.node_of.get(ref)
    if target is None:
        state.count("attack argument without target")
        del state.final[argument.key]
        return
    scheme, _ = _scheme(argument.data, step.rule)
    relation = Relation(
        id=state.final[argument.key],
        kind=RelationKind.ATTACK,
        premises=[state.node_of[Ref("statement", p)] for p in step.premises],
        target=target,
        scheme=scheme,
        notes=argument.descriptions[0] if argument.descriptions else "",
    )
    state.final[argument.key] = state.add(relation)


def _inference_of(state: _State, ref: Ref) -> str | None:
    """The relation an undercut of ``ref`` attacks: a reconstruction's last inference, or the
    one relation whose premise ``ref`` is."""
    if ref.kind == "argument" and ref.key in state.final:
        return state.final[ref.key]
    node = state.node_of.get(ref)
    outgoing = [r.id for r in state.relations if node in r.premises]
    return outgoing[0] if len(outgoing) == 1 else node


def _source(state: _State, ref: Ref) -> str:
    if ref.kind == "argument" and ref.key in state.conclusion_of:
        return state.conclusion_of[ref.key]
    return state.node_of[ref]


def _relation(state: _State, spec: RelationSpec) -> None:
    if spec.kind == "contradiction":
        state.count("contradiction")
        _attack(state, spec.source, spec.target)
        _attack(state, spec.target, spec.source)
    elif spec.kind == "attack":
        _attack(state, spec.source, spec.target)
    else:
        _support(state, spec.source, spec.target)


def _support(state: _State, source: Ref, target: Ref) -> None:
    premise = _source(state, source)
    note = ""
    if target.kind == "argument" and target.key in state.conclusion_of:
        note = f"Argdown: supports the argument <{target.key}>"
        target_id = state.conclusion_of[target.key]
    else:
        target_id = state.node_of[target]
    if premise == target_id:
        state.count("restated")
        return
    if note:
        state.count("support of reconstruction")
    _new(state, RelationKind.SUPPORT, [premise], target_id, note)


def _attack(state: _State, source: Ref, target: Ref) -> None:
    if target.kind == "argument" and target.key in state.final:
        state.count("attack on reconstruction")
        target_id = state.final[target.key]
    else:
        target_id = state.node_of[target]
    _new(state, RelationKind.ATTACK, [_source(state, source)], target_id)


def _undercut(state: _State, premise: str, target: Ref) -> None:
    inference = _inference_of(state, target)
    assert inference is not None
    if inference == state.node_of.get(target):
        state.count("undercut read as attack")
    _new(state, RelationKind.ATTACK, [premise], inference)


def _new(
    state: _State, kind: RelationKind, premises: list[str], target: str, notes: str = ""
) -> None:
    if target in premises:
        state.count("self")
        return
    relation_id = state.ids.make(f"{kind.value}-{premises[0]}")
    relation = Relation(id=relation_id, kind=kind, premises=premises, target=target, notes=notes)
    if state.add(relation, sketched=True) != relation_id:
        state.ids.used.discard(relation_id)
