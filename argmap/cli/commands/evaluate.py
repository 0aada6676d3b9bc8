"""``argmap evaluate``: which statements stand, under a chosen semantics, and why."""

from __future__ import annotations

import argparse
import json

from argmap.analysis.errors import UnknownIdError
from argmap.analysis.evaluate import Evaluation, Semantics, WhatIf, evaluate
from argmap.analysis.explain import explain, explain_strength
from argmap.cli.io_helpers import load_map
from argmap.io.import_result import counted
from argmap.model import ArgumentMap

NAME = "evaluate"
HELP = "label each statement in/out/undecided (or compute its strength), with what-ifs and reasons"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a map (.argmap.json)")
    parser.add_argument(
        "--semantics",
        choices=["grounded", "complete", "preferred", "stable", "strength"],
        default="grounded",
    )
    parser.add_argument(
        "--concede",
        action="append",
        default=[],
        metavar="ID",
        help="assume this statement holds (repeatable)",
    )
    parser.add_argument(
        "--reject",
        action="append",
        default=[],
        metavar="ID",
        help="assume this statement fails (repeatable)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--explain", metavar="ID", help="say why this statement got its result")


def run(args: argparse.Namespace) -> int:
    argument_map = load_map(args.file)
    whatif = WhatIf(frozenset(args.concede), frozenset(args.reject))
    evaluation = evaluate(argument_map, args.semantics, whatif)
    if args.explain is not None and not argument_map.has_node(args.explain):
        raise UnknownIdError(f"--explain {args.explain}: no statement with that id in {args.file}")
    if args.json:
        document = evaluation.to_json()
        if args.explain is not None:
            document["explanation"] = _explanation(argument_map, evaluation, args.explain)
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    if args.explain is not None:
        print(_explanation(argument_map, evaluation, args.explain))
        return 0
    _print_table(argument_map, evaluation)
    return 0


def _explanation(argument_map: ArgumentMap, evaluation: Evaluation, node_id: str) -> str:
    if evaluation.semantics is Semantics.STRENGTH:
        return explain_strength(argument_map, evaluation, node_id)
    return explain(argument_map, evaluation, node_id)


def _print_table(argument_map: ArgumentMap, evaluation: Evaluation) -> None:
    width = max((len(n.id) for n in argument_map.nodes), default=2)
    for node in argument_map.nodes:
        if evaluation.semantics is Semantics.STRENGTH:
            result = f"{evaluation.strength.get(node.id, 0.0):.2f}"
        else:
            label = evaluation.labels.get(node.id)
            result = label.value if label is not None else "-"
        text = " ".join(node.text.split())
        text = text if len(text) <= 60 else text[:59] + "…"
        print(f"{node.id:<{width}}  {node.kind.value:<15}  {result:<9}  {text}")
    if evaluation.semantics.has_extensions:
        kind = f"{evaluation.semantics.value} extension"
        print(counted(len(evaluation.extensions), kind))
