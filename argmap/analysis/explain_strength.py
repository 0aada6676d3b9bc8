"""Plain-English explanations of strengths: the base score, then what lowers and raises it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.analysis.quote import quote_all
from argmap.analysis.strength import StrengthMethod
from argmap.model import ArgumentMap, Relation, RelationKind

if TYPE_CHECKING:
    from argmap.analysis.evaluate import Evaluation

__all__ = ["explain_strength"]

_SHOWN = 3
_METHOD_NAMES = {
    StrengthMethod.DF_QUAD: "DF-QuAD",
    StrengthMethod.QUADRATIC_ENERGY: "quadratic energy, as the map has a cycle",
}


def explain_strength(argument_map: ArgumentMap, evaluation: Evaluation, node_id: str) -> str:
    """Why a statement has its strength: base score, attackers and supporters with what each
    passes on, and undercuts that weaken them.

    Examples
    --------
    >>> from argmap.analysis.evaluate import evaluate
    >>> from argmap.model import ArgumentMap, Node, Relation
    >>> m = ArgumentMap(
    ...     nodes=[Node(id="c", kind="claim", text="Crossings will fall"),
    ...            Node(id="e", kind="evidence", text="Patrols doubled", rating=0.8)],
    ...     relations=[Relation(id="r", kind="support", premises=["e"], target="c")])
    >>> explain_strength(m, evaluate(m, "strength"), "c")
    "Strength 0.90 from a base score of 0.50 (DF-QuAD): raised by 'Patrols doubled' supporting it (passes on 0.80)."
    """
    result = evaluation.strength_result
    assert result is not None  # only strength evaluations are explained here
    value = result.strength[node_id]
    status = evaluation.whatif.status(node_id)
    if status is not None:
        return f"Strength {value:.2f}, because you {status} it (a what-if)."
    node = argument_map.node(node_id)
    incoming = [r for r in argument_map.relations if r.target == node_id]
    if not incoming:
        origin = "your rating" if node.rating is not None else "the default"
        return (
            f"Strength {value:.2f}: its base score ({origin}), as nothing supports or attacks it."
        )
    nodes = argument_map.node_index()
    relations = argument_map.relation_index()

    def part(relation: Relation, verb: str) -> str:
        who = quote_all(nodes[p] for p in relation.premises)
        together = " together" if len(relation.premises) > 1 else ""
        text = f"{who}{together} {verb} it (passes on {result.contribution[relation.id]:.2f}"
        cuts = [r for r in argument_map.relations if r.target == relation.id]
        if cuts:
            text += ", weakened by the undercut " + quote_all(
                nodes[p] for cut in cuts for p in relations[cut.id].premises
            )
        return text + ")"

    pieces = []
    for kind, verb, label in (
        (RelationKind.ATTACK, "attacking", "lowered by "),
        (RelationKind.SUPPORT, "supporting", "raised by "),
    ):
        found = [r for r in incoming if r.kind == kind]
        found.sort(key=lambda r: -result.contribution[r.id])  # the weightiest first
        if found:
            shown = [part(r, verb) for r in found[:_SHOWN]]
            more = len(found) - _SHOWN
            pieces.append(label + "; ".join(shown) + (f"; and {more} more" if more > 0 else ""))
    method = _METHOD_NAMES.get(result.method, result.method.value)
    text = f"Strength {value:.2f} from a base score of {result.base[node_id]:.2f} ({method}): "
    text += "; ".join(pieces) + "."
    if not result.converged:
        text += " (The cycle it lies on did not settle fully; the value is the last reached.)"
    return text
