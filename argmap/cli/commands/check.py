"""``argmap check``: the preparation checklist — what a debater has not prepared yet."""

from __future__ import annotations

import argparse
import json

from argmap.analysis.checklist import GAP_TITLES, find_gaps
from argmap.cli.io_helpers import load_map

NAME = "check"
HELP = "list the gaps: unsupported claims, unanswered objections, uncited evidence, ..."


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a map (.argmap.json)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    argument_map = load_map(args.file)
    gaps = find_gaps(argument_map)
    if args.json:
        document = {
            "gaps": [
                {
                    "kind": gap.kind.value,
                    "nodes": list(gap.node_ids),
                    "relations": list(gap.relation_ids),
                    "message": gap.message,
                }
                for gap in gaps
            ]
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    if not gaps:
        print(f"{args.file}: no gaps found")
        return 0
    for kind, title in GAP_TITLES.items():
        of_kind = [gap for gap in gaps if gap.kind is kind]
        if of_kind:
            print(f"{title} ({len(of_kind)}):")
            for gap in of_kind:
                print(f"  - {gap.message}  [{', '.join(gap.node_ids)}]")
    return 0
